"""The JSON API against SQLite and PostgreSQL: queue order, record view, corrections, release, roles."""

from __future__ import annotations

import json

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import select

from referrals.config import Settings
from referrals.store.engine import session_scope
from referrals.store.models import AuditEvent, OutboxMessage
from referrals.users import Role
from tests.web.conftest import Person
from tests.web.seed import VALID_NPI, ingest_samples, seed_fax_referral


@pytest.fixture
def fax_id(app: FastAPI, settings: Settings) -> str:
    return seed_fax_referral(app.state.engine, settings.home)


def test_healthz_answers_without_authentication(client: TestClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


@pytest.mark.parametrize("path", ["/api/queue", "/api/records/rec_x", "/api/openapi.json", "/metrics"])
def test_no_token_no_data(client: TestClient, fax_id: str, path: str) -> None:
    response = client.get(path.replace("rec_x", fax_id))
    assert response.status_code == 401
    assert response.json()["error"] == "not_authenticated"
    assert response.headers["www-authenticate"] == "Bearer"


def test_an_unknown_token_is_refused(client: TestClient, fax_id: str) -> None:
    response = client.get("/api/queue", headers={"Authorization": "Bearer itk_not-a-token"})
    assert response.status_code == 401


def test_pages_redirect_to_login(client: TestClient, fax_id: str) -> None:
    for path in ("/queue", f"/records/{fax_id}", f"/records/{fax_id}/pages/1.png", "/dashboard"):
        response = client.get(path, follow_redirects=False)
        assert response.status_code == 303, path
        assert response.headers["location"].startswith("/login?next=")


def test_queue_is_urgent_first_then_by_due_time(
    client: TestClient, app: FastAPI, settings: Settings, people: dict[Role, Person]
) -> None:
    later = seed_fax_referral(app.state.engine, settings.home, due_in_hours=20, name="b.png", urgent=False)
    sooner = seed_fax_referral(app.state.engine, settings.home, due_in_hours=10, name="c.png", urgent=False)
    urgent = seed_fax_referral(app.state.engine, settings.home, due_in_hours=30, name="a.png", urgent=True)
    ingest_samples(settings, ("837p-missing-member-id.x12",))
    items = client.get("/api/queue", headers=people[Role.INTAKE].bearer).json()
    ids = [item["id"] for item in items]
    assert ids[:3] == [urgent, sooner, later]
    assert any(item["source"] == "837P" for item in items)
    assert "npi_checksum" in items[0]["reason_codes"]
    assert set(items[0]) >= {"due_at", "reason_codes", "service_type", "payer", "source", "urgent"}


def test_queue_filters_by_reason(
    client: TestClient, settings: Settings, fax_id: str, people: dict[Role, Person]
) -> None:
    ingest_samples(settings, ("837p-missing-member-id.x12",))
    only = client.get("/api/queue", params={"reason": "npi_checksum"}, headers=people[Role.INTAKE].bearer).json()
    assert [item["id"] for item in only] == [fax_id]


def test_viewing_a_record_is_audited(client: TestClient, app: FastAPI, fax_id: str, people: dict[Role, Person]) -> None:
    response = client.get(f"/api/records/{fax_id}", headers=people[Role.INTAKE].bearer)
    assert response.status_code == 200
    assert response.json()["status"] == "needs_clarification"
    assert _actions(app, fax_id) == [("intake-user", "view")]


def test_correction_is_revalidated_audited_and_release_queues_delivery(
    client: TestClient, app: FastAPI, fax_id: str, people: dict[Role, Person]
) -> None:
    auth = people[Role.INTAKE].bearer
    assert client.post(f"/api/records/{fax_id}/release", headers=auth).status_code == 409
    still_bad = client.patch(
        f"/api/records/{fax_id}", json={"corrections": {"ordering_provider.npi": "1234567891"}}, headers=auth
    )
    assert still_bad.status_code == 200
    assert still_bad.json()["status"] == "needs_clarification"
    fixed = client.patch(
        f"/api/records/{fax_id}", json={"corrections": {"ordering_provider.npi": VALID_NPI}}, headers=auth
    )
    assert fixed.json()["status"] == "ready"
    assert fixed.json()["findings"] == []
    assert client.post(f"/api/records/{fax_id}/release", headers=auth).status_code == 200
    assert client.post(f"/api/records/{fax_id}/release", headers=auth).status_code == 200  # idempotent
    with session_scope(app.state.engine) as session:
        messages = session.exec(select(OutboxMessage).where(OutboxMessage.record_id == fax_id)).all()
        corrections = session.exec(select(AuditEvent).where(AuditEvent.action == "correct")).all()
    assert len(messages) == 1
    assert json.loads(messages[0].payload)["ordering_provider"]["npi"] == VALID_NPI
    assert [(e.field, json.loads(e.before or "null"), json.loads(e.after or "null")) for e in corrections][-1] == (
        "ordering_provider.npi",
        "1234567891",
        VALID_NPI,
    )
    assert ("intake-user", "release") in _actions(app, fax_id)
    assert client.get("/api/queue", headers=auth).json() == []


def test_a_value_that_does_not_fit_is_400(client: TestClient, fax_id: str, people: dict[Role, Person]) -> None:
    response = client.patch(
        f"/api/records/{fax_id}",
        json={"corrections": {"member.dob": "31/31/1999"}},
        headers=people[Role.INTAKE].bearer,
    )
    assert response.status_code == 400
    assert response.json()["error"] == "usage_error"
    assert "member.dob" in response.json()["message"]
    assert "1999" not in response.text  # the message names the field, never the value


def test_unknown_record_is_404(client: TestClient, people: dict[Role, Person]) -> None:
    response = client.get("/api/records/rec_nope", headers=people[Role.INTAKE].bearer)
    assert response.status_code == 404
    assert response.json()["error"] == "not_found"


def test_reject_takes_the_record_out_of_the_queue(client: TestClient, fax_id: str, people: dict[Role, Person]) -> None:
    auth = people[Role.INTAKE].bearer
    response = client.post(f"/api/records/{fax_id}/reject", json={"reason": "duplicate order"}, headers=auth)
    assert response.json()["status"] == "rejected"
    assert client.get("/api/queue", headers=auth).json() == []


def test_billing_cannot_edit_referrals_or_work_the_queue(
    client: TestClient, fax_id: str, people: dict[Role, Person]
) -> None:
    auth = people[Role.BILLING].bearer
    assert client.get("/api/queue", headers=auth).status_code == 403
    assert client.get(f"/api/records/{fax_id}", headers=auth).status_code == 403
    patch = client.patch(
        f"/api/records/{fax_id}", json={"corrections": {"ordering_provider.npi": VALID_NPI}}, headers=auth
    )
    assert patch.status_code == 403
    assert patch.json()["error"] == "permission_denied"
    assert client.post(f"/api/records/{fax_id}/release", headers=auth).status_code == 403


def test_billing_sees_claims(client: TestClient, app: FastAPI, settings: Settings, people: dict[Role, Person]) -> None:
    ingest_samples(settings, ("837p-two-ready-claims.x12",))
    page = client.get("/claims", headers=people[Role.BILLING].bearer)
    assert page.status_code == 200
    claim_id = page.text.split('href="/records/')[1].split('"')[0]
    record = client.get(f"/api/records/{claim_id}", headers=people[Role.BILLING].bearer)
    assert record.status_code == 200
    assert record.json()["record_type"] == "claim"
    assert client.get("/claims", headers=people[Role.INTAKE].bearer).status_code == 403


def test_intake_cannot_manage_users(client: TestClient, people: dict[Role, Person]) -> None:
    auth = people[Role.INTAKE].bearer
    assert client.get("/admin/users", headers=auth).status_code == 403
    response = client.post(
        "/admin/users", data={"name": "mallory", "role": "admin", "password": "x" * 20}, headers=auth
    )
    assert response.status_code == 403
    assert "mallory" not in client.get("/admin/users", headers=people[Role.ADMIN].bearer).text


def test_admin_manages_users(client: TestClient, people: dict[Role, Person]) -> None:
    auth = people[Role.ADMIN].bearer
    response = client.post(
        "/admin/users", data={"name": "newclerk", "role": "intake", "password": "p" * 16}, headers=auth
    )
    assert response.status_code == 200
    assert "newclerk" in response.text


def test_openapi_document_lists_the_api(client: TestClient, people: dict[Role, Person]) -> None:
    document = client.get("/api/openapi.json", headers=people[Role.BILLING].bearer).json()
    assert {"/api/queue", "/api/records/{record_id}", "/api/records/{record_id}/release", "/healthz"} <= set(
        document["paths"]
    )
    assert "patch" in document["paths"]["/api/records/{record_id}"]


def test_metrics_in_prometheus_text(client: TestClient, fax_id: str, people: dict[Role, Person]) -> None:
    response = client.get("/metrics", headers=people[Role.ADMIN].bearer)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    text = response.text
    assert "intake_queue_depth 1.0" in text
    assert 'intake_records{record_type="referral",status="needs_clarification"} 1.0' in text
    assert "intake_queue_oldest_age_seconds" in text
    assert 'intake_documents{status="processed"} 1.0' in text


def _actions(app: FastAPI, record_id: str) -> list[tuple[str, str]]:
    with session_scope(app.state.engine) as session:
        events = session.exec(select(AuditEvent).where(AuditEvent.record_id == record_id)).all()
    return [(e.actor, e.action) for e in events]


def test_json_numbers_and_nulls_are_corrections_too(
    client: TestClient, fax_id: str, people: dict[Role, Person]
) -> None:
    body = {"corrections": {"services[0].quantity": 2, "member.phone": None}}
    record = client.patch(f"/api/records/{fax_id}", json=body, headers=people[Role.INTAKE].bearer).json()
    assert record["services"][0]["quantity"] == 2
    assert record["member"]["phone"] is None


def test_a_stale_version_is_a_conflict(client: TestClient, fax_id: str, people: dict[Role, Person]) -> None:
    auth = people[Role.INTAKE].bearer
    body = {"corrections": {"member.phone": "8605550111"}, "version": 1}
    assert client.patch(f"/api/records/{fax_id}", json=body, headers=auth).status_code == 200
    stale = client.patch(f"/api/records/{fax_id}", json=body, headers=auth)
    assert stale.status_code == 409
    assert stale.json()["error"] == "conflict"


def test_a_disabled_user_is_locked_out(client: TestClient, people: dict[Role, Person]) -> None:
    clerk = people[Role.INTAKE]
    assert client.get("/api/queue", headers=clerk.bearer).status_code == 200
    response = client.post(f"/admin/users/{clerk.name}/disable", headers=people[Role.ADMIN].bearer)
    assert response.status_code == 200
    assert client.get("/api/queue", headers=clerk.bearer).status_code == 401


def test_admin_issues_a_token_on_the_users_page(client: TestClient, people: dict[Role, Person]) -> None:
    page = client.post("/admin/users/billing-user/token", headers=people[Role.ADMIN].bearer).text
    token = page.split('<code id="new-token">')[1].split("<")[0]
    assert client.get("/claims", headers={"Authorization": f"Bearer {token}"}).status_code == 200


def test_metrics_count_parse_seconds_by_document_kind(
    client: TestClient, settings: Settings, people: dict[Role, Person]
) -> None:
    from ingest.pipeline import Service, process_file
    from tests.conftest import FIXTURES

    service = Service.start(settings)
    path = service.home.inbox / "claim.x12"
    path.write_bytes((FIXTURES / "x12" / "valid" / "837p_dme_oxygen.x12").read_bytes())
    process_file(path, service)
    text = client.get("/metrics", headers=people[Role.ADMIN].bearer).text
    assert 'intake_parse_seconds_count{kind="x12_837p"} 1.0' in text
    assert 'intake_parse_seconds_sum{kind="x12_837p"}' in text
