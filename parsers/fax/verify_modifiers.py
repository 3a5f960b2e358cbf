"""Service lines' modifiers read again by the standard model (models.py).

A modifier misread as another valid one ('KR' for a printed RR: a fax's R and K differ in one stroke)
makes a wrong service line, and no check digit or code set can tell: both are modifiers. Each
modifier a row shows as a word of its own is cut from the straightened grey page and read by the
standard English model; a read that shows another modifier in its place contests it, and the line is
left for a person (assemble.services: a finding). A read that shows nothing, or no modifier, says nothing.
"""

from __future__ import annotations

from parsers.fax.confirm import Region, second_reads, text_of
from parsers.fax.model import Word, bbox_of
from parsers.fax.ocr import REREAD_MODEL
from parsers.fax.reading import FaxRead
from parsers.fax.row_marks import MODIFIERS
from parsers.fax.services import ServiceRead

EDGE_MARKS = " .,;:|()[]{}-_'\"‘’“”`~"
SCALE = 1.5


def contest_modifiers(state: FaxRead) -> None:
    """Mark (state.contested_modifiers) each image row one of whose modifiers a second read shows otherwise."""
    layer = state.text_layer_pages
    placed = [(s, m, w) for s in state.services if s.row.page not in layer for m, w in _modifier_words(s)]
    if not placed:
        return
    regions = [Region(f"m{i}", row.row.page, bbox_of((w,)), SCALE, "straight") for i, (row, _, w) in enumerate(placed)]
    reads = second_reads(regions, state.page_images("straight"), state.engine, REREAD_MODEL)
    for i, (row, modifier, _) in enumerate(placed):
        if _otherwise(text_of(reads.get(f"m{i}", [])), modifier):
            state.contested_modifiers.add(id(row))


def _modifier_words(row: ServiceRead) -> list[tuple[str, Word]]:
    """Each modifier the row took with the word of its own it was read from (a modifier glued to the code,
    'E0601-RR', is read with the code's crop)."""
    found = []
    for modifier in row.modifiers:
        word = next((w for w in row.row.words if w.text.strip(EDGE_MARKS).upper() == modifier), None)
        if word is not None and word is not row.code.word:
            found.append((modifier, word))
    return found


def _otherwise(read: str, modifier: str) -> bool:
    """The crop's read is another known modifier: the letters seen otherwise in the modifier's place. (A
    read that is no modifier, 'NY,' or 'an' for a small NU or RR, is the standard model failing on two
    letters, not a reading of them.)"""
    core = read.strip(EDGE_MARKS).upper()
    return core in MODIFIERS and core != modifier
