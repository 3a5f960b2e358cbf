"""Golden fixtures: each valid file gives exactly its expected claims; each invalid file its finding."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FIXTURES, files, parse_records

VALID = FIXTURES / "x12" / "valid"
INVALID = FIXTURES / "x12" / "invalid"


def assert_subset(expected: Any, actual: Any, where: str = "") -> None:
    """Every key of `expected` is in `actual` with an equal value (lists compared item by item)."""
    if isinstance(expected, dict):
        assert isinstance(actual, dict), where
        for key, value in expected.items():
            assert key in actual, f"{where}.{key} missing"
            assert_subset(value, actual[key], f"{where}.{key}")
    elif isinstance(expected, list):
        assert isinstance(actual, list) and len(actual) == len(expected), f"{where}: {actual!r}"
        for n, (e, a) in enumerate(zip(expected, actual, strict=True)):
            assert_subset(e, a, f"{where}[{n}]")
    else:
        assert actual == expected, f"{where}: {actual!r} != {expected!r}"


@pytest.mark.parametrize("path", files(VALID))
def test_valid_file_gives_expected_records(path: Path) -> None:
    expected = [json.loads(line) for line in path.with_suffix(".expected.jsonl").read_text().splitlines()]
    actual = parse_records(path)
    assert len(actual) == len(expected)
    for want, got in zip(expected, actual, strict=True):
        assert_subset(want, got, got["id"])


@pytest.mark.parametrize("path", files(INVALID))
def test_invalid_file_gives_its_finding(path: Path, tmp_path: Path) -> None:
    expected = json.loads(path.with_suffix(".expected.json").read_text())
    records = parse_records(path, ack_dir=tmp_path)
    wanted = {k: expected[k] for k in ("code", "field", "loop_id") if k in expected}
    matching = [f for r in records for f in r["findings"] if all(f.get(k) == v for k, v in wanted.items())]
    assert matching, [f for r in records for f in r["findings"]]
    kind = expected.get("record_type", "claim")
    assert any(r["record_type"] == kind and r["status"] != "ready" for r in records)
    if "ack" in expected:
        assert list(tmp_path.glob(f"*.{expected['ack']}.x12"))


def test_fixtures_readme_has_a_row_for_every_fixture() -> None:
    readme = (FIXTURES / "README.md").read_text()
    for path in sorted(VALID.glob("*.x12")) + sorted(INVALID.glob("*.x12")):
        assert f"`{path.relative_to(FIXTURES)}`" in readme, path.name


def test_committed_fixtures_are_what_the_generator_writes(tmp_path: Path) -> None:
    import sys

    sys.path.insert(0, str(FIXTURES / "x12"))
    import generate

    generate.write_all(tmp_path)
    for produced in sorted(tmp_path.rglob("*.*")):
        committed = FIXTURES / "x12" / produced.relative_to(tmp_path)
        assert committed.read_bytes() == produced.read_bytes(), f"{committed.name}: run generate.py"
