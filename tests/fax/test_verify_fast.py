"""A phone number two reads of the fast model agreed on is read by the standard model too: another
number there (doubtful or not) leaves it unconfirmed (a misread one network makes twice)."""

from __future__ import annotations

from typing import Any

import pytest
from PIL import Image

from parsers.fax import verify_fast, verify_model
from parsers.fax.confirm import Region
from parsers.fax.model import Candidate, Word
from parsers.fax.preprocess import Prepared
from tests.fax.test_verify import _state
from tests.fax.test_verify_standard import StandardReads, _weak_phone


def _run(monkeypatch: pytest.MonkeyPatch, fake: StandardReads, cand: Candidate) -> Candidate:
    state = _state(cand)
    page = Image.new("L", (100, 40), 255)
    state.prepared[1] = Prepared(page, page, 0.0)
    monkeypatch.setattr(verify_fast, "second_reads", fake)
    monkeypatch.setattr(verify_model, "second_reads", fake)  # the settling read (verify_model.standard_reads)
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


class SequentialReads:
    """Stands in for confirm.second_reads: the n-th call answers every region with the n-th word."""

    def __init__(self, *words: Word) -> None:
        self.words = list(words)
        self.calls: list[tuple[str, list[str]]] = []

    def __call__(self, regions: list[Region], images: Any, engine: Any, model: str = "") -> dict[str, list[Word]]:
        self.calls.append((model, [r.source for r in regions]))
        word = self.words[len(self.calls) - 1]
        return {r.key: [word] for r in regions}


def _leaning(text: str, *rivals: tuple[str, str]) -> Word:
    """A read whose doubtful characters' rivals ('6' rivalling '5' in '860-565-9240') give the page read's number."""
    return Word(text, 76, 0, 0, 80, 20, (1,), ambiguous=True, rivals=rivals)


def test_a_standard_read_leaning_to_the_value_is_settled_by_a_second_standard_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # '860-565-9240' whose 6 rivals 5 leans to 860-555-9240: the standard model reads the cleaned crop once more
    fake = SequentialReads(_leaning("860-565-9240", ("6", "5")), Word("860-555-9240", 93, 0, 0, 80, 20, (1,)))
    found = _run(monkeypatch, fake, _weak_phone())
    assert found.confirmed_by == "second_read" and found.value == "8605559240"
    assert fake.calls == [("--model standard", ["straight"]), ("--model standard", ["clean"])]


def test_a_leaning_read_not_settled_by_the_next_read_unconfirms_the_value(monkeypatch: pytest.MonkeyPatch) -> None:
    for again in (
        Word("860-565-9240", 93, 0, 0, 80, 20, (1,)),  # the other number, undoubted
        _leaning("860-555-9240", ("5", "6")),  # the value, but doubtful again
        Word("Fax", 93, 0, 0, 80, 20, (1,)),  # no number
    ):
        fake = SequentialReads(_leaning("860-565-9240", ("6", "5")), again)
        assert _run(monkeypatch, fake, _weak_phone()).confirmed_by is None
    # a doubtful read whose rival gives yet another number does not lean: no further read
    fake = SequentialReads(_leaning("860-565-9240", ("6", "8")))
    assert _run(monkeypatch, fake, _weak_phone()).confirmed_by is None and len(fake.calls) == 1


def test_a_standard_read_giving_no_possible_us_number_contradicts_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    # an area code or exchange led by 0 or 1 is no North American number: the read gave no number of the kind
    for text in ("014-555-9240", "860-155-9240", "160.555.9240"):
        fake = SequentialReads(_leaning(text, ("8", "0")))
        assert _run(monkeypatch, fake, _weak_phone()).confirmed_by == "second_read", text
    fake = SequentialReads(Word("860-255-9240", 93, 0, 0, 80, 20, (1,)))  # a possible number: contradicts
    assert _run(monkeypatch, fake, _weak_phone()).confirmed_by is None


def test_a_settling_read_need_be_sure_only_where_the_leaning_read_differed(monkeypatch: pytest.MonkeyPatch) -> None:
    # the leaning read gave the last digit otherwise ('9246' whose 6 rivals 0); the settling read gives the
    # value, doubting only a 5 every read gave alike: the contested digit is settled
    fake = SequentialReads(_leaning("860-555-9246", ("6", "0")), _leaning("860-555-9240", ("5", "6")))
    assert _run(monkeypatch, fake, _weak_phone()).confirmed_by == "second_read"
    # doubting the contested digit itself ('0' rivalled by '6') settles nothing; nor does a near tie
    fake = SequentialReads(_leaning("860-555-9246", ("6", "0")), _leaning("860-555-9240", ("0", "6")))
    assert _run(monkeypatch, fake, _weak_phone()).confirmed_by is None
    tied = Word("860-555-9240", 93, 0, 0, 80, 20, (1,), ambiguous=True, tied=True, rivals=(("5", "6"),))
    fake = SequentialReads(_leaning("860-555-9246", ("6", "0")), tied)
    assert _run(monkeypatch, fake, _weak_phone()).confirmed_by is None
