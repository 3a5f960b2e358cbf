"""Referral rules: required fields per service type, codes, dates, urgency.

(The validators issue deepens this: billable ICD-10-CM by date of service, HCPCS membership,
completeness per service type and payer, urgency and due time.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from referrals.domain import Finding, Referral, Severity
from validators.common import check_diagnoses, check_dob, check_npi, check_procedure

if TYPE_CHECKING:
    from validators.api import ValidationContext


def check(referral: Referral, context: ValidationContext) -> list[Finding]:
    findings = [
        *check_dob(referral.member.dob, context.today),
        *check_npi("ordering_provider.npi", referral.ordering_provider.npi, "ordering clinician"),
        *check_diagnoses(referral.diagnoses),
    ]
    for index, service in enumerate(referral.services):
        findings.extend(check_procedure(f"services[{index}]", service.code, service.modifiers))
    if not referral.member.member_id:
        findings.append(Finding(field="member.member_id", code="member_id_missing", severity=Severity.ERROR,
                                message="The member ID is missing; ask the ordering office for it."))
    return findings
