"""A confirmed value still weak after the grey page's reads, read from the cleaned page (verify_lift.py)."""

from __future__ import annotations

import dataclasses

import pytest
from PIL import Image

from parsers.fax import verify_lift, verify_standard
from parsers.fax.model import Candidate
from parsers.fax.preprocess import Prepared
from parsers.fax.record_builder import confidence
from tests.fax.test_verify import _state
from tests.fax.test_verify_standard import StandardReads, _weak_phone


def _run(monkeypatch: pytest.MonkeyPatch, fake: StandardReads, cand: Candidate) -> Candidate:
    state = _state(cand)
    page = Image.new("L", (100, 40), 255)
    state.prepared[1] = Prepared(page, page, 0.0)
    monkeypatch.setattr(verify_standard, "second_reads", fake)  # clean_read reads through verify_standard.lift_weak
    verify_lift.clean_read(state)
    return state.candidates[0]


def test_an_agreeing_clean_read_lifts_a_value_still_weak(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = StandardReads("860.555.9240", conf=94)
    found = _run(monkeypatch, fake, dataclasses.replace(_weak_phone(), second_conf=0.58))
    assert found.second_conf == pytest.approx(0.94) and confidence(found) >= 0.8
    assert fake.models == ["--model standard"]


def test_a_disagreeing_read_or_an_unconfirmed_value_lifts_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _run(monkeypatch, StandardReads("866.555.9240"), _weak_phone()).second_conf == 0.0
    fake = StandardReads("860.555.9240")
    assert _run(monkeypatch, fake, _weak_phone(confirmed_by=None)).second_conf == 0.0 and not fake.models


def _garbled_org(
    monkeypatch: pytest.MonkeyPatch, third: StandardReads, second: str = "Valley Home Heaith"
) -> Candidate:
    from tests.fax.test_verify import _cand, _word

    cand = dataclasses.replace(
        _cand("servicing_provider.name", "Valley Home Health"),
        raw="Valley Home Health",
        words=(_word("Valley Home Health"),),
    )
    state = _state(cand)
    page = Image.new("L", (100, 40), 255)
    state.prepared[1] = Prepared(page, page, 0.0)
    state.second_words[id(cand)] = [_word(second)]
    monkeypatch.setattr(verify_lift, "second_reads", third)
    verify_lift.clean_garbled(state)
    return state.candidates[0]


def test_a_value_garbled_on_the_grey_page_is_confirmed_by_the_cleaned_page(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = StandardReads("Valley Home Health")
    assert _garbled_org(monkeypatch, fake).confirmed_by == "second_read"
    assert fake.models == ["--model standard"]


def test_a_disagreeing_clean_read_or_a_second_read_of_other_words_confirms_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert _garbled_org(monkeypatch, StandardReads("Valley Home Hearth")).confirmed_by is None
    fake = StandardReads("Valley Home Health")
    assert _garbled_org(monkeypatch, fake, second="Valley Home Hearth").confirmed_by is None and not fake.models
