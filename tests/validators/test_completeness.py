"""Completeness per service type (CMS standard written order for DME, infusion drug and dose), the
operations guide's list, and per-payer rules."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from referrals.domain import (
    Address,
    Member,
    OrderingProvider,
    Payer,
    Service,
    ServiceType,
    Signature,
    Source,
    SourceKind,
)
from validators import ValidationContext, payer_rules, validate_record
from validators.payer_rules import PayerRulesError, load_payer_rules

from .conftest import RECEIVED, TODAY, codes_of, referral

MEMBER = dict(
    first_name="John",
    last_name="Smith",
    dob=dt.date(1945, 1, 23),
    member_id="W1",
    phone="8605550142",
    address=Address(line1="12 Elm St", city="Hartford", state="CT", zip="06103"),
)


def test_the_complete_referral_is_clean(context: ValidationContext) -> None:
    assert validate_record(referral(), context) == []


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"member": Member(**{**MEMBER, "last_name": None})}, ["member_name_missing"]),
        ({"member": Member(**{**MEMBER, "dob": None})}, ["dob_missing"]),
        ({"member": Member(**{**MEMBER, "member_id": None})}, ["member_id_missing"]),
        ({"member": Member(**{**MEMBER, "phone": None})}, ["member_phone_missing"]),
        ({"member": Member(**{**MEMBER, "address": None})}, ["member_address_missing"]),
        ({"member": Member(**{**MEMBER, "address": Address(line1="12 Elm St")})}, ["member_address_missing"]),
        ({"payer": Payer()}, ["payer_missing"]),
        ({"ordering_provider": OrderingProvider(npi="1234567893")}, ["ordering_provider_name_missing"]),
        ({"ordering_provider": OrderingProvider(last_name="Doe")}, ["npi_missing"]),
        ({"ordering_provider": OrderingProvider(last_name="Doe", npi="1234567890")}, ["npi_checksum"]),
        ({"signature": Signature(present=False)}, ["signature_missing"]),
        ({"signature": Signature(present=None)}, ["signature_missing"]),
        ({"diagnoses": []}, ["diagnosis_missing"]),
        ({"services": []}, ["service_missing"]),
        ({"order_date": None}, ["order_date_missing"]),
        ({"requested_start_date": None}, ["start_date_missing"]),
        ({"services": [Service(code="E1390", system="HCPCS", modifiers=["RR"])]}, ["quantity_missing"]),
        ({"service_type": None}, ["service_type_missing"]),
    ],
)
def test_each_missing_element(overrides: dict[str, Any], expected: list[str], context: ValidationContext) -> None:
    assert codes_of(referral(**overrides), context) == expected


def test_home_health_does_not_need_a_quantity(context: ValidationContext) -> None:
    record = referral(service_type=ServiceType.HOME_HEALTH, services=[Service(code="G0299", system="HCPCS")])
    assert codes_of(record, context) == []


@pytest.mark.parametrize(
    ("services", "expected"),
    [
        ([Service(code="J1100", system="HCPCS", quantity=4)], []),
        ([Service(code="S9338", system="HCPCS", description="immunotherapy IVIG 30 g", quantity=1)], []),
        ([Service(code="S9338", system="HCPCS")], ["infusion_drug_missing"]),
        ([Service(code="J1100", system="HCPCS")], ["infusion_dose_missing"]),
    ],
)
def test_home_infusion_needs_drug_and_dose(
    services: list[Service], expected: list[str], context: ValidationContext
) -> None:
    record = referral(service_type=ServiceType.HOME_INFUSION, services=services)
    assert codes_of(record, context) == expected


def test_an_x12_278_is_not_asked_for_a_signature_or_phone(context: ValidationContext) -> None:
    source = Source(kind=SourceKind.X12_278, filename="a.x12", sha256="0" * 64, received_at=RECEIVED)
    record = referral(source=source, signature=Signature(), member=Member(**{**MEMBER, "phone": None}), order_date=None)
    assert codes_of(record, context) == []


def test_payer_rules_file(tmp_path: Path) -> None:
    (tmp_path / "payer_rules.toml").write_text(
        '[default]\nskip = ["member_phone"]\n\n[payer."60054"]\nrequire = ["member_phone"]\nskip = ["start_date"]\n',
        encoding="utf-8",
    )
    context = ValidationContext.now(home=tmp_path, today=TODAY)
    no_phone = Member(**{**MEMBER, "phone": None})
    assert codes_of(referral(member=no_phone, requested_start_date=None), context) == ["member_phone_missing"]
    other = referral(member=no_phone, payer=Payer(payer_id="99999"))
    assert codes_of(other, context) == []


def test_payer_rules_refuse_unknown_checks(tmp_path: Path) -> None:
    path = tmp_path / "payer_rules.toml"
    path.write_text('[payer."1"]\nskip = ["member_shoe_size"]\n', encoding="utf-8")
    with pytest.raises(PayerRulesError, match="member_shoe_size"):
        load_payer_rules(path)


def test_no_rules_file_means_defaults(tmp_path: Path) -> None:
    assert load_payer_rules(tmp_path / "absent.toml").checks_for("x", ServiceType.DME, "fax") >= {"quantity"}


def test_a_context_stays_hashable(tmp_path: Path) -> None:
    assert hash(ValidationContext.now(home=tmp_path)) is not None


def test_the_current_payer_rules_are_read_once_and_again_after_a_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A service validates document after document: the rules file is read once, its stat looked at
    no more than once a second, and a changed file is read again."""
    path = tmp_path / "payer_rules.toml"
    path.write_text('[payer."1"]\nskip = ["start_date"]\n', encoding="utf-8")
    reads = []
    monkeypatch.setattr(payer_rules, "load_payer_rules", lambda p: reads.append(p) or load_payer_rules(p))
    first = payer_rules.current_payer_rules(path)
    assert payer_rules.current_payer_rules(path) is first and len(reads) == 1
    path.write_text('[payer."1"]\nskip = ["quantity", "start_date"]\n', encoding="utf-8")
    assert payer_rules.current_payer_rules(path) is first  # within the second
    monkeypatch.setattr(payer_rules, "RECHECK_SECONDS", 0.0)
    changed = payer_rules.current_payer_rules(path)
    assert "quantity" in first.checks_for("1", ServiceType.DME, "fax")
    assert len(reads) == 2 and "quantity" not in changed.checks_for("1", ServiceType.DME, "fax")
    assert payer_rules.current_payer_rules(path) is changed and len(reads) == 2  # same stamp: not read again
