"""An address's city line that a wide gap split into segments ('New Haven,      CT 06511-9425').

The page's words are cut into segments at wide gaps, so a city line typed with a gap before its
state (a form's fill-in line spread over the width of the street's field) comes as two segments,
and the one nearest the street line holds only a part of it. The whole line is those segments
of its row that stand under the street's words (across its width, as the line itself must), none a
caption, read left to right. The address it gives still needs its second read like any other.
"""

from __future__ import annotations

import re

from parsers.fax.labels import LabelHit
from parsers.fax.model import PageText, Segment, Word, bbox_of
from parsers.fax.nearby import same_row
from parsers.fax.ocr_distance import ocr_distance


def whole_row(text: PageText, line: Segment, first: tuple[Word, ...], hits: list[LabelHit]) -> Segment | None:
    """`line` with the other segments of its row under `first`'s width (no caption among them), as one
    segment; None when `line` is the row's only such segment."""
    x0, _, x1, _ = bbox_of(first)
    labelled = {id(h.segment) for h in hits}
    row = [
        s
        for s in text.segments
        if s.page == line.page and same_row(s.bbox, line.bbox) and s.bbox[0] < x1 and s.bbox[2] > x0
    ]
    if len(row) < 2 or any(id(s) in labelled for s in row):
        return None
    row.sort(key=lambda s: s.bbox[0])
    return Segment(line.page, line.index, tuple(w for s in row for w in s.words))


# A city line's caption of its parts garbled past CITY_PARTS ('Caty, State, 74P', 'City, SiaeiZiP_'): its
# words stand in the caption column, left of where the street's value starts, and the value starts under
# the street's value. Every word left of it must be such a caption's piece: a part's name read within a
# letter ('Caty'), a word holding a digit or an underscore among its letters ('Z1P', 'ZiP_': no city's
# word does), or a mark ('='); a word that may be the city's ('New' of New Haven) keeps the line unread.
PART_NAMES = ("city", "state", "zip")
ALIGN = 1.5  # word heights: the city's value starts this near under the street's value
PIECE = re.compile(r"[\d_]")


def past_parts_caption(street: tuple[Word, ...], line: tuple[Word, ...]) -> tuple[Word, ...] | None:
    """The city line's words from under the street's value on, when every word left of them is a piece of
    a garbled parts caption (one of them a part's name); None otherwise."""
    x0, height = street[0].left, max(w.height for w in street)
    caption = [w for w in line if w.left < x0 - ALIGN * height]
    value = [w for w in line if w.left >= x0 - ALIGN * height]
    if not caption or not value or abs(value[0].left - x0) > ALIGN * height or caption[-1].right > value[0].left:
        return None
    if not all(_caption_piece(w.text) for w in caption) or not any(_part_name(w.text) for w in caption):
        return None
    return tuple(value)


def _part_name(text: str) -> bool:
    letters = "".join(ch for ch in text if ch.isalpha()).casefold()
    return any(ocr_distance(letters, name, limit=1.0) <= 1.0 for name in PART_NAMES)


def _caption_piece(text: str) -> bool:
    return _part_name(text) or not any(ch.isalpha() for ch in text) or bool(PIECE.search(text))
