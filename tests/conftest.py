"""Shared test helpers: paths, the contract schema, and running `intake parse` in-process."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from ingest.parse import records_of_file
from validators import ValidationContext

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
SHARED = ROOT.parent / "shared"
SCHEMA_PATH = ROOT / "schemas" / "record.schema.json"

PG_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


@functools.cache
def postgres_unreachable() -> str | None:
    """Why the PostgreSQL tests must skip (None when 127.0.0.1:5432 answers)."""
    from sqlalchemy import create_engine, text

    try:
        engine = create_engine(PG_SERVER, connect_args={"connect_timeout": 2})
        with engine.connect() as connection:
            connection.execute(text("select 1"))
        engine.dispose()
    except Exception as exc:
        return f"PostgreSQL at 127.0.0.1:5432 is not reachable ({type(exc).__name__})"
    return None


requires_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared (public corpus and contract) is absent")


def _validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(json.loads(SCHEMA_PATH.read_text()))


SCHEMA = _validator()


def schema_errors(record: dict[str, Any]) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message[:200]}" for e in SCHEMA.iter_errors(record)]


def parse_records(path: Path, ack_dir: Path | None = None) -> list[dict[str, Any]]:
    """`intake parse` on one file, as wire-form dicts; every record checked against the schema."""
    records = [r.to_dict() for r in records_of_file(path, ValidationContext.now(), ack_dir=ack_dir)]
    for record in records:
        problems = schema_errors(record)
        assert not problems, f"{path.name}: {problems}"
    return records


def files(folder: Path, pattern: str = "*.x12") -> list[Any]:
    """Parametrize values for every matching file, the test id being the file's name."""
    return [pytest.param(path, id=path.stem) for path in sorted(folder.glob(pattern))]
