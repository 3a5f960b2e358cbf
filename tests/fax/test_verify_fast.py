"""A phone number two reads of the fast model agreed on is read by the standard model too: another
number there (doubtful or not) leaves it unconfirmed (a misread one network makes twice)."""

from __future__ import annotations

import pytest
from PIL import Image

from parsers.fax import verify_fast
from parsers.fax.model import Candidate
from parsers.fax.preprocess import Prepared
from tests.fax.test_verify import _state
from tests.fax.test_verify_standard import StandardReads, _weak_phone


def _run(monkeypatch: pytest.MonkeyPatch, fake: StandardReads, cand: Candidate) -> Candidate:
    state = _state(cand)
    page = Image.new("L", (100, 40), 255)
    state.prepared[1] = Prepared(page, page, 0.0)
    monkeypatch.setattr(verify_fast, "second_reads", fake)
    verify_fast.contest_fast_reads(state)
    return state.candidates[0]


def test_another_number_read_by_the_standard_model_unconfirms_the_value(monkeypatch: pytest.MonkeyPatch) -> None:
    for fake in (StandardReads("860-565-9240"), StandardReads("860-565-9240", doubtful=True)):
        found = _run(monkeypatch, fake, _weak_phone())
        assert found.confirmed_by is None and found.value == "8605559240"


def test_the_same_number_or_no_number_changes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    for fake in (StandardReads("860-555-9240"), StandardReads("860-555-9240", doubtful=True), StandardReads("Fax")):
        assert _run(monkeypatch, fake, _weak_phone()).confirmed_by == "second_read"
    fake = StandardReads("860-565-9240")
    assert _run(monkeypatch, fake, _weak_phone("check_digit")).confirmed_by == "check_digit"
    assert fake.models == []  # a value confirmed otherwise than by reads is not read again
