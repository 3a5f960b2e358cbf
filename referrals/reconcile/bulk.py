"""Bulk upserts straight through the database driver: the one hot write path of a run.

SQLAlchemy's executemany compiles and type-processes every parameter of every row in Python,
which for 100,000 results costs more than matching them. Here the statement text is built once
(`INSERT .. ON CONFLICT (keys) DO UPDATE SET c = excluded.c`, the same on SQLite and PostgreSQL):
on SQLite the rows go to the driver's `executemany` as tuples; on PostgreSQL they are COPYed
into a temporary staging table and upserted from it in one statement. Values are bound as the column types
expect them: on SQLite dates and datetimes are written in SQLAlchemy's own text format (UTC,
no zone), so SQLModel reads them back unchanged; psycopg takes Python values as they are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Date, DateTime, Table
from sqlmodel import Session

BATCH = 5000


def upsert_rows(
    session: Session,
    table: Table,
    columns: Sequence[str],
    rows: Sequence[tuple[Any, ...]],
    keys: Sequence[str],
) -> None:
    """Insert `rows` (tuples in `columns` order), replacing the other columns where `keys` exist."""
    if not rows:
        return
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        _copy_then_upsert(connection.connection.driver_connection, table.name, columns, rows, keys)
        return
    sqlite = connection.dialect.name == "sqlite"
    statement = _statement(table.name, columns, keys, "?" if sqlite else "%s")
    temporal = [i for i, name in enumerate(columns) if isinstance(table.c[name].type, Date | DateTime)]
    as_text: dict[Any, Any] = {}
    for start in range(0, len(rows), BATCH):
        chunk = rows[start : start + BATCH]
        if sqlite and temporal:
            chunk = [_for_sqlite(row, temporal, as_text) for row in chunk]
        connection.exec_driver_sql(statement, list(chunk))


def _statement(table: str, columns: Sequence[str], keys: Sequence[str], marker: str) -> str:
    names = ", ".join(columns)
    markers = ", ".join(marker for _ in columns)
    updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c not in keys)
    return f"INSERT INTO {table} ({names}) VALUES ({markers}) ON CONFLICT ({', '.join(keys)}) DO UPDATE SET {updates}"


def _copy_then_upsert(
    raw: Any, table: str, columns: Sequence[str], rows: Sequence[tuple[Any, ...]], keys: Sequence[str]
) -> None:
    """PostgreSQL: COPY the rows into a session-local staging table, then one INSERT .. SELECT."""
    names, stage = ", ".join(columns), f"stage_{table}_{len(columns)}"
    update = _statement(table, columns, keys, "%s").partition(" ON CONFLICT ")[2]
    with raw.cursor() as cursor:
        cursor.execute(f"CREATE TEMP TABLE IF NOT EXISTS {stage} AS SELECT {names} FROM {table} WITH NO DATA")
        cursor.execute(f"TRUNCATE {stage}")
        with cursor.copy(f"COPY {stage} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        cursor.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM {stage} ON CONFLICT {update}")


def _for_sqlite(row: tuple[Any, ...], temporal: list[int], as_text: dict[Any, Any]) -> tuple[Any, ...]:
    """The row with its date/datetime values as SQLite text (each distinct value converted once)."""
    values = list(row)
    for i in temporal:
        value = values[i]
        if value is not None:
            text = as_text.get(value)
            if text is None:
                text = as_text[value] = _sqlite_value(value)
            values[i] = text
    return tuple(values)


def _sqlite_value(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def delete_beyond(session: Session, table: Table, bounds: Sequence[tuple[str, int]]) -> None:
    """Delete the rows of `table` whose (claim_record_id, line_index >= n) is in `bounds`: lines a
    corrected claim no longer has."""
    if not bounds:
        return
    connection = session.connection()
    marker = "?" if connection.dialect.name == "sqlite" else "%s"
    statement = f"DELETE FROM {table.name} WHERE claim_record_id = {marker} AND line_index >= {marker}"
    for start in range(0, len(bounds), BATCH):
        connection.exec_driver_sql(statement, list(bounds[start : start + BATCH]))
