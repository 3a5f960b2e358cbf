"""Reading and writing reconciliation's tables: domain objects in, domain objects out.

Writes are batched upserts (`INSERT .. ON CONFLICT DO UPDATE`, on SQLite and PostgreSQL);
reads of billed lines stream in billing order (`yield_per`) so memory stays bounded.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Any, NamedTuple

from sqlalchemy import Connection, Engine, Table, select
from sqlmodel import Session, SQLModel

from referrals.reconcile.bulk import delete_beyond, upsert_rows
from referrals.reconcile.engine import normalize_number
from referrals.reconcile.model import (
    Authorization,
    AuthorizationSourceKind,
    AuthorizationStatus,
    BilledLine,
)
from referrals.reconcile.tables import RECONCILE_TABLES, AuthorizationRow, BilledLineRow, LineResultRow

BATCH = 5000
CENTS = Decimal(100)


def ensure_tables(engine: Engine | Connection) -> None:
    """Create reconciliation's tables if missing (migration 0003_reconcile calls this too)."""
    SQLModel.metadata.create_all(engine, tables=[_table(model) for model in RECONCILE_TABLES])


def _table(model: type[SQLModel]) -> Table:
    table: Table = model.__table__  # type: ignore[attr-defined]
    return table


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def as_utc(value: dt.datetime | None) -> dt.datetime | None:
    """SQLite gives naive datetimes back: they were stored as UTC."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=dt.UTC)


def upsert(session: Session, model: type[SQLModel], rows: Sequence[dict[str, Any]], keys: Sequence[str]) -> None:
    """Insert rows (dicts with the same columns), replacing the non-key columns where `keys` exist."""
    if not rows:
        return
    columns = list(rows[0])
    tuples = [tuple(row[c] for c in columns) for row in rows]
    upsert_rows(session, _table(model), columns, tuples, keys)


# -- authorizations ---------------------------------------------------------------------------

AUTH_KEYS = ("source_kind", "source_id", "number_key")


def save_authorizations(session: Session, authorizations: Iterable[Authorization]) -> int:
    rows = _unique([_authorization_row(a) for a in authorizations], AUTH_KEYS)
    if rows:
        upsert(session, AuthorizationRow, rows, AUTH_KEYS)
    return len(rows)


def _authorization_row(auth: Authorization) -> dict[str, Any]:
    return {
        "number": auth.number,
        "number_key": normalize_number(auth.number) or "",
        "member_id": auth.member_id,
        "payer_id": auth.payer_id,
        "service_codes": " ".join(sorted(auth.service_codes)),
        "authorized_quantity": auth.authorized_quantity,
        "effective_from": auth.effective_from,
        "effective_to": auth.effective_to,
        "servicing_npi": auth.servicing_npi,
        "status": auth.status.value,
        "source_kind": auth.source_kind.value,
        "source_id": auth.source_id,
        "source_document": auth.source_document,
        "recorded_at": auth.recorded_at,
        "updated_at": utcnow(),
    }


_STATUS = {status.value: status for status in AuthorizationStatus}
_SOURCE_KIND = {kind.value: kind for kind in AuthorizationSourceKind}


def load_authorizations(session: Session) -> Iterator[Authorization]:
    """Every authorization on file (plain rows, not ORM objects: 50,000 of them load in a blink)."""
    statement = select(_table(AuthorizationRow)).execution_options(yield_per=BATCH)
    for row in session.execute(statement):
        yield authorization_of_row(row._mapping)


def authorization_of_row(row: Any) -> Authorization:
    return Authorization(
        number=row["number"],
        member_id=row["member_id"],
        payer_id=row["payer_id"],
        service_codes=frozenset(row["service_codes"].split()),
        authorized_quantity=row["authorized_quantity"],
        effective_from=row["effective_from"],
        effective_to=row["effective_to"],
        servicing_npi=row["servicing_npi"],
        status=_STATUS[row["status"]],
        source_kind=_SOURCE_KIND[row["source_kind"]],
        source_id=row["source_id"],
        source_document=row["source_document"],
        recorded_at=row["recorded_at"],  # naive from SQLite: the engine's ranking reads it as UTC
        id=row["id"],
    )


# -- billed lines -------------------------------------------------------------------------------

LINE_KEYS = ("claim_record_id", "line_index")


def drop_lines_beyond(session: Session, line_counts: Sequence[tuple[str, int]]) -> None:
    """Forget lines (and their results) beyond each claim's current line count."""
    delete_beyond(session, _table(LineResultRow), line_counts)
    delete_beyond(session, _table(BilledLineRow), line_counts)


def save_billed_lines(session: Session, lines: Iterable[BilledLine]) -> int:
    stored_at = utcnow()
    rows = _unique([_line_row(line, stored_at) for line in lines], LINE_KEYS)
    if rows:
        upsert(session, BilledLineRow, rows, LINE_KEYS)
    return len(rows)


def _line_row(line: BilledLine, stored_at: dt.datetime) -> dict[str, Any]:
    return {
        "claim_record_id": line.claim_record_id,
        "line_index": line.line_index,
        "claim_id": line.claim_id,
        "member_id": line.member_id,
        "payer_id": line.payer_id,
        "code": line.code,
        "modifiers": " ".join(line.modifiers),
        "charge_cents": int(line.charge * CENTS),
        "units": line.units,
        "service_date": line.service_date,
        "prior_authorization": line.prior_authorization,
        "authorization_on_line": line.authorization_on_line,
        "frequency_code": line.frequency_code,
        "billing_npi": line.billing_npi,
        "rendering_npi": line.rendering_npi,
        "source_document": line.source_document,
        "received_at": line.received_at,
        "stored_at": stored_at,
    }


_LINE_COLUMNS = (
    "claim_record_id",
    "line_index",
    "claim_id",
    "member_id",
    "payer_id",
    "code",
    "modifiers",
    "charge_cents",
    "units",
    "service_date",
    "prior_authorization",
    "billing_npi",
    "rendering_npi",
    "source_document",
    "received_at",
    "authorization_on_line",
    "frequency_code",
)


class PreviousOutcome(NamedTuple):
    """What a line's stored result said before this run (read alongside the line itself)."""

    signature: str
    outcome: str
    match_kind: str
    first_seen_at: dt.datetime | None


def lines_in_billing_order(session: Session) -> Iterator[tuple[BilledLine, PreviousOutcome | None]]:
    """Every billed line with its previous result, streamed by service date, receipt, claim and line.

    The order is the table's billing-order index, so neither database sorts 100,000 rows; the
    previous result comes by primary key in the same pass, so no run holds them all in memory.
    """
    lines, results = _table(BilledLineRow).c, _table(LineResultRow).c
    order = (lines.service_date, lines.received_at, lines.claim_record_id, lines.line_index)
    same_line = (results.claim_record_id == lines.claim_record_id) & (results.line_index == lines.line_index)
    statement = (
        select(*(lines[name] for name in _LINE_COLUMNS), *(results[name] for name in PreviousOutcome._fields))
        .select_from(_table(BilledLineRow).outerjoin(_table(LineResultRow), same_line))
        .order_by(*order)
    )
    width = len(_LINE_COLUMNS)
    for row in session.execute(statement.execution_options(yield_per=BATCH)):
        previous = PreviousOutcome(*row[width:]) if row[width] is not None else None
        yield billed_line_of_row(row[:width]), previous


def billed_line_of_row(row: Any) -> BilledLine:
    """From a row of `_LINE_COLUMNS`, by position (the hot path of every run)."""
    (
        record_id,
        index,
        claim_id,
        member,
        payer,
        code,
        modifiers,
        cents,
        units,
        day,
        number,
        billing,
        rendering,
        document,
        received,
        on_line,
        frequency_code,
    ) = row
    return BilledLine(
        record_id,
        index,
        claim_id,
        member,
        payer,
        code,
        tuple(modifiers.split()) if modifiers else (),
        Decimal(cents).scaleb(-2),
        units,
        day,
        number,
        billing,
        rendering,
        document,
        received,
        bool(on_line),
        frequency_code,
    )


def _unique(rows: list[dict[str, Any]], keys: Sequence[str]) -> list[dict[str, Any]]:
    """One row per key, the last one winning (one INSERT may not name a key twice)."""
    by_key = {tuple(row[k] for k in keys): row for row in rows}
    return list(by_key.values())
