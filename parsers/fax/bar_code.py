"""A diagnosis code whose first letter, an I, every read gave as some other bar-like glyph.

A serif I at fax resolution reads as '1' on the page and as 'T' (with I its rival) in the crop's
second read: 'I10' read '110' and 'T10'. The code set gives the page read one reading only (I10),
yet only after a look-alike correction, and the second read gives it only through a rival: neither
read alone confirms it. When the two reads agree on every character after the first, and that
first glyph's pixels are a plain bar on the line on both the grey and the cleaned page (glyph.py:
no crossbar, no foot, so no T or L), the glyph is the I and the code is confirmed.
"""

from __future__ import annotations

from parsers.fax import glyph
from parsers.fax.model import Word
from parsers.fax.reading import FaxRead
from parsers.fax.reread import BAR_LIKE, first_glyph_is
from parsers.fax.services import CodeRead

EDGE = ",;:()"


def bar_settled(state: FaxRead, read: CodeRead, words: list[Word]) -> bool:
    """The page read's one reading is an I code read with a bar-like first glyph, the second read shows
    the same characters after its first, and the first glyph is a plain bar (see the module)."""
    fix = read.correction
    value, raw = fix.value, read.raw.strip(EDGE)
    if value is None or not value.startswith("I") or fix.readings != (value,) or raw[:1] not in BAR_LIKE:
        return False
    if raw[1:].upper() != value[1:] or len(words) != 1:
        return False
    second = words[0].text.strip(EDGE)
    if len(second) != len(value) or second[1:].upper() != value[1:]:
        return False
    return first_glyph_is(glyph.first_is_bar, state, read.page, read.word)
