"""The queue (with its self-updating rows fragment), the claims list and the dashboard."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response
from sqlmodel import col, select

from referrals.store.engine import session_scope
from referrals.store.models import RecordRow, utcnow
from referrals.users import Permission
from referrals.web.dashboard import GOOD_CLARIFICATION_RATE, INDUSTRY_CLARIFICATION_RATE, bars, figures
from referrals.web.render import render
from referrals.web.security import Actor, require
from referrals.web.views import QueueFilter, queue_counts, queue_items, since

router = APIRouter(include_in_schema=False)
QueueReader = Annotated[Actor, Depends(require(Permission.WORK_QUEUE))]


def _filter(
    reason: Annotated[str | None, Query(max_length=64)] = None,
    urgent: Annotated[str | None, Query(max_length=5)] = None,
    source: Annotated[str | None, Query(max_length=16)] = None,
    service_type: Annotated[str | None, Query(max_length=32)] = None,
) -> QueueFilter:
    return QueueFilter(
        reason=reason or None,
        urgent=True if urgent in ("1", "true", "on") else None,
        source=source or None,
        service_type=service_type or None,
    )


Filter = Annotated[QueueFilter, Depends(_filter)]


def _queue_context(request: Request, where: QueueFilter) -> dict[str, Any]:
    now = utcnow()
    with session_scope(request.app.state.engine) as session:
        items = queue_items(session, where)
        everything = queue_items(session, QueueFilter())
    return {
        "items": items,
        "counts": queue_counts(items, now),
        "now": now,
        "where": where,
        "reasons": sorted({code for item in everything for code in item.reason_codes}),
        "sources": sorted({item.source for item in everything}),
        "service_types": sorted({item.service_type for item in everything if item.service_type}),
        "poll_seconds": request.app.state.web.queue_poll_seconds,
        "since": since,
    }


@router.get("/queue")
def queue_page(request: Request, actor: QueueReader, where: Filter) -> Response:
    return render(request, "queue.html", _queue_context(request, where))


@router.get("/queue/rows")
def queue_rows(request: Request, actor: QueueReader, where: Filter) -> Response:
    """The counts and rows only: the queue page fetches this to update itself."""
    return render(request, "_queue_rows.html", _queue_context(request, where))


@router.get("/claims")
def claims_page(request: Request, actor: Annotated[Actor, Depends(require(Permission.VIEW_CLAIMS))]) -> Response:
    query = select(RecordRow).where(RecordRow.record_type == "claim").order_by(col(RecordRow.created_at).desc())
    with session_scope(request.app.state.engine) as session:
        claims = list(session.exec(query.limit(500)))
    return render(request, "claims.html", {"claims": claims})


@router.get("/dashboard")
def dashboard_page(request: Request, actor: Annotated[Actor, Depends(require(Permission.VIEW_DASHBOARD))]) -> Response:
    with session_scope(request.app.state.engine) as session:
        numbers = figures(session)
    context = {
        "f": numbers,
        "source_bars": bars(numbers.by_source),
        "service_bars": bars(numbers.by_service_type),
        "industry": INDUSTRY_CLARIFICATION_RATE,
        "good": GOOD_CLARIFICATION_RATE,
    }
    return render(request, "dashboard.html", context)
