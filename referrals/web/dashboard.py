"""Dashboard figures (from `referrals.stats.collect`, as `intake stats` shows them) and the small
inline SVG charts that show them.

- straight-through rate: records ready without a person touching them, of all referrals and claims
- clarification rate: records that needed a person (in the queue now, or corrected); the industry
  runs at about 18%, good desks under 8%
- median time to ready, due-time breaches (ready after the due time, or still waiting past it)
- volume by source and by service type
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlmodel import Session, col, select

from referrals.domain import Status
from referrals.stats import Stats, collect
from referrals.store.models import Document, RecordRow

INDUSTRY_CLARIFICATION_RATE = 0.18
GOOD_CLARIFICATION_RATE = 0.08


@dataclass(frozen=True)
class Figures:
    """`intake stats`'s numbers (one definition for both), plus the volumes the charts show."""

    stats: Stats
    records: int
    waiting: int
    by_source: dict[str, int]
    by_service_type: dict[str, int]

    @property
    def straight_through_rate(self) -> float:
        return self.stats.straight_through_rate or 0.0

    @property
    def clarification_rate(self) -> float:
        return self.stats.clarification_rate or 0.0

    @property
    def median_hours_to_ready(self) -> float | None:
        seconds = self.stats.median_seconds_to_ready
        return None if seconds is None else seconds / 3600

    @property
    def breaches(self) -> int:
        return self.stats.due_time_breaches


def figures(session: Session) -> Figures:
    query = (
        select(RecordRow.status, RecordRow.service_type, Document.kind)
        .join(Document, col(Document.id) == col(RecordRow.document_id))
        .where(col(RecordRow.record_type) != "document")
    )
    rows = list(session.exec(query))
    return Figures(
        stats=collect(session),
        records=len(rows),
        waiting=sum(1 for status, _, _ in rows if status == Status.NEEDS_CLARIFICATION.value),
        by_source=dict(Counter(kind or "unknown" for _, _, kind in rows).most_common()),
        by_service_type=dict(Counter(service or "n/a" for _, service, _ in rows).most_common()),
    )


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    y: float
    width: float


def bars(counts: dict[str, int], width: float = 220.0, row_height: float = 18.0) -> list[Bar]:
    """Horizontal bars for an SVG chart, the longest `width` wide."""
    top = max(counts.values(), default=0) or 1
    return [Bar(label, value, i * row_height, width * value / top) for i, (label, value) in enumerate(counts.items())]
