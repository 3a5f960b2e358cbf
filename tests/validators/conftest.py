"""Shared builders: a complete, valid referral to vary one field at a time, and contexts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from referrals.domain import (
    Address,
    Diagnosis,
    Member,
    OrderingProvider,
    Payer,
    Referral,
    Service,
    ServiceType,
    Signature,
    Source,
    SourceKind,
    Status,
)
from validators import ValidationContext, validate_record
from validators.codeset_import import read_hcpcs
from validators.codesets import store_version

SHARED_HCPCS = (
    Path(__file__).resolve().parents[3] / "shared" / "codesets" / "hcpcs" / ("HCPC2026_JUL_ANWEB_06172026.xlsx")
)
RECEIVED = dt.datetime(2026, 11, 25, 18, 0, tzinfo=dt.UTC)
TODAY = dt.date(2026, 11, 25)


def referral(**overrides: Any) -> Referral:
    """A complete DME referral that validates clean; keyword arguments replace fields."""
    fields: dict[str, Any] = {
        "id": "rec_test",
        "status": Status.READY,
        "source": Source(kind=SourceKind.FAX, filename="order.tif", sha256="0" * 64, received_at=RECEIVED),
        "member": Member(
            first_name="John",
            last_name="Smith",
            dob=dt.date(1945, 1, 23),
            sex="M",
            member_id="W123456789",
            phone="8605550142",
            address=Address(line1="12 Elm St", city="Hartford", state="CT", zip="06103"),
        ),
        "payer": Payer(name="Acme Health Plan", payer_id="60054"),
        "ordering_provider": OrderingProvider(first_name="Jane", last_name="Doe", npi="1234567893"),
        "service_type": ServiceType.DME,
        "diagnoses": [Diagnosis(code="J44.9")],
        "services": [Service(code="E1390", system="HCPCS", modifiers=["RR"], quantity=1)],
        "order_date": dt.date(2026, 11, 20),
        "requested_start_date": dt.date(2026, 11, 30),
        "signature": Signature(present=True, date=dt.date(2026, 11, 20)),
    }
    fields.update(overrides)
    return Referral(**fields)


def codes_of(record: Referral, context: ValidationContext) -> list[str]:
    return [f.code for f in validate_record(record, context)]


@pytest.fixture
def context(tmp_path: Path) -> ValidationContext:
    """No code sets imported (an empty codeset dir)."""
    return ValidationContext(today=TODAY, received_at=RECEIVED, codeset_dir=tmp_path / "codesets")


@pytest.fixture(scope="session")
def hcpcs_codeset_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A codeset dir holding the real CMS July 2026 HCPCS file (skips when ../shared is absent)."""
    if not SHARED_HCPCS.is_file():
        pytest.skip(f"the CMS HCPCS file is not at {SHARED_HCPCS} (../shared absent)")
    directory = tmp_path_factory.mktemp("codesets")
    imported = read_hcpcs(SHARED_HCPCS)
    source = {"name": imported.source_name, "sha256": imported.source_sha256, "imported_at": "test"}
    store_version(directory, "hcpcs", imported.effective, source, imported.codes)
    return directory


@pytest.fixture
def hcpcs_context(hcpcs_codeset_dir: Path) -> ValidationContext:
    return ValidationContext(today=TODAY, received_at=RECEIVED, codeset_dir=hcpcs_codeset_dir)


Builder = Callable[..., Referral]
