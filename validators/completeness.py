"""Completeness: the fields an order needs, by check name (`validators.payer_rules` picks which apply).

Each check returns its findings (an empty tuple when the field is there): plain functions, no
generators, because every referral runs a dozen of them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache

from referrals.domain import Finding, Referral, Service
from validators.registry import finding

Check = Callable[[Referral], Sequence[Finding]]
NONE: tuple[Finding, ...] = ()


def _one(missing: bool, kind: str, field: str, **params: object) -> Sequence[Finding]:
    return (finding(kind, field, **params),) if missing else NONE


def _member_name(referral: Referral) -> Sequence[Finding]:
    member = referral.member
    if member.first_name and member.last_name:
        return NONE
    parts = [p for p, v in (("first name", member.first_name), ("last name", member.last_name)) if not v]
    field = "member.last_name" if "last name" in parts else "member.first_name"
    return (finding("member_name_missing", field, part=" and ".join(parts)),)


def _member_dob(referral: Referral) -> Sequence[Finding]:
    return _one(referral.member.dob is None, "dob_missing", "member.dob")


def _payer(referral: Referral) -> Sequence[Finding]:
    return _one(not (referral.payer.payer_id or referral.payer.name), "payer_missing", "payer")


def _member_id(referral: Referral) -> Sequence[Finding]:
    return _one(not referral.member.member_id, "member_id_missing", "member.member_id")


def _ordering_provider_name(referral: Referral) -> Sequence[Finding]:
    provider = referral.ordering_provider
    named = provider.last_name or provider.organization
    return _one(not named, "ordering_provider_name_missing", "ordering_provider.last_name")


def _ordering_provider_npi(referral: Referral) -> Sequence[Finding]:
    missing = not referral.ordering_provider.npi
    return _one(missing, "npi_missing", "ordering_provider.npi", who="ordering clinician")


def _signature(referral: Referral) -> Sequence[Finding]:
    return _one(referral.signature.present is not True, "signature_missing", "signature.present")


def _diagnosis(referral: Referral) -> Sequence[Finding]:
    return _one(not referral.diagnoses, "diagnosis_missing", "diagnoses")


def _service(referral: Referral) -> Sequence[Finding]:
    return _one(not referral.services, "service_missing", "services")


def _order_date(referral: Referral) -> Sequence[Finding]:
    return _one(referral.order_date is None, "order_date_missing", "order_date")


def _start_date(referral: Referral) -> Sequence[Finding]:
    return _one(referral.requested_start_date is None, "start_date_missing", "requested_start_date")


def _delivery_address(referral: Referral) -> Sequence[Finding]:
    address = referral.member.address
    if address is None:
        return (finding("member_address_missing", "member.address", what="missing"),)
    if address.line1 and address.city and address.state and address.zip:
        return NONE
    parts: list[tuple[str, str | None]] = [("street", address.line1), ("city", address.city)]
    parts += [("state", address.state), ("ZIP", address.zip)]
    what = f"incomplete (no {', '.join(name for name, value in parts if not value)})"
    return (finding("member_address_missing", "member.address", what=what),)


def _member_phone(referral: Referral) -> Sequence[Finding]:
    return _one(not referral.member.phone, "member_phone_missing", "member.phone")


def _quantity(referral: Referral) -> Sequence[Finding]:
    return [
        finding("quantity_missing", f"services[{index}].quantity", code=service.code)
        for index, service in enumerate(referral.services)
        if service.quantity is None
    ]


def _is_drug(service: Service) -> bool:
    return service.code.startswith("J") or bool(service.description and service.description.strip())


def _infusion_drug(referral: Referral) -> Sequence[Finding]:
    missing = bool(referral.services) and not any(_is_drug(s) for s in referral.services)
    return _one(missing, "infusion_drug_missing", "services")


def _infusion_dose(referral: Referral) -> Sequence[Finding]:
    return [
        finding("infusion_dose_missing", f"services[{index}].quantity", code=service.code)
        for index, service in enumerate(referral.services)
        if _is_drug(service) and service.quantity is None
    ]


def _service_type(referral: Referral) -> Sequence[Finding]:
    return _one(referral.service_type is None, "service_type_missing", "service_type")


CHECKS: dict[str, Check] = {
    "member_name": _member_name,
    "member_dob": _member_dob,
    "payer": _payer,
    "member_id": _member_id,
    "ordering_provider_name": _ordering_provider_name,
    "ordering_provider_npi": _ordering_provider_npi,
    "signature": _signature,
    "diagnosis": _diagnosis,
    "service": _service,
    "order_date": _order_date,
    "start_date": _start_date,
    "delivery_address": _delivery_address,
    "member_phone": _member_phone,
    "quantity": _quantity,
    "infusion_drug": _infusion_drug,
    "infusion_dose": _infusion_dose,
    "service_type": _service_type,
}


@lru_cache(maxsize=256)
def checks_in_order(names: frozenset[str]) -> tuple[Check, ...]:
    return tuple(check for name, check in CHECKS.items() if name in names)


def check_completeness(referral: Referral, names: frozenset[str]) -> list[Finding]:
    """The findings of each applicable check, in a stable order."""
    out: list[Finding] = []
    for check in checks_in_order(names):
        found = check(referral)
        if found:
            out.extend(found)
    return out
