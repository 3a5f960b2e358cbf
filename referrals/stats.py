"""`intake stats`: how the intake is doing, from the store (counts, rates, times; no patient data)."""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import func
from sqlalchemy import select as sql_select
from sqlmodel import Session, col, select

from referrals.domain import Status
from referrals.store.models import Document, OutboxMessage, RecordRow, utcnow


@dataclass
class Stats:
    records_by_status: dict[str, int] = field(default_factory=dict)
    documents_by_outcome: dict[str, int] = field(default_factory=dict)
    outbox_by_status: dict[str, int] = field(default_factory=dict)
    straight_through_rate: float | None = None
    clarification_rate: float | None = None
    median_seconds_to_ready: float | None = None
    due_time_breaches: int = 0
    dead_letters: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def collect(session: Session, now: dt.datetime | None = None) -> Stats:
    stats = Stats(
        records_by_status=_counts(session, col(RecordRow.status)),
        documents_by_outcome=_counts(session, col(Document.outcome)),
        outbox_by_status=_counts(session, col(OutboxMessage.status)),
    )
    stats.dead_letters = stats.outbox_by_status.get("dead", 0)
    _rates(session, stats, now or utcnow())
    return stats


def _counts(session: Session, column: Any) -> dict[str, int]:
    rows = session.exec(select(column, func.count()).group_by(column)).all()
    return {str(key): int(count) for key, count in rows if key is not None}


def _rates(session: Session, stats: Stats, now: dt.datetime) -> None:
    query = sql_select(
        col(RecordRow.status),
        col(RecordRow.touched_by_person),
        col(RecordRow.ready_at),
        col(RecordRow.due_at),
        col(Document.received_at),
    ).join(Document, col(Document.id) == col(RecordRow.document_id))
    rows = session.execute(query.where(col(RecordRow.record_type) != "document")).all()
    if not rows:
        return
    straight = sum(1 for status, touched, *_ in rows if status == Status.READY and not touched)
    clarified = sum(1 for status, touched, *_ in rows if status == Status.NEEDS_CLARIFICATION or touched)
    stats.straight_through_rate = round(straight / len(rows), 4)
    stats.clarification_rate = round(clarified / len(rows), 4)
    waits = [(ready - received).total_seconds() for _, _, ready, _, received in rows if ready is not None]
    stats.median_seconds_to_ready = round(statistics.median(waits), 3) if waits else None
    stats.due_time_breaches = sum(1 for status, _, ready, due, _ in rows if _breached(status, ready, due, now))


def _breached(status: str, ready: dt.datetime | None, due: dt.datetime | None, now: dt.datetime) -> bool:
    if due is None or status == Status.REJECTED:
        return False
    return (ready or now) > due
