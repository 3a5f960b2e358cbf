"""Labelled values that failed their check, read twice more with the characters they may hold.

Like the code cells of reread.py, a critical field whose first read gave no valid value (an NPI
whose check digit fails, a date that is no calendar date or is out of range for its role, a phone
that is not ten NANP digits, a sex that is no M/F) has only its value's crop read again, once as a
line from the grey page at 2x and once as a word from the cleaned page at 1.5x (then by the
standard model, reread.twice). A value is taken only when the reads agree on it
(reread_pool.pooled); otherwise the field stays as it was (null, with the finding the later stages
give it). A patient address that failed to parse is re-read the same way, without a whitelist.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from parsers.fax import address_text, codecheck, values
from parsers.fax.extract import NUMBER_KINDS, PageText, in_prose, offers_both_sexes, path_of, value_words
from parsers.fax.labels import LabelHit
from parsers.fax.model import Candidate, Word, bbox_of, boxes_overlap, word_spanning
from parsers.fax.months import garbled_month
from parsers.fax.reading import FaxRead
from parsers.fax.reread import Read, twice
from referrals.codes import npi_checks_out

KINDS = {"npi", "phone", "fax", "dob", "sex", "order_date", "start_date", "discharge_date", "address", "member_id"}
DATE_KINDS = {"dob", "order_date", "start_date", "discharge_date"}
MONTH = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.IGNORECASE)
MONTH_DAY = re.compile(r"(?<=[A-Za-z])(?=[0-9])")
LOOKALIKE = re.compile(r"[0-9OoIlSBZGD|]")
# fewest digit-like characters a damaged value of each kind still shows (else it is no such value)
MIN_DIGITS = {"npi": 8, "phone": 8, "fax": 8, "dob": 4, "order_date": 4, "start_date": 4, "discharge_date": 4}
MIN_DIGITS |= {"member_id": 6}
MIN_ADDRESS_DIGITS = 6  # a house number and a ZIP: an address on one line (a street line alone is none)
OLDEST_BIRTH_YEAR = 1900
ORDER_DATE_SPAN = dt.timedelta(days=2 * 365)  # an order's dates lie within this of its receipt


def reread_failing_fields(state: FaxRead) -> None:
    """Re-read each critical labelled value that gave no valid first reading."""
    for text in state.order_texts:
        if text.page.text_layer or text.page.number not in state.prepared:
            continue
        for hit in state.hits[text.page.number]:
            path = path_of(hit)
            if hit.kind in KINDS and path is not None and _failed(state, path):
                found = _candidate(state, text, hit, path)  # (it drops the failed reading it replaces)
                state.candidates += found


def _failed(state: FaxRead, path: str) -> bool:
    """No candidate for the field, or (an NPI) only ones whose check digit fails, or (the sex, a
    single letter that no other check can vouch for) only ones read below the confidence threshold."""
    found = [c for c in state.candidates if c.path == path]
    if path.endswith(".npi"):
        return not any(codecheck.correct_npi(str(c.value)).value for c in found)
    if path == "member.sex":
        return not any(c.conf >= state.ctx.ocr_confidence_threshold for c in found)
    return not found


def _candidate(state: FaxRead, text: PageText, hit: LabelHit, path: str) -> list[Candidate]:
    where = value_words(text, hit, state.hits[text.page.number])
    if where is None:
        return []
    words = _digit_run(where[1]) if hit.kind != "sex" else where[1]
    raw = " ".join(w.text for w in words)
    hits = state.hits[text.page.number]
    if not words or not _shaped(hit.kind, raw) or _not_the_captions(text, hit, hits, where[1], words):
        return []
    box = bbox_of(words)
    whole = word_spanning(raw, words)
    joiner = " " if len(words) > 1 else ""
    reader = _id_reader(raw) if hit.kind == "member_id" else _reader(state, hit.kind)
    value: object | None = twice(state, text.page.number, whole, _charset(hit.kind, raw), reader, joiner)
    if value is None:
        return []
    # the failed first reading of these pixels (an NPI whose check digit failed) gives way
    state.candidates = [c for c in state.candidates if not (c.path == path and boxes_overlap(c.bbox, box))]
    # tesseract's word confidence under a character whitelist is often 0 for a clear value: the page
    # read's confidence is weighed as confirmed (record_builder.confidence), as a code-set hit is
    first = whole.conf / 100.0
    return [Candidate(path, value, text.page.number, box, first, "reread", raw, False, "second_read")]


def _not_the_captions(
    text: PageText, hit: LabelHit, hits: list[LabelHit], value: tuple[Word, ...], words: tuple[Word, ...]
) -> bool:
    """The rules the page read applies, for the re-read too: a number a sentence leads to is the
    recipient's; a sex caption whose row names both sexes is a choice its words do not answer."""
    if hit.kind == "sex":
        return offers_both_sexes(text, hit, hits)
    before = value[: value.index(words[0])] if words and words[0] in value else ()
    return hit.kind in NUMBER_KINDS and in_prose(" ".join(w.text for w in before))


def _digit_run(words: tuple[Word, ...]) -> tuple[Word, ...]:
    """The words from the first to the last with a digit in it (a month name before a day counts):
    a stray label word left in the crop ('Tel;') only makes its re-reads worse."""
    keep = [i for i, w in enumerate(words) if any(ch.isdigit() for ch in w.text) or MONTH.match(w.text)]
    if keep and keep[0] > 0 and (garbled_month(words[keep[0] - 1].text) or _month_misread(words[keep[0] - 1].text)):
        keep.insert(0, keep[0] - 1)  # 'Navernbet 21, 2026', 'Noy 19, 2026': the month misread, before the day
    return words[keep[0] : keep[-1] + 1] if keep else ()


MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _month_named(raw: str) -> bool:
    """The date names its month (or a word one letter off a month's name begins it)."""
    return bool(MONTH.search(raw)) or (bool(raw.split()) and _month_misread(raw.split()[0]))


def _month_misread(text: str) -> bool:
    """A three-letter word one letter off a month's abbreviation ('Noy' for 'Nov', 'Dee' for 'Dec')."""
    core = text.strip(".,").lower()
    if len(core) != 3 or not core.isalpha():
        return False
    return any(sum(a != b for a, b in zip(core, month, strict=True)) == 1 for month in MONTHS)


def _shaped(kind: str, raw: str) -> bool:
    """The first read looks like a damaged value of this kind (not some other field's text)."""
    if kind == "sex":
        return 1 <= len(raw.strip(" .:")) <= 6
    if kind in DATE_KINDS and _long(raw):
        return len(LOOKALIKE.findall(raw)) >= 5
    if kind == "address":
        return raw[:1].isdigit() and sum(ch.isdigit() for ch in raw) >= MIN_ADDRESS_DIGITS
    return len(LOOKALIKE.findall(raw)) >= MIN_DIGITS[kind] and len(raw) <= 24


def _long(raw: str) -> bool:
    """A date written with its month's name, or with a word OCR garbled from one first."""
    return _month_named(raw) or garbled_month(raw.split()[0] if raw.split() else "")


def _charset(kind: str, raw: str) -> str:
    if kind in DATE_KINDS:
        return "long_date" if _long(raw) else "date"
    return {"fax": "phone"}.get(kind, kind)


def _reader(state: FaxRead, kind: str) -> Callable[[str], Read[object] | None]:
    if kind == "npi":
        return _npi
    if kind in ("phone", "fax"):
        return _phone
    if kind == "sex":
        return _sex
    if kind == "address":
        return _address
    received = state.received_at.date()
    return lambda text: _date(text, kind, received)


def _id_reader(first: str) -> Callable[[str], Read[object] | None]:
    """A member id read whole, and only as the page read's own letters and digits: the re-reads settle
    where the id ends (its end read apart, 'M8320392 14'; a ruled gutter's mark glued to it,
    '=H607982633'), never a character of it (an id has no check digit to vouch for another)."""
    own = "".join(ch for ch in first.upper() if ch.isalnum())

    def read(text: str) -> Read[object] | None:
        found = values.read_member_id(text)
        whole = found is not None and found.start == 0 and found.end == len(text.strip())
        return (found.value, True) if whole and found is not None and found.value == own else None

    return read


def _npi(text: str) -> Read[object] | None:
    digits = text.replace(" ", "")
    return (digits, True) if len(digits) == 10 and npi_checks_out(digits) else None


def _phone(text: str) -> Read[object] | None:
    """Ten digits under NANP rules: area code and exchange start 2-9, and neither is an N11 code."""
    digits = re.sub(r"[()\-. ]", "", text)
    if len(digits) != 10 or not digits.isdigit():
        return None
    area, exchange = digits[:3], digits[3:6]
    if area[0] in "01" or exchange[0] in "01" or area[1:] == "11" or exchange[1:] == "11":
        return None
    return digits, True


def _address(text: str) -> Read[object] | None:
    found = address_text.read_address(text)
    return (found.value, not found.corrected) if found is not None and found.start == 0 else None


def _sex(text: str) -> Read[object] | None:
    found = values.read_sex(text.strip(" .:"))
    return (found.value, True) if found is not None and found.start == 0 else None


# a month's name run into its day ('Nov19,2026'): under a whitelist tesseract drops the space between
MONTH_INTO_DAY = re.compile(r"(?<=[A-Za-z])(?=[0-9])")


def _date(text: str, kind: str, received: dt.date) -> Read[object] | None:
    text = MONTH_DAY.sub(" ", text)  # 'November21,2026': a read under a whitelist drops the spaces
    found = values.read_date(text, two_digit_birth=kind == "dob")
    if found is None or not isinstance(found.value, dt.date):
        return None
    return (found.value, True) if _plausible(found.value, kind, received) else None


def _plausible(date: dt.date, kind: str, received: dt.date) -> bool:
    if kind == "dob":
        return dt.date(OLDEST_BIRTH_YEAR, 1, 1) <= date <= received
    return abs(date - received) <= ORDER_DATE_SPAN
