"""Referral rules: completeness per service type and payer, NPI, dates, diagnosis and service codes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

from referrals.domain import Finding, Referral
from validators.common import check_npi
from validators.completeness import check_completeness
from validators.dates import check_dob, check_referral_dates, service_date_of
from validators.diagnoses import check_diagnoses
from validators.procedures import check_procedure
from validators.registry import finding

if TYPE_CHECKING:
    from validators.api import ValidationContext


def check(referral: Referral, context: ValidationContext) -> list[Finding]:
    names = context.payer_rules.checks_for(referral.payer.payer_id, referral.service_type, referral.source.kind.value)
    service_date = service_date_of(referral, context.today)
    findings = check_completeness(referral, names)
    findings.extend(check_dob(referral.member.dob, context.today, service_date, required=False))
    npi = referral.ordering_provider.npi
    findings.extend(check_npi("ordering_provider.npi", npi, "ordering clinician", required=False))
    findings.extend(_servicing_npi(referral))
    findings.extend(check_referral_dates(referral, context.today))
    if referral.diagnoses:
        findings.extend(check_diagnoses(referral.diagnoses, service_date, referral.member, context.icd10))
    findings.extend(_services(referral, service_date, context))
    return findings


def _servicing_npi(referral: Referral) -> Iterator[Finding]:
    if referral.servicing_provider is not None:
        npi = referral.servicing_provider.npi
        yield from check_npi("servicing_provider.npi", npi, "servicing provider", required=False)


def _services(referral: Referral, service_date: dt.date, context: ValidationContext) -> Iterator[Finding]:
    codesets = context.codesets
    for index, service in enumerate(referral.services):
        field = f"services[{index}]"
        yield from check_procedure(field, service.code, service.system, service.modifiers, service_date, codesets)
        if service.quantity is not None and service.quantity <= 0:
            yield finding("quantity_invalid", f"{field}.quantity", quantity=service.quantity, code=service.code)
