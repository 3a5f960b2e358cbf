"""Dashboard figures over a window of days, and the small inline SVG charts that show them.

- straight-through rate: records ready without a person touching them, of all referrals and claims
- clarification rate: records that needed a person (in the queue now, or corrected); the industry
  runs at about 18%, good desks under 8%
- median time to ready, due-time breaches (ready after the due time, or still waiting past it)
- volume by source and by service type
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter
from dataclasses import dataclass

from sqlmodel import Session, col, select

from referrals.domain import Status
from referrals.store.models import Document, RecordRow, utcnow

INDUSTRY_CLARIFICATION_RATE = 0.18
GOOD_CLARIFICATION_RATE = 0.08


@dataclass(frozen=True)
class Figures:
    days: int
    records: int
    straight_through: int
    clarified: int
    waiting: int
    median_hours_to_ready: float | None
    breaches: int
    by_source: dict[str, int]
    by_service_type: dict[str, int]

    @property
    def straight_through_rate(self) -> float:
        return self.straight_through / self.records if self.records else 0.0

    @property
    def clarification_rate(self) -> float:
        return self.clarified / self.records if self.records else 0.0


def figures(session: Session, days: int = 30, now: dt.datetime | None = None) -> Figures:
    now = now or utcnow()
    query = (
        select(RecordRow, Document.kind)
        .join(Document, col(Document.id) == col(RecordRow.document_id))
        .where(
            col(RecordRow.record_type) != "document",
            col(RecordRow.created_at) >= now - dt.timedelta(days=days),
        )
    )
    rows = list(session.exec(query))
    records = [row for row, _ in rows]
    return Figures(
        days=days,
        records=len(records),
        straight_through=sum(
            1 for r in records if r.status == Status.READY.value and not r.touched_by_person
        ),
        clarified=sum(1 for r in records if _needed_a_person(r)),
        waiting=sum(1 for r in records if r.status == Status.NEEDS_CLARIFICATION.value),
        median_hours_to_ready=_median_hours(records),
        breaches=sum(1 for r in records if _breached(r, now)),
        by_source=dict(Counter(kind or "unknown" for _, kind in rows).most_common()),
        by_service_type=dict(Counter(r.service_type or "n/a" for r in records).most_common()),
    )


def _needed_a_person(row: RecordRow) -> bool:
    return row.touched_by_person or row.status == Status.NEEDS_CLARIFICATION.value


def _median_hours(records: list[RecordRow]) -> float | None:
    spans = [(r.ready_at - r.created_at).total_seconds() / 3600 for r in records if r.ready_at is not None]
    return statistics.median(spans) if spans else None


def _breached(row: RecordRow, now: dt.datetime) -> bool:
    if row.due_at is None:
        return False
    return (row.ready_at or now) > row.due_at if row.status != Status.REJECTED.value else False


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    y: float
    width: float


def bars(counts: dict[str, int], width: float = 220.0, row_height: float = 18.0) -> list[Bar]:
    """Horizontal bars for an SVG chart, the longest `width` wide."""
    top = max(counts.values(), default=0) or 1
    return [
        Bar(label, value, i * row_height, width * value / top)
        for i, (label, value) in enumerate(counts.items())
    ]
