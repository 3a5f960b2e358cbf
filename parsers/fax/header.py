"""The fax header line a fax machine prints on top of each page: when, from which fax number, page i/n."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from parsers.fax.model import Page, Word
from parsers.fax.values import MONTHS, read_phone

HEADER_BAND = 0.045  # of the page height
# OCR often drops the colon of a time in a header's small print ("09 42AM"): a space may stand for it.
# Seconds may follow ('2:42:13 PM': the AM/PM after them still counts).
CLOCK = r"\s+(\d{1,2})[:.\s](\d{2})(?:[:.]\d{2})?\s*([AP]M)?"
MONTH_TIME = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[-\s.]+(\d{1,2})[-,\s.]+(\d{4})" + CLOCK,
    re.IGNORECASE,
)
NUMERIC_TIME = re.compile(r"\b(\d{1,2})[/-](\d{1,2})[/-](\d{4}|\d{2})" + CLOCK, re.IGNORECASE)
ISO_TIME = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?:T|\s)" + CLOCK[3:], re.IGNORECASE)  # '2026-11-17 14:42'
# 'P.001/003', 'PAGE 1 of 3', 'Pg 2/3', 'p. 3 of 3'
PAGE_OF = re.compile(r"\bP(?:AGE|G)?[.:\s]*[O0]*(\d{1,3})\s*(?:/|of)\s*[O0]*(\d{1,3})\b", re.IGNORECASE)


@dataclass(frozen=True)
class FaxHeader:
    sent_at: dt.datetime | None
    sender_fax: str | None
    page_of: tuple[int, int] | None
    unsure_at: dt.datetime | None = None  # a time whose digits were read unsurely: no receipt time on its own


HEADER_LINE = 0.8  # the header line's words stand within this many of its top word's heights of it


def header_words(page: Page) -> list[Word]:
    """The words of the fax header line: the top line in the header band. A title printed close under
    it in the band ('CERTIFICATE OF MEDICAL NECESSITY') is the page's, not the header's."""
    band = [w for w in page.words if _centre(w) < HEADER_BAND * page.height]
    if not band:
        return []
    top = min(band, key=_centre)
    return [w for w in band if _centre(w) <= _centre(top) + HEADER_LINE * top.height]


def body_words(page: Page) -> list[Word]:
    header = {id(w) for w in header_words(page)}
    return [w for w in page.words if id(w) not in header]


def _centre(word: Word) -> float:
    return word.top + word.height / 2


def read_header(page: Page, tz: dt.tzinfo, sure: float = 0.0) -> FaxHeader | None:
    return header_from_words(header_words(page), tz, sure)


def header_from_words(found: list[Word], tz: dt.tzinfo, sure: float = 0.0) -> FaxHeader | None:
    """The header line's time, sender and page count. The time is the receipt time only when every word
    its digits stand in was read at least `sure` (a confidence, 0-100): a day's digit misread ('NOV-22'
    for NOV-21, at 58) passes every check and moves the order's urgency; an unsure time is `unsure_at`."""
    words = sorted(found, key=lambda w: w.left)
    if not words:
        return None
    text = " ".join(w.text for w in words)
    sender = read_phone(re.split(r"from", text, maxsplit=1, flags=re.IGNORECASE)[-1])  # 'FROM:', 'From:'; or anywhere
    pages = PAGE_OF.search(text)
    sent, span = _sent_at(text, tz)
    surely = sent is not None and _read_surely(words, span, sure)
    return FaxHeader(
        sent_at=sent if surely else None,
        sender_fax=str(sender.value) if sender else None,
        page_of=(int(pages.group(1)), int(pages.group(2))) if pages else None,
        unsure_at=None if surely else sent,
    )


def _read_surely(words: list[Word], span: tuple[int, int], sure: float) -> bool:
    """Every word of the line (joined by single spaces) that holds a digit of text[span] was read `sure`."""
    start = 0
    for word in words:
        end = start + len(word.text)
        if start < span[1] and end > span[0] and any(ch.isdigit() for ch in word.text) and word.conf < sure:
            return False
        start = end + 1
    return True


def _sent_at(text: str, tz: dt.tzinfo) -> tuple[dt.datetime | None, tuple[int, int]]:
    """The header's date and time, and where in `text` it was read."""
    for pattern in (MONTH_TIME, NUMERIC_TIME, ISO_TIME):
        match = pattern.search(text)
        if match:
            try:
                return _time_of(pattern, match.groups(), tz), match.span()
            except ValueError:
                return None, (0, 0)
    return None, (0, 0)


def _time_of(pattern: re.Pattern[str], groups: tuple[str, ...], tz: dt.tzinfo) -> dt.datetime:
    if pattern is MONTH_TIME:
        month, day, year, hour, minute, half = groups
        return _at(int(year), MONTHS[month[:3].lower()], int(day), int(hour), int(minute), half, tz)
    if pattern is NUMERIC_TIME:
        month, day, year, hour, minute, half = groups
        full_year = int(year) + (2000 if len(year) == 2 else 0)
        return _at(full_year, int(month), int(day), int(hour), int(minute), half, tz)
    year, month, day, hour, minute, half = groups
    return _at(int(year), int(month), int(day), int(hour), int(minute), half, tz)


def _at(year: int, month: int, day: int, hour: int, minute: int, half: str | None, tz: dt.tzinfo) -> dt.datetime:
    if half and half.upper() == "PM" and hour < 12:
        hour += 12
    if half and half.upper() == "AM" and hour == 12:
        hour = 0
    return dt.datetime(year, month, day, hour, minute, tzinfo=tz)
