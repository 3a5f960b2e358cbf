"""The JSON API (`/api`, OpenAPI at /api/openapi.json), `/healthz` and `/metrics`.

Authenticate with `Authorization: Bearer <token>` (`intake users token NAME`) or a browser
session; a session's writes must send its CSRF token in `X-CSRF-Token`.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response
from pydantic import BaseModel, Field
from sqlalchemy import text

from referrals.store.engine import session_scope
from referrals.users import Permission
from referrals.web import actions
from referrals.web.access import open_record
from referrals.web.metrics import metrics_text
from referrals.web.security import Actor, current_actor, require, require_write
from referrals.web.views import QueueFilter, queue_items

router = APIRouter()
QueueReader = Annotated[Actor, Depends(require(Permission.WORK_QUEUE))]
QueueWriter = Annotated[Actor, Depends(require_write(Permission.WORK_QUEUE))]


class Corrections(BaseModel):
    """Field path -> new value as typed (null clears it): {"ordering_provider.npi": "1234567893"}."""

    corrections: dict[str, str | int | float | bool | None] = Field(min_length=1, max_length=100)
    version: int | None = Field(default=None, description="the version read; 409 if it changed since")


class Rejection(BaseModel):
    reason: str = Field(min_length=1, max_length=500)


@router.get("/healthz", tags=["health"])
def healthz(request: Request) -> dict[str, str]:
    """Liveness and database reachability; the only API route that needs no authentication."""
    with session_scope(request.app.state.engine) as session:
        session.execute(text("SELECT 1"))
    return {"status": "ok"}


@router.get("/metrics", tags=["health"], response_class=Response)
def metrics(request: Request, actor: Annotated[Actor, Depends(require(Permission.VIEW_DASHBOARD))]) -> Response:
    """Prometheus text format: documents, records by status, queue depth, oldest item age."""
    body, content_type = metrics_text(request.app.state.engine)
    return Response(body, media_type=content_type)


@router.get("/api/openapi.json", include_in_schema=False)
def openapi_document(request: Request, actor: Annotated[Actor, Depends(current_actor)]) -> dict[str, Any]:
    """The API's OpenAPI document (for signed-in callers, like everything but /healthz)."""
    document: dict[str, Any] = request.app.openapi()
    return document


@router.get("/api/queue", tags=["queue"])
def api_queue(
    request: Request,
    actor: QueueReader,
    reason: Annotated[str | None, Query(max_length=64)] = None,
    urgent: bool | None = None,
    source: Annotated[str | None, Query(max_length=16)] = None,
    service_type: Annotated[str | None, Query(max_length=32)] = None,
) -> list[dict[str, Any]]:
    """Records needing clarification, urgent first and then by due time (the queue page's order)."""
    where = QueueFilter(reason=reason, urgent=urgent, source=source, service_type=service_type)
    with session_scope(request.app.state.engine) as session:
        return [item.to_json() for item in queue_items(session, where)]


@router.get("/api/records/{record_id}", tags=["records"])
def api_record(request: Request, record_id: str, actor: Annotated[Actor, Depends(current_actor)]) -> dict[str, Any]:
    """One record in the contract's wire form (the view is audited)."""
    with session_scope(request.app.state.engine) as session:
        _, record = open_record(session, actor, record_id)
        return record.to_dict()


@router.patch("/api/records/{record_id}", tags=["records"])
def api_correct(request: Request, record_id: str, body: Corrections, actor: QueueWriter) -> dict[str, Any]:
    """Apply corrections, re-validate; a record that becomes ready is released to the outbox."""
    state = request.app.state
    record = actions.correct(state.engine, state.settings, actor, record_id, body.corrections, body.version)
    return record.to_dict()


@router.post("/api/records/{record_id}/release", tags=["records"])
def api_release(request: Request, record_id: str, actor: QueueWriter) -> dict[str, Any]:
    """Send a ready record downstream (409 while it still has errors)."""
    return actions.release(request.app.state.engine, actor, record_id).to_dict()


@router.post("/api/records/{record_id}/reject", tags=["records"])
def api_reject(request: Request, record_id: str, body: Rejection, actor: QueueWriter) -> dict[str, Any]:
    """Take a record out of the queue for good, with a reason."""
    return actions.reject(request.app.state.engine, actor, record_id, body.reason).to_dict()
