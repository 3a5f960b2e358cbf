"""Two parties' blocks side by side under headings of their own: a caption in one never takes the
other block's party from the name heading its row across the page."""

from __future__ import annotations

from parsers.fax.extract import labelled_hits
from parsers.fax.layout import page_segments
from parsers.fax.model import Page, PageText, Word


def _text(rows: list[tuple[int, int, str]]) -> PageText:
    """Words at (left, top), 12 px a character, 22 px high, 9 px apart within a run."""
    words = []
    for left, top, run in rows:
        for token in run.split():
            words.append(Word(token, 95.0, left, top, 12 * len(token), 22, (top,)))
            left += 12 * len(token) + 9
    page = Page(number=1, width=1734, height=2244, words=words)
    lines, segments = page_segments(page)
    return PageText(page, lines, segments)


LEFT = [(104, 380, "PATIENT"), (104, 454, "Name (Last, First) SMITH, Jane"), (104, 524, "Date of birth 05/07/1949")]


def _phone_role(right: list[tuple[int, int, str]]) -> list[str | None]:
    text = _text(LEFT + right)
    return [h.role for h in labelled_hits(text) if h.kind == "phone"]


def test_a_caption_under_the_heading_of_the_block_beside_is_no_patients() -> None:
    right = [(866, 380, "CERTIFYING / ORDERING BHYSICIAN"), (866, 594, "O tice phone 914/555-7795")]
    assert _phone_role(right) == ["provider"]  # never the patient's: the office phone (garbled_lead.py)


def test_without_a_heading_of_its_own_a_caption_takes_its_rows_party() -> None:
    assert _phone_role([(866, 454, "Phone 914/555-7795")]) == ["patient"]


def test_a_caption_under_its_columns_name_part_keeps_the_party_the_row_beside_shares() -> None:
    """'LAST NAME | FIRST NAME' captions in capitals on one row (the enrollee's name in parts), 'STREET
    ADDRESS' under 'LAST NAME': its role came from its own column, not across from 'FIRST NAME'."""
    rows = [
        (610, 382, "FIRST NAME"),  # a pixel or two lower than its row's left caption
        (102, 380, "LAST NAME"),
        (102, 471, "STREET ADDRESS"),
    ]
    hits = labelled_hits(_text(rows))
    assert [h.role for h in hits if h.kind == "address"] == ["patient"]
