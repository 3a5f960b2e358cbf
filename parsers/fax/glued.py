"""A mark glued to the front of a value: a digit the underline it was typed on swallowed.

A value typed on a fill-in form's underline can lose its first character into the line: '11/19/2026'
comes back as '_ 1/19/2026', the '_' a word of its own set right against the value. The value read
after it ('1/19/2026') is then another, plausible one. The mark is kept with the value's words, so
every later read of its crop takes in the lost character too, and a page read with a mark where a
second read has a digit is one misread (verify_standard._damaged), never a value two reads agree on.
"""

from __future__ import annotations

import dataclasses
import re

from parsers.fax.model import Segment, Word

GLUE_KINDS = {"dob", "order_date", "start_date", "discharge_date", "phone", "fax", "member_id"}
GLUE_SHARE = 0.5  # the gap between the mark and the value, at most this share of the value's height


def with_glued_mark(segment: Segment, words: tuple[Word, ...]) -> tuple[Word, ...]:
    """The value's words with the mark set right before its first one, when there is such a mark."""
    if not words:
        return words
    at = next((i for i, w in enumerate(segment.words) if w is words[0]), None)
    if not at:
        return words
    before, first = segment.words[at - 1], words[0]
    if first.left - before.right > GLUE_SHARE * first.height or not mark(before.text):
        return words
    # the mark stands for the glyph it swallowed: in the value's band (an underline's '_' is a pixel high)
    band = dataclasses.replace(before, top=first.top, height=first.height, width=first.left - before.left)
    return (band, *words)


def without_loose_marks(words: tuple[Word, ...]) -> tuple[Word, ...]:
    """The value's words less the marks set apart at its ends (a leader's last dot read as ',' a gap
    before the name): no glyph of the value, they would only widen the crop its second read takes."""
    start, end = 0, len(words)
    while end - start > 1 and mark(words[start].text) and _apart(words[start], words[start + 1]):
        start += 1
    while end - start > 1 and mark(words[end - 1].text) and _apart(words[end - 2], words[end - 1]):
        end -= 1
    return words[start:end]


def _apart(left: Word, right: Word) -> bool:
    return right.left - left.right > GLUE_SHARE * max(left.height, right.height)


def mark(text: str) -> bool:
    """A word with no letter or digit: what OCR makes of an underline's end or of a swallowed glyph."""
    return bool(text) and not any(ch.isalnum() for ch in text)


# A checkbox as OCR reads it before an option's word ('[]', '([]', 'O', 'x'): a few round or square marks,
# or such a mark beside a stroke, the box's side read as a letter ('Ol', 'Cl', 'Xl', 'CJ'), or a box whose
# tick (or a speck in it) OCR read as one character between its sides ('[7]', '(/)')
BOX_MARK = re.compile(
    r"^(?:[oO0QDCcuU\[\]|()<>xX{}]{1,3}|(?=.*[oO0QDCcuU\[\]|()<>xX{}])[oO0QDCcuU\[\]|()<>xX{}lIiJj1!]{2,3}"
    r"|[\[({|][^\s\[\](){}|][\])}|])$"
)


def behind_a_box(segment: Segment, words: tuple[Word, ...]) -> bool:
    """A value read from an option's word with a box's mark right before it ('Sex ([] Male', the
    other option lost to OCR): an option offered, ticked or not, and no answer."""
    at = next((i for i, w in enumerate(segment.words) if words and w is words[0]), None)
    return at is not None and at > 0 and bool(BOX_MARK.match(segment.words[at - 1].text))
