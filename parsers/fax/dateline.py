"""A letter's date line: a line holding nothing but a date, high on an order page, is the order's date
when nothing on the page labels one (a physician's letter carries its date so, with no label)."""

from __future__ import annotations

import datetime as dt

from parsers.fax.extract import PageText
from parsers.fax.model import Candidate, bbox_of
from parsers.fax.values import read_date

DATELINE_BAND = 0.4  # a date line stands in this top share of the page (below the fax header)
ORDER_DATE_SPAN = dt.timedelta(days=2 * 365)  # an order's date lies within this of its receipt


def dateline(text: PageText, found: list[Candidate], received: dt.date) -> list[Candidate]:
    """The order date from the page's date line, when the page gives no order date of its own."""
    if any(c.path == "order_date" and c.page == text.page.number for c in found):
        return []
    for line in text.lines:
        if line.bbox[1] > DATELINE_BAND * text.page.height:
            continue
        read = read_date(line.text)
        if read is None or read.start != 0 or line.text[read.end :].strip(" .,") or not isinstance(read.value, dt.date):
            continue
        if abs(read.value - received) <= ORDER_DATE_SPAN:
            conf = min(w.conf for w in line.words) / 100.0
            return [Candidate("order_date", read.value, line.page, bbox_of(line.words), conf, "pattern", line.text)]
    return []
