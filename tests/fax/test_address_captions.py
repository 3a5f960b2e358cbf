"""An address whose caption OCR garbled or whose city line a gap split: 'Patient s Name and Addrass',
'Street adciess 4900 Main Street', 'City.' with a period, 'New Haven,     CT 06511-9425'."""

from __future__ import annotations

from parsers.fax.address_text import PART_ALONE, AddressValue
from parsers.fax.address_word import address_like
from parsers.fax.extract import candidates, labelled_hits
from parsers.fax.model import PageText
from tests.fax.test_fill_in_address import _rows
from tests.fax.test_reading_units import _page


def _address(text: PageText) -> list[object]:
    return [c.value for c in candidates(text, labelled_hits(text)) if c.path == "member.address"]


def test_a_garbled_address_word_is_told_from_english_words() -> None:
    assert all(address_like(w) for w in ("Address", "Addrass", "ADORESS", "adciess", "Addiess", "ADDRE"))
    assert not any(address_like(w) for w in ("adores", "actress", "access", "Additional", "Admission", "Adds"))


def test_a_name_caption_announcing_a_garbled_address_has_the_address_under_the_name() -> None:
    text = _rows(
        [
            [(120, "6 Patient s Name and Addrass")],
            [(120, "JOHNSON, MARIA")],
            [(120, "1241 Asylum Ave")],
            [(120, "Stamford, CT 06901-5069")],
        ]
    )
    assert _address(text) == [AddressValue("1241 Asylum Ave", None, "Stamford", "CT", "06901-5069")]


def test_a_street_caption_s_garbled_address_word_is_no_part_of_the_street() -> None:
    text = _page(["PATIENT", "Street adciess 4900 Main Street, Apt 204", "City, State, ZIP. New Haven, CT 06511"])
    assert _address(text) == [AddressValue("4900 Main Street", "Apt 204", "New Haven", "CT", "06511")]


def test_a_city_caption_read_with_a_period_is_no_value_of_the_street_caption() -> None:
    text = _rows(
        [
            [(120, "Patient name"), (560, "DAVIS, MARIA")],
            [(120, "Street address"), (560, "4693 Elm St")],
            [(120, "City."), (560, "Hartford"), (1010, "State / ZIP"), (1240, "CT 06103")],
        ]
    )
    assert _address(text) == [AddressValue("4693 Elm St", None, "Hartford", "CT", "06103")]
    assert PART_ALONE.match("City.") is not None and PART_ALONE.match("Zip code.") is not None
    assert PART_ALONE.match("City. Hartford") is None


def test_a_city_line_split_by_a_wide_gap_is_read_whole() -> None:
    text = _rows(
        [
            [(120, "Patient name"), (560, "DAVIS, MARIA")],
            [(120, "ADDRESS"), (560, "3426 Oak Ridge Rd")],
            [(560, "New Haven,"), (730, "CT 06511-9425")],
        ]
    )
    assert _address(text) == [AddressValue("3426 Oak Ridge Rd", None, "New Haven", "CT", "06511-9425")]


def test_a_speck_after_the_caption_leaves_the_value_on_the_line_under_it() -> None:
    text = _rows([[(120, "Delivery address ~")], [(120, "3175 Oak Ridge Rd, Springfield, MA 01103")]])
    assert _address(text) == [AddressValue("3175 Oak Ridge Rd", None, "Springfield", "MA", "01103")]
