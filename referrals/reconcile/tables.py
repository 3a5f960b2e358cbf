"""Reconciliation's own tables, on the store's SQLModel metadata (the same database and engine).

- `reconcile_authorizations`: every authorization on file, unique per (source kind, source id,
  number): re-reading a 278 or re-importing a CSV replaces a row, never doubles it.
- `reconcile_billed_lines`: each 837 claim line, flattened, keyed by (claim record id, line).
- `reconcile_results`: the latest outcome per line, with what it was before (`previous_outcome`)
  and what changed in the last run (`change`), so a re-run says "now matched".
- `reconcile_runs`: one row per run, with counts.
Money is stored in cents (integers): exact, and fast to sum on both SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, DateTime, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


def _utc_column(index: bool = False) -> Column[dt.datetime]:
    return Column(DateTime(timezone=True), index=index, nullable=True)


class AuthorizationRow(SQLModel, table=True):
    __tablename__ = "reconcile_authorizations"
    __table_args__ = (UniqueConstraint("source_kind", "source_id", "number_key", name="uq_reconcile_auth_source"),)

    id: int | None = Field(default=None, primary_key=True)
    number: str | None = Field(default=None, max_length=64)
    number_key: str = Field(default="", index=True, max_length=64)  # normalized; "" when none
    member_id: str | None = Field(default=None, index=True, max_length=80)
    payer_id: str | None = Field(default=None, index=True, max_length=80)
    service_codes: str = Field(default="", sa_column=Column(Text, nullable=False))  # space separated
    authorized_quantity: float | None = None
    effective_from: dt.date | None = None
    effective_to: dt.date | None = None
    servicing_npi: str | None = Field(default=None, max_length=10)
    status: str = Field(max_length=16)
    source_kind: str = Field(max_length=16)
    source_id: str = Field(max_length=160)
    source_document: str | None = Field(default=None, max_length=64)
    recorded_at: dt.datetime | None = Field(default=None, sa_column=_utc_column())
    updated_at: dt.datetime | None = Field(default=None, sa_column=_utc_column(index=True))


class BilledLineRow(SQLModel, table=True):
    __tablename__ = "reconcile_billed_lines"
    __table_args__ = (
        Index("ix_reconcile_lines_billing_order", "service_date", "received_at", "claim_record_id", "line_index"),
    )

    claim_record_id: str = Field(primary_key=True, max_length=40)
    line_index: int = Field(primary_key=True)
    claim_id: str | None = Field(default=None, index=True, max_length=64)
    member_id: str | None = Field(default=None, max_length=80)
    payer_id: str | None = Field(default=None, index=True, max_length=80)
    code: str = Field(max_length=16)
    modifiers: str = Field(default="", max_length=32)  # space separated
    charge_cents: int = 0
    units: float = 1.0
    service_date: dt.date | None = None
    prior_authorization: str | None = Field(default=None, max_length=64)
    authorization_on_line: bool = False
    frequency_code: str | None = Field(default=None, max_length=1)  # CLM05-3
    billing_npi: str | None = Field(default=None, max_length=10)
    rendering_npi: str | None = Field(default=None, max_length=10)
    source_document: str | None = Field(default=None, max_length=64)
    received_at: dt.datetime | None = Field(default=None, sa_column=_utc_column())
    stored_at: dt.datetime | None = Field(default=None, sa_column=_utc_column(index=True))


class LineResultRow(SQLModel, table=True):
    __tablename__ = "reconcile_results"

    claim_record_id: str = Field(primary_key=True, max_length=40)
    line_index: int = Field(primary_key=True)
    outcome: str = Field(index=True, max_length=16)
    match_kind: str = Field(max_length=16)
    authorization_id: int | None = None
    authorization_number: str | None = Field(default=None, max_length=64)
    match_reason: str = Field(default="", sa_column=Column(Text, nullable=False))
    kinds: str = Field(default="", max_length=255)  # discrepancy kinds, space separated
    discrepancies: str = Field(default="[]", sa_column=Column(Text, nullable=False))  # JSON
    at_risk_cents: int = 0
    units_billed_before: float = 0.0
    signature: str = Field(default="", max_length=40)  # what the outcome is, to see a change cheaply
    change: str = Field(default="new", max_length=24)
    previous_outcome: str | None = Field(default=None, max_length=16)
    first_seen_at: dt.datetime | None = Field(default=None, sa_column=_utc_column())
    updated_at: dt.datetime | None = Field(default=None, sa_column=_utc_column())
    run_id: int | None = None


class RunRow(SQLModel, table=True):
    __tablename__ = "reconcile_runs"

    id: int | None = Field(default=None, primary_key=True)
    started_at: dt.datetime | None = Field(default=None, sa_column=_utc_column())
    finished_at: dt.datetime | None = Field(default=None, sa_column=_utc_column())
    lines: int = 0
    changed: int = 0
    newly_matched: int = 0
    at_risk_cents: int = 0


class SyncMarkRow(SQLModel, table=True):
    """How far reconciliation has read the store's records (by their `updated_at`)."""

    __tablename__ = "reconcile_sync_marks"

    name: str = Field(primary_key=True, max_length=32)
    mark: dt.datetime | None = Field(default=None, sa_column=_utc_column())


RECONCILE_TABLES = (AuthorizationRow, BilledLineRow, LineResultRow, RunRow, SyncMarkRow)
