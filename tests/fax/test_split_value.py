"""A name OCR split at a streak ('Blue Harbor' | 'Medicare') is no name; nor one a bracket cuts open."""

from __future__ import annotations

from parsers.fax.extract import PageText
from parsers.fax.layout import page_segments
from parsers.fax.model import Page, Word
from parsers.fax.values import read_org
from tests.fax.test_roles import _found


def _row(*parts: tuple[int, str, int]) -> PageText:
    """One row: (left, text, tesseract line) per part, 12 px a character, 10 px between words."""
    words = []
    for left, text, line in parts:
        x = left
        for token in text.split():
            words.append(Word(token, 95.0, x, 835, 12 * len(token), 22, (1, 1, line)))
            x += 12 * len(token) + 10
    page = Page(number=1, width=1734, height=2244, words=words)
    lines, segments = page_segments(page)
    return PageText(page, lines, segments)


def test_a_payer_whose_line_ocr_split_a_word_gap_after_it_is_unread() -> None:
    text = _row((145, "INS", 1), (552, "Blue Harbor", 2), (708, "Medicare", 3))  # a streak at 698
    assert "payer.name" not in _found(text)


def test_a_payer_with_a_wide_gap_or_a_caption_after_it_is_read() -> None:
    assert _found(_row((145, "INS", 1), (552, "Blue Harbor Medicare", 2)))["payer.name"] == "Blue Harbor Medicare"
    wide = _row((145, "INS", 1), (552, "Blue Harbor", 2), (900, "Medicare", 3))
    assert _found(wide)["payer.name"] == "Blue Harbor"  # another column's words: the name ends at the gap
    caption = _row((145, "INS", 1), (552, "Blue Harbor", 2), (708, "Group: 40021", 3))
    assert _found(caption)["payer.name"] == "Blue Harbor"


def test_an_organisation_a_bracket_opens_inside_and_nothing_closes_is_unread() -> None:
    assert read_org("CarePoint (Infusion") is None  # a speck read as a bracket
    assert read_org("ABC Medical (DME)").value == "ABC Medical"  # type: ignore[union-attr]
    assert read_org("Acme Home (see attached").value == "Acme Home"  # type: ignore[union-attr]
