"""Audit events the web app writes itself (views of records, logins, letters, user changes).

Corrections, releases and rejections are audited by the queue operations they call.
"""

from __future__ import annotations

import json
from typing import Any

from sqlmodel import Session, col, select

from referrals.store.models import AuditEvent, utcnow


def record_event(
    session: Session,
    *,
    actor: str,
    action: str,
    record_id: str | None = None,
    field: str | None = None,
    before: Any = None,
    after: Any = None,
    note: str | None = None,
) -> AuditEvent:
    event = AuditEvent(
        at=utcnow(),
        actor=actor,
        action=action,
        record_id=record_id,
        field=field,
        before=None if before is None else json.dumps(before),
        after=None if after is None else json.dumps(after),
        note=note,
    )
    session.add(event)
    return event


def record_history(session: Session, record_id: str) -> list[AuditEvent]:
    query = select(AuditEvent).where(AuditEvent.record_id == record_id).order_by(col(AuditEvent.at), col(AuditEvent.id))
    return list(session.exec(query))


def last_event(session: Session, record_id: str, action: str) -> AuditEvent | None:
    query = (
        select(AuditEvent)
        .where(AuditEvent.record_id == record_id, AuditEvent.action == action)
        .order_by(col(AuditEvent.at).desc(), col(AuditEvent.id).desc())
    )
    return session.exec(query).first()
