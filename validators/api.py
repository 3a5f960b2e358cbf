"""The validators' entry point: findings for one record."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from referrals.domain import Claim, Finding, Record, Referral, Severity
from validators import claims as claim_rules
from validators import referrals as referral_rules


@dataclass(frozen=True)
class ValidationContext:
    """What the rules may know besides the record: today, and receipt time for due dates."""

    today: dt.date
    received_at: dt.datetime | None = None
    urgent_hours: int = 24
    standard_hours: int = 72

    @classmethod
    def now(cls) -> ValidationContext:
        return cls(today=dt.datetime.now(dt.UTC).date())


def validate_record(record: Record, context: ValidationContext) -> list[Finding]:
    """Every finding the rules have about `record` (errors and warnings), in field order."""
    if isinstance(record, Claim):
        return claim_rules.check(record, context)
    if isinstance(record, Referral):
        return referral_rules.check(record, context)
    return []


def error(field: str | None, code: str, message: str) -> Finding:
    return Finding(field=field, code=code, severity=Severity.ERROR, message=message)


def warning(field: str | None, code: str, message: str) -> Finding:
    return Finding(field=field, code=code, severity=Severity.WARNING, message=message)
