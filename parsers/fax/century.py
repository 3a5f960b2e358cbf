"""The century of a date printed with a two-digit year ('10/28/54', 'MM/DD/YY' forms), from the receipt
date: a birth date lies in the past within a lifetime, an order's dates lie near the receipt. A birth
year that fits two centuries ('03/01/24': 2024 or 1924) is no guess: null with a finding."""

from __future__ import annotations

import dataclasses
import datetime as dt

from parsers.fax.model import Candidate
from parsers.fax.reading import FaxRead
from parsers.fax.values import NUMERIC_DATE

DATE_PATHS = {"member.dob", "order_date", "requested_start_date", "discharge_date", "signature.date"}
MAX_AGE_YEARS = 115  # a birth date further back is no living patient's
CENTURIES = (1800, 1900, 2000, 2100)


def resolve_centuries(state: FaxRead) -> None:
    """Every date candidate printed with a two-digit year, in the century its field allows; a birth
    date two centuries allow is dropped with a finding."""
    received = state.received_at.date()
    kept: list[Candidate] = []
    unclear: set[str] = set()
    for cand in state.candidates:
        value = cand.value
        if cand.path not in DATE_PATHS or not isinstance(value, dt.date) or not two_digit_year(cand.raw):
            kept.append(cand)
            continue
        resolved = birth_century(value, received) if cand.path == "member.dob" else nearest_century(value, received)
        if resolved is None:
            if cand.path not in unclear:
                _unclear(state, cand)
            unclear.add(cand.path)
            continue
        kept.append(dataclasses.replace(cand, value=resolved))
    state.candidates = kept


def two_digit_year(raw: str) -> bool:
    """True when the date in `raw` is printed with a two-digit year."""
    match = NUMERIC_DATE.search(raw)
    return match is not None and len(match.group(3)) == 2


def birth_century(value: dt.date, received: dt.date) -> dt.date | None:
    """The one reading of a two-digit birth year that lies before the receipt and within a lifetime of it."""
    fits = [d for d in _readings(value) if d <= received and _years_between(d, received) <= MAX_AGE_YEARS]
    return fits[0] if len(fits) == 1 else None


def nearest_century(value: dt.date, received: dt.date) -> dt.date | None:
    """The reading of a two-digit year nearest the receipt date (an order's, start or discharge date)."""
    readings = _readings(value)
    return min(readings, key=lambda d: abs(d - received)) if readings else None


def _readings(value: dt.date) -> list[dt.date]:
    out = []
    for century in CENTURIES:
        try:
            out.append(value.replace(year=century + value.year % 100))
        except ValueError:  # 29 February in a year that has none
            continue
    return out


def _years_between(earlier: dt.date, later: dt.date) -> int:
    return later.year - earlier.year - ((later.month, later.day) < (earlier.month, earlier.day))


def _unclear(state: FaxRead, cand: Candidate) -> None:
    state.finding(
        cand.path,
        "date_century_unclear",
        f"{cand.path} is printed with a two-digit year whose century is unclear; check the page and enter it.",
        page=cand.page,
    )
