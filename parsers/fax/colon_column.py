"""The colon column of a printout's `Key : value` pairs, and the colons OCR misread in it.

An EHR's report writer pads each caption to one width, so the colons after the captions stand one
above the other ('Name         : Wilson, Walter'). OCR reads some of them as another mark or a thin
letter ('+', ';', '*', '>', '.', 'i', '1'); such a word, standing where the page's other colons do
and as narrow as they are, with a value after it, is the colon: never a character of the value.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from parsers.fax.model import Word

COLUMN_COLONS = 3  # colons read as such, one above the other, that make a column
MISREAD_COLON = re.compile(r"^[:;+*>.,'`’iIl1|!]{1,2}$")
VALUE_REACH = 3.0  # word heights: how far right of the colon its value starts


def colons_in_column(words: Sequence[Word]) -> list[Word]:
    """The words, each misread colon in a column of colons read as ':'."""
    columns = _colon_columns(words)
    if not columns:
        return list(words)
    return [_as_colon(w, colon) if (colon := _misread_colon(w, columns, words)) else w for w in words]


def _as_colon(word: Word, colon: Word) -> Word:
    """The word as the colon it is, as tall as its column's colon: one dot read alone ('+' 4 px high)
    would make the value beside it look like a mark stretched across the line (model.bbox_of)."""
    height = max(word.height, colon.height)
    return dataclasses.replace(word, text=":", top=word.bottom - height, height=height)


def _tolerance(colon: Word) -> int:
    return max(2, colon.width)


def _colon_columns(words: Sequence[Word]) -> list[Word]:
    """A colon of each column: one with `COLUMN_COLONS` or more colons at its left edge, give or take
    a colon's width."""
    colons = [w for w in words if w.text == ":"]
    return [c for c in colons if sum(abs(o.left - c.left) <= _tolerance(c) for o in colons) >= COLUMN_COLONS]


def _misread_colon(word: Word, columns: list[Word], words: Sequence[Word]) -> Word | None:
    """The column's colon when the word is a colon misread in that column, with a value after it."""
    if word.text == ":" or not MISREAD_COLON.match(word.text):
        return None
    column = [c for c in columns if abs(word.left - c.left) <= _tolerance(c) and word.width <= 2 * c.width]
    if not column or not _value_after(word, words, max(word.height, column[0].height)):
        return None
    return column[0]


def _value_after(word: Word, words: Sequence[Word], height: int) -> bool:
    """A word of the same line starts just right of it (a colon's height: the mark's own, or one of
    its dots read alone)."""
    reach = word.right + VALUE_REACH * max(height, 1)
    return any(o.line_key == word.line_key and word.right < o.left <= reach and o is not word for o in words)
