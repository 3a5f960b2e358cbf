"""Completeness: the fields an order needs, by check name (`validators.payer_rules` picks which apply)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from referrals.domain import Finding, Referral, Service
from validators.registry import finding

Check = Callable[[Referral], Iterator[Finding]]


def _member_name(referral: Referral) -> Iterator[Finding]:
    member = referral.member
    missing = [
        part
        for part, value in (("first name", member.first_name), ("last name", member.last_name))
        if not value
    ]
    if missing:
        field = "member.last_name" if "last name" in missing else "member.first_name"
        yield finding("member_name_missing", field, part=" and ".join(missing))


def _member_dob(referral: Referral) -> Iterator[Finding]:
    if referral.member.dob is None:
        yield finding("dob_missing", "member.dob")


def _payer(referral: Referral) -> Iterator[Finding]:
    if not referral.payer.payer_id and not referral.payer.name:
        yield finding("payer_missing", "payer")


def _member_id(referral: Referral) -> Iterator[Finding]:
    if not referral.member.member_id:
        yield finding("member_id_missing", "member.member_id")


def _ordering_provider_name(referral: Referral) -> Iterator[Finding]:
    provider = referral.ordering_provider
    if not provider.last_name and not provider.organization:
        yield finding("ordering_provider_name_missing", "ordering_provider.last_name")


def _ordering_provider_npi(referral: Referral) -> Iterator[Finding]:
    if not referral.ordering_provider.npi:
        yield finding("npi_missing", "ordering_provider.npi", who="ordering clinician")


def _signature(referral: Referral) -> Iterator[Finding]:
    if referral.signature.present is not True:
        yield finding("signature_missing", "signature.present")


def _diagnosis(referral: Referral) -> Iterator[Finding]:
    if not referral.diagnoses:
        yield finding("diagnosis_missing", "diagnoses")


def _service(referral: Referral) -> Iterator[Finding]:
    if not referral.services:
        yield finding("service_missing", "services")


def _order_date(referral: Referral) -> Iterator[Finding]:
    if referral.order_date is None:
        yield finding("order_date_missing", "order_date")


def _start_date(referral: Referral) -> Iterator[Finding]:
    if referral.requested_start_date is None:
        yield finding("start_date_missing", "requested_start_date")


def _delivery_address(referral: Referral) -> Iterator[Finding]:
    address = referral.member.address
    if address is None:
        yield finding("member_address_missing", "member.address", what="missing")
        return
    parts = (
        ("street", address.line1),
        ("city", address.city),
        ("state", address.state),
        ("ZIP", address.zip),
    )
    missing = [name for name, value in parts if not value]
    if missing:
        yield finding(
            "member_address_missing", "member.address", what=f"incomplete (no {', '.join(missing)})"
        )


def _member_phone(referral: Referral) -> Iterator[Finding]:
    if not referral.member.phone:
        yield finding("member_phone_missing", "member.phone")


def _quantity(referral: Referral) -> Iterator[Finding]:
    for index, service in enumerate(referral.services):
        if service.quantity is None:
            yield finding("quantity_missing", f"services[{index}].quantity", code=service.code)


def _is_drug(service: Service) -> bool:
    return service.code.startswith("J") or bool(service.description and service.description.strip())


def _infusion_drug(referral: Referral) -> Iterator[Finding]:
    if referral.services and not any(_is_drug(s) for s in referral.services):
        yield finding("infusion_drug_missing", "services")


def _infusion_dose(referral: Referral) -> Iterator[Finding]:
    for index, service in enumerate(referral.services):
        if _is_drug(service) and service.quantity is None:
            yield finding("infusion_dose_missing", f"services[{index}].quantity", code=service.code)


def _service_type(referral: Referral) -> Iterator[Finding]:
    if referral.service_type is None:
        yield finding("service_type_missing", "service_type")


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
ORDER = tuple(CHECKS)


def check_completeness(referral: Referral, checks: frozenset[str]) -> Iterator[Finding]:
    """The findings of each applicable check, in a stable order."""
    for name in ORDER:
        if name in checks:
            yield from CHECKS[name](referral)
