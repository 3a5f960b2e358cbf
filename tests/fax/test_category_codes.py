"""A diagnosis read as a category header ('N14', not billable) with little confidence: a longer code
whose characters OCR lost ('N18.4'), never taken as read without a second read agreeing."""

from __future__ import annotations

import dataclasses

from ingest.codesets import VALIDATOR_CODE_SETS
from parsers.fax import codecheck
from parsers.fax.assemble import diagnoses
from parsers.fax.model import Page, Word
from parsers.fax.record_builder import Builder
from parsers.fax.services import CodeRead
from tests.fax.test_verify import _state


def _read(raw: str, conf: float) -> list[str]:
    state = _state()
    state.ctx = dataclasses.replace(state.ctx, code_sets=VALIDATOR_CODE_SETS)
    state.pages = [Page(number=1, width=1734, height=2244)]
    word = Word(raw, conf, 100, 100, 60, 22)
    state.diagnoses = [CodeRead(raw, word, 1, codecheck.correct_icd10(raw, VALIDATOR_CODE_SETS))]
    return [d.code for d in diagnoses(Builder(state))]


def test_a_category_read_with_little_confidence_is_left_unread() -> None:
    assert _read("N14", 0.0) == []
    assert _read("J44", 35.0) == []


def test_a_category_read_with_confidence_is_taken_and_any_code_read_with_little_is_not() -> None:
    assert _read("J44", 95.0) == ["J44"]  # what the page prints: its finding asks for the full code
    assert _read("J44.9", 0.0) == []  # in the code set as read, but unsure: its second read must agree
