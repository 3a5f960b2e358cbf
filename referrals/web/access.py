"""Opening a record: the caller's role must allow it, and every view is in the audit log."""

from __future__ import annotations

from sqlmodel import Session

from referrals.domain import Claim, Record
from referrals.errors import PermissionDenied
from referrals.store.models import RecordRow
from referrals.store.records import get_row, record_of_row
from referrals.users import Permission
from referrals.web.audit import record_event
from referrals.web.security import Actor


def may_view(actor: Actor, record_type: str) -> bool:
    if actor.can(Permission.WORK_QUEUE):
        return True
    return record_type == "claim" and actor.can(Permission.VIEW_CLAIMS)


def open_record(session: Session, actor: Actor, record_id: str, how: str = "view") -> tuple[RecordRow, Record]:
    """The record if `actor` may see it; the view is audited (`how`: view, page_image, letter...)."""
    row = get_row(session, record_id)
    if not may_view(actor, row.record_type):
        raise PermissionDenied(f"role {actor.role} may not open {row.record_type} records")
    record_event(session, actor=actor.name, action=how, record_id=record_id)
    return row, record_of_row(row)


def is_claim(record: Record) -> bool:
    return isinstance(record, Claim)
