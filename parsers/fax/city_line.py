"""An address's city line that a wide gap split into segments ('New Haven,      CT 06511-9425').

The page's words are cut into segments at wide gaps, so a city line typed with a gap before its
state (a form's fill-in line spread over the width of the street's field) comes as two segments,
and the one nearest the street line holds only a part of it. The whole line is those segments
of its row that stand under the street's words (across its width, as the line itself must), none a
caption, read left to right. The address it gives still needs its second read like any other.
"""

from __future__ import annotations

from parsers.fax.labels import LabelHit
from parsers.fax.model import PageText, Segment, Word, bbox_of
from parsers.fax.nearby import same_row


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
