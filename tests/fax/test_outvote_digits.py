"""An unsure page read of digits every re-read reads otherwise (outvote_digits.py)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from PIL import Image

from parsers.fax import outvote_digits
from parsers.fax.model import Candidate
from parsers.fax.preprocess import Prepared
from tests.fax.test_verify import _cand, _state, _word
from tests.fax.test_verify_standard import StandardReads

PAGE = dt.date(2026, 12, 18)
OTHER = dt.date(2026, 11, 18)


def _run(
    monkeypatch: pytest.MonkeyPatch, fake: StandardReads, conf: float = 0.69, second: str = "2026-11-18"
) -> Candidate:
    cand = dataclasses.replace(_cand("signature.date", PAGE, conf=conf), raw="2026-12-18")
    state = _state(cand)
    page = Image.new("L", (100, 40), 255)
    state.prepared[1] = Prepared(page, page, 0.0)
    state.second_words[id(cand)] = [_word(second, doubtful=True)]
    monkeypatch.setattr(outvote_digits, "second_reads", fake)
    outvote_digits.outvote_unsure(state)
    return state.candidates[0]


def test_an_unsure_page_read_both_standard_reads_read_otherwise_gives_way(monkeypatch: pytest.MonkeyPatch) -> None:
    found = _run(monkeypatch, StandardReads("2026-11-18"))
    assert found.value == OTHER and found.confirmed_by == "second_read"


def test_a_sure_page_read_a_doubtful_re_read_or_another_value_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = StandardReads("2026-11-18")
    assert _run(monkeypatch, fake, conf=0.9).value == PAGE and not fake.models  # sure: never outvoted
    assert _run(monkeypatch, StandardReads("2026-11-18", doubtful=True)).confirmed_by is None
    assert _run(monkeypatch, StandardReads("2026-11-13")).confirmed_by is None  # not the second read's value
    fake = StandardReads("2026-11-18")
    assert _run(monkeypatch, fake, second="2026-12-18").confirmed_by is None and not fake.models
