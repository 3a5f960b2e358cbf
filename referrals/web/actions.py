"""What a person does to a queue record from the web: correct (re-validated), release, reject.

Each runs in one transaction, checks the row's version when the caller read one (two clerks on one
record: the second save gets 409), and writes audit events (who, when, field, before, after).
"""

from __future__ import annotations

import itertools
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Engine
from sqlmodel import Session, select

from ingest.finalize import finalize_record
from referrals.domain import Finding, Record, RejectedDocument, Severity, Status, parse_record
from referrals.errors import ConflictError
from referrals.store.engine import session_scope
from referrals.store.models import OutboxMessage, RecordRow, utcnow
from referrals.store.records import fill_row, get_row, queue_for_delivery, record_of_row, save_details
from referrals.web.audit import record_event
from referrals.web.errors import InvalidInput
from referrals.web.security import Actor
from referrals.web.views import FIELD_PATH
from validators import ValidationContext, validate_record


def correct(
    engine: Engine,
    actor: Actor,
    record_id: str,
    corrections: dict[str, str | None],
    version: int | None = None,
) -> Record:
    """Apply `corrections` (field path -> value as typed), re-validate, store; audited per field."""
    with session_scope(engine) as session:
        row = _editable_row(session, record_id, version)
        before = record_of_row(row)
        after = revalidated(apply_corrections(before, corrections), before, set(corrections))
        for path, _value in corrections.items():
            old = _value_at(before.to_dict(), path)
            if old != _value_at(after.to_dict(), path):
                record_event(
                    session,
                    actor=actor.name,
                    action="correct",
                    record_id=record_id,
                    field=path,
                    before=old,
                    after=_value_at(after.to_dict(), path),
                )
        _save(session, row, after, touched=True)
        return after


def release(engine: Engine, actor: Actor, record_id: str) -> Record:
    """Queue a ready record for delivery (once: the outbox key is the record id)."""
    with session_scope(engine) as session:
        row = get_row(session, record_id)
        record = record_of_row(row)
        if record.status is not Status.READY:
            raise ConflictError(
                f"record {record_id} is {record.status}, not ready",
                remedy="Correct the fields with errors first; release needs a ready record.",
            )
        if queue_for_delivery(session, record, row.document_id, utcnow()):
            record_event(session, actor=actor.name, action="release", record_id=record_id)
        return record


def reject(engine: Engine, actor: Actor, record_id: str, reason: str) -> Record:
    with session_scope(engine) as session:
        row = _editable_row(session, record_id, None)
        record = record_of_row(row)
        record.status = Status.REJECTED
        record.findings.append(
            Finding(
                field=None,
                code="rejected_by_intake",
                severity=Severity.ERROR,
                message=f"Rejected at the intake desk: {reason}",
            )
        )
        record_event(session, actor=actor.name, action="reject", record_id=record_id, note=reason)
        _save(session, row, record, touched=True)
        return record


def delivery_state(session: Session, record_id: str) -> str | None:
    """'pending', 'delivered' or 'dead' once the record is in the outbox; None before."""
    query = select(OutboxMessage.status).where(OutboxMessage.key == record_id)
    return session.exec(query).first()


def _editable_row(session: Session, record_id: str, version: int | None) -> RecordRow:
    row = get_row(session, record_id)
    if version is not None and row.version != version:
        raise ConflictError(f"record {record_id} was changed by someone else")
    if row.status != Status.NEEDS_CLARIFICATION.value:
        raise ConflictError(f"record {record_id} is {row.status}; only queue records can be changed")
    return row


def _save(session: Session, row: RecordRow, record: Record, touched: bool) -> None:
    fill_row(row, record, utcnow())
    row.version += 1
    row.touched_by_person = row.touched_by_person or touched
    session.add(row)
    save_details(session, record)


def apply_corrections(record: Record, corrections: dict[str, str | None]) -> Record:
    """The record with each path set to its value, coerced by the contract's models (422 if invalid)."""
    data = record.to_dict()
    for path, value in corrections.items():
        if not FIELD_PATH.match(path) or path.split(".")[0].split("[")[0] in ("id", "source", "status"):
            raise InvalidInput(f"{path} is not a field that can be corrected")
        _set_at(data, path, _typed(path, value))
    try:
        return parse_record(data)
    except ValidationError as exc:
        fields = ", ".join(".".join(str(p) for p in e["loc"]) for e in exc.errors())
        raise InvalidInput(f"these values do not fit their fields: {fields}") from None


def revalidated(record: Record, before: Record, corrected: set[str]) -> Record:
    """Findings recomputed: the parser's own findings stay unless their field was corrected."""
    if isinstance(record, RejectedDocument):
        return record
    context = _context(before)
    from_rules = {(f.field, f.code) for f in validate_record(before, context)}
    record.findings = [
        f
        for f in before.findings
        if (f.field, f.code) not in from_rules and f.field not in corrected and f.code != "rejected_by_intake"
    ]
    record.status = Status.NEEDS_CLARIFICATION
    return finalize_record(record, context)


def _context(record: Record) -> ValidationContext:
    received = record.source.received_at
    return ValidationContext(today=utcnow().date(), received_at=received)


LIST_FIELDS = ("modifiers", "reason_codes")


def _typed(path: str, value: str | None) -> Any:
    if value is None or value.strip() == "":
        return [] if path.endswith(LIST_FIELDS) else None
    text = value.strip()
    if path.endswith(LIST_FIELDS):
        return [part.strip().upper() for part in text.split(",") if part.strip()]
    return {"true": True, "false": False}.get(text.lower(), text)


def _steps(path: str) -> list[str | int]:
    steps: list[str | int] = []
    for part in path.split("."):
        name, _, rest = part.partition("[")
        steps.append(name)
        if rest:
            steps.append(int(rest.rstrip("]")))
    return steps


def _set_at(data: dict[str, Any], path: str, value: Any) -> None:
    steps = _steps(path)
    node: Any = data
    for step, following in itertools.pairwise(steps):
        try:
            if node[step] is None:
                node[step] = [] if isinstance(following, int) else {}
            node = node[step]
        except (KeyError, IndexError, TypeError):
            if isinstance(step, str) and isinstance(node, dict):
                node = node.setdefault(step, {})
            else:
                raise InvalidInput(f"{path} does not exist on this record") from None
    try:
        node[steps[-1]] = value
    except (IndexError, TypeError):
        raise InvalidInput(f"{path} does not exist on this record") from None


def _value_at(data: dict[str, Any], path: str) -> Any:
    node: Any = data
    for step in _steps(path):
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            return None
    return node
