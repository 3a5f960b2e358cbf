"""Real tesseract, end to end through the `intake parse` pipeline (CI runs these; a few seconds each)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from bench.fax_accuracy import score
from ingest.parse_many import parse_files
from tests.fax.conftest import FIXTURES, load_expected

pytestmark = [
    pytest.mark.tesseract,
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed"),
]


def _parse(path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    """The JSON lines `intake parse FILE` prints (through the function behind the command: with only
    one command registered, Typer makes `parse` the root command, so argv differs by build)."""
    lines = list(parse_files([path]))
    assert len(lines) == 1
    record: dict[str, Any] = json.loads(lines[0])
    return record


@pytest.mark.parametrize("name", ["lv-fine", "cover-fine"])
def test_intake_parse_reads_a_fax_with_real_tesseract(
    name: str, capsys: pytest.CaptureFixture[str], record_schema: dict[str, Any]
) -> None:
    meta = load_expected(FIXTURES / f"{name}.expected.json")
    record = _parse(FIXTURES / meta["file"], capsys)
    jsonschema.validate(record, record_schema)
    tally = score(meta["fields"], record)
    assert record["source"]["kind"] == "fax" and record["source"]["pages"] == meta["pages"]
    assert record["source"]["received_at"].startswith(meta["received_at"][:16])
    assert tally["correct"] >= 0.8 * sum(tally.values())
    if record["status"] == "ready":
        assert tally["wrong"] == 0


def test_intake_parse_text_layer_pdf(capsys: pytest.CaptureFixture[str], record_schema: dict[str, Any]) -> None:
    meta = load_expected(FIXTURES / "lv-efax.expected.json")
    record = _parse(FIXTURES / meta["file"], capsys)
    jsonschema.validate(record, record_schema)
    assert record["status"] == "ready"
    assert score(meta["fields"], record)["wrong"] == 0
