"""The project's JSON Schema is the shared record contract, and real output keeps to it."""

from __future__ import annotations

import json

import jsonschema
import pytest

from tests.conftest import FIXTURES, SCHEMA_PATH, SHARED, parse_records, requires_shared

SAMPLE_FILES = sorted((FIXTURES / "x12" / "valid").glob("*.x12")) + sorted((FIXTURES / "x12" / "invalid").glob("*.x12"))


def _all_records() -> list[dict]:
    return [r for path in SAMPLE_FILES for r in parse_records(path)]


def test_every_fixture_record_validates_against_the_project_schema() -> None:
    records = _all_records()  # parse_records asserts each against schemas/record.schema.json
    assert {r["record_type"] for r in records} >= {"claim", "document"}


@requires_shared
def test_project_schema_accepts_what_the_shared_contract_accepts() -> None:
    shared = jsonschema.Draft202012Validator(json.loads((SHARED / "contract" / "record.schema.json").read_text()))
    ours = jsonschema.Draft202012Validator(json.loads(SCHEMA_PATH.read_text()))
    corpus = sorted((SHARED / "corpus" / "x12").rglob("*.x12"))
    records = _all_records() + [r for path in corpus for r in parse_records(path)]
    for record in records:
        assert shared.is_valid(record) == ours.is_valid(record), record["id"]
    assert all(shared.is_valid(r) for r in records)


@requires_shared
def test_project_schema_is_the_shared_one() -> None:
    assert json.loads(SCHEMA_PATH.read_text()) == json.loads((SHARED / "contract" / "record.schema.json").read_text())


@pytest.mark.parametrize(
    "bad",
    [
        {"record_type": "claim"},
        {"record_type": "document", "id": "x", "status": "ready", "source": {}, "findings": []},
    ],
)
def test_schema_rejects_broken_records(bad: dict) -> None:
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA_PATH.read_text()))
    assert not validator.is_valid(bad)
