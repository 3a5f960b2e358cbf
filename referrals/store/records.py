"""Records in the store: contract record <-> rows, and the queries the queue, web UI and stats make."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass

from pydantic import TypeAdapter
from sqlalchemy import Connection, Table, delete
from sqlmodel import Session, SQLModel, col, select

from referrals.domain import Claim, Finding, Provenance, Record, Referral, Status, parse_record
from referrals.errors import NotFoundError
from referrals.store.bulk import insert_rows
from referrals.store.models import FindingRow, OutboxMessage, OutboxStatus, ProvenanceRow, RecordRow, utcnow

RECORDS_DESTINATION = "records"
FINDING_COLUMNS = ("record_id", "field", "code", "severity", "message")
PROVENANCE_COLUMNS = ("record_id", "data")
QUERY_COLUMNS = ("member_id", "payer_id", "payer_name", "due_at", "service_type", "urgent")
RECORD_COLUMNS = (
    "id",
    "document_id",
    "record_type",
    "status",
    "data",
    "version",
    "touched_by_person",
    "created_at",
    "updated_at",
    "ready_at",
    *QUERY_COLUMNS,
)
MESSAGE_COLUMNS = (
    "key",
    "destination",
    "record_id",
    "document_id",
    "payload",
    "status",
    "attempts",
    "next_attempt_at",
    "created_at",
)
# A record's whole provenance mapping in one call, without TypeAdapter.dump_json's per-call setup.
_PROVENANCE_SERIALIZER = TypeAdapter(dict[str, Provenance]).serializer


@dataclass(frozen=True)
class RecordFilter:
    """What `list_records` selects; every field is optional."""

    status: str | None = None
    finding_code: str | None = None
    urgent: bool | None = None
    record_type: str | None = None
    limit: int = 500
    offset: int = 0


def record_of_row(row: RecordRow) -> Record:
    """The contract record a row holds."""
    return parse_record(json.loads(row.data))


def get_row(session: Session, record_id: str) -> RecordRow:
    row = session.get(RecordRow, record_id)
    if row is None:
        raise NotFoundError(f"no record {record_id}")
    return row


def get_record(session: Session, record_id: str) -> Record:
    return record_of_row(get_row(session, record_id))


def list_rows(session: Session, where: RecordFilter = RecordFilter()) -> Sequence[RecordRow]:
    """Rows matching `where`: urgent first, then by due time, then oldest first."""
    query = select(RecordRow)
    if where.status is not None:
        query = query.where(RecordRow.status == where.status)
    if where.urgent is not None:
        query = query.where(RecordRow.urgent == where.urgent)
    if where.record_type is not None:
        query = query.where(RecordRow.record_type == where.record_type)
    if where.finding_code is not None:
        having = select(FindingRow.record_id).where(FindingRow.code == where.finding_code)
        query = query.where(col(RecordRow.id).in_(having))
    # NULLS LAST spelled out: SQLite sorts NULL first by default, PostgreSQL last.
    order = (col(RecordRow.urgent).desc(), col(RecordRow.due_at).asc().nulls_last(), col(RecordRow.created_at).asc())
    return session.exec(query.order_by(*order).offset(where.offset).limit(where.limit)).all()


def list_records(session: Session, where: RecordFilter = RecordFilter()) -> list[Record]:
    return [record_of_row(row) for row in list_rows(session, where)]


def new_row(record: Record, document_id: str, now: dt.datetime | None = None) -> RecordRow:
    when = now or utcnow()
    row = RecordRow(
        id=record.id,
        document_id=document_id,
        record_type=record.record_type,
        status=record.status,
        data="{}",
        created_at=when,
        updated_at=when,
    )
    fill_row(row, record, when)
    return row


def fill_row(row: RecordRow, record: Record, now: dt.datetime) -> None:
    """Copy the record's JSON and query columns onto its row."""
    row.data = record.to_json()
    row.status = str(record.status)
    row.updated_at = now
    row.ready_at = row.ready_at or (now if record.status is Status.READY else None)
    for column, value in _query_columns(record).items():
        setattr(row, column, value)


def _query_columns(record: Record) -> dict[str, object]:
    """The indexed columns a record's row is queried by (member, payer, urgency, due time, service type)."""
    columns: dict[str, object] = dict.fromkeys(QUERY_COLUMNS)
    columns["urgent"] = False
    if isinstance(record, Referral | Claim):
        columns.update(member_id=record.member.member_id, payer_id=record.payer.payer_id, payer_name=record.payer.name)
    if isinstance(record, Referral):
        service_type = str(record.service_type) if record.service_type else None
        columns.update(urgent=record.urgent, due_at=record.due_at, service_type=service_type)
    return columns


def save_details(session: Session, record: Record) -> None:
    """Replace the record's findings and provenance rows with the record's current ones."""
    session.execute(delete(FindingRow).where(col(FindingRow.record_id) == record.id))
    session.execute(delete(ProvenanceRow).where(col(ProvenanceRow.record_id) == record.id))
    session.flush()  # the record's own row first (the detail rows refer to it)
    findings, provenance = _detail_rows(record)
    _insert_details(session.connection(), list(findings), [(record.id, provenance)] if provenance else [])


def queue_for_delivery(session: Session, record: Record, document_id: str, now: dt.datetime) -> bool:
    """Add the record's outbox message unless it has one (key = record id): True when added."""
    if session.exec(select(OutboxMessage.id).where(OutboxMessage.key == record.id)).first() is not None:
        return False
    session.add(
        OutboxMessage(
            key=record.id,
            destination=RECORDS_DESTINATION,
            record_id=record.id,
            document_id=document_id,
            payload=record.to_json(),
            next_attempt_at=now,
            created_at=now,
        )
    )
    return True


def insert_new(session: Session, records: list[Record], document_id: str, now: dt.datetime) -> None:
    """Insert one document's new records (see `insert_stored`)."""
    insert_stored(session, [(document_id, stored_form(record)) for record in records], now)


@dataclass(frozen=True, slots=True)
class StoredForm:
    """A validated record as the store writes it: its row's values but its document and times,
    its JSON (the row's `data` and a ready record's outbox payload), its findings rows and its
    provenance JSON. Strings and tuples: the pipeline builds it as soon as a record is validated,
    so the documents waiting for their shared transaction hold these, not the records' objects,
    which the garbage collector would otherwise go through at every collection meanwhile."""

    id: str
    record_type: str
    status: str
    data: str
    query: tuple[object, ...]  # QUERY_COLUMNS values
    findings: tuple[tuple[object, ...], ...]  # FINDING_COLUMNS values
    provenance: str | None

    @property
    def ready(self) -> bool:
        return self.status == Status.READY.value


def stored_form(record: Record) -> StoredForm:
    """The record's StoredForm (its JSON serialised once, here)."""
    query = _query_columns(record)
    findings, provenance = _detail_rows(record)
    return StoredForm(
        id=record.id,
        record_type=record.record_type,
        status=str(record.status),
        data=record.to_json(),
        query=tuple(query[column] for column in QUERY_COLUMNS),
        findings=findings,
        provenance=provenance,
    )


def insert_stored(session: Session, stored: list[tuple[str, StoredForm]], now: dt.datetime) -> None:
    """Insert new records (each with its document id), their findings and provenance, and the ready
    ones' outbox messages (payload: the record's JSON, as in its row), one multi-row INSERT per
    table (referrals.store.bulk; the pipeline's hot path; ids are new by construction)."""
    connection = session.connection()
    insert_rows(connection, _table_of(RecordRow), RECORD_COLUMNS, [_row_values(s, d, now) for d, s in stored])
    ready = [_message_values(s, document_id, now) for document_id, s in stored if s.ready]
    queue_messages(connection, ready)
    findings = [row for _, s in stored for row in s.findings]
    _insert_details(connection, findings, [(s.id, s.provenance) for _, s in stored if s.provenance is not None])


def queue_messages(connection: Connection, messages: list[tuple[object, ...]]) -> None:
    """New pending outbox messages (values in MESSAGE_COLUMNS order), one multi-row INSERT."""
    insert_rows(connection, _table_of(OutboxMessage), MESSAGE_COLUMNS, messages)


def _insert_details(
    connection: Connection, findings: list[tuple[object, ...]], provenance: list[tuple[str, str]]
) -> None:
    """Findings rows (FINDING_COLUMNS values) and provenance rows (record id, provenance JSON)."""
    insert_rows(connection, _table_of(FindingRow), FINDING_COLUMNS, findings)
    insert_rows(connection, _table_of(ProvenanceRow), PROVENANCE_COLUMNS, provenance)


def _table_of(model: type[SQLModel]) -> Table:
    return SQLModel.metadata.tables[str(model.__tablename__)]


def _row_values(stored: StoredForm, document_id: str, now: dt.datetime) -> tuple[object, ...]:
    """A records row, in RECORD_COLUMNS order."""
    ready_at = now if stored.ready else None
    return (
        stored.id,
        document_id,
        stored.record_type,
        stored.status,
        stored.data,
        1,
        False,
        now,
        now,
        ready_at,
        *stored.query,
    )


def _detail_rows(record: Record) -> tuple[tuple[tuple[object, ...], ...], str | None]:
    """The record's findings rows (FINDING_COLUMNS values) and its provenance JSON (None: none)."""
    findings = tuple(_finding_values(record.id, f) for f in record.findings)
    return findings, _provenance_json(record.provenance) if record.provenance else None


def _provenance_json(provenance: dict[str, Provenance]) -> str:
    """The record's provenance as one JSON object (field path -> entry), without unknown (None) keys."""
    return _PROVENANCE_SERIALIZER.to_json(provenance, exclude_none=True).decode()


def _finding_values(record_id: str, finding: Finding) -> tuple[object, ...]:
    """A findings row, in FINDING_COLUMNS order."""
    return (record_id, finding.field, finding.code, str(finding.severity), finding.message)


def _message_values(stored: StoredForm, document_id: str, now: dt.datetime) -> tuple[object, ...]:
    """A ready record's outbox message, in MESSAGE_COLUMNS order."""
    return pending_message(stored.id, RECORDS_DESTINATION, stored.id, document_id, stored.data, now)


def pending_message(
    key: str, destination: str, record_id: str | None, document_id: str, payload: str, now: dt.datetime
) -> tuple[object, ...]:
    """A new pending outbox message (due now, no attempts yet), in MESSAGE_COLUMNS order."""
    return (key, destination, record_id, document_id, payload, OutboxStatus.PENDING.value, 0, now, now)
