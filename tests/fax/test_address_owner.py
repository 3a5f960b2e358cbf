"""An address caption in a block whose name caption OCR garbled past reading ('3 MEMBLR NAME'): no name
gives it an owner, so its owner is the party of the captions around it."""

from __future__ import annotations

from parsers.fax.extract import candidates, labelled_hits
from parsers.fax.layout import page_segments
from parsers.fax.model import Page, PageText, Word
from tests.fax.test_blocks import _text


def _address_roles(rows: list[tuple[int, int, str]]) -> list[str | None]:
    return [h.role for h in labelled_hits(_text(rows)) if h.kind == "address"]


# garbled past every caption rule ('MEMBLR NAME (FIRST' itself is read as the member's name caption now)
GARBLED_NAME = (112, 300, "3 MEMBLR NQME (FIRST (57)")


def test_an_address_under_the_patients_own_captions_is_the_patients() -> None:
    rows = [
        GARBLED_NAME,
        (1100, 300, "6 GENDER"),
        (700, 300, "4 MEMBER ID NUMBER"),
        (112, 390, "5 STREET ADDRESS"),
        (112, 480, "8 HEALTH PLAN"),  # a plan has no address on an order: it names no owner
    ]
    assert _address_roles(rows) == ["patient"]


def test_an_address_beside_the_patients_sex_row_with_the_patients_id_under_it_is_the_patients() -> None:
    rows = [
        (300, 300, "Sex Female"),
        (950, 300, "Home phone 617/555-0100"),
        (300, 360, "Street 12 Elm St"),
        (950, 360, "Chart/MRN 12345"),
        (300, 420, "City State ZIP Hartford, CT 06103"),
        (970, 480, "Insured ID X12345678"),
    ]
    assert _address_roles(rows) == ["patient"]


def test_an_address_among_another_partys_captions_has_no_owner() -> None:
    rows = [
        GARBLED_NAME,
        (1100, 300, "6 GENDER"),
        (112, 390, "5 STREET ADDRESS"),
        (700, 390, "Prescriber NPI 1234567893"),
    ]
    assert _address_roles(rows) == [None]


def test_an_address_with_no_patients_field_right_above_it_has_no_owner() -> None:
    """A letterhead's 'Address' over the patient's block: the captions under it are the patient's, but
    none above says the address is in that block."""
    rows = [
        (112, 200, "Address 12 Elm St, Hartford, CT 06103"),
        (112, 300, "Date of birth 01/02/1950"),
        (700, 300, "Sex F"),
    ]
    assert _address_roles(rows) == [None]


def _page(rows: list[tuple[int, int, str, float]]) -> PageText:
    words = []
    for left, top, run, conf in rows:
        for token in run.split():
            words.append(Word(token, conf, left, top, 12 * len(token), 22, (top,)))
            left += 12 * len(token) + 9
    page = Page(number=1, width=1734, height=2244, words=words)
    lines, segments = page_segments(page)
    return PageText(page, lines, segments)


def _address(rows: list[tuple[int, int, str, float]]) -> object:
    text = _page(rows)
    found = [c for c in candidates(text, labelled_hits(text)) if c.path == "member.address"]
    return found[0].value if found else None


PRINTOUT = [
    (112, 380, "PATIENT", 95.0),
    (142, 440, "PT NAME", 95.0),
    (552, 440, "SMITH, JANE", 95.0),
    (142, 659, "ADDRESS", 95.0),
    (553, 658, "12 Elm Street", 95.0),
    (552, 704, "Hartford, CT 06103", 95.0),
]


def test_a_scribble_read_as_short_unsure_words_starts_no_caption_column() -> None:
    """A signature's ink OCR read as 'tel i ie Ee ot' (each word under 30) where the values' column
    starts: its 'tel' is no caption, so the address right of its caption is still its value."""
    assert _address(PRINTOUT) is not None
    assert _address([*PRINTOUT, (579, 2082, "tel i ie Ee ot", 20.0)]) is not None


def test_a_caption_read_surely_where_the_values_start_still_makes_a_caption_column() -> None:
    assert _address([*PRINTOUT, (560, 1500, "Tel", 90.0)]) is None
