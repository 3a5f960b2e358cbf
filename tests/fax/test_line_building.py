"""Whole lines of a page (layout.page_segments): every word at the row's height, marks included."""

from __future__ import annotations

from parsers.fax.layout import page_segments
from parsers.fax.model import Page, Word


def test_a_dash_boxed_a_few_pixels_tall_stays_in_its_row_and_does_not_split_it() -> None:
    """'SECTION VI - PHYSICIAN ATTESTATION AND SIGNATURE' with 'PHYSICIAN' boxed taller (a mark over it)
    and the dash 4 px tall: one line, so the section's title ('SECTION ...') stays with its 'SIGNATURE'."""
    words = [
        Word("SECTION", 96, 101, 1964, 130, 25),
        Word("VI", 90, 242, 1964, 40, 25),
        Word("-", 61, 283, 1975, 14, 4),
        Word("PHYSICIAN", 96, 301, 1945, 160, 50),
        Word("ATTESTATION", 96, 474, 1964, 200, 25),
        Word("AND", 96, 686, 1965, 60, 25),
        Word("SIGNATURE", 96, 759, 1965, 170, 25),
    ]
    lines, _ = page_segments(Page(number=1, width=1734, height=2244, words=words))
    assert [line.text for line in lines] == ["SECTION VI - PHYSICIAN ATTESTATION AND SIGNATURE"]


def test_rows_a_line_apart_stay_apart() -> None:
    words = [Word("Name", 96, 100, 100, 80, 25), Word("Phone", 96, 100, 140, 90, 25), Word("-", 50, 200, 152, 14, 4)]
    lines, _ = page_segments(Page(number=1, width=1734, height=2244, words=words))
    assert [line.text for line in lines] == ["Name", "Phone -"]
