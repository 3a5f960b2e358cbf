"""A confirmed service line whose modifier a crop reads as another modifier is left open."""

from __future__ import annotations

from typing import Any

import pytest

from parsers.fax import codecheck, verify_modifiers
from parsers.fax.model import Segment, Word
from parsers.fax.services import CodeRead, ServiceRead
from parsers.fax.verify_modifiers import check_modifiers, modifier_word, shows_other_modifier
from tests.fax.test_reread import Canned, tiff_read


def _line(*texts: str, modifiers: list[str]) -> ServiceRead:
    words = tuple(Word(t, 90.0, 100 + 120 * i, 500, 12 * len(t), 25) for i, t in enumerate(texts))
    head = texts[0].split("-")[0]
    code = CodeRead(head, words[0], 1, codecheck.Correction(head, False, (head,)))
    return ServiceRead(code, modifiers, 1, words[2], None, Segment(1, 0, words))


def test_a_crop_showing_another_modifier_contradicts_the_page_read() -> None:
    assert shows_other_modifier("RR", "KR")  # a streak down an R's stem: the page read KR
    assert shows_other_modifier("E0260-RR", "KR")


def test_a_crop_showing_the_modifier_nothing_or_no_modifier_does_not() -> None:
    assert not shows_other_modifier("RR", "RR")
    assert not shows_other_modifier("", "RR")
    assert not shows_other_modifier("R|", "RR")
    assert not shows_other_modifier("E0601-RR", "RR")


def test_the_modifier_word_is_the_word_after_the_code_or_the_code_joined_to_it() -> None:
    line = _line("E0260", "KR", "1", "bed", modifiers=["KR"])
    assert modifier_word(line, "KR") is line.row.words[1]
    joined = _line("E0601-RR", "1", "CPAP", modifiers=["RR"])
    assert modifier_word(joined, "RR") is joined.row.words[0]


def test_a_confirmed_line_whose_modifier_crops_read_otherwise_is_unconfirmed(monkeypatch: pytest.MonkeyPatch) -> None:
    state = tiff_read(Canned())
    wrong = _line("E0260", "KR", "1", "bed", modifiers=["KR"])
    right = _line("E0601", "RR", "1", "CPAP", modifiers=["RR"])
    state.services = [wrong, right]
    state.confirmed_rows = {id(wrong): ("E0260", 1), id(right): ("E0601", 1)}
    crops = {"m00a": "RR", "m00b": "RR", "m10a": "RR", "m10b": ""}

    def reads(regions: list[Any], images: Any, engine: Any) -> dict[str, list[Word]]:
        return {r.key: [Word(crops[r.key], 90.0, 0, 0, 10, 10)] if crops[r.key] else [] for r in regions}

    monkeypatch.setattr(verify_modifiers, "second_reads", reads)
    monkeypatch.setattr(type(state), "page_images", lambda self, *kinds: {})
    check_modifiers(state)
    assert list(state.confirmed_rows) == [id(right)]
