import datetime as dt

import pytest

from parsers.fax import values


@pytest.mark.parametrize(
    "text",
    [
        "01/23/1945",
        "1-23-1945",
        "Jan 23, 1945",
        "January 23 1945",
        "1945-01-23",
        "DOB: 01 / 23 / 1945 (age 81)",
    ],
)
def test_dates_in_every_common_us_form(text: str) -> None:
    read = values.read_date(text)
    assert read is not None and read.value == dt.date(1945, 1, 23)


def test_impossible_date_is_not_read() -> None:
    assert values.read_date("13/45/1945") is None


@pytest.mark.parametrize("text", ["Smith, John", "John Smith", "John Q. Smith, MD", "Smith, John  DOB 1/2/1950"])
def test_names_in_both_orders(text: str) -> None:
    read = values.read_name(text)
    assert read is not None and read.value == ("John", "Smith")


@pytest.mark.parametrize("text", ["(860) 555-0142", "860-555-0142", "860.555.0142", "8605550142", "1-860-555-0142"])
def test_phones_in_every_punctuation(text: str) -> None:
    read = values.read_phone(text)
    assert read is not None and read.value == "8605550142"


def test_quantity_reads_look_alike_digit_as_corrected() -> None:
    read = values.read_quantity("l")
    assert read is not None and read.value == 1 and read.corrected


def test_member_id_needs_digits() -> None:
    assert values.read_member_id("Acme Health") is None
    read = values.read_member_id("W123456789 Acme")
    assert read is not None and read.value == "W123456789"
