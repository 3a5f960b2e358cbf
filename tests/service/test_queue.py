"""The exception queue on SQLite and PostgreSQL: corrections re-validated, release, reject, audit."""

from __future__ import annotations

import json

import pytest
from sqlmodel import col, select

from ingest.outcomes import NeedsClarification
from ingest.pipeline import Service, process_file
from referrals.domain import Record, Status
from referrals.errors import ConflictError, UsageError
from referrals.queue import Correction, path_parts, queue_rows, reject, resolve, validation_context_for
from referrals.store.engine import session_scope
from referrals.store.models import AuditEvent, OutboxMessage
from referrals.store.records import get_record

from .support import claim_file, drop


def _queued(service: Service, **kwargs: object) -> str:
    outcome = process_file(drop(service, "c.x12", claim_file(701, **kwargs)), service)  # type: ignore[arg-type]
    assert isinstance(outcome, NeedsClarification)
    return outcome.record_ids[0]


def _resolve(service: Service, record_id: str, *assignments: str) -> Record:
    with session_scope(service.engine) as session:
        context = validation_context_for(session, record_id, service.settings)
        return resolve(session, record_id, [Correction.parse(a) for a in assignments], "clerk.ann", context)


def test_a_corrected_record_is_revalidated_released_and_audited(service: Service) -> None:
    record_id = _queued(service, total="9.99")
    record = _resolve(service, record_id, "total_charge=850.00")
    assert record.status is Status.READY
    with session_scope(service.engine) as session:
        message = session.exec(select(OutboxMessage).where(OutboxMessage.key == record_id)).one()
        events = session.exec(select(AuditEvent).order_by(col(AuditEvent.id))).all()
        assert queue_rows(session) == []
    assert json.loads(message.payload)["status"] == "ready"
    assert [(e.action, e.field, e.actor) for e in events] == [
        ("correct", "total_charge", "clerk.ann"),
        ("status", "status", "clerk.ann"),
        ("release", None, "clerk.ann"),
    ]
    assert (json.loads(events[0].before or "null"), json.loads(events[0].after or "null")) == ("9.99", 850.0)


def test_a_parser_finding_on_the_corrected_field_goes_and_others_stay(service: Service) -> None:
    record_id = _queued(service, member_id="")
    record = _resolve(service, record_id, 'member.member_id="ABC123456"')
    assert record.status is Status.READY
    assert not [f for f in record.findings if f.field and f.field.startswith("member")]


def test_a_correction_that_fixes_nothing_keeps_the_record_queued(service: Service) -> None:
    record_id = _queued(service, total="9.99")
    record = _resolve(service, record_id, "claim_id=NEWID")
    assert record.status is Status.NEEDS_CLARIFICATION
    with session_scope(service.engine) as session:
        assert session.exec(select(OutboxMessage).where(OutboxMessage.key == record_id)).first() is None
        assert [row.id for row in queue_rows(session, reason="claim_charge_unbalanced")] == [record_id]


def test_a_value_of_the_wrong_form_is_refused_and_nothing_changes(service: Service) -> None:
    record_id = _queued(service, total="9.99")
    with pytest.raises(UsageError, match=r"member\.dob"):
        _resolve(service, record_id, "member.dob=not-a-date")
    with session_scope(service.engine) as session:
        assert session.exec(select(AuditEvent)).all() == []
        assert get_record(session, record_id).status is Status.NEEDS_CLARIFICATION


def test_reject_closes_the_record_with_the_reason_and_an_audit_event(service: Service) -> None:
    record_id = _queued(service, total="9.99")
    with session_scope(service.engine) as session:
        reject(session, record_id, "Sender confirmed this claim was sent in error.", "clerk.bo")
    with session_scope(service.engine) as session:
        record = get_record(session, record_id)
        events = session.exec(select(AuditEvent)).all()
    assert record.status is Status.REJECTED and record.findings[-1].code == "rejected_by_clerk"
    assert {e.action for e in events} == {"reject", "status"}
    with session_scope(service.engine) as session, pytest.raises(ConflictError):
        reject(session, record_id, "again", "clerk.bo")


def test_a_stale_version_is_a_conflict(service: Service) -> None:
    record_id = _queued(service, total="9.99")
    with session_scope(service.engine) as session, pytest.raises(ConflictError):
        reject(session, record_id, "x", "clerk", expected_version=7)


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("lines[0].code", ["lines", 0, "code"]),
        ("lines.0.code", ["lines", 0, "code"]),
        ("member.dob", ["member", "dob"]),
    ],
)
def test_field_paths(text: str, parts: list[object]) -> None:
    assert path_parts(text) == parts


@pytest.mark.parametrize("text", ["status=ready", "id=rec_x", "findings=[]", "source.sha256=x"])
def test_fields_the_service_keeps_cannot_be_corrected(text: str) -> None:
    with pytest.raises(UsageError, match="cannot be corrected"):
        Correction.parse(text)


def test_a_correction_needs_an_equals_sign() -> None:
    with pytest.raises(UsageError):
        Correction.parse("member.dob")
    assert Correction.parse("a=null").value is None and Correction.parse("a=x y").value == "x y"
