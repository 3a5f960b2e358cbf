"""An order's priority from its choice's boxes when OCR garbled the urgency word past reading.

'Priority [ ] Routine [x] Urgent (SOC within 24 hrs)': the urgency word is looked for on the page
(assemble.is_urgent); OCR may garble it past every spelling ('Unigent'), and the order would read as
routine, a wrong value. The choice still says it: the 'Routine' option's box read empty and, on its
line after it, another option's box read ticked. Both boxes must be judged (checkbox.box_state); a box
left unclear says nothing.

A ticked routine option ('[x] Routine  [ ] Urgent', '[x] Standard (14 days)  [ ] Urgent / expedited') says
the order is not urgent, even where the urgent option's box is unclear (a fax's streak through it) or its
glyph was read as a word of its caption: the options are exclusive.
"""

from __future__ import annotations

import re

from PIL import Image

from parsers.fax.checkbox import _caption_start, _colon_before, box_state
from parsers.fax.model import PageText, Segment, Word

MIN_BOX_ROOM = 0.08  # inches between the routine option and a word: room for a box, at least
ROUTINE_WORD = r"rout[il1]?[nm]e"  # 'Routine', also as OCR garbles its 'in' ('Routme', 'Routlne', 'Rout1ne')
ROUTINE = re.compile(rf"^{ROUTINE_WORD}[.,:;)]?$", re.IGNORECASE)
ROUTINE_WORDS = re.compile(rf"^({ROUTINE_WORD}|standard|normal|non-?urgent)\b", re.IGNORECASE)  # any routine option


def routine_left_unticked(text: PageText, image: Image.Image | None, dpi: float) -> bool:
    """A 'Routine' option's box is read empty and another option's box after it on its line ticked."""
    if image is None:
        return False
    return any(_other_ticked(segment, index, image, dpi) for segment, index in _routine_options(text, image, dpi))


def _routine_options(text: PageText, image: Image.Image, dpi: float) -> list[tuple[Segment, int]]:
    """(segment, index) of each 'Routine' word whose box is read empty."""
    return [
        (segment, index)
        for segment in text.lines
        for index, word in enumerate(segment.words)
        if ROUTINE.match(word.text) and box_state(image, word, dpi) is False
    ]


def _other_ticked(segment: Segment, index: int, image: Image.Image, dpi: float) -> bool:
    """A word after the routine option with a ticked box between it and the option."""
    after = segment.words[index].right
    room = [word for word in segment.words[index + 1 :] if word.left - after > MIN_BOX_ROOM * dpi]
    return any(box_state(image, word, dpi, after=after) is True for word in room)


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
    return box_state(image, words[index], dpi, after=_colon_before(words, index) or _word_before(words, index)) is True


def _word_before(words: tuple[Word, ...], index: int) -> int | None:
    """The right edge of a word of three letters or more just before the option ('Set-up priority [ ]
    Routine'): the box stands right of it, and the word's last letters are no part of its mark. (A box
    OCR read as a glyph, '[' or 'O', is no such word.)"""
    before = words[index - 1] if index else None
    return before.right if before is not None and before.text.isalpha() and len(before.text) >= 3 else None
