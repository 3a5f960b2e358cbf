"""The store's tables (SQLModel). Alembic migrations in `migrations/` create them; keep both in step.

Records keep the whole contract record as JSON (`data`) plus indexed columns for the queries
the queue, the web UI and `stats` make. Times are timezone-aware UTC.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any

from sqlalchemy import Column, DateTime, Dialect, Text, TypeDecorator
from sqlmodel import Field, SQLModel


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Aware UTC datetimes on every backend (SQLite keeps no zone: naive values read back as UTC)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        aware = value if value.tzinfo else value.replace(tzinfo=dt.UTC)
        return aware.astimezone(dt.UTC)

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def _when(index: bool = False, nullable: bool = True) -> Any:
    return Field(default=None, sa_column=Column(UTCDateTime(), index=index, nullable=nullable))


def _required_when(index: bool = False) -> Any:
    return Field(sa_column=Column(UTCDateTime(), index=index, nullable=False))


class DocumentStatus(StrEnum):
    PENDING = "pending"  # registered and archived, waiting for a worker
    PROCESSED = "processed"  # records stored
    FAILED = "failed"  # the parser broke; the original is archived, a rejected record says why


class Document(SQLModel, table=True):
    """One received file, identified by its sha256: the same bytes are processed once."""

    __tablename__ = "documents"

    id: str = Field(primary_key=True, max_length=40)
    sha256: str = Field(unique=True, max_length=64)
    original_name: str = Field(max_length=255)
    original_path: str = Field(sa_column=Column(Text, nullable=False))
    archive_path: str = Field(sa_column=Column(Text, nullable=False))
    size_bytes: int = 0
    kind: str | None = Field(default=None, max_length=32)
    status: str = Field(default=DocumentStatus.PENDING, index=True, max_length=32)
    outcome: str | None = Field(default=None, max_length=32)
    error_code: str | None = Field(default=None, max_length=64)
    attempts: int = 0
    received_at: dt.datetime = _required_when(index=True)
    processed_at: dt.datetime | None = _when()
    lease_owner: str | None = Field(default=None, max_length=128)
    lease_expires_at: dt.datetime | None = _when(index=True)
    parse_seconds: float | None = None  # wall time of parsing (OCR, for a fax)


class RecordRow(SQLModel, table=True):
    """A contract record (referral, claim or rejected document) and its query columns."""

    __tablename__ = "records"

    id: str = Field(primary_key=True, max_length=40)
    document_id: str = Field(foreign_key="documents.id", index=True, max_length=40)
    record_type: str = Field(index=True, max_length=16)
    status: str = Field(index=True, max_length=32)
    urgent: bool = Field(default=False, index=True)
    due_at: dt.datetime | None = _when(index=True)
    member_id: str | None = Field(default=None, index=True, max_length=80)
    payer_id: str | None = Field(default=None, index=True, max_length=80)
    payer_name: str | None = Field(default=None, max_length=255)
    service_type: str | None = Field(default=None, index=True, max_length=32)
    data: str = Field(sa_column=Column(Text, nullable=False))
    version: int = 1
    touched_by_person: bool = False
    created_at: dt.datetime = _required_when(index=True)
    updated_at: dt.datetime = _required_when()
    ready_at: dt.datetime | None = _when()


class FindingRow(SQLModel, table=True):
    """A record's findings, one row each, so the queue can filter by code."""

    __tablename__ = "findings"

    id: int | None = Field(default=None, primary_key=True)
    record_id: str = Field(foreign_key="records.id", index=True, max_length=40)
    field: str | None = Field(default=None, max_length=255)
    code: str = Field(index=True, max_length=64)
    severity: str = Field(max_length=16)
    message: str = Field(sa_column=Column(Text, nullable=False))


class ProvenanceRow(SQLModel, table=True):
    """Where a record's values came from: one row per record, `data` the JSON object of the
    contract's provenance (field path -> entry: page, bbox, segment line, method). Readers use the
    record's own JSON; this row is what a query on provenance alone reads (migration 0007)."""

    __tablename__ = "provenance"

    record_id: str = Field(foreign_key="records.id", primary_key=True, max_length=40)
    data: str = Field(sa_column=Column(Text, nullable=False))


class OutboxStatus(StrEnum):
    PENDING = "pending"
    DELIVERED = "delivered"
    DEAD = "dead"


class OutboxMessage(SQLModel, table=True):
    """A message to deliver, written in the same transaction as what it carries.

    `key` is unique: the idempotency key (a record id, or `ack:<document>:<n>`), so a record
    is queued for delivery once however often its document is processed.
    """

    __tablename__ = "outbox_messages"

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(unique=True, max_length=128)
    destination: str = Field(index=True, max_length=16)  # "records" | "acks"
    record_id: str | None = Field(default=None, index=True, max_length=40)
    document_id: str | None = Field(default=None, index=True, max_length=40)
    payload: str = Field(sa_column=Column(Text, nullable=False))
    status: str = Field(default=OutboxStatus.PENDING, index=True, max_length=16)
    attempts: int = 0
    next_attempt_at: dt.datetime = _required_when(index=True)
    last_error: str | None = Field(default=None, max_length=255)
    created_at: dt.datetime = _required_when()
    delivered_at: dt.datetime | None = _when()
    lease_owner: str | None = Field(default=None, max_length=128)
    lease_expires_at: dt.datetime | None = _when()


class AuditEvent(SQLModel, table=True):
    """Something a person (or the service on their behalf) changed: who, when, what, before, after."""

    __tablename__ = "audit_events"

    id: int | None = Field(default=None, primary_key=True)
    at: dt.datetime = _required_when(index=True)
    actor: str = Field(max_length=128)
    action: str = Field(max_length=32)  # "correct" | "release" | "reject" | ...
    record_id: str | None = Field(default=None, index=True, max_length=40)
    field: str | None = Field(default=None, max_length=255)
    before: str | None = Field(default=None, sa_column=Column(Text))  # JSON
    after: str | None = Field(default=None, sa_column=Column(Text))  # JSON
    note: str | None = Field(default=None, sa_column=Column(Text))


class ControlNumber(SQLModel, table=True):
    """Interchange control numbers for acknowledgements, shared by every worker of one database."""

    __tablename__ = "control_numbers"

    name: str = Field(primary_key=True, max_length=32)
    value: int = 0


ALL_TABLES = (Document, RecordRow, FindingRow, ProvenanceRow, OutboxMessage, AuditEvent, ControlNumber)
