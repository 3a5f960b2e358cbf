"""Claim rules (WEDI SNIP levels 3-5 beyond what the implementation guide map checks)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING

from referrals.domain import Claim, Finding, Severity
from validators.common import check_diagnoses, check_dob, check_npi, check_procedure

if TYPE_CHECKING:
    from validators.api import ValidationContext


def check(claim: Claim, context: ValidationContext) -> list[Finding]:
    return [
        *check_npi("billing_provider.npi", claim.billing_provider.npi, "billing provider"),
        *_rendering_npi(claim),
        *check_dob(claim.member.dob, context.today, required=False),
        *_member_id(claim),
        *check_diagnoses(claim.diagnoses),
        *_lines(claim),
        *_balancing(claim),
    ]


def _rendering_npi(claim: Claim) -> Iterator[Finding]:
    if claim.rendering_provider is not None:
        yield from check_npi("rendering_provider.npi", claim.rendering_provider.npi, "rendering provider",
                             required=False)


def _member_id(claim: Claim) -> Iterator[Finding]:
    if not claim.member.member_id:
        yield Finding(field="member.member_id", code="member_id_missing", severity=Severity.ERROR,
                      message="The subscriber's member ID is missing; ask the billing office for it.")


def _lines(claim: Claim) -> Iterator[Finding]:
    if not claim.lines:
        yield Finding(field="lines", code="claim_no_lines", severity=Severity.ERROR,
                      message="The claim has no service lines; ask the billing office to resend it.")
    for index, line in enumerate(claim.lines):
        if getattr(line, "revenue_code", None) != line.code:  # a revenue-code-only line has no procedure
            yield from check_procedure(f"lines[{index}]", line.code, line.modifiers)
        if line.service_date is None:
            yield Finding(field=f"lines[{index}].service_date", code="service_date_missing",
                          severity=Severity.ERROR,
                          message=f"Service line {index + 1} has no date of service; ask for it.")


def _balancing(claim: Claim) -> Iterator[Finding]:
    """SNIP level 3: the claim's total charge equals the sum of its line charges."""
    if claim.total_charge is None or any(line.charge is None for line in claim.lines):
        return
    line_sum = sum((line.charge for line in claim.lines if line.charge is not None), Decimal("0"))
    if line_sum != claim.total_charge:
        yield Finding(
            field="total_charge", code="claim_charge_unbalanced", severity=Severity.ERROR,
            message=(f"The claim's total charge {claim.total_charge:.2f} is not the sum of its line "
                     f"charges {line_sum:.2f}; ask the billing office to correct and resend the claim."),
        )
