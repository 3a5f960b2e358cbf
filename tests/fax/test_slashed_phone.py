"""Phones as older office forms write them, the area code set off by a slash: '860/555-1234'."""

from __future__ import annotations

from parsers.fax.values import read_phone


def test_a_phone_with_its_area_code_set_off_by_a_slash_is_read() -> None:
    for text in ("860/555-1234", "860 / 555-1234", "Office phone 860/555-1234"):
        found = read_phone(text)
        assert found is not None and found.value == "8605551234"


def test_a_date_or_a_run_of_slashed_numbers_is_no_phone() -> None:
    assert read_phone("11/19/2026") is None
    assert read_phone("2026/111/2345") is None
    assert read_phone("860//555-1234") is None


def test_an_area_code_whose_bracket_ocr_split_off_is_read() -> None:
    """'(617)555-6343' read as two words, '(617' and ')555-6343', joins as '(617 )555-6343'."""
    for text in ("(617 )555-6343", "( 617) 555-6343", "(617)555-6343"):
        found = read_phone(text)
        assert found is not None and found.value == "6175556343"
    assert read_phone("(617 ) 5556343 1") is not None
    assert read_phone("617  )  555-6343") is None  # no more than one space in the bracket's place
