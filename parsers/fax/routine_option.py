"""An order's priority options are exclusive: '[x] Routine  [ ] Urgent', '[x] Standard (14 days)
[ ] Urgent / expedited'. A ticked routine option says the order is not urgent, even where the urgent
option's box is unclear (a fax's streak through it) or its glyph was read as a word of its caption."""

from __future__ import annotations

import re

from PIL import Image

from parsers.fax.checkbox import _caption_start, _colon_before, box_state
from parsers.fax.extract import PageText
from parsers.fax.model import Word

ROUTINE_WORDS = re.compile(r"^(routine|standard|normal|non-?urgent)\b", re.IGNORECASE)


def routine_ticked(text: PageText, image: Image.Image | None, dpi: float) -> bool:
    """True when a routine option's caption starts at its word and the box left of it is ticked."""
    if image is None:
        return False
    return any(
        _ticked_routine(segment.words, index, image, dpi)
        for segment in text.segments
        for index in range(len(segment.words))
    )


def _ticked_routine(words: tuple[Word, ...], index: int, image: Image.Image, dpi: float) -> bool:
    if not ROUTINE_WORDS.match(words[index].text) or _caption_start(words, index) != index:
        return False
    return box_state(image, words[index], dpi, after=_colon_before(words, index)) is True
