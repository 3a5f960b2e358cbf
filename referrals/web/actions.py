"""What a person does to a queue record from the web: correct (re-validated), release, reject.

Corrections and rejections go through the service's queue operations (`referrals.queue`: the
same re-validation and audit as `intake queue resolve/reject`). The web holds a record that turns
ready until the clerk clicks "release"; `release` then queues it for delivery (once: the outbox
key is the record id) and audits who released it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Engine
from sqlmodel import Session, select

from referrals import queue
from referrals.config import Settings
from referrals.domain import Record, Status
from referrals.errors import ConflictError
from referrals.store.engine import session_scope
from referrals.store.models import OutboxMessage, utcnow
from referrals.store.records import get_row, queue_for_delivery, record_of_row
from referrals.web.audit import record_event
from referrals.web.errors import InvalidInput
from referrals.web.security import Actor
from referrals.web.views import FIELD_PATH

LIST_FIELDS = ("modifiers", "reason_codes")
FIXED_FIELDS = ("id", "record_type", "source", "status", "findings", "provenance")


def correct(
    engine: Engine,
    settings: Settings,
    actor: Actor,
    record_id: str,
    corrections: Mapping[str, str | int | float | bool | None],
    version: int | None = None,
) -> Record:
    """Apply `corrections` (field path -> value as typed) and re-validate; audited per field."""
    changes = [queue.Correction(path, typed_value(path, value)) for path, value in corrections.items()]
    for change in changes:
        _check_path(change.path)
    with session_scope(engine) as session:
        context = queue.validation_context_for(session, record_id, settings)
        return queue.resolve(session, record_id, changes, actor.name, context, version, release=False)


def release(engine: Engine, actor: Actor, record_id: str) -> Record:
    """Queue a ready record for delivery; 409 while it still has errors."""
    with session_scope(engine) as session:
        row = get_row(session, record_id)
        record = record_of_row(row)
        if record.status is not Status.READY:
            raise ConflictError(
                f"record {record_id} is {record.status}, not ready",
                remedy="Correct the fields with errors first; only a ready record can be released.",
            )
        if queue_for_delivery(session, record, row.document_id, utcnow()):
            record_event(session, actor=actor.name, action="release", record_id=record_id)
        return record


def reject(engine: Engine, actor: Actor, record_id: str, reason: str) -> Record:
    with session_scope(engine) as session:
        return queue.reject(session, record_id, reason, actor.name)


def delivery_state(session: Session, record_id: str) -> str | None:
    """'pending', 'delivered' or 'dead' once the record is in the outbox; None before."""
    return session.exec(select(OutboxMessage.status).where(OutboxMessage.key == record_id)).first()


def _check_path(path: str) -> None:
    if not FIELD_PATH.match(path) or path.split(".")[0].split("[")[0] in FIXED_FIELDS:
        raise InvalidInput(f"{path} is not a field that can be corrected")


def typed_value(path: str, value: str | int | float | bool | None) -> Any:
    """A form's text as the contract wants it: empty -> null, lists from commas, true/false.
    Values that are not text (JSON numbers, booleans) are taken as they are."""
    if value is not None and not isinstance(value, str):
        return value
    text = (value or "").strip()
    if path.endswith(LIST_FIELDS):
        return [part.strip().upper() for part in text.split(",") if part.strip()]
    if not text:
        return None
    return {"true": True, "false": False}.get(text.lower(), text)
