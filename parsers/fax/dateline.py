"""A page's own date: a line holding nothing but a date, or a bare "Date" caption and its date, high on
an order page, is the order's date when nothing on the page labels one (a physician's letter carries its
date so, with no label; a form prints "Date (MM/DD/YY): ..." in its head, its signature date at its foot)."""

from __future__ import annotations

import datetime as dt
import re

from parsers.fax.extract import PageText
from parsers.fax.model import Candidate, Segment, bbox_of
from parsers.fax.values import read_date

DATELINE_BAND = 0.4  # a date line stands in this top share of the page (below the fax header)
ORDER_DATE_SPAN = dt.timedelta(days=2 * 365)  # an order's date lies within this of its receipt
# A bare 'Date' caption, with a format hint ('DATE (MM/DD/YY):'), before the date; ';' is a misread ':'.
DATE_CAPTION = re.compile(r"^\s*date\s*(?:\([^)]{0,20}\))?\s*[:;.]?\s*", re.IGNORECASE)
CAPTION_BAND = 0.25  # ... in a form's head only (a 'Date' lower down may be a test's or a visit's)


def dateline(text: PageText, found: list[Candidate], received: dt.date) -> list[Candidate]:
    """The order date from the page's date line, when the document gives no order date of its own
    (`found`: every other candidate, of every page)."""
    if any(c.path == "order_date" for c in found):
        return []
    high = [
        s
        for s in (*text.lines, *text.segments)
        if s.bbox[1] <= DATELINE_BAND * text.page.height and not _in_row_of_dates(text, s)
    ]
    for line in sorted(high, key=lambda s: s.bbox[1]):
        date = _date_alone(line, line.bbox[1] <= CAPTION_BAND * text.page.height)
        if date is not None and abs(date - received) <= ORDER_DATE_SPAN:
            conf = min(w.conf for w in line.words) / 100.0
            return [Candidate("order_date", date, line.page, bbox_of(line.words), conf, "pattern", line.text)]
    return []


def _date_alone(line: Segment, in_head: bool) -> dt.date | None:
    """The date a line holds with nothing else on it but (`in_head`) a bare 'Date' caption before it."""
    caption = DATE_CAPTION.match(line.text) if in_head else None
    start = caption.end() if caption else 0
    read = read_date(line.text[start:])
    if read is None or read.start != 0 or line.text[start + read.end :].strip(" .,"):
        return None
    return read.value if isinstance(read.value, dt.date) else None


def _in_row_of_dates(text: PageText, segment: Segment) -> bool:
    """The segment is one of several dates on its line: a form's row of date cells ('Order date | Start
    date | D/C date', their captions over them), whichever of them it is, not a letter's date line."""
    first = segment.words[0]
    line = next((ln for ln in text.lines if first in ln.words), None)
    return line is not None and len(DATE_SHAPED.findall(line.text)) > 1


# A date as OCR may garble it ('121/26', '“123/26', '11/2S/26'): digits on both sides of a slash or dash
DATE_SHAPED = re.compile(r"\d[\dOoSIl]?\s?[/-]\s?[\dOoSIl]{1,2}(?:\s?[/-]\s?[\dOoSIl]{2,4})?\b|\d{2,3}/\d{2}\b")
