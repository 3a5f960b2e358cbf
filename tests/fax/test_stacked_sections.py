"""A form of numbered sections stacked in one column, every field a tiny capitals caption over its typed
value: the supplier's letterhead line, and a section's title giving its party to the captions under it."""

from __future__ import annotations

import pytest

from parsers.fax.extract import candidates, labelled_hits
from parsers.fax.layout import page_segments
from parsers.fax.letterhead import supplier_heading
from parsers.fax.model import Page, PageText, Word
from tests.fax.test_blocks import _text

LETTERHEAD = [
    (104, 90, "Harbor Home Nutrition"),
    (104, 145, "Home enteral nutrition | Intake fax 1-888-555-0150 | Intake phone 1-888-555-0151 | NPI 1875878682"),
]
# the enrollee's last rows, then section 2: its title, a row of captions, a row of values under them
SECTIONS = [
    (104, 655, "PRIMARY PAYER"),
    (732, 655, "SUBSCRIBER ID"),
    (104, 690, "Evergreen Medicaid"),
    (732, 690, "W587851721"),
    (167, 762, "PRESCRIBER"),
    (104, 827, "PRESCRIBER (LAST, FIRST)"),
    (732, 822, "NPI"),  # OCR boxed it a little higher than the name caption beside it
    (104, 862, "Patel, Priya, MD"),
    (732, 862, "1524358151"),
]


def _found(text: PageText) -> dict[str, object]:
    hits = labelled_hits(text)
    return {c.path: c.value for c in [*candidates(text, hits), *supplier_heading(text, hits)]}


def test_an_intake_desks_numbers_are_the_suppliers_not_the_orderers() -> None:
    found = _found(_text(LETTERHEAD))
    assert "ordering_provider.fax" not in found
    assert "ordering_provider.phone" not in found


def test_the_npi_on_the_suppliers_intake_line_is_the_suppliers_under_its_name() -> None:
    found = _found(_text(LETTERHEAD))
    assert found["servicing_provider.npi"] == "1875878682"
    assert found["servicing_provider.name"] == "Harbor Home Nutrition"
    assert "ordering_provider.npi" not in found


def test_a_speck_over_the_letterhead_is_no_heading() -> None:
    found = _found(_text([(1050, 80, "e"), *LETTERHEAD]))
    assert found["servicing_provider.name"] == "Harbor Home Nutrition"


def test_a_bare_fax_on_the_npi_line_names_no_one_for_it() -> None:
    """'Phone ... Fax ... NPI ...' under a company's name: the bare Fax is the orderer's by default only,
    so whose the NPI is stays unsaid."""
    found = _found(_text([(104, 90, "Harbor Home Nutrition"), (104, 145, "Fax 1-888-555-0150 | NPI 1875878682")]))
    assert "servicing_provider.npi" not in found
    assert "ordering_provider.npi" not in found


def test_a_sections_title_gives_its_party_to_a_caption_across_its_row() -> None:
    """The 'NPI' right of the prescriber's name caption, under section 2's title: the prescriber's,
    though a row of captions of section 1 ('PRIMARY PAYER | SUBSCRIBER ID') stands over the title."""
    found = _found(_text(SECTIONS))
    assert found["ordering_provider.npi"] == "1524358151"


@pytest.mark.parametrize("caption", ["STREET ADDRESS | APT", "STREET ADORESS [ APT", "Street address / apt"])
def test_an_address_caption_asking_for_the_unit_too_reads_the_address_under_it(caption: str) -> None:
    """'STREET ADDRESS / APT' (its slash read as a bar or a bracket, its D as an O) over the street, the
    city, state and ZIP each under a caption of its own right of it: the unit is the caption's, not its value."""
    rows = [
        (104, 380, "LAST NAME"),
        (104, 410, "Miller"),
        (104, 471, caption),
        (830, 471, "CITY"),
        (1221, 471, "STATE"),
        (1363, 471, "ZIP"),
        (111, 500, "1210 Asylum Ave, Apt 3B"),
        (840, 500, "New Haven"),
        (1227, 500, "CT"),
        (1369, 500, "06511"),
    ]
    address = _found(_text(rows))["member.address"]
    assert (address.line1, address.line2, address.city, address.state, address.zip) == (  # type: ignore[attr-defined]
        "1210 Asylum Ave",
        "Apt 3B",
        "New Haven",
        "CT",
        "06511",
    )


def _sized(runs: list[tuple[int, int, int, str]]) -> PageText:
    """Words at (left, top) of a height each run gives, 12 px a character, 9 px apart within a run (a
    word's own top and height after an '@': 'Medicine@833@69', a word OCR boxed with a fax streak)."""
    words = []
    for left, top, height, run in runs:
        for token in run.split():
            text, *box = token.split("@")
            at, tall = (int(box[0]), int(box[1])) if box else (top, height)
            words.append(Word(text, 95.0, left, at, 12 * len(text), tall, (top,)))
            left += 12 * len(text) + 9
    page = Page(number=1, width=1728, height=2236, words=words)
    lines, segments = page_segments(page)
    return PageText(page, lines, segments)


def test_a_small_caption_right_of_a_caption_is_no_value_of_it_when_its_own_value_stands_under_it() -> None:
    """'NPI' (OCR boxed it tall, as tall as the print under it) with 'SPECIALTY' right of it on its row:
    SPECIALTY is a caption over its own 'Internal Medicine', so the NPI's value is the number under it."""
    runs = [
        (167, 762, 20, "PRESCRIBER"),
        (104, 826, 16, "PRESCRIBER (LAST, FIRST)"),
        (733, 815, 35, "NPI"),
        (1139, 826, 16, "SPECIALTY"),
        (109, 850, 26, "Okafor, Samuel, MD"),
        (742, 851, 23, "1299425029"),
        (1146, 848, 37, "Internal Medicine@833@69"),  # a streak through its print
    ]
    assert _found(_sized(runs))["ordering_provider.npi"] == "1299425029"


def test_a_value_right_of_a_caption_stays_its_value_over_a_line_of_larger_print() -> None:
    runs = [(104, 670, 24, "Physician name"), (560, 670, 24, "Alan Brooks, MD"), (564, 719, 28, "(203)555-6031")]
    assert _found(_sized(runs))["ordering_provider.name"] == ("Alan", "Brooks")


def test_a_speck_before_a_part_of_an_address_in_fields_is_no_part_of_it() -> None:
    """The state's value read with a mark before it (': cT', the speck a word of its own) and the ZIP's
    caption garbled ('ze'): the parts are still read by their shapes."""
    runs = [
        (104, 380, 15, "LAST NAME"),
        (104, 404, 24, "Martinez"),
        (101, 471, 15, "STREET ADDRESS | APT"),
        (833, 470, 15, "cuy"),
        (1219, 470, 15, "STATE"),
        (1361, 470, 15, "ze"),
        (110, 496, 24, "1836 Oak Ridge Rd, Apt 204"),
        (840, 497, 24, "Stamford"),
        (1180, 496, 24, ": cT"),
        (1368, 496, 24, "06901-8785"),
    ]
    address = _found(_sized(runs))["member.address"]
    assert (address.city, address.state, address.zip) == ("Stamford", "CT", "06901-8785")  # type: ignore[attr-defined]
