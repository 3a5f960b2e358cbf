"""A row's words as the eye sees them, when OCR split one printed row into two lines.

A form row with words at slightly different heights (a caption and the value typed on its underline
beside it) may come back from OCR as two interleaved lines on the same row: 'Skilled RN 2w2 Total x4'
and 'Nursing - (G0299) Frequency visits'. The row is every word of the page whose box shares a row
with the code word (nearby.same_row), left to right: its checkbox, its description, its count.
"""

from __future__ import annotations

from parsers.fax.model import PageText, Segment, Word
from parsers.fax.nearby import same_row


def visual_row(text: PageText, line: Segment, word: Word) -> Segment | None:
    """The row of `word` across the lines OCR split it into; None when its line holds it all."""
    box = (word.left, word.top, word.right, word.bottom)
    row = [w for s in text.segments for w in s.words if same_row((w.left, w.top, w.right, w.bottom), box)]
    if all(any(w is mine for mine in line.words) for w in row):
        return None
    return Segment(line.page, line.index, tuple(sorted(row, key=lambda w: w.left)))
