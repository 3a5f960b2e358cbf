"""docs/findings.md is current and lists every code the test corpus produces."""

from __future__ import annotations

from parsers.fax.ocr import RecordedEngine
from referrals.findings_doc import DOC_PATH, documented_codes, render
from tests.conftest import FIXTURES, SHARED, parse_records
from tests.fax.conftest import RECORDING, expected_cases
from tests.fax.test_fixtures import read_case


def test_docs_findings_md_is_current() -> None:
    assert DOC_PATH.read_text(encoding="utf-8") == render(), "run: python -m referrals.findings_doc"


def test_every_code_the_fax_fixtures_produce_is_documented() -> None:
    ocr_engine = RecordedEngine(RECORDING)  # replays tesseract's recorded output
    emitted = {
        finding["code"] for meta_path in expected_cases() for finding in read_case(meta_path, ocr_engine)[1]["findings"]
    }
    assert emitted and emitted - documented_codes() == set()


def test_every_code_the_fixtures_and_corpus_produce_is_documented() -> None:
    paths = sorted((FIXTURES / "x12").rglob("*.x12"))
    if SHARED.is_dir():
        paths += sorted((SHARED / "corpus" / "x12").rglob("*.x12"))
    emitted = {f["code"] for path in paths for record in parse_records(path) for f in record["findings"]}
    assert emitted - documented_codes() == set()
