"""A small caption stacked over its value in larger print takes the line under it, not a column across
the page on its row (stacked.py, nearby.value_segment)."""

from __future__ import annotations

from parsers.fax.extract import PageText, candidates, labelled_hits
from parsers.fax.layout import page_segments
from parsers.fax.model import Page, Word


def _sidebar(caption_height: int) -> PageText:
    """'Home address' over '1705 Oak Ridge Rd' / 'Hartford, CT 06103' in a sidebar; a table's cells
    ('1', 'Lheel') right of the caption on its row, across the page."""
    words = [
        Word("PATIENT", 95.0, 116, 246, 100, 21, (1, 1, 1)),
        Word("Home", 96.0, 112, 562, 50, caption_height, (2, 1, 1)),
        Word("address", 96.0, 168, 562, 70, caption_height, (2, 1, 1)),
        Word("1", 90.0, 671, 566, 9, 16, (2, 1, 1)),
        Word("Lheel", 90.0, 721, 566, 60, 16, (2, 1, 1)),
        Word("1705", 96.0, 124, 590, 55, 22, (3, 1, 1)),
        Word("Oak", 96.0, 186, 590, 45, 22, (3, 1, 1)),
        Word("Ridge", 96.0, 238, 590, 60, 22, (3, 1, 1)),
        Word("Rd", 96.0, 305, 590, 30, 22, (3, 1, 1)),
        Word("Hartford,", 96.0, 123, 629, 110, 22, (4, 1, 1)),
        Word("CT", 96.0, 240, 629, 30, 22, (4, 1, 1)),
        Word("06103", 96.0, 277, 629, 80, 22, (4, 1, 1)),
    ]
    page = Page(number=1, width=1728, height=2244, words=words)
    lines, segments = page_segments(page)
    return PageText(page, lines, segments)


def _address(text: PageText) -> object:
    return next((c.value for c in candidates(text, labelled_hits(text)) if c.path == "member.address"), None)


def test_a_small_caption_takes_the_value_under_it_not_a_table_cell_across_the_page() -> None:
    found = _address(_sidebar(caption_height=15))
    assert getattr(found, "line1", None) == "1705 Oak Ridge Rd" and getattr(found, "zip", None) == "06103"


def test_a_caption_as_large_as_the_line_under_it_is_no_stacked_caption() -> None:
    assert _address(_sidebar(caption_height=22)) is None  # right of it on its row, as before: no address
