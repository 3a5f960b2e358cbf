"""A 278 response's decision lands on the request it answers, in either order of arrival."""

from __future__ import annotations

import json

import pytest
from sqlmodel import select

from ingest.pipeline import Service, process_file
from referrals.store.engine import session_scope
from referrals.store.models import AuditEvent, RecordRow
from tests.conftest import FIXTURES

from .support import drop

VALID = FIXTURES / "x12" / "valid"
REQUEST, CERTIFIED = "278_home_health_request.x12", "278_certified_response.x12"


def _stored(service: Service) -> dict[str, dict]:
    with session_scope(service.engine) as session:
        rows = session.exec(select(RecordRow)).all()
        return {row.id: json.loads(row.data) for row in rows}


def _take(service: Service, name: str) -> None:
    process_file(drop(service, name, (VALID / name).read_text()), service)


@pytest.mark.parametrize("order", [(REQUEST, CERTIFIED), (CERTIFIED, REQUEST)], ids=["request_first", "response_first"])
def test_response_decision_is_recorded_on_its_request(service: Service, order: tuple[str, str]) -> None:
    for name in order:
        _take(service, name)
    records = _stored(service).values()
    request = next(r for r in records if r["source"]["filename"] == REQUEST)
    response = next(r for r in records if r["source"]["filename"] == CERTIFIED)
    assert request["decision"]["action"] == "certified"
    assert request["authorization_number"] == response["decision"]["certification_number"] == "CERT55501"
    assert request["answered_by"] == response["id"] and response["answers"] == request["id"]
    with session_scope(service.engine) as session:
        audit = session.exec(select(AuditEvent).where(AuditEvent.record_id == request["id"])).all()
    assert [(a.action, a.field) for a in audit] == [("decision", "decision")]


def test_a_response_for_another_member_decides_nothing(service: Service) -> None:
    _take(service, REQUEST)
    other = (VALID / CERTIFIED).read_text().replace("W123456789", "W999999999")
    process_file(drop(service, "other.x12", other), service)
    request = next(r for r in _stored(service).values() if r["source"]["filename"] == REQUEST)
    assert request["decision"] is None
