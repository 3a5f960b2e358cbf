"""Documents in the store: registration by sha256, and leases that let several workers share them.

A worker claims a document by setting `lease_owner` and `lease_expires_at`. On PostgreSQL the
candidate row is selected `FOR UPDATE SKIP LOCKED`, so workers never wait on each other; on
SQLite the transaction takes the write lock at BEGIN. The claim UPDATE is conditional in both,
so a lease is only taken when it is free or expired.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Dialect, Table, bindparam, case, or_, update
from sqlalchemy import select as core_select
from sqlmodel import Session, SQLModel, col, select

from referrals.store.bulk import insert_rows, sqlite_utc_text
from referrals.store.models import Document, DocumentStatus

# The pipeline's hot path runs prebuilt Core statements on the session's connection: building
# and executing ORM statements costs far more per file than SQLite itself (bench/service.py).
DOCUMENTS: Table = SQLModel.metadata.tables["documents"]
CONTROL_NUMBERS: Table = SQLModel.metadata.tables["control_numbers"]


@dataclass(frozen=True, slots=True)
class DocumentRef:
    """What the pipeline needs of a document it works on (a light copy of its row)."""

    id: str
    sha256: str
    original_name: str
    archive_path: str
    received_at: dt.datetime

    @classmethod
    def of(cls, document: Document) -> DocumentRef:
        return cls(document.id, document.sha256, document.original_name, document.archive_path, document.received_at)


@dataclass(frozen=True, slots=True)
class KnownDocument:
    """A stored document found by sha256: enough to tell a resumed take from a duplicate."""

    id: str
    original_path: str
    size_bytes: int


def document_id(sha256: str) -> str:
    return f"doc_{hashlib.sha256(sha256.encode()).hexdigest()[:24]}"


_BY_SHA = core_select(DOCUMENTS.c.sha256, DOCUMENTS.c.id, DOCUMENTS.c.original_path, DOCUMENTS.c.size_bytes).where(
    DOCUMENTS.c.sha256.in_(bindparam("shas", expanding=True))
)


def find_all_by_sha(session: Session, sha256s: Iterable[str]) -> dict[str, KnownDocument]:
    """The stored documents with any of these sha256s, by sha256 (one query)."""
    rows = session.connection().execute(_BY_SHA, {"shas": sorted(set(sha256s))})
    return {sha: KnownDocument(id_, path, size) for sha, id_, path, size in rows}


def add_documents(session: Session, documents: list[dict[str, object]]) -> None:
    """Insert new documents (column values, as `Document` names them, the same columns for each)
    in one multi-row INSERT (referrals.store.bulk)."""
    if documents:
        columns = tuple(documents[0])
        rows = [tuple(document[column] for column in columns) for document in documents]
        insert_rows(session.connection(), DOCUMENTS, columns, rows)


def _claimable(now: dt.datetime) -> ColumnElement[bool]:
    return (col(Document.status) == DocumentStatus.PENDING) & or_(
        col(Document.lease_owner).is_(None), col(Document.lease_expires_at) < now
    )


def claim(
    session: Session, owner: str, lease: dt.timedelta, now: dt.datetime, wanted: str | None = None
) -> Document | None:
    """Take the lease on document `wanted` (or the oldest claimable one); None when none is free."""
    query = select(Document).where(_claimable(now))
    if wanted is not None:
        query = query.where(Document.id == wanted)
    query = query.order_by(col(Document.received_at)).limit(1).with_for_update(skip_locked=True)
    candidate = session.exec(query).first()
    if candidate is None:
        return None
    taken = session.execute(
        update(Document)
        .execution_options(synchronize_session=False)
        .where(col(Document.id) == candidate.id, _claimable(now))
        .values(lease_owner=owner, lease_expires_at=now + lease, attempts=Document.attempts + 1)
    )
    if taken.rowcount != 1:  # type: ignore[attr-defined]
        return None
    session.refresh(candidate)
    return candidate


def renew_leases(session: Session, document_ids: list[str], owner: str, lease: dt.timedelta, now: dt.datetime) -> int:
    """Push out the expiry of the leases `owner` still holds on these documents; how many it held."""
    renewed = session.execute(_HELD_UPDATE.values(lease_expires_at=now + lease), _held(document_ids, owner))
    return int(renewed.rowcount)  # type: ignore[attr-defined]


def release_leases(session: Session, document_ids: list[str], owner: str) -> int:
    """Give back `owner`'s leases on these pending documents (a stopping worker): claimable at once."""
    released = session.execute(_HELD_UPDATE.values(lease_owner=None, lease_expires_at=None), _held(document_ids, owner))
    return int(released.rowcount)  # type: ignore[attr-defined]


# The pending documents among `ids` whose lease `owner` holds (parameters: `_held`).
_HELD_BY = (
    DOCUMENTS.c.id.in_(bindparam("ids", expanding=True)),
    DOCUMENTS.c.lease_owner == bindparam("owner"),
    DOCUMENTS.c.status == DocumentStatus.PENDING,
)
_HELD_UPDATE = update(DOCUMENTS).where(*_HELD_BY)
_LEASED = core_select(DOCUMENTS.c.id).where(*_HELD_BY).with_for_update()


def _held(document_ids: list[str], owner: str) -> dict[str, object]:
    return {"ids": document_ids, "owner": owner}


def leased_to(session: Session, document_ids: list[str], owner: str) -> set[str]:
    """Which of these pending documents `owner` holds the lease of, locked until the transaction
    ends (FOR UPDATE on PostgreSQL; SQLite's write lock is taken at BEGIN), so it cannot be lost
    before the caller commits."""
    rows = session.connection().execute(_LEASED, _held(document_ids, owner))
    return {document_id for (document_id,) in rows}


_FINISH = (
    update(DOCUMENTS)
    .where(
        DOCUMENTS.c.id == bindparam("b_id"),
        DOCUMENTS.c.lease_owner == bindparam("b_owner"),
        DOCUMENTS.c.status == DocumentStatus.PENDING,
    )
    .values(
        status=bindparam("b_status"),
        outcome=bindparam("b_outcome"),
        kind=bindparam("b_kind"),
        processed_at=bindparam("b_now"),
        error_code=bindparam("b_error_code"),
        parse_seconds=bindparam("b_parse_seconds"),
        lease_owner=None,
        lease_expires_at=None,
    )
)


def finish_all(session: Session, done: list[dict[str, object]]) -> None:
    """Mark documents done, one UPDATE for all (executemany). Each dict: b_id, b_owner, b_status,
    b_outcome, b_kind, b_now, b_error_code, b_parse_seconds. Call `leased_to` first in the same
    transaction: the lease condition here only guards, its row count is not checked.

    On PostgreSQL, when all share one owner and time (the pipeline's case), it is ONE statement
    over arrays of the values: executemany would have the server run an UPDATE per document.
    On SQLite the driver's executemany gets the values as they are, the time as its text
    (SQLAlchemy's parameter handling per document cost more than the UPDATE itself)."""
    if not done:
        return
    connection = session.connection()
    dialect = connection.dialect.name
    if dialect == "postgresql" and len({(d["b_owner"], d["b_now"]) for d in done}) == 1:
        connection.exec_driver_sql(_FINISH_FROM_ARRAYS, _arrays_of(done, connection.dialect))
    elif dialect == "sqlite":
        connection.exec_driver_sql(_FINISH_SQLITE, [d | {"b_now": sqlite_utc_text(d["b_now"])} for d in done])  # type: ignore[arg-type]
    else:
        connection.execute(_FINISH, done)


# The same UPDATE as _FINISH for SQLite's driver (named parameters; b_now as sqlite_utc_text).
_FINISH_SQLITE = """
UPDATE documents SET status = :b_status, outcome = :b_outcome, kind = :b_kind, processed_at = :b_now,
    error_code = :b_error_code, parse_seconds = :b_parse_seconds, lease_owner = NULL, lease_expires_at = NULL
WHERE id = :b_id AND lease_owner = :b_owner AND status = 'pending'
"""


# The same UPDATE as _FINISH for many documents at once (psycopg parameters; %b: binary arrays).
_FINISH_FROM_ARRAYS = """
UPDATE documents SET status = v.status, outcome = v.outcome, kind = v.kind, processed_at = %(b_now)s,
    error_code = v.error_code, parse_seconds = v.parse_seconds, lease_owner = NULL, lease_expires_at = NULL
FROM unnest(%(b_id)b::text[], %(b_status)b::text[], %(b_outcome)b::text[], %(b_kind)b::text[],
    %(b_error_code)b::text[], %(b_parse_seconds)b::float8[])
    AS v(id, status, outcome, kind, error_code, parse_seconds)
WHERE documents.id = v.id AND documents.lease_owner = %(b_owner)s AND documents.status = 'pending'
"""
_ARRAYS = ("b_id", "b_status", "b_outcome", "b_kind", "b_error_code", "b_parse_seconds")


def _arrays_of(done: list[dict[str, object]], dialect: Dialect) -> dict[str, object]:
    """One list per varying value (plain str for the status enums), the shared owner and time
    (in UTC, as the column's type binds it)."""
    arrays: dict[str, object] = {
        key: [str(d[key]) if isinstance(d[key], str) else d[key] for d in done] for key in _ARRAYS
    }
    as_bound = DOCUMENTS.c.processed_at.type.dialect_impl(dialect).bind_processor(dialect)
    now = done[0]["b_now"]
    return arrays | {"b_owner": done[0]["b_owner"], "b_now": as_bound(now) if as_bound else now}


def finish(
    session: Session,
    doc: Document,
    owner: str,
    *,
    kind: str | None,
    outcome: str,
    status: DocumentStatus,
    now: dt.datetime,
    error_code: str | None = None,
    parse_seconds: float | None = None,
) -> bool:
    """Mark one document done if `owner` still holds its lease; False when the lease was lost."""
    if doc.id not in leased_to(session, [doc.id], owner):
        return False
    done = {"b_id": doc.id, "b_owner": owner, "b_status": status, "b_outcome": outcome, "b_kind": kind}
    finish_all(session, [done | {"b_now": now, "b_error_code": error_code, "b_parse_seconds": parse_seconds}])
    return True


MAX_CONTROL_NUMBER = 999_999_999


def next_control_numbers(session: Session, count: int, name: str = "ack") -> list[int]:
    """`count` consecutive control numbers in one UPDATE; past 999999999 the run restarts at 1."""
    if count <= 0:
        return []
    result = session.connection().execute(_RESERVE, {"b_count": count, "b_name": name})
    last = int(result.scalar_one())
    return list(range(last - count + 1, last + 1))


_VALUE = CONTROL_NUMBERS.c.value
_RESERVE = (
    update(CONTROL_NUMBERS)
    .where(CONTROL_NUMBERS.c.name == bindparam("b_name"))
    .values(
        value=case(
            (_VALUE + bindparam("b_count") > MAX_CONTROL_NUMBER, bindparam("b_count")),
            else_=_VALUE + bindparam("b_count"),
        )
    )
    .returning(_VALUE)
)
