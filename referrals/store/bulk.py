"""Multi-row INSERTs for the pipeline's hot path, handed to the driver as they are.

    insert_rows(connection, table, columns, rows)   # rows: tuples in `columns` order

SQLite: the driver's executemany of SQLAlchemy's INSERT, compiled once (sqlite3 loops over the
rows in C). PostgreSQL: `COPY table (columns) FROM STDIN` on the transaction's own connection:
psycopg's executemany has the server parse, bind and run an INSERT per row, which costs the
server and the client several times more CPU than one COPY of the same rows (bench/service.py).
Both run inside the caller's transaction, with the tables' constraints and defaults as for INSERT.

Values pass through the columns' own bind processors (UTC datetimes, SQLite's datetime text,
booleans), so a row reads back exactly as if the ORM had inserted it. SQLAlchemy's per-row
parameter handling is what is skipped: per row it costs more than a findings or provenance row.
On SQLite a UTC time column's processor is replaced by `sqlite_utc_text`, which writes the same
text in one C call (SQLAlchemy's builds a dict and %-formats it: about ten times the instructions,
and a 1-claim file binds about a dozen times).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from sqlalchemy import Connection, Dialect, Table, insert
from sqlalchemy.exc import DBAPIError

from referrals.store.models import UTCDateTime

Row = tuple[object, ...]


@dataclass(frozen=True)
class _Plan:
    sql: str
    defaults: Row  # values of the columns not named that have a scalar default, appended to each row
    converters: tuple[tuple[int, Callable[[Any], Any]], ...]  # (place, bind processor) of columns that have one
    order: tuple[int, ...] | None  # positional parameters: their places in `columns`; None: as given
    copy: bool  # PostgreSQL: `sql` is a COPY ... FROM STDIN


def insert_rows(connection: Connection, table: Table, columns: tuple[str, ...], rows: Sequence[Row]) -> None:
    """Insert `rows` (values in `columns` order; a column not named takes its scalar default,
    or NULL; one with a computed default must be named)."""
    if not rows:
        return
    plan = _plan(connection.dialect, table, columns)
    values = _converted(rows, plan) if plan.converters or plan.defaults else rows
    if plan.copy:
        _copy(connection, plan.sql, values)
    elif plan.order is None:
        connection.exec_driver_sql(plan.sql, list(values))
    else:
        order = plan.order
        connection.exec_driver_sql(plan.sql, [tuple(row[place] for place in order) for row in values])


def _copy(connection: Connection, sql: str, rows: Sequence[Row]) -> None:
    """COPY on the DBAPI connection of `connection`, so inside its transaction. A driver error
    is raised as SQLAlchemy's (IntegrityError for a duplicate key), as an INSERT's would be,
    without its parameters (PHI)."""
    dbapi = connection.dialect.loaded_dbapi
    try:
        with connection.connection.driver_connection.cursor() as cursor, cursor.copy(sql) as copy:  # type: ignore[union-attr]
            for row in rows:
                copy.write_row(row)
    except dbapi.Error as exc:
        dialect = connection.dialect
        raise DBAPIError.instance(sql, None, exc, dbapi.Error, hide_parameters=True, dialect=dialect) from exc


def _converted(rows: Sequence[Row], plan: _Plan) -> list[Row]:
    out = []
    defaults, converters = list(plan.defaults), plan.converters
    for row in rows:
        values = [*row, *defaults]
        for place, convert in converters:
            values[place] = convert(values[place])
        out.append(tuple(values))
    return out


@functools.cache
def _plan(dialect: Dialect, table: Table, named: tuple[str, ...]) -> _Plan:
    defaults = _scalar_defaults(table, named)
    columns = (*named, *defaults)
    converters = tuple(
        (place, processor) for place, name in enumerate(columns) if (processor := _processor(dialect, table, name))
    )
    values = tuple(defaults.values())
    if dialect.name == "postgresql":
        return _Plan(_copy_sql(dialect, table, columns), values, converters, None, copy=True)
    compiled = insert(table).compile(dialect=dialect, column_keys=list(columns), for_executemany=True)
    if not compiled.positional:
        raise ValueError(f"{dialect.name}: named parameters are not supported here")
    order = tuple(columns.index(key) for key in compiled.positiontup or ())
    in_place = order == tuple(range(len(columns)))
    return _Plan(str(compiled), values, converters, None if in_place else order, copy=False)


def _processor(dialect: Dialect, table: Table, name: str) -> Callable[[Any], Any] | None:
    """The column's bind processor, or for a UTC time on SQLite its faster equivalent."""
    column_type = table.c[name].type
    if dialect.name == "sqlite" and isinstance(column_type, UTCDateTime):
        return sqlite_utc_text
    return column_type.dialect_impl(dialect).bind_processor(dialect)


def sqlite_utc_text(value: dt.datetime | None) -> str | None:
    """A UTCDateTime as SQLAlchemy's SQLite dialect stores it: the UTC time (a naive one taken as
    UTC) as 'YYYY-MM-DD HH:MM:SS.ffffff', microseconds always written (SQLite compares it as text)."""
    if value is None:
        return None
    if value.tzinfo is not None:
        value = value.astimezone(dt.UTC).replace(tzinfo=None)
    return value.isoformat(" ", "microseconds")


def _scalar_defaults(table: Table, named: tuple[str, ...]) -> dict[str, object]:
    """The columns not named that have a client-side default: their (scalar) values."""
    defaults: dict[str, object] = {}
    for column in table.columns:
        default = column.default
        if column.name in named or default is None:
            continue
        if not getattr(default, "is_scalar", False):
            raise ValueError(f"{table.name}.{column.name} has a computed default: name it")
        value = default.arg  # type: ignore[attr-defined]
        defaults[column.name] = value.value if isinstance(value, Enum) else value
    return defaults


def _copy_sql(dialect: Dialect, table: Table, columns: tuple[str, ...]) -> str:
    preparer = dialect.identifier_preparer
    names = ", ".join(preparer.format_column(table.c[name]) for name in columns)
    return f"COPY {preparer.format_table(table)} ({names}) FROM STDIN"
