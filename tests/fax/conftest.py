"""Fax tests replay tesseract's recorded output (fast, no tesseract needed).

Re-record after changing preprocessing or the fixtures:
    FAX_OCR_RECORD=1 .venv/bin/python -m pytest tests/fax -q
A replay miss fails with ReplayMiss naming that command's purpose.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from parsers.fax.ocr import RecordedEngine

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "fax" / "generated"
RECORDING = FIXTURES.parent / "ocr-recording.json.gz"
SCHEMA = Path(__file__).resolve().parents[2] / "schemas" / "record.schema.json"


@pytest.fixture(scope="session")
def ocr_engine() -> Iterator[RecordedEngine]:
    engine = RecordedEngine(RECORDING, record=os.environ.get("FAX_OCR_RECORD") == "1")
    yield engine
    if engine.record:
        engine.save()


def expected_cases() -> list[Path]:
    return sorted(FIXTURES.glob("*.expected.json"))


def load_expected(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text())
    return data


@pytest.fixture(scope="session")
def record_schema() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SCHEMA.read_text())
    return data


class NoOcr:
    """An OCR engine that fails the test if asked to read: a text-layer PDF must not be OCR'd."""

    name = "none"

    def data(self, image: object, config: str) -> dict[str, list[object]]:
        raise AssertionError("a text-layer PDF must not be OCR'd")

    def hocr(self, image: object, config: str) -> str:
        raise AssertionError("a text-layer PDF must not be OCR'd")
