"""The service pipeline: inbox files in, stored records and outbox messages out, exactly once.

    process_files(paths, service)         (process_file(path, service): the same for one file)
      take_all_from_inbox  archive the originals, register their documents, leased to this worker,
                           in one transaction (sha256: duplicates stop here)
      claim_document       take the lease of a document registered by an interrupted earlier take
      parse_document       parsers.registry.parse_file on the archived original
      validate_records     ingest.finalize.finalize_record on each record
      store_all            per document: records, findings, provenance, outbox messages and its
                           status, committed only while its lease is still ours; the documents
                           parsed within STORE_EVERY_SECONDS share ONE transaction

A worker that dies mid-file leaves leases that expire; `process_pending` then processes those
documents again, and since nothing of the first attempt was committed, nothing is duplicated.
Sharing transactions between small documents is what keeps the service's cost per file small
next to the parse (bench/service.py); a document's records still commit with its status, never
apart, and a slow document (a fax through OCR) is committed on its own as soon as it is done.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import socket
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from ingest.arrival import Taker, take_all_from_inbox
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
from referrals.decisions import link_decisions, may_link
from referrals.domain import Record, SourceKind, Status
from referrals.errors import ConfigError
from referrals.store.documents import DocumentRef, claim, finish_all, leased_to, next_control_numbers, release_leases
from referrals.store.engine import engine_for, session_scope, upgrade
from referrals.store.models import Document, DocumentStatus, utcnow
from referrals.store.records import StoredForm, insert_stored, pending_message, queue_messages, stored_form
from validators import ValidationContext

log = logging.getLogger(__name__)

ACKS_DESTINATION = "acks"
STORE_EVERY_SECONDS = 0.25  # documents parsed within this long share one transaction


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
    return process_files([path], service)[0]


def process_files(paths: list[Path], service: Service, stopping: Callable[[], bool] = lambda: False) -> list[Outcome]:
    """Inbox files, start to end, one outcome each in order. When `stopping()` turns true, the
    document in hand (at least the first) is finished and the rest are left registered, their
    leases given back."""
    outcomes: dict[int, Outcome] = {}
    claimed: dict[int, DocumentRef] = {}
    for index, arrival in enumerate(take_all_from_inbox(paths, service.taker)):
        if not isinstance(arrival, Registered):
            outcomes[index] = arrival
        elif document := arrival.document or claim_document(service, arrival.document_id):
            claimed[index] = document
        else:
            outcomes[index] = InProgress(arrival.document_id)
    worked = process_claimed_all(list(claimed.values()), service, stopping)
    outcomes |= dict(zip(claimed, worked, strict=True))
    return [outcomes[index] for index in range(len(paths))]


def process_document(service: Service, wanted: str | None = None) -> ProcessedOutcome | InProgress | None:
    """Claim a registered document (`wanted`, or the oldest free one), then parse, validate, store."""
    document = claim_document(service, wanted)
    return None if document is None else process_claimed(document, service)


def process_claimed(document: DocumentRef, service: Service) -> ProcessedOutcome | InProgress:
    """Parse, validate and store a document whose lease this worker holds (renewed while working)."""
    return process_claimed_all([document], service)[0]


@dataclass(frozen=True)
class Worked:
    """A document parsed and validated, not yet stored: what its transaction will write. Its
    records are already in their StoredForm (strings and tuples), so the documents waiting for
    their shared transaction do not keep the records' objects alive meanwhile: every garbage
    collection would go through them, and they would be promoted to the older generations,
    bringing on more full collections (bench/service_parts.py)."""

    document: DocumentRef
    outcome: ProcessedOutcome
    kind: str | None  # the records' source kind, when they share one
    stored: list[StoredForm]
    linking: list[Record]  # the records to match against stored ones (referrals.decisions)
    acks: list[Acknowledgement]
    failed: bool
    seconds: float | None

    @classmethod
    def of(cls, document: DocumentRef, records: list[Record], parsed: Parsed) -> Worked:
        return cls(
            document=document,
            outcome=outcome_of(document.id, records),
            kind=_kind_of(records),
            stored=[stored_form(record) for record in records],
            linking=[record for record in records if may_link(record)],
            acks=parsed.acks,
            failed=parsed.failed,
            seconds=parsed.seconds,
        )


def process_claimed_all(
    documents: list[DocumentRef], service: Service, stopping: Callable[[], bool] = lambda: False
) -> list[ProcessedOutcome | InProgress]:
    """Parse, validate and store documents whose leases this worker holds (renewed while working),
    committing whenever STORE_EVERY_SECONDS of work are done; one outcome each, in order."""
    outcomes: dict[str, ProcessedOutcome | InProgress] = {}
    worked: list[Worked] = []
    keeper = keeper_for(service.engine, service.worker_id, service.settings.lease_seconds)
    with keeper.holding(*(document.id for document in documents)):
        since = time.monotonic()
        for position, document in enumerate(documents):
            if position > 0 and stopping():  # the first is in hand from the moment it was taken
                outcomes |= _give_back(documents[position:], service)
                break
            parsed = parse_document(document, service)
            worked.append(Worked.of(document, validate_records(parsed.records, document, service), parsed))
            if time.monotonic() - since >= STORE_EVERY_SECONDS:
                outcomes |= store_all(worked, service)
                worked, since = [], time.monotonic()
        outcomes |= store_all(worked, service)
    return [outcomes[document.id] for document in documents]


def _give_back(documents: list[DocumentRef], service: Service) -> dict[str, InProgress]:
    """Leases of documents not started are released, so the next worker takes them at once."""
    with session_scope(service.engine) as session:
        release_leases(session, [document.id for document in documents], service.worker_id)
    return {document.id: InProgress(document.id) for document in documents}


def process_pending(service: Service) -> list[ProcessedOutcome | InProgress]:
    """Documents registered but not processed (a worker died, or was stopped): process them now."""
    outcomes = []
    while (outcome := process_document(service)) is not None:
        outcomes.append(outcome)
    return outcomes


def claim_document(service: Service, wanted: str | None) -> DocumentRef | None:
    with session_scope(service.engine) as session:
        document = claim(session, service.worker_id, service.lease, utcnow(), wanted)
        return None if document is None else DocumentRef.of(document)


def parse_document(document: DocumentRef, service: Service) -> Parsed:
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


def validate_records(records: list[Record], document: DocumentRef, service: Service) -> list[Record]:
    """Each record validated against one context for its document (its payer rules read once)."""
    context = validation_context(service.settings, document)
    return [finalize_record(record, context) for record in records]


def validation_context(settings: Settings, document: DocumentRef | Document | None) -> ValidationContext:
    """Today, the document's receipt time, the due-time hours, and the home's code sets and payer rules."""
    return ValidationContext.now(
        home=settings.home,
        received_at=document.received_at if document else None,
        urgent_hours=settings.urgent_hours,
        standard_hours=settings.standard_hours,
    )


def store_results(document: DocumentRef, records: list[Record], parsed: Parsed, service: Service) -> ProcessedOutcome:
    """Everything of one document in one transaction; LeaseLost (rolled back) if the lease was lost."""
    outcome = store_all([Worked.of(document, records, parsed)], service)[document.id]
    if isinstance(outcome, InProgress):
        raise LeaseLost(document.id)
    return outcome


def store_all(worked: list[Worked], service: Service) -> dict[str, ProcessedOutcome | InProgress]:
    """Everything of these documents in one transaction, but only of those whose lease is still
    ours (locked until commit); the others' results are dropped (InProgress: another worker has it)."""
    if not worked:
        return {}
    now = utcnow()
    with session_scope(service.engine) as session:
        held = leased_to(session, [w.document.id for w in worked], service.worker_id)
        kept = [w for w in worked if w.document.id in held]
        finish_all(session, [_finished(w, service.worker_id, now) for w in kept])
        insert_stored(session, [(w.document.id, stored) for w in kept for stored in w.stored], now)
        link_decisions(session, [record for w in kept for record in w.linking], now)
        _queue_acks(session, kept, now)
    outcomes: dict[str, ProcessedOutcome | InProgress] = {}
    for w in worked:
        if w.document.id in held:
            outcomes[w.document.id] = outcome = w.outcome
            log.info("document %s: %s, %d records, %d acks", w.document.id, outcome.label, len(w.stored), len(w.acks))
        else:
            log.warning("document %s: lease lost, results of this attempt dropped", w.document.id)
            outcomes[w.document.id] = InProgress(w.document.id)
    return outcomes


def _finished(worked: Worked, owner: str, now: dt.datetime) -> dict[str, object]:
    """The values `finish_all` sets on one document."""
    failed = worked.failed
    return {
        "b_id": worked.document.id,
        "b_owner": owner,
        "b_status": DocumentStatus.FAILED if failed else DocumentStatus.PROCESSED,
        "b_outcome": worked.outcome.label,
        "b_kind": worked.kind,
        "b_now": now,
        "b_error_code": "parser_failed" if failed else None,
        "b_parse_seconds": worked.seconds,
    }


def _queue_acks(session: Session, worked: list[Worked], now: dt.datetime) -> None:
    """Each acknowledgement as an outbox message, numbered from one reservation of control numbers."""
    acks = [(w.document, index, ack) for w in worked for index, ack in enumerate(w.acks)]
    numbers = next_control_numbers(session, len(acks))
    messages = [
        _ack_message(document, index, ack, number, now)
        for (document, index, ack), number in zip(acks, numbers, strict=True)
    ]
    queue_messages(session.connection(), messages)


def _ack_message(
    document: DocumentRef, index: int, ack: Acknowledgement, number: int, now: dt.datetime
) -> tuple[object, ...]:
    """An acknowledgement's outbox message, in MESSAGE_COLUMNS order."""
    filename = f"{document.sha256[:16]}.{number:09d}.{ack.kind}.x12"
    payload = json.dumps({"filename": filename, "text": ack.render(number)})
    key = f"ack:{document.id}:{index}"
    return pending_message(key, ACKS_DESTINATION, None, document.id, payload, now)


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
