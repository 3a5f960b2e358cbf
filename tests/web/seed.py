"""Test data for the web tests: a fax referral (a page image made here, archived, stored with
provenance boxes) and X12 files taken through the real pipeline.

The fax is built here rather than read by the fax parser so these tests do not depend on OCR;
its record is validated by the real validators (`finalize_record`) and stored with the store's
own functions, exactly as the pipeline stores records.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
from sqlalchemy import Engine

from ingest.finalize import finalize_record
from referrals.domain import (
    Address,
    Diagnosis,
    Member,
    NamedProvider,
    OrderingProvider,
    Payer,
    Provenance,
    Referral,
    Service,
    ServiceType,
    Signature,
    Source,
    SourceKind,
    Status,
    record_id,
)
from referrals.store.documents import document_id
from referrals.store.engine import session_scope
from referrals.store.models import Document, DocumentStatus, utcnow
from referrals.store.records import new_row, queue_for_delivery, save_details
from validators import ValidationContext

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "inbox"
PAGE_DPI = 200  # the made-up fax's resolution; provenance boxes are at 300 dpi like the fax reader's
INVALID_NPI = "1234567890"  # fails the Luhn check digit
VALID_NPI = "1234567893"
# Patient data of the made-up fax: tests look for these in URLs and logs.
MEMBER = Member(
    first_name="Rosalind",
    last_name="Quimby",
    dob=dt.date(1941, 3, 14),
    sex="F",
    member_id="W987654321",
    phone="8605550142",
    address=Address(line1="77 Larkspur Lane", city="Hartford", state="CT", zip="06103"),
)


@dataclass(frozen=True)
class FaxLine:
    path: str
    text: str


LINES = (
    FaxLine("member.last_name", "Patient: Rosalind Quimby"),
    FaxLine("member.dob", "DOB: 03/14/1941"),
    FaxLine("member.member_id", "Member ID: W987654321"),
    FaxLine("ordering_provider.npi", "Ordering NPI: {npi}"),
    FaxLine("diagnoses[0].code", "Diagnosis: J44.9"),
    FaxLine("services[0].code", "Item: E1390 oxygen concentrator"),
)


def make_fax_image(path: Path, npi: str) -> dict[str, list[float]]:
    """A one-page letter-size PNG at PAGE_DPI; returns each field's box in 300-dpi pixels."""
    image = Image.new("L", (int(8.5 * PAGE_DPI), 11 * PAGE_DPI), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=36)
    boxes = {}
    draw.text((120, 100), f"HOME CARE ORDER {path.stem}", font=font, fill=0)
    for index, line in enumerate(LINES):
        x, y = 120, 260 + index * 110
        text = line.text.format(npi=npi)
        left, top, right, bottom = draw.textbbox((x, y), text, font=font)
        draw.text((x, y), text, font=font, fill=0)
        boxes[line.path] = [v * 300 / PAGE_DPI for v in (left, top, right, bottom)]
    image.save(path, dpi=(PAGE_DPI, PAGE_DPI))
    return boxes


def seed_fax_referral(
    engine: Engine,
    home: Path,
    *,
    npi: str = INVALID_NPI,
    urgent: bool = True,
    due_in_hours: float = 6.0,
    name: str = "order-0001.png",
    with_address: bool = True,
) -> str:
    """Archive a made-up fax and store its referral; returns the record id."""
    work = home / "made"
    work.mkdir(parents=True, exist_ok=True)
    boxes = make_fax_image(work / name, npi)
    sha = hashlib.sha256((work / name).read_bytes()).hexdigest()
    archived = home / "archive" / f"{sha}.png"
    archived.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(work / name, archived)
    now = utcnow()
    referral = _referral(sha, name, npi, urgent, now, boxes)
    if not with_address:
        referral.member.address = None
    record = finalize_record(referral, ValidationContext(today=now.date(), received_at=now))
    record.due_at = now + dt.timedelta(hours=due_in_hours)  # the tests choose the queue order
    _store(engine, record, sha, name, archived, now)
    return record.id


def _referral(sha: str, name: str, npi: str, urgent: bool, now: dt.datetime, boxes: dict[str, list[float]]) -> Referral:
    return Referral(
        id=record_id(sha, "fax"),
        status=Status.READY,
        source=Source(kind=SourceKind.FAX, filename=name, sha256=sha, pages=1, received_at=now),
        member=MEMBER.model_copy(),
        payer=Payer(name="Acme Health Plan", payer_id="60054"),
        ordering_provider=OrderingProvider(
            first_name="Jane",
            last_name="Doe",
            organization="Elm Street Clinic",
            npi=npi,
            phone="8605550100",
            fax="8605550101",
        ),
        servicing_provider=NamedProvider(name="ABC Home Medical", npi="1245319599"),
        service_type=ServiceType.DME,
        diagnoses=[Diagnosis(code="J44.9")],
        services=[Service(code="E1390", system="HCPCS", quantity=1, description="oxygen concentrator")],
        order_date=now.date(),
        requested_start_date=now.date() + dt.timedelta(days=7),  # urgency comes from the `urgent` flag
        signature=Signature(present=True, date=now.date()),
        urgent=urgent,
        provenance={path: Provenance(page=1, bbox=box, method="test") for path, box in boxes.items()},
    )


def _store(engine: Engine, record: Referral, sha: str, name: str, archived: Path, now: dt.datetime) -> None:
    doc_id = document_id(sha)
    with session_scope(engine) as session:
        session.add(
            Document(
                id=doc_id,
                sha256=sha,
                original_name=name,
                original_path=str(archived),
                archive_path=str(archived),
                size_bytes=archived.stat().st_size,
                kind="fax",
                status=DocumentStatus.PROCESSED,
                outcome=str(record.status),
                received_at=now,
                processed_at=now,
            )
        )
        session.flush()
        session.add(new_row(record, doc_id, now))
        session.flush()
        save_details(session, record)
        if record.status is Status.READY:
            queue_for_delivery(session, record, doc_id, now)


def ingest_samples(settings: object, names: tuple[str, ...]) -> None:
    """Drop sample X12 files into the inbox and run the real pipeline on each."""
    from ingest.pipeline import Service as IntakeService
    from ingest.pipeline import process_file
    from referrals.config import Settings

    assert isinstance(settings, Settings)
    service = IntakeService.start(settings)
    for name in names:
        target = service.home.inbox / name
        shutil.copyfile(SAMPLES / name, target)
        process_file(target, service)
