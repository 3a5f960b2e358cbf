"""A confirmed value read with too little confidence gets one read by the standard model (verify_standard.py)."""

from __future__ import annotations

from typing import Any

import pytest
from PIL import Image

from parsers.fax import verify_standard
from parsers.fax.confirm import Region
from parsers.fax.model import Candidate, Word
from parsers.fax.preprocess import Prepared
from parsers.fax.record_builder import confidence
from tests.fax.test_verify import _state, _word


class StandardReads:
    """Stands in for confirm.second_reads: answers every region with `text`, and keeps the model asked for."""

    def __init__(self, text: str, doubtful: bool = False, conf: float = 91) -> None:
        self.word = _word(text, doubtful, conf)
        self.models: list[str] = []

    def __call__(self, regions: list[Region], images: Any, engine: Any, model: str = "") -> dict[str, list[Word]]:
        self.models.append(model)
        return {r.key: [self.word] for r in regions}


def _weak_phone(confirmed_by: str | None = "second_read") -> Candidate:
    return Candidate(
        "ordering_provider.phone",
        "8605559240",
        1,
        (10, 10, 90, 30),
        0.34,
        "label",
        confirmed_by=confirmed_by,
        second_conf=0.0,
        words=(_word("860.555.9240", conf=34),),
    )


def _run(monkeypatch: pytest.MonkeyPatch, fake: StandardReads, cand: Candidate) -> Candidate:
    state = _state(cand)
    page = Image.new("L", (100, 40), 255)
    state.prepared[1] = Prepared(page, page, 0.0)
    monkeypatch.setattr(verify_standard, "second_reads", fake)
    verify_standard.standard_read(state)
    return state.candidates[0]


def test_an_agreeing_standard_read_lifts_a_weakly_read_confirmed_value(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = StandardReads("860.555,9240")  # only the punctuation read otherwise
    found = _run(monkeypatch, fake, _weak_phone())
    assert found.second_conf == pytest.approx(0.91) and confidence(found) >= 0.8
    assert fake.models == ["--model standard"]


def test_a_disagreeing_or_doubtful_standard_read_lifts_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    for fake in (StandardReads("860.555.9248"), StandardReads("860.555.9240", doubtful=True)):
        assert _run(monkeypatch, fake, _weak_phone()).second_conf == 0.0


def test_an_unconfirmed_value_is_not_read_by_the_standard_model(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = StandardReads("860.555.9240")
    assert _run(monkeypatch, fake, _weak_phone(confirmed_by=None)).second_conf == 0.0
    assert not fake.models


def test_a_weakly_read_sex_that_its_re_reads_agreed_on_is_lifted_too(monkeypatch: pytest.MonkeyPatch) -> None:
    sex = Candidate("member.sex", "F", 1, (10, 10, 30, 30), 0.47, "reread", confirmed_by="second_read")
    found = _run(monkeypatch, StandardReads("F", conf=92), sex)
    assert found.second_conf == pytest.approx(0.92) and confidence(found) >= 0.8
    assert _run(monkeypatch, StandardReads("M", conf=92), sex).second_conf is None
