"""Claims go through the same code rules, dated by their service lines."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from referrals.domain import Claim, ClaimLine, Diagnosis, Member, NamedProvider, Source, SourceKind, Status
from validators import ValidationContext, validate_record


def claim(**overrides: object) -> Claim:
    fields: dict[str, object] = {
        "id": "rec_claim",
        "status": Status.READY,
        "source": Source(kind=SourceKind.X12_837P, filename="c.x12", sha256="0" * 64),
        "member": Member(first_name="A", last_name="B", member_id="W1"),
        "billing_provider": NamedProvider(name="ABC Home Medical", npi="1245319599"),
        "total_charge": Decimal("125.00"),
        "diagnoses": [Diagnosis(code="D69.1")],
        "lines": [
            ClaimLine(
                code="E1390",
                system="HCPCS",
                modifiers=["RR"],
                charge=Decimal("125.00"),
                units=1,
                service_date=dt.date(2026, 9, 15),
            )
        ],
    }
    fields.update(overrides)
    return Claim(**fields)  # type: ignore[arg-type]


def test_claim_dated_by_its_lines(context: ValidationContext) -> None:
    assert validate_record(claim(), context) == []
    october = [
        ClaimLine(
            code="E1390",
            system="HCPCS",
            modifiers=["RR"],
            charge=Decimal("125.00"),
            service_date=dt.date(2026, 10, 15),
        )
    ]
    assert [f.code for f in validate_record(claim(lines=october), context)] == ["icd10_not_billable"]


def test_claim_rules(context: ValidationContext) -> None:
    record = claim(
        billing_provider=NamedProvider(npi="1234567890"),
        total_charge=Decimal("99.00"),
        member=Member(),
        lines=[ClaimLine(code="E1390", system="CPT", charge=Decimal("125.00"))],
    )
    codes = [f.code for f in validate_record(record, context)]
    # no service date: codes are checked as of today (2026-11-25, FY2027: D69.1 is a heading)
    assert codes == [
        "npi_checksum",
        "member_id_missing",
        "icd10_not_billable",
        "procedure_system_mismatch",
        "service_date_missing",
        "claim_charge_unbalanced",
    ]
