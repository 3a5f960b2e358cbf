"""A bare 'Date' caption whose qualifying word OCR lost: the ink before it read again.

'Referral date: 2026-11-18' whose 'Referral' a fax streak crossed comes back from the page read as
'date: 2026-11-18': tesseract gave the crossed word no text at all, and a bare 'Date' names no
field (an order's, a start's, a discharge's, a birth's). Where ink stands just left of such a
caption, on its line and with no word read there, that ink and the caption are read once more as one
line (the cleaned page, enlarged); when the read gives the caption with one word before it, surely
read and a known word, that word is put back on the page where the ink was, and the labels are found
as for any line ('Referral date'). The date itself is still the page read's, confirmed as any field's.
"""

from __future__ import annotations

import re

import numpy as np

from parsers.fax import lexicon
from parsers.fax.confirm import crop
from parsers.fax.model import Page, Word
from parsers.fax.ocr import hocr_words
from parsers.fax.reading import FaxRead

BARE_DATE = re.compile(r"^date[:;.]?$", re.IGNORECASE)
REACH = 8  # caption heights left of the caption where a lost word may stand
INK_ROWS = 2  # ink pixels a column needs to count as ink
MIN_INK = 2  # caption heights of ink columns a lost word has at least (not a speck or a rule)
GAP = 4  # pixels between the ink and the caption that are no part of either
SCALE = 2.0
CONFIG = "--oem 1 --psm 7 -c tessedit_do_invert=0"
SURE = 80.0


def reread_lost_qualifiers(state: FaxRead) -> None:
    """Put back the word OCR lost before each bare 'Date' caption, where a re-read gives it."""
    for page in state.pages:
        prepared = state.prepared.get(page.number)
        if prepared is None or page.text_layer:
            continue
        bits = np.asarray(prepared.ocr_image)
        found = [w for caption in _bare_dates(page) if (w := _lost_word(state, page, bits, caption)) is not None]
        if found:
            page.words = sorted([*page.words, *found], key=lambda w: (w.line_key, w.left))


def _bare_dates(page: Page) -> list[Word]:
    """Bare 'Date' captions that are the first word of their line."""
    return [w for w in page.words if BARE_DATE.match(w.text) and _first_on_line(page, w)]


def _first_on_line(page: Page, word: Word) -> bool:
    return not any(o.line_key == word.line_key and o.left < word.left for o in page.words)


def _lost_word(state: FaxRead, page: Page, bits: np.ndarray, caption: Word) -> Word | None:
    """The word read from the ink before `caption`, placed where that ink is; None when there is none."""
    start = _ink_start(page, bits, caption)
    if start is None:
        return None
    box = (start, caption.top, caption.right, caption.bottom)
    words = hocr_words(state.engine.hocr(crop(state.prepared[page.number].ocr_image, box, SCALE), CONFIG))
    if len(words) != 2 or not BARE_DATE.match(words[1].text):
        return None
    lost = words[0]
    if lost.conf < SURE or not lexicon.known(lost.text) or lost.ambiguous:
        return None
    width = caption.left - GAP - start
    return Word(lost.text, lost.conf, start, caption.top, width, caption.height, caption.line_key)


def _ink_start(page: Page, bits: np.ndarray, caption: Word) -> int | None:
    """Where ink left of the caption begins (no read word between), when it is a word's worth of ink."""
    left = max(0, caption.left - REACH * caption.height)
    for word in page.words:  # a word read on the caption's band left of it bounds the search
        if word.right < caption.left and word.bottom > caption.top and word.top < caption.bottom:
            left = max(left, word.right + GAP)
    band = bits[caption.top : caption.bottom, left : max(left, caption.left - GAP)]
    columns = np.flatnonzero((band < 128).sum(axis=0) >= INK_ROWS)
    if columns.size < MIN_INK * caption.height:
        return None
    return left + int(columns[0])
