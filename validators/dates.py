"""Date rules: DOB not in the future and age under 125, order date not in the future, requested start
not before the order date, service dates inside a known authorization window.

(Dates in the records are `datetime.date` values, so "a real calendar date" was already decided by
the parser: an impossible date such as 02/30 is null there with a finding.)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from referrals.domain import Decision, Finding, Referral
from validators.registry import finding

MAX_AGE_YEARS = 125


def age_in_years(dob: dt.date, on: dt.date) -> int:
    return on.year - dob.year - ((on.month, on.day) < (dob.month, dob.day))


def check_dob(
    dob: dt.date | None, today: dt.date, service_date: dt.date | None = None, required: bool = True
) -> Iterator[Finding]:
    if dob is None:
        if required:
            yield finding("dob_missing", "member.dob")
        return
    if dob > today:
        yield finding("dob_in_future", "member.dob", dob=dob.isoformat())
        return
    age = age_in_years(dob, today)
    if age >= MAX_AGE_YEARS:
        yield finding("dob_implausible", "member.dob", dob=dob.isoformat(), age=age)
    elif service_date is not None and dob > service_date:
        yield finding("dob_after_service", "member.dob", dob=dob.isoformat(), service_date=service_date.isoformat())


def check_referral_dates(referral: Referral, today: dt.date) -> Iterator[Finding]:
    order, start = referral.order_date, referral.requested_start_date
    if order is not None and order > today:
        yield finding("order_date_in_future", "order_date", date=order.isoformat())
    if order is not None and start is not None and start < order:
        yield finding("start_before_order", "requested_start_date", start=start.isoformat(), order=order.isoformat())
    signed = referral.signature.date
    if signed is not None and signed > today:
        yield finding("signature_date_in_future", "signature.date", date=signed.isoformat())
    if referral.decision is not None and start is not None:
        yield from check_authorization_window("requested_start_date", start, referral.decision)


def check_authorization_window(field: str, day: dt.date, decision: Decision) -> Iterator[Finding]:
    """A service date outside the certified period (when the decision gives one)."""
    begin, end = decision.effective_from, decision.effective_to
    if begin is None and end is None:
        return
    if (begin is not None and day < begin) or (end is not None and day > end):
        yield finding(
            "service_outside_authorization",
            field,
            date=day.isoformat(),
            start=begin.isoformat() if begin else "open",
            end=end.isoformat() if end else "open",
        )


def service_date_of(referral: Referral, today: dt.date) -> dt.date:
    """The date codes are checked against: the requested start, else the order date, else today."""
    return referral.requested_start_date or referral.order_date or today
