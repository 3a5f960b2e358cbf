"""A name cut where OCR split its line: 'Blue Harbor' | 'Medicare', a fax streak between the two words.

Tesseract ends a line of text at a vertical stroke (a fax's streak, a box's rule) and starts another
after it: the page's segments then end there too, though the words stand a word's gap apart (the
layout itself splits a row only at a wide gap: layout.GAP_FACTOR). A name or an organisation's name
read from such a segment up to its end may go on in the next: 'Blue Harbor' read for 'Blue Harbor
Medicare' is a wrong payer, and no reading can say whether the word after the stroke is the name's or
the next field's. The value is left unread (a finding), never taken cut.
"""

from __future__ import annotations

from parsers.fax.labels import LabelHit
from parsers.fax.layout import GAP_FACTOR
from parsers.fax.model import Candidate, PageText, Segment
from parsers.fax.nearby import UNKNOWN_CAPTION, same_row

NAME_PATHS = (".name", ".first_name", ".last_name")  # a party's name or an organisation's


def cut_at_split(text: PageText, found: Candidate, hits: list[LabelHit]) -> bool:
    """The name's last word ends its segment, and the next segment on its row starts within a word's gap
    (no wide gap), with a word that no caption starts."""
    if not found.path.endswith(NAME_PATHS) or not found.words:
        return False
    last = found.words[-1]
    segment = next((s for s in text.segments if s.words and s.words[-1] is last), None)
    if segment is None:
        return False
    after = _next_on_row(text, segment)
    if after is None or after.bbox[0] - segment.bbox[2] > GAP_FACTOR * last.height:
        return False
    captioned = {id(h.segment) for h in hits if h.start == 0}
    first = after.words[0].text
    return id(after) not in captioned and first[:1].isalpha() and not UNKNOWN_CAPTION.match(after.text)


def _next_on_row(text: PageText, segment: Segment) -> Segment | None:
    right = [
        s
        for s in text.segments
        if s is not segment and s.bbox[0] >= segment.bbox[2] - 2 and same_row(s.bbox, segment.bbox)
    ]
    return min(right, key=lambda s: s.bbox[0]) if right else None
