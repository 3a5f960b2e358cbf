"""The service pipeline: one inbox file in, stored records and outbox messages out, exactly once.

    process_file(path, service)
      take_from_inbox      archive the original, register its document (sha256: duplicates stop here)
      claim_document       take the document's lease (several workers can share one database)
      parse_document       parsers.registry.parse_file on the archived original
      validate_records     ingest.finalize.finalize_record on each record
      store_results        records, findings, provenance, outbox messages and the document's status
                           in ONE transaction, committed only while the lease is still ours

A worker that dies mid-file leaves a lease that expires; `process_pending` then processes the
document again, and since nothing of the first attempt was committed, nothing is duplicated.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import socket
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from ingest.arrival import Taker, take_from_inbox
from ingest.codesets import VALIDATOR_CODE_SETS
from ingest.finalize import finalize_record
from ingest.home import ServiceHome
from ingest.leases import keeper_for
from ingest.outcomes import (
    InProgress,
    NeedsClarification,
    Outcome,
    ProcessedOutcome,
    Ready,
    Registered,
    Rejected,
)
from parsers.base import Acknowledgement, rejected_document
from parsers.context import ParseContext
from parsers.registry import parse_file
from referrals.config import Settings
from referrals.decisions import link_decisions
from referrals.domain import Record, SourceKind, Status
from referrals.errors import ConfigError
from referrals.store.documents import claim, finish, next_control_number
from referrals.store.engine import engine_for, session_scope, upgrade
from referrals.store.models import Document, DocumentStatus, OutboxMessage, utcnow
from referrals.store.records import insert_new
from validators import ValidationContext

log = logging.getLogger(__name__)

ACKS_DESTINATION = "acks"


@dataclass(frozen=True)
class Service:
    """What every stage may use: settings, the home's folders, the database, this worker's name."""

    settings: Settings
    home: ServiceHome
    engine: Engine
    worker_id: str

    @classmethod
    def start(cls, settings: Settings) -> Service:
        """Check and create the home, migrate the database, name this worker."""
        home = ServiceHome(settings.home).prepare()
        engine = engine_for(settings)
        try:
            upgrade(engine)
        except OperationalError:
            raise ConfigError(
                "the database cannot be reached",
                remedy="Check INTAKE_DATABASE_URL and that the database server is up.",
            ) from None
        return cls(settings=settings, home=home, engine=engine, worker_id=new_worker_id())

    @property
    def lease(self) -> dt.timedelta:
        return dt.timedelta(seconds=self.settings.lease_seconds)

    @property
    def taker(self) -> Taker:
        return Taker(home=self.home, engine=self.engine, owner=self.worker_id, lease=self.lease)


def new_worker_id() -> str:
    return f"{socket.gethostname()[:60]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


@dataclass
class Parsed:
    records: list[Record] = field(default_factory=list)
    acks: list[Acknowledgement] = field(default_factory=list)
    failed: bool = False
    record_ids: set[str] = field(default_factory=set)
    seconds: float | None = None  # how long parsing took


class LeaseLost(Exception):
    """The lease expired and another worker took the document; this attempt's results are dropped."""


def process_file(path: Path, service: Service) -> Outcome:
    """One inbox file, start to end (see the module doc)."""
    arrival = take_from_inbox(path, service.taker)
    if not isinstance(arrival, Registered):
        return arrival
    document = arrival.document or claim_document(service, arrival.document_id)
    if document is None:
        return InProgress(arrival.document_id)
    return process_claimed(document, service)


def process_document(service: Service, wanted: str | None = None) -> ProcessedOutcome | InProgress | None:
    """Claim a registered document (`wanted`, or the oldest free one), then parse, validate, store."""
    document = claim_document(service, wanted)
    return None if document is None else process_claimed(document, service)


def process_claimed(document: Document, service: Service) -> ProcessedOutcome | InProgress:
    """Parse, validate and store a document whose lease this worker holds (renewed while working)."""
    keeper = keeper_for(service.engine, service.worker_id, service.settings.lease_seconds)
    with keeper.holding(document.id):
        parsed = parse_document(document, service)
        records = validate_records(parsed.records, document, service)
    try:
        return store_results(document, records, parsed, service)
    except LeaseLost:
        log.warning("document %s: lease lost, results of this attempt dropped", document.id)
        return InProgress(document.id)


def process_pending(service: Service) -> list[ProcessedOutcome | InProgress]:
    """Documents registered but not processed (a worker died, or was stopped): process them now."""
    outcomes = []
    while (outcome := process_document(service)) is not None:
        outcomes.append(outcome)
    return outcomes


def claim_document(service: Service, wanted: str | None) -> Document | None:
    with session_scope(service.engine) as session:
        return claim(session, service.worker_id, service.lease, utcnow(), wanted)


def parse_document(document: Document, service: Service) -> Parsed:
    """Records and acknowledgements of the archived original; a parser crash becomes a rejected record."""
    context = ParseContext(
        path=Path(document.archive_path),
        sha256=document.sha256,
        received_at=document.received_at,
        filename=document.original_name,
        ocr_confidence_threshold=service.settings.ocr_confidence_threshold,
        code_sets=VALIDATOR_CODE_SETS,
    )
    parsed = Parsed()
    started = time.perf_counter()
    try:
        for item in parse_file(context):
            _collect(parsed, item)
    except Exception as exc:  # a parser bug must not stop the service: say so in a record
        log.error("document %s: parser failed (%s)", document.id, type(exc).__name__)
        parsed = Parsed(records=[_parser_failure(context)], failed=True)
    parsed.seconds = time.perf_counter() - started
    return parsed


def _collect(parsed: Parsed, item: Record | Acknowledgement) -> None:
    if isinstance(item, Acknowledgement):
        parsed.acks.append(item)
    elif item.id not in parsed.record_ids:  # a record id twice would be a parser bug: keep the first
        parsed.record_ids.add(item.id)
        parsed.records.append(item)


def _parser_failure(context: ParseContext) -> Record:
    return rejected_document(
        context,
        SourceKind.UNKNOWN,
        "parser_failed",
        "The file could not be read because of a fault in the service; the original is "
        "archived. Report this record id to the team that runs referral-intake.",
    )


def validate_records(records: list[Record], document: Document, service: Service) -> list[Record]:
    return [finalize_record(record, validation_context(service.settings, document)) for record in records]


def validation_context(settings: Settings, document: Document | None) -> ValidationContext:
    """Today, the document's receipt time, the due-time hours, and the home's code sets and payer rules."""
    return ValidationContext.now(
        home=settings.home,
        received_at=document.received_at if document else None,
        urgent_hours=settings.urgent_hours,
        standard_hours=settings.standard_hours,
    )


def store_results(document: Document, records: list[Record], parsed: Parsed, service: Service) -> ProcessedOutcome:
    """Everything of one document in one transaction; LeaseLost (rolled back) if the lease was lost."""
    now = utcnow()
    outcome = outcome_of(document.id, records)
    status = DocumentStatus.FAILED if parsed.failed else DocumentStatus.PROCESSED
    with session_scope(service.engine) as session:
        if not finish(
            session,
            document,
            service.worker_id,
            kind=_kind_of(records),
            outcome=outcome.label,
            status=status,
            now=now,
            error_code="parser_failed" if parsed.failed else None,
            parse_seconds=parsed.seconds,
        ):
            raise LeaseLost(document.id)
        insert_new(session, records, document.id, now)
        link_decisions(session, records, now)
        _queue_acks(session, parsed.acks, document, now)
    log.info("document %s: %s, %d records, %d acks", document.id, outcome.label, len(records), len(parsed.acks))
    return outcome


def _queue_acks(session: Session, acks: list[Acknowledgement], document: Document, now: dt.datetime) -> None:
    for index, ack in enumerate(acks):
        number = next_control_number(session)
        filename = f"{document.sha256[:16]}.{number:09d}.{ack.kind}.x12"
        payload = json.dumps({"filename": filename, "text": ack.render(number)})
        session.add(
            OutboxMessage(
                key=f"ack:{document.id}:{index}",
                destination=ACKS_DESTINATION,
                document_id=document.id,
                payload=payload,
                next_attempt_at=now,
                created_at=now,
            )
        )


def _kind_of(records: list[Record]) -> str | None:
    kinds = {str(record.source.kind) for record in records}
    return kinds.pop() if len(kinds) == 1 else None


def outcome_of(document_id: str, records: list[Record]) -> ProcessedOutcome:
    """NeedsClarification if any record needs it; Rejected if none is ready; else Ready."""
    ids = tuple(record.id for record in records)
    codes = tuple(sorted({f.code for record in records for f in record.errors}))
    statuses = {record.status for record in records}
    if Status.NEEDS_CLARIFICATION in statuses:
        return NeedsClarification(document_id, ids, codes)
    if Status.READY not in statuses:
        return Rejected(document_id, ids, codes or ("no_records",))
    return Ready(document_id, ids)
