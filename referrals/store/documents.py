"""Documents in the store: registration by sha256, and leases that let several workers share them.

A worker claims a document by setting `lease_owner` and `lease_expires_at`. On PostgreSQL the
candidate row is selected `FOR UPDATE SKIP LOCKED`, so workers never wait on each other; on
SQLite the transaction takes the write lock at BEGIN. The claim UPDATE is conditional in both,
so a lease is only taken when it is free or expired.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from sqlalchemy import ColumnElement, case, or_, update
from sqlmodel import Session, col, select

from referrals.store.models import ControlNumber, Document, DocumentStatus


def document_id(sha256: str) -> str:
    return f"doc_{hashlib.sha256(sha256.encode()).hexdigest()[:24]}"


def find_by_sha(session: Session, sha256: str) -> Document | None:
    return session.exec(select(Document).where(Document.sha256 == sha256)).first()


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
    renewed = session.execute(
        update(Document)
        .execution_options(synchronize_session=False)
        .where(
            col(Document.id).in_(document_ids),
            col(Document.lease_owner) == owner,
            col(Document.status) == DocumentStatus.PENDING,
        )
        .values(lease_expires_at=now + lease)
    )
    return int(renewed.rowcount)  # type: ignore[attr-defined]


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
    """Mark the document done if `owner` still holds its lease; False when the lease was lost."""
    done = session.execute(
        update(Document)
        .execution_options(synchronize_session=False)
        .where(
            col(Document.id) == doc.id,
            col(Document.lease_owner) == owner,
            col(Document.status) == DocumentStatus.PENDING,
        )
        .values(
            status=status,
            outcome=outcome,
            kind=kind,
            processed_at=now,
            error_code=error_code,
            parse_seconds=parse_seconds,
            lease_owner=None,
            lease_expires_at=None,
        )
    )
    return bool(done.rowcount == 1)  # type: ignore[attr-defined]


MAX_CONTROL_NUMBER = 999_999_999


def next_control_number(session: Session, name: str = "ack") -> int:
    """The next interchange control number (1..999999999, then 1 again), in the caller's transaction."""
    bumped = case((col(ControlNumber.value) >= MAX_CONTROL_NUMBER, 1), else_=col(ControlNumber.value) + 1)
    result = session.execute(
        update(ControlNumber)
        .where(col(ControlNumber.name) == name)
        .values(value=bumped)
        .returning(col(ControlNumber.value))
    )
    return int(result.scalar_one())
