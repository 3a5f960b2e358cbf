"""A confirming read's edge noise (edge_noise.py): specks and rules glued to a value's edge are no
disagreement; a real character different or added still is."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from parsers.context import ParseContext
from parsers.fax import verify
from parsers.fax.confirm import Region
from parsers.fax.edge_noise import trimmed
from parsers.fax.model import Candidate, Word
from parsers.fax.reading import FaxRead


def _word(text: str, height: int = 20, conf: float = 90, left: int = 0) -> Word:
    return Word(text=text, conf=conf, left=left, top=0, width=80, height=height, line_key=(1,))


def _texts(first: list[str], second: list[Word]) -> list[str] | None:
    out = trimmed(tuple(_word(t) for t in first), second)
    return None if out is None else [w.text for w in out]


def test_specks_at_a_words_edge_the_page_read_lacks_are_taken_off() -> None:
    assert _texts(["H238102671"], [_word("H238102671°")]) == ["H238102671"]
    assert _texts(["Evergreen", "Medicaid"], [_word("Evergreen."), _word("Medicaid")]) == ["Evergreen", "Medicaid"]
    assert _texts(["(860)", "555-2385"], [_word("‘(860)"), _word("555-2385,")]) == ["(860)", "555-2385"]


def test_a_bar_is_taken_off_only_when_it_stands_taller_than_the_word_a_rule() -> None:
    assert _texts(["W523935030"], [_word("|w523935030", height=43)]) == ["w523935030"]
    assert _texts(["W523935030"], [_word("|w523935030", height=22)]) is None  # as tall as the word: an I or a 1


def test_no_letter_or_digit_and_no_mark_the_page_read_has_is_taken_off() -> None:
    assert _texts(["H238102671"], [_word("H2381026710")]) is None
    assert _texts(["Inc."], [_word("Inc.")]) is None  # the page read has the dot too: nothing to take
    assert _texts(["St.", "Mary"], [_word("St."), _word("Mary.")]) == ["St.", "Mary"]
    assert _texts(["W523935030"], [_word("IW523935030", height=43)]) is None  # a letter, however tall
    assert _texts(["Blue", "Harbor"], [_word("Blue Harbor.")]) is None  # words not one for one
    assert _texts(["A1"], [_word("..")]) is None  # nothing left


class _Reads:
    def __init__(self, words: list[Word]) -> None:
        self.words = words

    def __call__(self, regions: list[Region], images: object, engine: object, model: str = "") -> dict[str, list[Word]]:
        return {r.key: list(self.words) if r.key == "c0" else [] for r in regions}


def _second_read(monkeypatch: pytest.MonkeyPatch, cand: Candidate, words: list[Word]) -> Candidate:
    ctx = ParseContext(path=Path("x.tif"), sha256="0" * 64, filename="x.tif", received_at=dt.datetime(2026, 11, 25))
    state = FaxRead(ctx=ctx, engine=object(), kind="tiff")  # type: ignore[arg-type]
    state.candidates = [cand]
    monkeypatch.setattr(verify, "second_reads", _Reads(words))
    verify.second_read(state)
    return state.candidates[0]


def _id(words: tuple[Word, ...] = (_word("H238102671", conf=91),)) -> Candidate:
    return Candidate("member.member_id", "H238102671", 1, (10, 10, 90, 30), 0.91, "label", words=words)


def test_a_second_read_with_a_speck_glued_to_the_id_confirms_it(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _second_read(monkeypatch, _id(), [_word("H238102671°", conf=35)]).confirmed_by == "second_read"
    org = Candidate(
        "payer.name", "Evergreen Medicaid", 1, (10, 10, 90, 30), 0.95, "below",
        words=(_word("Evergreen"), _word("Medicaid")),
    )  # fmt: skip
    assert _second_read(monkeypatch, org, [_word("Evergreen."), _word("Medicaid")]).confirmed_by == "second_read"


def test_a_second_read_differing_in_a_character_still_confirms_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    for other in ("H238102677°", "H23810267°", "8238102671."):
        assert _second_read(monkeypatch, _id(), [_word(other)]).confirmed_by is None
