"""Fixtures for the web tests: an app on SQLite or PostgreSQL, users of each role, a logged-in client."""

from __future__ import annotations

import re
import secrets
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from referrals.config import Settings
from referrals.store.engine import session_scope
from referrals.users import Role, add_user, issue_token
from referrals.web import create_app
from referrals.web.config import WebSettings

PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
CSRF_IN_PAGE = re.compile(r'name="csrf_token" value="([^"]+)"')


def postgres_reachable() -> str | None:
    """None when PostgreSQL answers, else the reason it does not."""
    import psycopg

    try:
        with psycopg.connect("host=127.0.0.1 port=5432 user=postgres dbname=test", connect_timeout=2):
            return None
    except psycopg.Error as exc:
        return f"PostgreSQL at 127.0.0.1:5432/test is not reachable ({type(exc).__name__})"


@pytest.fixture(autouse=True)
def cheap_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """argon2 at its production cost takes ~0.5 s a hash here; the tests only need it to be argon2."""
    from argon2 import PasswordHasher

    from referrals import users

    monkeypatch.setattr(users, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'intake.db'}"
        return
    reason = postgres_reachable()
    if reason:
        pytest.skip(reason)
    yield from _postgres_schema()


def _postgres_schema() -> Iterator[str]:
    import psycopg

    schema = f"web_{uuid.uuid4().hex[:12]}"
    with psycopg.connect("host=127.0.0.1 port=5432 user=postgres dbname=test", autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        yield f"{PG_URL}?options=-csearch_path%3D{schema}"
    finally:
        from referrals.store.engine import make_engine

        make_engine(f"{PG_URL}?options=-csearch_path%3D{schema}").dispose()
        with psycopg.connect("host=127.0.0.1 port=5432 user=postgres dbname=test", autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def settings(tmp_path: Path, database_url: str) -> Settings:
    return Settings(home=tmp_path / "home", database_url=database_url)


@pytest.fixture
def app(settings: Settings) -> FastAPI:
    return create_app(settings, WebSettings(web_secret="test-secret", login_attempts_per_minute=5))


@dataclass(frozen=True)
class Person:
    name: str
    role: Role
    password: str
    token: str

    @property
    def bearer(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


def make_person(app: FastAPI, name: str, role: Role) -> Person:
    password = secrets.token_urlsafe(16)
    with session_scope(app.state.engine) as session:
        add_user(session, name, role, password)
        session.flush()
        token = issue_token(session, name)
    return Person(name, role, password, token)


@pytest.fixture
def people(app: FastAPI) -> dict[Role, Person]:
    return {role: make_person(app, f"{role.value}-user", role) for role in Role}


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as test_client:
        yield test_client


def csrf_of(html: str) -> str:
    match = CSRF_IN_PAGE.search(html)
    assert match, "page has no CSRF token"
    return match.group(1)


def log_in(client: TestClient, person: Person) -> str:
    """Log `person` in through the form; returns the session's CSRF token (from the next page)."""
    form = client.get("/login")
    response = client.post(
        "/login",
        data={
            "username": person.name,
            "password": person.password,
            "csrf_token": csrf_of(form.text),
            "next": "/dashboard",
        },
    )
    assert response.status_code == 200, response.text[:300]
    return csrf_of(response.text)
