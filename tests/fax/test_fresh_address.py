"""Addresses of other patients on the same forms (fresh variants): a ZIP's leading 0 read as a look-alike
where the state fixes that digit, a ruling's bar between the city's comma and the state, a garbled
'Patient address' caption."""

from __future__ import annotations

import pytest

from parsers.fax import address_text, zipcodes
from parsers.fax.labels import fuzzy_caption
from parsers.fax.model import Segment
from tests.fax.test_reading_units import _words


@pytest.mark.parametrize(
    ("text", "zip_code"),
    [
        ("4178 Oak Ridge Rd, New Haven, CT @6511", "06511"),  # '@' for the 0 every CT ZIP starts with
        ("133 Cedar Lane, Springfield, MA @1103", "01103"),
        ("12 Elm St, Providence, RI O2903-7918", "02903-7918"),
    ],
)
def test_a_zips_leading_zero_read_as_a_look_alike_is_read_where_the_state_fixes_it(text: str, zip_code: str) -> None:
    found = address_text.read_address(text)
    assert found is not None and found.value.zip == zip_code and found.corrected


@pytest.mark.parametrize(
    "text",
    [
        "12 Elm St, Yonkers, NY @0701",  # NY's ZIPs start with 0 or 1: the state does not fix the digit
        "12 Elm St, Chicago, IL @0601",  # IL's start with 6: a look-alike of 0 is no 6
        "12 Elm St, Hartford, CT 0@103",  # only the leading digit
    ],
)
def test_a_look_alike_zip_digit_the_state_does_not_fix_is_no_address(text: str) -> None:
    assert address_text.read_address(text) is None


def test_the_first_digit_a_states_zip_codes_share() -> None:
    assert zipcodes.first_digit("CT") == "0" and zipcodes.first_digit("ma") == "0"
    assert zipcodes.first_digit("NY") is None and zipcodes.first_digit("IL") == "6"
    assert zipcodes.first_digit("ZZ") is None


def test_a_bar_between_the_citys_comma_and_the_state_is_a_speck() -> None:
    found = address_text.read_address("1808 Main Street, Providence,|RI 02903-7918")
    assert found is not None and (found.value.city, found.value.state) == ("Providence", "RI")
    found = address_text.read_address("12 Elm St, Chicago, |L 60601")  # a bar that is the state's I stays its I
    assert found is not None and found.value.state == "IL"


def test_a_bar_after_the_state_code_is_a_streak() -> None:
    """'Stamford, CT| 06901': a fax streak between the state and the ZIP is no character; a bar
    inside the ZIP ('CT 06|901') still leaves no address."""
    found = address_text.read_address("4283 Maple Avenue, Stamford, CT| 06901")
    assert found is not None and (found.value.state, found.value.zip) == ("CT", "06901")
    assert address_text.read_address("4283 Maple Avenue, Stamford, CT 06|901") is None


@pytest.mark.parametrize("caption", ["6a Patrent address", "Patient addrass", "Membe: Address"])
def test_a_garbled_patient_address_caption_is_the_address_label(caption: str) -> None:
    hit = fuzzy_caption(Segment(page=1, index=0, words=tuple(_words(caption))))
    assert hit is not None and hit.label.kind == "address"


@pytest.mark.parametrize(
    ("text", "street", "unit"),
    [
        ("3984 Oak|Ridge Rd, Unit 12, Stamford,|CT 06901", "3984 Oak Ridge Rd", "Unit 12"),  # a streak between words
        ("3984 Oak |Ridge Rd, Unit 12, Stamford, CT 06901", "3984 Oak Ridge Rd", "Unit 12"),
        ("3008 Elm St,| Unit 12, Stamford CT 06901", "3008 Elm St", "Unit 12"),
    ],
)
def test_a_fax_streak_read_as_a_bar_between_an_addresss_words_is_no_character(
    text: str, street: str, unit: str
) -> None:
    found = address_text.read_address(text)
    assert found is not None and (found.value.line1, found.value.line2) == (street, unit)


@pytest.mark.parametrize(
    "text",
    [
        "12 Hil|side Rd, Stamford, CT 06901",  # a bar inside a word may be its l: no address
        "12 Hillside Rd, Stam|ford, CT 06901",
    ],
)
def test_a_bar_inside_a_word_of_an_address_is_no_address(text: str) -> None:
    assert address_text.read_address(text) is None


@pytest.mark.parametrize("speck", ["+", "~", "*", "•"])
def test_a_speck_before_the_street_is_no_part_of_it(speck: str) -> None:
    found = address_text.read_address(f"{speck} 2536 Oak Ridge Rd, Providence, RI 02903-2139")
    assert found is not None and found.value.line1 == "2536 Oak Ridge Rd"
    assert address_text.read_address(f"2536 Oak Ridge Rd, Providence {speck}, RI 02903") is not None
    assert address_text.read_address(f"25{speck}36 Oak Ridge Rd, Providence, RI 02903") is None  # inside the number


@pytest.mark.parametrize("caption", ["— Apt / Unit", "_ City", "- State", "~ ZIP"])
def test_an_address_parts_caption_after_a_fill_in_lines_end_is_that_caption(caption: str) -> None:
    assert address_text.PART_ALONE.match(caption) is not None


@pytest.mark.parametrize("text", ["— Apt 3B", "- 12 City Rd", "Hartford"])
def test_a_value_after_a_dash_is_no_part_caption(text: str) -> None:
    assert address_text.PART_ALONE.match(text) is None


@pytest.mark.parametrize(
    ("text", "state"), [("12 Elm St, Providence, R} 02903", "RI"), ("12 Elm St, Chicago, ]L 60601", "IL")]
)
def test_a_states_i_read_as_a_brace_or_bracket_is_that_state(text: str, state: str) -> None:
    found = address_text.read_address(text)
    assert found is not None and found.value.state == state and found.corrected


def test_a_brace_making_no_state_code_is_no_address() -> None:
    assert address_text.read_address("12 Elm St, Providence, Q} 02903") is None


def test_a_fill_in_lines_end_read_as_equals_signs_before_the_street_is_a_speck() -> None:
    """'Discharge Address == 12 Oak Ridge Rd, ...': OCR reads a leader or a double rule's end as '=='."""
    found = address_text.read_address(" == 12 Oak Ridge Rd, Stamford, CT 06901")
    assert found is not None and found.value.line1 == "12 Oak Ridge Rd"
    assert address_text.read_address("12 Oak Ridge Rd, Stam=ford, CT 06901") is None  # inside a word it stays


@pytest.mark.parametrize("text", ["Name: Smith", "Member: Jane Adams"])
def test_a_caption_and_its_value_after_a_colon_are_no_garbled_caption(text: str) -> None:
    assert fuzzy_caption(Segment(page=1, index=0, words=tuple(_words(text)))) is None
