"""The requested start date from a service table's dates of service: the 'From' column of its 'From | To'
columns (a prior-authorization request asks for the dates of service of every line), when every line
gives the same date there and nothing on the page labels a start date."""

from __future__ import annotations

import datetime as dt
import re

from parsers.fax.extract import PageText
from parsers.fax.model import Candidate, Segment, bbox_of, conf_of
from parsers.fax.nearby import same_row, spans_overlap
from parsers.fax.values import read_date

# a grid's box number before either caption ('27a FROM | 27b TO', '24A. From'), a rule read as '|' before it;
# its small bold figures also as OCR misreads them ('Zla' for 27a, '370' for 27b) and run into the caption
# ('27bTO')
BOX = r"(?:[|\s]*(?:\d{1,2}[a-z]?\.?\s+|(?-i:[0-9OISBZGlI|]{2,3}[a-z]?)\.?\s*))?"
# 'FROM', its F also read as a P in capitals ('PROM': the bar closing the F's arm)
FROM_CAPTION = re.compile(rf"^{BOX}(?:dates?(?: of service)?\s*)?(?:from|(?-i:PROM))\W*$", re.IGNORECASE)
TO_CAPTION = re.compile(rf"^{BOX}(?:through|thru|to)\W*$", re.IGNORECASE)
ROW_REACH = 2.5  # a line's date stands within this many caption heights under the one above it


def start_from_table(text: PageText, found: list[Candidate]) -> list[Candidate]:
    """The 'From' column's one date as the requested start date (see the module's doc)."""
    if any(c.path == "requested_start_date" for c in found):
        return []
    for caption in text.segments:
        if FROM_CAPTION.match(caption.text):
            dates = _column_dates(text, caption)
            if not (_to_beside(text, caption) or _ranges_beside(text, caption, dates)):
                continue
            values = {value for value, _ in dates}
            if len(values) == 1:
                first = dates[0][1]
                box, conf = bbox_of(first.words), conf_of(first.words)
                return [
                    Candidate(
                        "requested_start_date",
                        values.pop(),
                        first.page,
                        box,
                        conf,
                        "below",
                        first.text,
                        words=first.words,
                    )
                ]
    return []


def _to_beside(text: PageText, caption: Segment) -> bool:
    """A 'To' caption right of the 'From' one on its row: the two columns of a range of dates."""
    right = [s for s in text.segments if s.bbox[0] >= caption.bbox[2] and same_row(s.bbox, caption.bbox)]
    nearest = min(right, key=lambda s: s.bbox[0], default=None)
    return nearest is not None and bool(TO_CAPTION.match(nearest.text))


def _ranges_beside(text: PageText, caption: Segment, dates: list[tuple[dt.date, Segment]]) -> bool:
    """The column right of the 'From' one (its caption garbled: 'Ta') holds, on every line, a date no
    earlier than the 'From' date: the two columns of a range of dates."""
    beside = _nearest_right(text, caption)
    if beside is None or not dates or any(ch.isdigit() for ch in beside.text):
        return False
    ends = [(_nearest_right(text, start), value) for value, start in dates]
    return all(
        end is not None
        and spans_overlap(end.bbox, beside.bbox)
        and (until := _whole_date(end.text)) is not None
        and until >= value
        for end, value in ends
    )


def _nearest_right(text: PageText, segment: Segment) -> Segment | None:
    right = [s for s in text.segments if s.bbox[0] >= segment.bbox[2] and same_row(s.bbox, segment.bbox)]
    return min(right, key=lambda s: s.bbox[0], default=None)


def _column_dates(text: PageText, caption: Segment) -> list[tuple[dt.date, Segment]]:
    """The dates under the caption in its column, line after line, up to the first line without one."""
    out: list[tuple[dt.date, Segment]] = []
    above = caption
    height = caption.bbox[3] - caption.bbox[1]
    while True:
        under = [
            s
            for s in text.segments
            if above.bbox[3] <= s.bbox[1] + 2 < above.bbox[3] + ROW_REACH * height + height
            and spans_overlap(s.bbox, caption.bbox)
        ]
        if not under:
            return out
        below = min(under, key=lambda s: s.bbox[1])
        value = _whole_date(below.text)
        if value is None:
            return out
        out.append((value, below))
        above = below


def _whole_date(text: str) -> dt.date | None:
    """The date a segment holds with nothing else on it (but a rule read as a bar after it)."""
    read = read_date(text)
    if read is None or read.start != 0 or text[read.end :].strip(" .,|") or not isinstance(read.value, dt.date):
        return None
    return read.value
