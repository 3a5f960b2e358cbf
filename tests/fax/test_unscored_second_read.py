"""A second read that agrees with the page read but that tesseract scored 0 (it kept the page read's
characters with no belief in them: 'H585828770' read twice as '4585828770', the second time at 0) is no
independent confirmation: the standard model reads the crop, and only its agreeing read confirms."""

from __future__ import annotations

import dataclasses

import pytest

from parsers.fax import verify
from parsers.fax.confirm import Region
from parsers.fax.model import Candidate, Word
from parsers.fax.ocr import REREAD_MODEL
from tests.fax.test_verify import _cand, _state, _word


class ModelReads:
    """confirm.second_reads faked per call, recording which model each call asked for."""

    def __init__(self, *answers: dict[str, Word]) -> None:
        self.answers = list(answers)
        self.models: list[str] = []

    def __call__(self, regions: list[Region], images: object, engine: object, model: str = "") -> dict[str, list[Word]]:
        self.models.append(model)
        answer = self.answers.pop(0) if self.answers else {}
        return {r.key: [answer[r.key]] if r.key in answer else [] for r in regions}


def _run(monkeypatch: pytest.MonkeyPatch, cand: Candidate, fake: ModelReads) -> Candidate:
    monkeypatch.setattr(verify, "second_reads", fake)
    state = _state(cand)
    verify.second_read(state)
    return state.candidates[0]


def test_an_unscored_agreeing_second_read_confirms_nothing_when_the_standard_model_reads_otherwise(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fake = ModelReads({"c0": _word("4585828770", conf=0)}, {"z0": _word("H585828770")})
    cand = dataclasses.replace(_cand("member.member_id", "4585828770", 0.95), raw="4585828770")
    found = _run(monkeypatch, cand, fake)
    assert found.confirmed_by is None and fake.models == ["", REREAD_MODEL]


def test_an_unscored_agreeing_second_read_stands_when_the_standard_model_gives_it_or_nothing_else(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for third in ({"z0": _word("W450180476", conf=0)}, {"z0": _word("W450180476,")}, {"z0": _word("Member")}, {}):
        fake = ModelReads({"c0": _word("W450180476", conf=0)}, third)
        assert _run(monkeypatch, _cand("member.member_id", "W450180476", 0.95), fake).confirmed_by == "second_read"


def test_a_standard_read_that_is_another_parse_of_the_crop_contests_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    cand = dataclasses.replace(_cand("member.member_id", "W450180476", 0.95), raw="W450180476")
    for other in ("W45018047", "W4501804761"):  # a digit lost or one more: no other glyph in the same place
        fake = ModelReads({"c0": _word("W450180476", conf=0)}, {"z0": _word(other)})
        assert _run(monkeypatch, cand, fake).confirmed_by == "second_read"
    fake = ModelReads({"c0": _word("W450180476", conf=0)}, {"z0": _word("W450180478")})
    assert _run(monkeypatch, cand, fake).confirmed_by is None


def test_a_contradicting_standard_read_whose_rival_gives_the_value_contests_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rival = Word("8605559246", 80, 0, 0, 80, 20, (1,), ambiguous=True, rivals=(("6", "0"),))
    fake = ModelReads({"c0": _word("860.555.9240", conf=0)}, {"z0": rival})
    cand = dataclasses.replace(_cand("ordering_provider.phone", "8605559240", 0.9), raw="860.555.9240")
    assert _run(monkeypatch, cand, fake).confirmed_by == "second_read"
    fake = ModelReads({"c0": _word("860.555.9240", conf=0)}, {"z0": _word("8605559246")})
    assert _run(monkeypatch, cand, fake).confirmed_by is None


def test_a_scored_agreeing_second_read_confirms_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = ModelReads({"c0": _word("W450180476", conf=12)})
    found = _run(monkeypatch, _cand("member.member_id", "W450180476", 0.95), fake)
    assert found.confirmed_by == "second_read" and fake.models == [""]
