"""Urgency and due time, a pure function the pipeline calls: `assess(referral, received_at, ...)`.

Urgent when the discharge date or the requested start is within 24 hours of receipt (a requested
start already past counts too), or the order says so (the parser set `urgent`, or STAT / urgent /
ASAP appears in a service description or a `priority` / `notes` field). Due: 24 h after receipt
when urgent, 72 h otherwise (both configurable). A date counts from its first moment, in the
receipt time's zone.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from referrals.domain import Referral

URGENT_WINDOW = dt.timedelta(hours=24)
URGENT_WORDS = re.compile(r"\b(STAT|URGENT|ASAP|EXPEDITED|EMERGENCY)\b", re.IGNORECASE)
_TEXT_EXTRAS = ("priority", "notes", "urgency", "level_of_service")


@dataclass(frozen=True)
class Urgency:
    urgent: bool
    due_at: dt.datetime
    reason: str  # no dates or values: a record may show it, a log may carry it


def _start_of(day: dt.date, zone: dt.tzinfo | None) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(0), tzinfo=zone)


def marked_urgent(referral: Referral) -> bool:
    """The order itself says urgent (a parser flag or a STAT-like word)."""
    if referral.urgent:
        return True
    texts = [s.description or "" for s in referral.services]
    extras = referral.model_extra or {}
    texts += [str(extras[key]) for key in _TEXT_EXTRAS if isinstance(extras.get(key), str)]
    return any(URGENT_WORDS.search(text) for text in texts)


def urgency_reason(referral: Referral, received_at: dt.datetime) -> str | None:
    if marked_urgent(referral):
        return "the order is marked urgent"
    zone = received_at.tzinfo
    start = referral.requested_start_date
    if start is not None and _start_of(start, zone) - received_at <= URGENT_WINDOW:
        return "the requested start is within 24 hours of receipt"
    discharge = referral.discharge_date
    if discharge is not None and abs(_start_of(discharge, zone) - received_at) <= URGENT_WINDOW:
        return "the discharge is within 24 hours of receipt"
    return None


def assess(referral: Referral, received_at: dt.datetime, urgent_hours: int = 24, standard_hours: int = 72) -> Urgency:
    """Whether `referral` is urgent, and when the intake desk must have handled it."""
    if received_at.tzinfo is None:
        received_at = received_at.replace(tzinfo=dt.UTC)
    reason = urgency_reason(referral, received_at)
    if reason is not None:
        return Urgency(True, received_at + dt.timedelta(hours=urgent_hours), reason)
    return Urgency(False, received_at + dt.timedelta(hours=standard_hours), "standard")
