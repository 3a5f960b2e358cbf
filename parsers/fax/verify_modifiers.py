"""A confirmed service line's modifier read again: a crop showing another modifier leaves the line open.

The second reads of a service line (verify.second_read, verify_rows.model_rows) confirm its code and its
quantity; its modifier was the page read's alone. A fax streak down the stem of an 'R' makes the page
read 'KR' of a printed 'RR', and KR is a modifier too (a rental's partial month): a rented bed billed
as another item's modifier is a wrong line. Each modifier word of a confirmed line is cut twice (grey,
and cleaned larger, as the code cells are) and read in one pass; a crop showing a known modifier other
than the page read's (and not the page read's) contradicts it, and the line is left open: a finding for a
person, never the page read's guess, nor the crop's. A crop showing nothing, or no modifier, says nothing:
only a contradiction opens a line (a two-letter crop is often unread; it does not cost a line read well).
"""

from __future__ import annotations

import re

from parsers.fax.confirm import Region, second_reads, text_of
from parsers.fax.model import Word, bbox_of
from parsers.fax.reading import FaxRead
from parsers.fax.row_marks import MODIFIERS
from parsers.fax.services import ServiceRead

CROPS = (("a", 1.0, "straight"), ("b", 1.5, "clean"))
PIECES = re.compile(r"[^A-Za-z0-9]+")


def check_modifiers(state: FaxRead) -> None:
    """Unconfirm each confirmed service line whose modifier a crop of it reads as another modifier."""
    layer = {p.number for p in state.pages if p.text_layer}
    lines = [s for s in state.services if id(s) in state.confirmed_rows and s.row.page not in layer]
    regions: list[Region] = []
    for i, line in enumerate(lines):
        regions += modifier_regions(f"m{i}", line)
    if not regions:
        return
    reads = second_reads(regions, state.page_images("straight", "clean"), state.engine)
    for i, line in enumerate(lines):
        if any(_crop_against(line, j, reads, f"m{i}") for j in range(len(line.modifiers))):
            del state.confirmed_rows[id(line)]


def modifier_regions(key: str, line: ServiceRead) -> list[Region]:
    """Two crops of each modifier's word (keyed `{key}{j}{variant}`); none where the word is not found."""
    out: list[Region] = []
    for j, modifier in enumerate(line.modifiers):
        word = modifier_word(line, modifier)
        if word is not None:
            out += [Region(f"{key}{j}{v}", line.row.page, bbox_of((word,)), s, src) for v, s, src in CROPS]
    return out


def modifier_word(line: ServiceRead, modifier: str) -> Word | None:
    """The row's word the modifier was read from: a word after the code that is the modifier (bracketed,
    or after a mark's colon: 'mod:RR'), or the code's own word when joined to it ('E0601-RR')."""
    after = [w for w in line.row.words if w.left >= line.code.word.right]
    for word in after:
        if modifier in _pieces(word.text):
            return word
    return line.code.word if modifier in _pieces(line.code.word.text)[1:] else None


def _crop_against(line: ServiceRead, j: int, reads: dict[str, list[Word]], key: str) -> bool:
    modifier = line.modifiers[j]
    return any(shows_other_modifier(text_of(reads.get(f"{key}{j}{v}", [])), modifier) for v, _, _ in CROPS)


def shows_other_modifier(text: str, modifier: str) -> bool:
    """The crop's text holds a known modifier and not `modifier` ('RR' read of a page read 'KR')."""
    pieces = _pieces(text)
    return modifier not in pieces and any(p in MODIFIERS for p in pieces)


def _pieces(text: str) -> list[str]:
    return [p for p in PIECES.split(text.upper()) if p]
