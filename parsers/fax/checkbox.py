"""Checkboxes: which service type an order ticks (a box with a mark in it, left of its label), and
whether a word stands in the caption of an option left unticked."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from PIL import Image

from parsers.fax.extract import PageText
from parsers.fax.model import Segment, Word

OPTIONS = {("dme",): "dme", ("home", "health"): "home_health", ("home", "infusion"): "home_infusion"}
MARKED, EMPTY = 0.12, 0.04  # ink share inside a box: above MARKED it is ticked, below EMPTY it is not


@dataclass(frozen=True)
class Ticked:
    value: str | None  # the one ticked option; None when none, several, or a box could not be judged
    page: int
    bbox: tuple[int, int, int, int]


def ticked_service_type(text: PageText, image: Image.Image | None, dpi: float) -> Ticked | None:
    """The service type ticked on the first line offering two or more of them, if any line does."""
    if image is None:
        return None
    for line in text.lines:
        options = _options(line)
        if len(options) >= 2:
            states = {kind: box_state(image, word, dpi) for kind, word in options}
            ticked = [kind for kind, state in states.items() if state is True]
            judged = all(state is not None for state in states.values())
            value = ticked[0] if len(ticked) == 1 and judged else None
            return Ticked(value, line.page, line.bbox)
    return None


def _options(line: Segment) -> list[tuple[str, Word]]:
    words = [w.text.strip(".,:;").lower() for w in line.words]
    found = []
    for index in range(len(words)):
        for key, kind in OPTIONS.items():
            if tuple(words[index : index + len(key)]) == key:
                found.append((kind, line.words[index]))
    return found


def box_state(image: Image.Image, label: Word, dpi: float) -> bool | None:
    """True ticked, False empty, None when no box is found left of the label or the mark is unclear."""
    x0, x1 = label.left - int(0.35 * dpi), label.left - 2
    y0, y1 = label.top - int(0.08 * dpi), label.bottom + int(0.08 * dpi)
    ink = np.asarray(image.convert("L").crop((max(x0, 0), max(y0, 0), x1, y1))) < 128
    if ink.sum() < 10:
        return None
    rows, cols = np.nonzero(ink)
    top, bottom, left, right = rows.min(), rows.max(), cols.min(), cols.max()
    dy, dx = (bottom - top) // 4, (right - left) // 4
    inner = ink[top + dy : bottom - dy + 1, left + dx : right - dx + 1]
    if inner.size == 0 or min(bottom - top, right - left) < 0.08 * dpi:
        return None
    share = float(inner.mean())
    return True if share >= MARKED else False if share <= EMPTY else None


MAX_CAPTION_WORDS = 4  # an option's caption is short ('Expedited / Urgent'); a longer run is prose
CAPTION_JOINERS = {"/", "&", "-", "or"}


def said(text: PageText, pattern: re.Pattern[str], image: Image.Image | None, dpi: float) -> bool:
    """A word matching `pattern` stands on the page, other than in the caption of a checkbox option
    whose box is empty ('[ ] Expedited / Urgent' beside '[x] Standard' says the order is not urgent)."""
    for segment in text.segments:
        for index, word in enumerate(segment.words):
            if pattern.search(word.text) and not in_unticked_option(segment, index, image, dpi):
                return True
    return False


def in_unticked_option(segment: Segment, index: int, image: Image.Image | None, dpi: float) -> bool:
    """The word at `index` is in an option's caption (a short run of words ending at it, after a
    colon, a box's glyph or a wide gap) with an empty box left of the caption's first word."""
    start = _caption_start(segment.words, index)
    return image is not None and start is not None and box_state(image, segment.words[start], dpi) is False


def _caption_start(words: tuple[Word, ...], index: int) -> int | None:
    """Where the caption holding words[index] starts; None when the run is too long to be one."""
    start = index
    while start > 0 and _continues(words[start - 1], words[start]):
        start -= 1
        if index - start >= MAX_CAPTION_WORDS:
            return None
    return start


def _continues(before: Word, word: Word) -> bool:
    """`before` is a caption word running into `word` (a word gap, no colon after it); a box's glyph
    as OCR reads it ('x', '[]', '><]') is none."""
    text = before.text.lower()
    is_word = sum(ch.isalpha() for ch in text) >= 2 or text in CAPTION_JOINERS
    return is_word and not text.endswith(":") and word.left - before.right <= word.height
