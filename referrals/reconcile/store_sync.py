"""Taking the service store's records into reconciliation, incrementally.

The store keeps every contract record (`records` table, JSON in `data`). Reconciliation reads
the claims and referrals updated since its mark (a record corrected by intake is read again),
turns them into billed lines and authorizations (`run.take_records`) and moves the mark.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator

from sqlalchemy import Engine, func, select
from sqlmodel import Session

from referrals.domain import Record, Status, parse_record
from referrals.reconcile.persist import as_utc, ensure_tables
from referrals.reconcile.run import TakenRecords, take_records
from referrals.reconcile.tables import SyncMarkRow
from referrals.store.models import RecordRow

MARK = "store_records"
BATCH = 2000


def prepare(engine: Engine) -> None:
    """The store's migrations, then reconciliation's own tables."""
    from referrals.store import upgrade

    upgrade(engine)
    ensure_tables(engine)


def sync_from_store(session: Session) -> TakenRecords:
    """Read claims and referrals stored or changed since the last sync; returns what was taken."""
    mark = _mark(session)
    newest = session.execute(select(func.max(RecordRow.__table__.c.updated_at))).scalar()  # type: ignore[attr-defined]
    claims = lines = authorizations = 0
    for batch in _batches(_records_since(session, mark)):
        taken = take_records(session, batch)
        claims, lines = claims + taken.claims, lines + taken.lines
        authorizations += taken.authorizations
    if newest is not None:
        _set_mark(session, as_utc(newest))
    return TakenRecords(claims, lines, authorizations)


def _records_since(session: Session, mark: dt.datetime | None) -> Iterator[Record]:
    """Claims and referrals (not rejected documents) with `updated_at` at or after the mark."""
    columns = RecordRow.__table__.c  # type: ignore[attr-defined]
    statement = select(columns.data).where(columns.record_type.in_(("claim", "referral")))
    if mark is not None:
        statement = statement.where(columns.updated_at >= mark)
    for (data,) in session.execute(statement.execution_options(yield_per=BATCH)):
        record = parse_record(json.loads(data))
        if record.status is not Status.REJECTED:
            yield record


def _batches(records: Iterator[Record]) -> Iterator[list[Record]]:
    batch: list[Record] = []
    for record in records:
        batch.append(record)
        if len(batch) >= BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _mark(session: Session) -> dt.datetime | None:
    row = session.get(SyncMarkRow, MARK)
    return as_utc(row.mark) if row else None


def _set_mark(session: Session, when: dt.datetime | None) -> None:
    row = session.get(SyncMarkRow, MARK) or SyncMarkRow(name=MARK)
    row.mark = when
    session.add(row)
