"""Service grids with a tick column: every row prints its code, ticked or not, and only the ticked rows
are ordered ('[X] E0601 RR CPAP ... 1' over '[ ] E0470  Bi-level PAP'). A row whose box is empty is an
option the form offers, not an item ordered: it is no service line, and no finding either."""

from __future__ import annotations

from collections.abc import Iterable

from PIL import Image

from parsers.fax.checkbox import BOX_GLYPH, box_state
from parsers.fax.model import Word
from parsers.fax.services import ServiceRead

GLYPH_LENGTH = 3  # a box as OCR reads it: a few marks ('[]', 'XK', 'CO', 'Ol'), never a word or a number


def ticked_only(rows: Iterable[ServiceRead], image: Image.Image | None, dpi: float) -> list[ServiceRead]:
    """The rows less those whose box, left of the code, is empty, in a grid whose rows show both
    ticked and empty boxes (an empty-looking box among none ticked is more likely a misjudged one)."""
    rows = list(rows)
    if image is None:
        return rows
    states = [box_state(image, row.code.word, dpi) if _box_may_stand(row) else None for row in rows]
    if True not in states or False not in states:
        return rows
    return [row for row, state in zip(rows, states, strict=True) if state is not False]


def _box_may_stand(row: ServiceRead) -> bool:
    """Nothing but a box's glyph stands before the code on its row: the code opens a grid's row."""
    before: list[Word] = []
    for word in row.row.words:
        if word is row.code.word:
            return all(_glyph(w.text) for w in before)
        before.append(word)
    return False


def _glyph(text: str) -> bool:
    """A box as OCR reads it: a few marks, no number ('XK', 'CO'), or marks with a stroke ('(1', '[1')."""
    return len(text) <= GLYPH_LENGTH and (not any(ch.isdigit() for ch in text) or bool(BOX_GLYPH.match(text)))
