"""An EHR printout's `Key : value` pairs: the colons stand in one column, and a colon OCR misread
('+', ';', 'i', '1', '>') in that column is a colon, not a character of the value after it."""

from __future__ import annotations

from parsers.fax.colon_column import colons_in_column
from parsers.fax.model import Word


def _pair(caption: str, colon: str, value: str, top: int) -> list[Word]:
    """'Caption      : value' in a fixed-width face: the colon at x=304, the value from x=329."""
    key = (1, top, 1)
    words = [Word(caption, 95.0, 104, top, 15 * len(caption), 20, key), Word(colon, 90.0, 304, top + 5, 4, 14, key)]
    return [*words, Word(value, 95.0, 329, top, 15 * len(value), 20, key)]


def _texts(words: list[Word]) -> list[str]:
    return [w.text for w in colons_in_column(words)]


def test_a_misread_colon_in_the_colon_column_is_a_colon() -> None:
    rows = [("DOB", ":", "04/26/1942"), ("Address", ":", "904"), ("Unit", ":", "4"), ("Name", "i", "Wilson,")]
    rows += [("NPI", "1", "1815134188"), ("Provider", "+", "CarePoint"), ("Priority", ">", "Routine")]
    words = [w for i, (caption, colon, value) in enumerate(rows) for w in _pair(caption, colon, value, 100 + 40 * i)]
    assert _texts(words)[1::3] == [":"] * len(rows)
    assert _texts(words)[2::3] == [value for _, _, value in rows]  # the values as read


def test_without_a_column_of_colons_a_short_word_stays_as_read() -> None:
    rows = [("DOB", ":", "04/26/1942"), ("Name", "i", "Wilson,"), ("NPI", "1", "1815134188")]
    words = [w for i, (caption, colon, value) in enumerate(rows) for w in _pair(caption, colon, value, 100 + 40 * i)]
    assert _texts(words)[1::3] == [":", "i", "1"]


def test_a_colons_lone_dot_read_as_a_mark_is_the_colon() -> None:
    """Only one dot of the colon read ('+' 4 px high): the value after it is as far as after a colon."""
    rows = [("DOB", ":", "04/26/1942"), ("Address", ":", "904"), ("Unit", ":", "4"), ("Policy", "+", "X909545434")]
    words = [w for i, (caption, colon, value) in enumerate(rows) for w in _pair(caption, colon, value, 100 + 40 * i)]
    dot = words[-2]
    words[-2] = Word(dot.text, dot.conf, dot.left, dot.top + 6, dot.width, 4, dot.line_key)
    assert _texts(words)[1::3] == [":"] * len(rows)
    colon = colons_in_column(words)[-2]
    assert colon.height == 14 and colon.bottom == dot.top + 6 + 4  # as tall as the column's colons
