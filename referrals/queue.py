"""The exception queue: records that need clarification, and what an intake clerk does with them.

`resolve` applies corrections (`field.path=value`), runs the validators again and releases the
record to the outbox when it is ready; `reject` closes a record with a reason. Every change is
an audit event (who, when, field, before, after) in the same transaction as the change.
The CLI (`intake queue ...`) and the web UI both call these functions.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from sqlmodel import Session

from ingest.finalize import finalize_record
from ingest.pipeline import validation_context
from referrals.config import Settings
from referrals.domain import Finding, Record, Severity, Status, parse_record
from referrals.errors import ConflictError, UsageError
from referrals.store.models import AuditEvent, Document, RecordRow, utcnow
from referrals.store.records import (
    RecordFilter,
    fill_row,
    get_row,
    list_rows,
    queue_for_delivery,
    record_of_row,
    save_details,
)
from validators import ValidationContext, validate_record

PROTECTED_FIELDS = frozenset({"id", "record_type", "status", "source", "findings", "provenance", "confidence"})
_PATH_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


@dataclass(frozen=True)
class Correction:
    """Set the field at `path` (`member.dob`, `lines[0].code`, `services.0.code`) to `value`."""

    path: str
    value: Any

    @classmethod
    def parse(cls, text: str) -> Correction:
        """`field.path=value`; the value is read as JSON when it is JSON (null, 2, "x"), else as text."""
        path, sep, raw = text.partition("=")
        if not sep or not path.strip():
            raise UsageError("a correction must look like field.path=value")
        if path_parts(path.strip())[0] in PROTECTED_FIELDS:
            raise UsageError(
                f"{path.strip()} is kept by the service and cannot be corrected",
                remedy="Correct the record's data fields; its status follows from the validators.",
            )
        try:
            value = json.loads(raw)
        except json.JSONDecodeError:
            value = raw
        return cls(path=path.strip(), value=value)


def validation_context_for(session: Session, record_id: str, settings: Settings) -> ValidationContext:
    """What the validators may know when a clerk corrects this record (as when it was received)."""
    return validation_context(settings, session.get(Document, get_row(session, record_id).document_id))


def queue_rows(session: Session, reason: str | None = None, urgent: bool | None = None) -> Sequence[RecordRow]:
    """The records waiting for clarification: urgent first, then by due time."""
    where = RecordFilter(status=Status.NEEDS_CLARIFICATION, finding_code=reason, urgent=urgent or None)
    return list_rows(session, where)


def resolve(
    session: Session,
    record_id: str,
    corrections: list[Correction],
    actor: str,
    context: ValidationContext,
    expected_version: int | None = None,
    release: bool = True,
) -> Record:
    """Apply corrections, re-validate, release if ready (unless `release` is False: the web UI
    releases on the clerk's click); returns the record as it now is."""
    row = _open_row(session, record_id, expected_version)
    record = record_of_row(row)
    corrected = _corrected(record, corrections, context)
    for correction in corrections:
        before = field_value(record.to_dict(), correction.path)
        _audit(session, actor, "correct", record_id, correction.path, before, correction.value)
    _save(session, row, record, corrected, actor, release)
    return corrected


def reject(session: Session, record_id: str, reason: str, actor: str, expected_version: int | None = None) -> Record:
    """Close the record as rejected; the reason is kept as a finding and in the audit trail."""
    if not reason.strip():
        raise UsageError("a rejection needs a reason")
    row = _open_row(session, record_id, expected_version)
    record = record_of_row(row)
    finding = Finding(field=None, code="rejected_by_clerk", severity=Severity.ERROR, message=reason.strip())
    rejected = record.model_copy(update={"status": Status.REJECTED, "findings": [*record.findings, finding]})
    _audit(session, actor, "reject", record_id, None, None, None, note=reason.strip())
    _save(session, row, record, rejected, actor)
    return rejected


def _open_row(session: Session, record_id: str, expected_version: int | None) -> RecordRow:
    row = get_row(session, record_id)
    if row.status != Status.NEEDS_CLARIFICATION:
        raise ConflictError(
            f"record {record_id} is {row.status}, not waiting for clarification",
            remedy="Only records in the queue (`intake queue list`) can be resolved or rejected.",
        )
    if expected_version is not None and row.version != expected_version:
        raise ConflictError(f"record {record_id} was changed by someone else")
    return row


def _corrected(record: Record, corrections: list[Correction], context: ValidationContext) -> Record:
    """The record with corrections applied and validated afresh (parser findings on corrected fields go)."""
    data = record.to_dict()
    for correction in corrections:
        set_field(data, correction.path, correction.value)
    kept = [f for f in _parser_findings(record, context) if not any(_overlaps(f.field, c.path) for c in corrections)]
    data["findings"] = [f.model_dump(mode="json") for f in kept]
    data["status"] = Status.NEEDS_CLARIFICATION
    try:
        rebuilt = parse_record(data)
    except ValidationError as exc:
        fields = sorted({".".join(str(p) for p in error["loc"]) for error in exc.errors()})
        raise UsageError(
            f"a corrected value has the wrong form for: {', '.join(fields)}",
            remedy="Dates are YYYY-MM-DD; numbers are plain digits.",
        ) from None
    return finalize_record(rebuilt, context)


def _parser_findings(record: Record, context: ValidationContext) -> list[Finding]:
    """The findings the validators did not make (they are made afresh after a correction)."""
    by_rules = {(f.field, f.code) for f in validate_record(record, context)}
    return [f for f in record.findings if (f.field, f.code) not in by_rules]


def _overlaps(field: str | None, corrected: str) -> bool:
    if field is None:
        return False
    a, b = _normal(field), _normal(corrected)
    return a == b or a.startswith(b + ".") or b.startswith(a + ".")


def _normal(path: str) -> str:
    return ".".join(str(part) for part in path_parts(path))


def _save(session: Session, row: RecordRow, before: Record, after: Record, actor: str, release: bool = True) -> None:
    now = utcnow()
    fill_row(row, after, now)
    row.version += 1
    row.touched_by_person = True
    session.add(row)
    save_details(session, after)
    if after.status != before.status:
        _audit(session, actor, "status", after.id, "status", str(before.status), str(after.status))
    if release and after.status is Status.READY and queue_for_delivery(session, after, row.document_id, now):
        _audit(session, actor, "release", after.id, None, None, None)


def _audit(
    session: Session,
    actor: str,
    action: str,
    record_id: str,
    field: str | None,
    before: Any,
    after: Any,
    note: str | None = None,
) -> None:
    session.add(
        AuditEvent(
            at=utcnow(),
            actor=actor,
            action=action,
            record_id=record_id,
            field=field,
            before=json.dumps(before, default=str),
            after=json.dumps(after, default=str),
            note=note,
        )
    )


def path_parts(path: str) -> list[str | int]:
    """`lines[0].code` and `lines.0.code` -> ["lines", 0, "code"]."""
    parts: list[str | int] = []
    for name, index in _PATH_PART.findall(path):
        parts.append(int(index) if index else int(name) if name.isdigit() else name)
    if not parts:
        raise UsageError("empty field path")
    return parts


def field_value(data: Any, path: str) -> Any:
    for part in path_parts(path):
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def set_field(data: dict[str, Any], path: str, value: Any) -> None:
    """Set `path` in the record's JSON, creating objects on the way; unknown list items are refused."""
    parts = path_parts(path)
    target: Any = data
    for part, following in itertools.pairwise(parts):
        if isinstance(part, int):
            if not isinstance(target, list) or part >= len(target):
                raise UsageError(f"no item {part} at {path}")
            target = target[part]
            continue
        if target.get(part) is None:
            target[part] = [] if isinstance(following, int) else {}
        target = target[part]
    last = parts[-1]
    if isinstance(last, int) and (not isinstance(target, list) or last >= len(target)):
        raise UsageError(f"no item {last} at {path}")
    target[last] = value
