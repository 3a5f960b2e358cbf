"""Fixtures for the service tests: a temporary home, and a database on SQLite and on PostgreSQL.

PostgreSQL tests get their own schema (dropped afterwards), so parallel workers never collide;
they skip with a reason when 127.0.0.1:5432 is not reachable.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from ingest.pipeline import Service
from referrals.config import Settings
from referrals.store.engine import make_engine
from tests.conftest import PG_SERVER
from tests.conftest import postgres_unreachable as _postgres_reachable


@pytest.fixture(scope="session")
def postgres_unreachable() -> str | None:
    return _postgres_reachable()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path, postgres_unreachable: str | None) -> Iterator[str]:
    """A fresh, empty database URL: SQLite in tmp_path, or a new PostgreSQL schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'intake.db'}"
        return
    if postgres_unreachable:
        pytest.skip(postgres_unreachable)
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_SERVER)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    yield f"{PG_SERVER}?options=-csearch_path%3D{schema}"
    make_engine(f"{PG_SERVER}?options=-csearch_path%3D{schema}").dispose()
    with admin.begin() as connection:
        connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


@pytest.fixture
def settings(tmp_path: Path, database_url: str) -> Settings:
    return Settings(
        home=tmp_path / "home",
        database_url=database_url,
        stable_seconds=0.0,
        lease_seconds=60,
        outbox_backoff_seconds=0.0,
    )


@pytest.fixture
def service(settings: Settings) -> Service:
    return Service.start(settings)
