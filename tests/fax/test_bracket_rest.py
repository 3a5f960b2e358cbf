"""A category opening a bracket whose code's rest closes it further on is a cut read, no code."""

from __future__ import annotations

from parsers.fax.bracket_rest import rest_further_on
from parsers.fax.model import Word

CATEGORIES = {"E11", "J44", "I50"}


def _word(text: str, left: int) -> Word:
    return Word(text, 90.0, left, 774, 12 * len(text), 23)


def _is_category(code: str) -> bool:
    return code.upper() in CATEGORIES


def test_a_bracketed_category_with_its_rest_further_on_is_cut() -> None:
    opened, stray, rest = _word("(E11", 1211), _word("1", 1236), _word("65)", 1272)  # a mark of the line above between
    assert rest_further_on(opened, [opened, stray, rest], _is_category)


def test_a_closed_bracket_a_billable_code_or_no_rest_is_no_cut() -> None:
    closed = _word("(E11)", 1211)
    assert not rest_further_on(closed, [closed, _word("65)", 1280)], _is_category)
    billable = _word("(I10", 1211)
    assert not rest_further_on(billable, [billable, _word("9)", 1272)], _is_category)
    alone = _word("(E11", 1211)
    assert not rest_further_on(alone, [alone, _word("and", 1272), _word("hypertension", 1320)], _is_category)
    far = _word("(E11", 1211)
    assert not rest_further_on(far, [far, _word("65)", 1500)], _is_category)
