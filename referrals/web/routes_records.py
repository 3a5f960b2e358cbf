"""The record page: the fax page (fields highlighted) or the X12 segments, the editable fields
with their findings, save (re-validated), release, reject, the clarification letter, the history."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request, Response
from fastapi.responses import FileResponse, RedirectResponse
from sqlmodel import Session

from referrals.domain import Record, Status
from referrals.errors import NotFoundError
from referrals.store.engine import session_scope
from referrals.store.models import RecordRow, utcnow
from referrals.store.records import get_row, record_of_row
from referrals.users import Permission
from referrals.web import actions
from referrals.web.access import open_record
from referrals.web.audit import last_event, record_event, record_history
from referrals.web.highlights import PageView, page_views
from referrals.web.letters import field_label, letter_pdf, save_letter
from referrals.web.page_images import archived_original, render_page_png
from referrals.web.render import render
from referrals.web.security import Actor, current_actor, require_write
from referrals.web.views import display_value, document_findings, editable_fields, since
from referrals.web.x12_context import FindingContext, findings_in_context

router = APIRouter(include_in_schema=False)
Viewer = Annotated[Actor, Depends(current_actor)]
Worker = Annotated[Actor, Depends(require_write(Permission.WORK_QUEUE))]
RECORD_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
FIELD_PREFIX = "f:"
SENDER = "Intake desk"


def _checked(record_id: str) -> str:
    if not RECORD_ID.match(record_id):
        raise NotFoundError("no such record")
    return record_id


@router.get("/records/{record_id}")
def record_page(request: Request, record_id: str, actor: Viewer, saved: int = 0) -> Response:
    with session_scope(request.app.state.engine) as session:
        row, record = open_record(session, actor, _checked(record_id))
        context = _page_context(request, session, row, record, actor)
    return render(request, "record.html", {**context, "saved": bool(saved)})


def _page_context(request: Request, session: Session, row: RecordRow, record: Record, actor: Actor) -> dict[str, Any]:
    home: Path = request.app.state.settings.home
    letter = last_event(session, row.id, "clarification_sent")
    awaiting = letter is not None and record.status is Status.NEEDS_CLARIFICATION
    return {
        "record": record,
        "row": row,
        "fields": editable_fields(record),
        "label": field_label,
        "document_findings": document_findings(record),
        "history": record_history(session, row.id),
        "pages": _pages(session, row.id, record, home),
        "segments": _segments(session, row.id, record, home),
        "can_edit": actor.can(Permission.WORK_QUEUE) and record.status is Status.NEEDS_CLARIFICATION,
        "can_release": actor.can(Permission.WORK_QUEUE) and record.status is Status.READY,
        "delivery": actions.delivery_state(session, row.id),
        "letter": letter,
        "awaiting_since": since(letter.at) if awaiting and letter else None,
        "display": display_value,
    }


def _pages(session: Session, record_id: str, record: Record, home: Path) -> list[PageView]:
    if str(record.source.kind) != "fax":
        return []
    try:
        return page_views(archived_original(session, record_id, home), record)
    except NotFoundError:
        return []


def _segments(session: Session, record_id: str, record: Record, home: Path) -> list[FindingContext]:
    if not str(record.source.kind).startswith("x12"):
        return []
    try:
        return findings_in_context(archived_original(session, record_id, home), record.findings)
    except NotFoundError:
        return []


@router.get("/records/{record_id}/pages/{page}.png")
def page_image(request: Request, record_id: str, page: int, actor: Viewer) -> Response:
    """A page of the archived original, found by record id (never by a path from the request)."""
    home: Path = request.app.state.settings.home
    with session_scope(request.app.state.engine) as session:
        open_record(session, actor, _checked(record_id), how="view_page")
        original = archived_original(session, record_id, home)
    return Response(
        render_page_png(original, page),
        media_type="image/png",
        headers={"cache-control": "private, no-store"},
    )


@router.post("/records/{record_id}")
async def save_record(request: Request, record_id: str, actor: Worker) -> Response:
    form = await request.form()
    version = int(str(form.get("version") or 0)) or None
    with session_scope(request.app.state.engine) as session:
        record = record_of_row(get_row(session, _checked(record_id)))
    current = {f.path: f.value for f in editable_fields(record)}
    corrections = {
        key.removeprefix(FIELD_PREFIX): (str(value).strip() or None)
        for key, value in form.items()
        if key.startswith(FIELD_PREFIX) and str(value).strip() != current.get(key.removeprefix(FIELD_PREFIX), "")
    }
    if corrections:
        state = request.app.state
        actions.correct(state.engine, state.settings, actor, record_id, corrections, version)
    return RedirectResponse(f"/records/{record_id}?saved=1", status_code=303)


@router.post("/records/{record_id}/release")
def release_record(request: Request, record_id: str, actor: Worker) -> Response:
    actions.release(request.app.state.engine, actor, _checked(record_id))
    return RedirectResponse(f"/records/{record_id}", status_code=303)


@router.post("/records/{record_id}/reject")
def reject_record(
    request: Request,
    record_id: str,
    actor: Worker,
    reason: Annotated[str, Form(min_length=1, max_length=500)],
) -> Response:
    actions.reject(request.app.state.engine, actor, _checked(record_id), reason)
    return RedirectResponse("/queue", status_code=303)


@router.post("/records/{record_id}/clarification")
def send_clarification(request: Request, record_id: str, actor: Worker) -> Response:
    """Make the letter, keep it, and record that it was sent; the page then offers the PDF."""
    home: Path = request.app.state.settings.home
    now = utcnow()
    with session_scope(request.app.state.engine) as session:
        _, record = open_record(session, actor, _checked(record_id), how="view")
        path = save_letter(letter_pdf(record, SENDER, now.date()), home, record_id, now)
        record_event(session, actor=actor.name, action="clarification_sent", record_id=record_id, note=path.name)
    return RedirectResponse(f"/records/{record_id}", status_code=303)


@router.get("/records/{record_id}/clarification.pdf")
def clarification_letter(request: Request, record_id: str, actor: Viewer) -> Response:
    home: Path = request.app.state.settings.home
    with session_scope(request.app.state.engine) as session:
        open_record(session, actor, _checked(record_id), how="view_letter")
        sent = last_event(session, record_id, "clarification_sent")
    if sent is None or not sent.note:
        raise NotFoundError(f"no clarification letter for record {record_id}")
    path = home / "letters" / Path(sent.note).name
    if not path.is_file():
        raise NotFoundError(f"the letter for record {record_id} is gone from the letters folder")
    return FileResponse(
        path,
        media_type="application/pdf",
        filename=f"clarification-{record_id}.pdf",
        headers={"cache-control": "private, no-store"},
    )
