"""What the pages and the API show: queue items and a record's editable fields.

A queue item carries no patient data (no name, DOB or member id): the queue can be listed and
polled without touching PHI; opening a record is a view of PHI and is audited.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from referrals.domain import Finding, Record, Status
from referrals.store.models import AuditEvent, RecordRow, utcnow
from referrals.store.records import RecordFilter, list_rows, record_of_row

SOURCE_LABELS = {"fax": "fax", "x12_278": "278", "x12_837p": "837P", "x12_837i": "837I", "x12": "X12"}
# Parts of a record that are not corrected by hand.
NOT_EDITABLE = ("record_type", "id", "status", "source", "findings", "provenance", "confidence", "decision")


@dataclass(frozen=True)
class QueueFilter:
    reason: str | None = None
    urgent: bool | None = None
    source: str | None = None
    service_type: str | None = None


@dataclass(frozen=True)
class QueueItem:
    id: str
    record_type: str
    urgent: bool
    due_at: dt.datetime | None
    reason_codes: list[str]
    service_type: str | None
    payer: str | None
    source: str
    received_at: dt.datetime | None
    awaiting_reply_since: dt.datetime | None = None  # a clarification letter went out then

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "record_type": self.record_type,
            "urgent": self.urgent,
            "due_at": self.due_at.isoformat() if self.due_at else None,
            "reason_codes": self.reason_codes,
            "service_type": self.service_type,
            "payer": self.payer,
            "source": self.source,
            "received_at": self.received_at.isoformat() if self.received_at else None,
            "awaiting_reply_since": _iso(self.awaiting_reply_since),
        }

    def due_in(self, now: dt.datetime) -> str:
        return countdown(self.due_at, now)

    def overdue(self, now: dt.datetime) -> bool:
        return self.due_at is not None and self.due_at <= now


def queue_items(session: Session, where: QueueFilter) -> list[QueueItem]:
    """Records needing clarification: urgent first, then by due time (the store's order)."""
    rows = list_rows(
        session,
        RecordFilter(
            status=Status.NEEDS_CLARIFICATION.value,
            finding_code=where.reason,
            urgent=where.urgent,
            limit=1000,
        ),
    )
    items = sorted((_item(row) for row in rows), key=_queue_order)
    letters = _letters_sent(session, [i.id for i in items])
    return [replace(i, awaiting_reply_since=letters.get(i.id)) for i in items if _matches(i, where)]


def _letters_sent(session: Session, record_ids: list[str]) -> dict[str, dt.datetime]:
    """When the latest clarification letter of each record went out."""
    if not record_ids:
        return {}
    query = (
        select(AuditEvent.record_id, func.max(AuditEvent.at))
        .where(AuditEvent.action == "clarification_sent", col(AuditEvent.record_id).in_(record_ids))
        .group_by(col(AuditEvent.record_id))
    )
    return {record_id: _aware(at) for record_id, at in session.exec(query) if record_id and at}


def _aware(when: dt.datetime) -> dt.datetime:
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


def _iso(when: dt.datetime | None) -> str | None:
    return when.isoformat() if when else None


def _queue_order(item: QueueItem) -> tuple[bool, bool, dt.datetime]:
    """Urgent first, then by due time, items without one last (SQLite sorts NULL first, PostgreSQL last)."""
    return (not item.urgent, item.due_at is None, item.due_at or dt.datetime.max.replace(tzinfo=dt.UTC))


def _item(row: RecordRow) -> QueueItem:
    record = record_of_row(row)
    codes = sorted({f.code for f in record.errors})
    return QueueItem(
        id=row.id,
        record_type=row.record_type,
        urgent=row.urgent,
        due_at=row.due_at,
        reason_codes=codes,
        service_type=row.service_type,
        payer=row.payer_name or row.payer_id,
        source=SOURCE_LABELS.get(str(record.source.kind), str(record.source.kind)),
        received_at=record.source.received_at,
    )


def _matches(item: QueueItem, where: QueueFilter) -> bool:
    return (where.source is None or item.source == where.source) and (
        where.service_type is None or item.service_type == where.service_type
    )


def queue_counts(items: list[QueueItem], now: dt.datetime) -> dict[str, int]:
    soon = now + dt.timedelta(hours=4)
    return {
        "total": len(items),
        "urgent": sum(i.urgent for i in items),
        "overdue": sum(i.overdue(now) for i in items),
        "due_4h": sum(1 for i in items if i.due_at is not None and now < i.due_at <= soon),
    }


def countdown(due_at: dt.datetime | None, now: dt.datetime | None = None) -> str:
    if due_at is None:
        return "no due time"
    left = due_at - (now or utcnow())
    text = _duration(abs(left))
    return f"due in {text}" if left.total_seconds() > 0 else f"overdue by {text}"


def _duration(span: dt.timedelta) -> str:
    minutes = int(span.total_seconds() // 60)
    days, hours, mins = minutes // 1440, (minutes % 1440) // 60, minutes % 60
    if days:
        return f"{days}d {hours}h"
    return f"{hours}h {mins}m" if hours else f"{mins}m"


def since(when: dt.datetime, now: dt.datetime | None = None) -> str:
    return _duration((now or utcnow()) - when)


@dataclass(frozen=True)
class FieldView:
    path: str
    value: str
    findings: list[Finding]


def editable_fields(record: Record) -> list[FieldView]:
    """Every leaf field a person may correct, with the findings about it (missing ones included)."""
    data = {k: v for k, v in record.to_dict().items() if k not in NOT_EDITABLE and not k.startswith("_")}
    leaves = dict(_leaves(data, ""))
    for finding in record.findings:
        if finding.field and finding.field not in leaves and _is_leaf_path(finding.field, leaves):
            leaves[finding.field] = None
    by_field: dict[str, list[Finding]] = {}
    for finding in record.findings:
        by_field.setdefault(finding.field or "", []).append(finding)
    return [FieldView(path, display_value(value), by_field.get(path, [])) for path, value in leaves.items()]


# Parts of the contract that are objects even when null: shown by their fields, so they can be filled in.
OBJECT_FIELDS = {
    "address": ("line1", "line2", "city", "state", "zip"),
    "servicing_provider": ("name", "npi"),
    "rendering_provider": ("name", "npi"),
}


def _leaves(value: Any, prefix: str) -> list[tuple[str, Any]]:
    subfields = OBJECT_FIELDS.get(prefix.rpartition(".")[2])
    if value is None and subfields:
        return [(f"{prefix}.{name}", None) for name in subfields]
    if isinstance(value, dict):
        return [leaf for key, sub in value.items() for leaf in _leaves(sub, f"{prefix}.{key}" if prefix else key)]
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        return [leaf for i, sub in enumerate(value) for leaf in _leaves(sub, f"{prefix}[{i}]")]
    return [(prefix, value)]


def _is_leaf_path(path: str, leaves: dict[str, Any]) -> bool:
    """A finding's field that is not a prefix of known leaves (those are shown by their leaves)."""
    return not any(known.startswith(path + ".") or known.startswith(path + "[") for known in leaves)


def display_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def document_findings(record: Record) -> list[Finding]:
    return [f for f in record.findings if not f.field]


FIELD_PATH = re.compile(r"^[a-z_]+(\[\d{1,3}\])?(\.[a-z_0-9]+(\[\d{1,3}\])?){0,4}$")
