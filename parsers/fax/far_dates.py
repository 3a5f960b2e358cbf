"""Dates no order can hold: an order's own dates (ordered, start, discharge, signed) lie within a few
years of the fax's receipt, and a birth date lies within a lifetime before it. A date read far outside
that ('2626-11-20' on a fax received in 2026: a 0 read as 6) is a misread of the printed date, however
surely OCR read it and however many reads agreed: null with a finding, never the misread."""

from __future__ import annotations

import datetime as dt

from parsers.fax.century import MAX_AGE_YEARS
from parsers.fax.model import Candidate
from parsers.fax.reading import FaxRead

ORDER_DATE_PATHS = {"order_date", "requested_start_date", "discharge_date", "signature.date"}
ORDER_YEARS_AROUND_RECEIPT = 5  # an order's dates further from its receipt are no dates of that order


def drop_far_dates(state: FaxRead) -> None:
    """Every date candidate outside the years its field allows around the receipt is dropped, with one
    finding per field (only when no candidate of that field is left)."""
    received = state.received_at.date()
    far = [c for c in state.candidates if is_far_date(c, received)]
    if not far:
        return
    state.candidates = [c for c in state.candidates if c not in far]
    left = {c.path for c in state.candidates}
    for path in dict.fromkeys(c.path for c in far if c.path not in left):
        state.finding(
            path,
            "date_implausible",
            f"{path} was read as a date too far from the receipt to be this order's; check the page and enter it.",
            page=next(c.page for c in far if c.path == path),
        )


def is_far_date(cand: Candidate, received: dt.date) -> bool:
    """True when `cand` is a date its field cannot hold on an order received on `received`."""
    value = cand.value
    if not isinstance(value, dt.date):
        return False
    if cand.path == "member.dob":
        return received.year - value.year > MAX_AGE_YEARS + 1  # one after the receipt: the validators' finding
    if cand.path in ORDER_DATE_PATHS:
        return abs(value.year - received.year) > ORDER_YEARS_AROUND_RECEIPT
    return False
