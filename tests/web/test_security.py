"""Security checks: CSRF, session fixation, cookie flags, login throttling, no PHI in URLs or logs,
and the page-image route refusing path traversal."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import select

from referrals.config import Settings
from referrals.store.engine import session_scope
from referrals.store.models import Document, RecordRow
from referrals.users import Role
from referrals.web.security import SESSION_COOKIE
from tests.web.conftest import Person, csrf_of, log_in
from tests.web.seed import MEMBER, VALID_NPI, seed_fax_referral

PHI = (
    MEMBER.first_name,
    MEMBER.last_name,
    MEMBER.member_id,
    "1941-03-14",
    "03/14/1941",
    MEMBER.phone,
    "Larkspur",
)
URL_IN_PAGE = re.compile(r'(?:href|src|action)="([^"]*)"')


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    """These checks are about the web layer, not the database: SQLite only (test_api.py runs both)."""
    return f"sqlite:///{tmp_path / 'intake.db'}"


@pytest.fixture
def fax_id(app: FastAPI, settings: Settings) -> str:
    return seed_fax_referral(app.state.engine, settings.home)


@pytest.fixture
def intake(people: dict[Role, Person]) -> Person:
    return people[Role.INTAKE]


def test_login_form_needs_its_csrf_token(client: TestClient, intake: Person) -> None:
    client.get("/login")
    response = client.post("/login", data={"username": intake.name, "password": intake.password})
    assert response.status_code == 403
    assert SESSION_COOKIE not in client.cookies


def test_forms_need_the_session_csrf_token(client: TestClient, fax_id: str, intake: Person) -> None:
    token = log_in(client, intake)
    form = {"f:ordering_provider.npi": VALID_NPI}
    assert client.post(f"/records/{fax_id}", data=form).status_code == 403
    assert client.post(f"/records/{fax_id}", data={**form, "csrf_token": "forged"}).status_code == 403
    assert client.post(f"/records/{fax_id}/release", data={}).status_code == 403
    assert client.post("/logout", data={}).status_code == 403
    saved = client.post(f"/records/{fax_id}", data={**form, "csrf_token": token})
    assert saved.status_code == 200
    assert "the record is ready" in saved.text


def test_cookie_api_writes_need_the_csrf_header(client: TestClient, fax_id: str, intake: Person) -> None:
    token = log_in(client, intake)
    body = {"corrections": {"ordering_provider.npi": VALID_NPI}}
    assert client.patch(f"/api/records/{fax_id}", json=body).status_code == 403
    response = client.patch(f"/api/records/{fax_id}", json=body, headers={"X-CSRF-Token": token})
    assert response.status_code == 200


def test_login_gets_a_new_session_id(app: FastAPI, client: TestClient, intake: Person) -> None:
    client.cookies.set(SESSION_COOKIE, "planted-by-an-attacker", domain="testserver.local")
    log_in(client, intake)
    first = client.cookies.get(SESSION_COOKIE)
    assert first and first != "planted-by-an-attacker"
    log_in(client, intake)  # logging in again replaces the session, and the old id dies
    second = client.cookies.get(SESSION_COOKIE)
    assert second != first
    with TestClient(app) as other:
        for stale in ("planted-by-an-attacker", first):
            other.cookies.set(SESSION_COOKIE, stale, domain="testserver.local")
            assert other.get("/api/queue").status_code == 401
        other.cookies.set(SESSION_COOKIE, second, domain="testserver.local")
        assert other.get("/api/queue").status_code == 200


def test_logout_ends_the_session(app: FastAPI, client: TestClient, intake: Person) -> None:
    token = log_in(client, intake)
    session_id = client.cookies.get(SESSION_COOKIE)
    client.post("/logout", data={"csrf_token": token})
    with TestClient(app) as other:
        other.cookies.set(SESSION_COOKIE, session_id or "", domain="testserver.local")
        assert other.get("/api/queue").status_code == 401


def test_session_cookie_flags(app: FastAPI, intake: Person) -> None:
    for base, secure in (("http://testserver", False), ("https://testserver", True)):
        with TestClient(app, base_url=base) as client:
            form = client.get("/login")
            response = client.post(
                "/login",
                follow_redirects=False,
                data={"username": intake.name, "password": intake.password, "csrf_token": csrf_of(form.text)},
            )
            cookie = next(
                v for k, v in response.headers.multi_items() if k == "set-cookie" and v.startswith(SESSION_COOKIE)
            )
            assert "HttpOnly" in cookie
            assert "SameSite=lax" in cookie
            assert ("Secure" in cookie) is secure


def test_failed_logins_are_throttled(client: TestClient, intake: Person) -> None:
    for _ in range(5):
        form = client.get("/login")
        bad = client.post(
            "/login",
            data={"username": intake.name, "password": "wrong-password!", "csrf_token": csrf_of(form.text)},
        )
        assert bad.status_code == 401
    form = client.get("/login")
    right = client.post(
        "/login",
        data={"username": intake.name, "password": intake.password, "csrf_token": csrf_of(form.text)},
    )
    assert right.status_code == 429
    assert SESSION_COOKIE not in client.cookies


def test_login_redirect_stays_on_this_site(client: TestClient, intake: Person) -> None:
    form = client.get("/login")
    response = client.post(
        "/login",
        follow_redirects=False,
        data={
            "username": intake.name,
            "password": intake.password,
            "csrf_token": csrf_of(form.text),
            "next": "//evil.example/x",
        },
    )
    assert response.headers["location"] == "/"


def test_no_phi_in_urls_or_logs(
    client: TestClient, fax_id: str, intake: Person, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    token = log_in(client, intake)
    pages = [client.get("/queue"), client.get("/queue/rows"), client.get(f"/records/{fax_id}")]
    pages.append(client.post(f"/records/{fax_id}", data={"f:member.phone": "8605550199", "csrf_token": token}))
    pages.append(client.post(f"/records/{fax_id}/clarification", data={"csrf_token": token}))
    client.get("/api/queue")
    assert MEMBER.last_name in pages[2].text  # the record page does show the patient...
    urls = [str(r.url) for p in pages for r in (*p.history, p)]
    urls += [u for p in pages for u in URL_IN_PAGE.findall(p.text)]
    logged = "\n".join(r.getMessage() for r in caplog.records)
    for value in PHI:
        assert value and value not in "\n".join(urls), f"{value!r} in a URL"
        assert value not in logged, f"{value!r} in the log"


def test_page_images_only_for_signed_in_users(client: TestClient, fax_id: str, intake: Person) -> None:
    assert client.get(f"/records/{fax_id}/pages/1.png", follow_redirects=False).status_code == 303
    response = client.get(f"/records/{fax_id}/pages/1.png", headers=intake.bearer)
    assert response.status_code == 200
    assert response.headers["content-type"] == "image/png"
    assert response.content.startswith(b"\x89PNG")
    assert client.get(f"/records/{fax_id}/pages/2.png", headers=intake.bearer).status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/records/..%2F..%2F..%2Fetc%2Fpasswd/pages/1.png",
        "/records/%2E%2E/pages/1.png",
        "/records/{id}/pages/..%2F..%2Fintake.db.png",
        "/records/{id}/pages/-1.png",
        "/records/{id}%00/pages/1.png",
    ],
)
def test_page_image_route_refuses_path_traversal(client: TestClient, fax_id: str, intake: Person, path: str) -> None:
    response = client.get(path.replace("{id}", fax_id), headers=intake.bearer)
    assert response.status_code in (404, 422)
    assert not response.content.startswith(b"\x89PNG")
    assert b"root:" not in response.content


def test_page_image_refuses_an_original_outside_the_archive(
    app: FastAPI, client: TestClient, fax_id: str, intake: Person
) -> None:
    with session_scope(app.state.engine) as session:
        row = session.exec(select(RecordRow).where(RecordRow.id == fax_id)).one()
        document = session.get(Document, row.document_id)
        assert document is not None
        document.archive_path = "/etc/passwd"
    assert client.get(f"/records/{fax_id}/pages/1.png", headers=intake.bearer).status_code == 404


def test_security_headers(client: TestClient) -> None:
    response = client.get("/login")
    assert response.headers["x-frame-options"] == "DENY"
    assert "default-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["cache-control"] == "no-store"


def test_an_internal_failure_is_a_500_that_quotes_no_data(
    client: TestClient, intake: Person, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*_: object) -> None:
        raise RuntimeError(f"value {MEMBER.last_name} broke it")

    monkeypatch.setattr("referrals.web.routes_api.queue_items", broken)
    caplog.set_level(logging.DEBUG)
    response = client.get("/api/queue", headers=intake.bearer)
    assert response.status_code == 500
    assert response.json()["error"] == "internal_error"
    assert response.headers["x-frame-options"] == "DENY"
    logged = "\n".join(r.getMessage() + (r.exc_text or "") for r in caplog.records)
    assert "RuntimeError" in logged
    assert MEMBER.last_name not in logged and MEMBER.last_name not in response.text
