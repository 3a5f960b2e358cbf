"""Claim rules (WEDI SNIP levels 3-5 beyond what the implementation guide map checks)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING

from referrals.domain import Claim, Finding
from validators.common import check_npi
from validators.dates import check_dob
from validators.diagnoses import check_diagnoses
from validators.procedures import check_procedure
from validators.registry import finding

if TYPE_CHECKING:
    from validators.api import ValidationContext


def check(claim: Claim, context: ValidationContext) -> list[Finding]:
    service_date = _first_service_date(claim) or context.today
    return [
        *check_npi("billing_provider.npi", claim.billing_provider.npi, "billing provider"),
        *_rendering_npi(claim),
        *check_dob(claim.member.dob, context.today, service_date, required=False),
        *_member_id(claim),
        *check_diagnoses(claim.diagnoses, service_date, claim.member, context.icd10),
        *_lines(claim, context),
        *_balancing(claim),
    ]


def _first_service_date(claim: Claim) -> dt.date | None:
    dates = [line.service_date for line in claim.lines if line.service_date is not None]
    return min(dates) if dates else None


def _rendering_npi(claim: Claim) -> Iterator[Finding]:
    if claim.rendering_provider is not None:
        yield from check_npi(
            "rendering_provider.npi", claim.rendering_provider.npi, "rendering provider", required=False
        )


def _member_id(claim: Claim) -> Iterator[Finding]:
    if not claim.member.member_id:
        yield finding("member_id_missing", "member.member_id")


def _lines(claim: Claim, context: ValidationContext) -> Iterator[Finding]:
    if not claim.lines:
        yield finding("claim_no_lines", "lines")
    codesets = context.codesets
    for index, line in enumerate(claim.lines):
        day = line.service_date or context.today
        if getattr(line, "revenue_code", None) == line.code:
            continue  # an institutional line with a revenue code only has no procedure to check
        yield from check_procedure(f"lines[{index}]", line.code, line.system, line.modifiers, day, codesets)
        if line.service_date is None:
            yield finding("service_date_missing", f"lines[{index}].service_date", line=index + 1)


def _balancing(claim: Claim) -> Iterator[Finding]:
    """SNIP level 3: the claim's total charge equals the sum of its line charges."""
    if claim.total_charge is None or any(line.charge is None for line in claim.lines):
        return
    line_sum = sum((line.charge for line in claim.lines if line.charge is not None), Decimal("0"))
    if line_sum != claim.total_charge:
        yield finding(
            "claim_charge_unbalanced",
            "total_charge",
            total=f"{claim.total_charge:.2f}",
            line_sum=f"{line_sum:.2f}",
        )
