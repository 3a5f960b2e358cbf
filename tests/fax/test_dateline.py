"""A letter's date line is its order date only when nothing on the page gives one."""

from __future__ import annotations

import datetime as dt

from parsers.fax.dateline import dateline
from parsers.fax.model import Candidate
from tests.fax.test_reading_units import _page

RECEIVED = dt.date(2026, 11, 25)


def test_a_date_alone_high_on_the_page_is_the_order_date() -> None:
    text = _page(["Jane Doe, MD", "November 19, 2026", "Re: John Wilson, date of birth November 26, 1957"])
    found = dateline(text, [], RECEIVED)
    assert [(c.path, c.value, c.method) for c in found] == [("order_date", dt.date(2026, 11, 19), "pattern")]


def test_a_date_with_words_beside_it_or_far_from_receipt_or_low_on_the_page_is_none() -> None:
    assert dateline(_page(["Seen on November 19, 2026"]), [], RECEIVED) == []
    assert dateline(_page(["July 3, 1958"]), [], RECEIVED) == []  # a birth date on a line of its own
    low = _page([""] * 30 + ["November 19, 2026"])
    assert dateline(low, [], RECEIVED) == []


def test_a_labelled_order_date_on_the_page_wins() -> None:
    text = _page(["November 19, 2026"])
    labelled = Candidate("order_date", dt.date(2026, 11, 18), 1, (0, 0, 10, 10), 0.9, "label")
    assert dateline(text, [labelled], RECEIVED) == []


def test_a_bare_date_caption_high_on_a_form_gives_its_date() -> None:
    text = _page(["CERTIFICATE OF MEDICAL NECESSITY", "DATE (MM/DD/YY): 11/17/26"])
    assert [(c.path, c.value) for c in dateline(text, [], RECEIVED)] == [("order_date", dt.date(2026, 11, 17))]
    assert [c.value for c in dateline(_page(["Date; 11/17/2026"]), [], RECEIVED)] == [dt.date(2026, 11, 17)]


def test_a_date_caption_naming_another_date_or_with_more_after_it_is_none() -> None:
    assert dateline(_page(["Date of Service: 11/17/26"]), [], RECEIVED) == []
    assert dateline(_page(["Date 11/17/26 Time 14:20 Pages 2"]), [], RECEIVED) == []


def test_a_date_caption_below_a_forms_head_is_none() -> None:
    lower = _page([""] * 15 + ["Date: 11/10/2026"])  # about a third down the page: a test's or a visit's date
    assert dateline(lower, [], RECEIVED) == []
    assert [c.value for c in dateline(_page([""] * 15 + ["November 10, 2026"]), [], RECEIVED)] == [
        dt.date(2026, 11, 10)
    ]


def test_an_order_date_labelled_on_another_page_wins_too() -> None:
    text = _page(["November 19, 2026"])
    on_page_two = Candidate("order_date", dt.date(2026, 11, 18), 2, (0, 0, 10, 10), 0.9, "label")
    assert dateline(text, [on_page_two], RECEIVED) == []


def test_a_date_in_a_row_of_dates_is_no_date_line() -> None:
    """A table's row of date cells whose captions OCR lost: any of the dates may be the order's."""
    from parsers.fax.layout import page_segments
    from parsers.fax.model import Page, PageText, Word

    words = [Word(t, 95.0, x, 300, 90, 20, (1, 1, 1)) for t, x in (("11/23/26", 600), ("11/19/26", 1000))]
    words.append(Word("Acme", 95.0, 100, 300, 60, 20, (1, 1, 1)))
    page = Page(number=1, width=1734, height=2244, words=words)
    lines, segments = page_segments(page)
    assert len(segments) >= 2
    assert dateline(PageText(page, lines, segments), [], RECEIVED) == []


def test_a_date_in_a_row_of_dates_ocr_garbled_is_no_order_date() -> None:
    """'Order date | Start date | D/C date' over their values, two of them garbled ('121/26', '“123/26'):
    still a row of date cells, so the one date read whole is whichever field's, not the letter's date."""
    from tests.fax.test_roles import _cells

    row = [(114, "Evergreen Medicaid"), (665, "121/26"), (909, "11/25/26"), (1275, "“123/26")]
    text = _cells([(699, [(102, "Primary insurance"), (662, "on crate"), (906, "Start date")]), (767, row)])
    assert dateline(text, [], RECEIVED) == []
