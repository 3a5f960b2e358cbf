"""A diagnosis code the fast model's second read agreed on is read by the standard model too: another
billable code there leaves it unconfirmed (a digit one network misreads twice: M16.11 as M16.31)."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from PIL import Image

from ingest.codesets import VALIDATOR_CODE_SETS
from parsers.fax import verify, verify_fast
from parsers.fax.codecheck import correct_icd10
from parsers.fax.confirm import Region
from parsers.fax.model import Page, Word
from parsers.fax.preprocess import Prepared
from parsers.fax.reading import FaxRead
from parsers.fax.services import CodeRead
from tests.fax.test_verify import _state


class Reads:
    """Stands in for confirm.second_reads: each region read as `texts[model]`, the models asked kept."""

    def __init__(self, fast: str, standard: str) -> None:
        self.texts = {"": fast, verify_fast.REREAD_MODEL: standard}
        self.models: list[str] = []

    def __call__(self, regions: list[Region], images: Any, engine: Any, model: str = "") -> dict[str, list[Word]]:
        self.models.append(model)
        text = self.texts[model]
        return {r.key: [Word(text, 60.0, 10, 10, 60, 20, (1,))] if text else [] for r in regions}


def _coded_state(raw: str, conf: float = 77.0) -> FaxRead:
    state = _state()
    state.pages = [Page(1, 100, 40)]
    state.ctx = dataclasses.replace(state.ctx, code_sets=VALIDATOR_CODE_SETS)
    page = Image.new("L", (100, 40), 255)
    state.prepared[1] = Prepared(page, page, 0.0)
    word = Word(raw, conf, 10, 10, 60, 20, (1,))
    state.diagnoses = [CodeRead(raw, word, 1, correct_icd10(raw, VALIDATOR_CODE_SETS))]
    return state


def _confirmed(monkeypatch: pytest.MonkeyPatch, state: FaxRead, fake: Reads) -> bool:
    monkeypatch.setattr(verify, "second_reads", fake)
    monkeypatch.setattr(verify_fast, "second_reads", fake)
    verify.second_read(state)
    verify_fast.contest_fast_codes(state)
    return id(state.diagnoses[0]) in state.confirmed_codes


def test_another_billable_code_read_by_the_standard_model_unconfirms_the_code(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """'M16.31' read unsurely on the page and again by the fast model's second read; the standard model
    reads 'M16.11.': two networks read two codes, so neither is taken."""
    assert not _confirmed(monkeypatch, _coded_state("M16.31"), Reads("M16.31", "M16.11."))


def test_the_same_code_a_category_or_nothing_from_the_standard_model_changes_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The standard read agreeing, losing the last digit ('M16.1': a category, no other code) or
    reading nothing contests nothing."""
    for standard in ("M16.31", "(M16.31),", "M16.1", ""):
        assert _confirmed(monkeypatch, _coded_state("M16.31"), Reads("M16.31", standard)), standard


def test_a_code_read_surely_as_it_is_is_not_read_again(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = Reads("M16.31", "M16.11")
    state = _coded_state("M16.31", conf=93.0)
    verify_fast.contest_fast_codes(state)
    assert fake.models == [] and state.diagnoses[0].as_read(0.8)
