"""What a clerk reads about a diagnosis code left open: its possible readings, in words that fit their number."""

from __future__ import annotations

from parsers.fax.assemble import _readings


def test_a_code_with_one_open_reading_says_what_it_may_be_and_that_no_read_confirmed_it() -> None:
    assert _readings(("J96.11",)) == "may be J96.11, but no second read confirmed it"


def test_a_code_with_several_readings_lists_them_and_one_with_none_says_it_is_no_code() -> None:
    assert _readings(("I50.9", "L50.9")) == "could be any of I50.9, L50.9"
    assert _readings(()) == "is no ICD-10-CM code, even with the usual OCR confusions"
