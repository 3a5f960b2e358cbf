import datetime as dt

import pytest

from parsers.fax import address_text, values


@pytest.mark.parametrize(
    "text",
    [
        "01/23/1945",
        "1-23-1945",
        "Jan 23, 1945",
        "January 23 1945",
        "1945-01-23",
        "DOB: 01 / 23 / 1945 (age 81)",
        "January 23. 1945",  # the comma read as a full stop
        "23-Jan-1945",  # the day first, as hospital systems print it
        "DOB 23 JAN 1945",
        "January 23rd, 1945",
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


@pytest.mark.parametrize(
    "text",
    [
        "M700744 335",  # the id's last digits read apart: 'M700744' alone would be a wrong id
        "H12345 6789 Acme",
        "%640338858",  # a letter read as a symbol glued to the digits: the id lost its first character
        "W123456789¥",
        "£12345678",
    ],
)
def test_member_id_with_a_piece_apart_or_a_glyph_glued_on_is_not_read(text: str) -> None:
    """An id followed by a short group of digits may be one id OCR split (or an id and its suffix),
    and one with a symbol glued to it lost a character to that symbol: either way the run the
    pattern finds is not the id as printed, so none is read (null, with the field's finding)."""
    assert values.read_member_id(text) is None


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("W123456789 Acme", "W123456789"),
        ("ID: H478506651 (subscriber)", "H478506651"),
        ("#X7971936, 01/02/1950", "X7971936"),
    ],
)
def test_member_id_beside_words_and_punctuation_is_read(text: str, want: str) -> None:
    read = values.read_member_id(text)
    assert read is not None and read.value == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("12 Elm St, Hartford, CT 06103", ("12 Elm St", None, "Hartford", "CT", "06103")),
        ("12 Elm St, Apt 3B, Hartford, CT 06103-1234", ("12 Elm St", "Apt 3B", "Hartford", "CT", "06103-1234")),
        ("12 Elm St Hartford CT 06103 1234", ("12 Elm St", None, "Hartford", "CT", "06103-1234")),
        ("4 Oak Ave, New Haven; ct 06511.  Insurance", ("4 Oak Ave", None, "New Haven", "CT", "06511")),
    ],
)
def test_address_street_city_state_zip(text: str, want: tuple[str | None, ...]) -> None:
    read = address_text.read_address(text)
    assert read is not None and read.value == address_text.AddressValue(*want)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "12 Elm St, Hartford, XX 06103",  # not a USPS state
        "12 Elm St, Hartford, CT 0610",  # a ZIP of four digits
        "12 Elm St, Hartford, CT 061035",  # or of six
        "Hartford, CT 06103",  # no street
        "12 Elm St, Apt 2:04, Stamford, CT 06901",  # a unit OCR garbled
        "12 Elm St",  # the city line missing
    ],
)
def test_address_that_is_not_whole_or_not_real_is_not_read(text: str) -> None:
    assert address_text.read_address(text) is None


def test_a_long_date_whose_comma_was_read_as_a_full_stop() -> None:
    import datetime as dt

    from parsers.fax.values import read_date

    found = read_date("Please start on November 24. 2026.")
    assert found is not None and found.value == dt.date(2026, 11, 24)
    assert read_date("November 24 2026") is not None and read_date("November 24; 2026") is None


@pytest.mark.parametrize(("text", "want"), [("F", "F"), ("Female", "F"), ("M (male)", "M"), ("male", "M")])
def test_sex(text: str, want: str) -> None:
    read = values.read_sex(text)
    assert read is not None and read.value == want


@pytest.mark.parametrize("text", ["[X] M [ ] F", "M/F", "[ ] Male [X] Female", "F  Marital status: M"])
def test_sex_options_printed_side_by_side_are_no_value(text: str) -> None:
    """Both printed: a ticked box OCR cannot tell is no reading of the sex (never the first one listed)."""
    assert values.read_sex(text) is None


@pytest.mark.parametrize("text", ["Unknown", "Pending", "See attached", "N/A", "Same as above", "TBD"])
def test_a_blank_filled_with_words_is_no_organisation(text: str) -> None:
    assert values.read_org(text) is None
    assert values.read_org("Acme Health Plan") is not None


def test_a_name_ends_before_the_first_word_with_a_digit() -> None:
    read = values.read_name("SMITH, JOHN 01/02/1950 M")  # a face sheet's name, birth date and sex on one line
    assert read is not None and read.value == ("JOHN", "SMITH") and read.end == len("SMITH, JOHN")
    assert values.read_name("John Sm1th") is None  # a misread name is no shorter name


@pytest.mark.parametrize("text", ["Oxygen Order", "DME Referral", "Prior Authorization Request", "Home Health"])
def test_an_orders_subject_is_no_persons_name(text: str) -> None:
    """'RE: Oxygen Order' on a letter: the subject, not the patient."""
    assert values.read_name(text) is None


@pytest.mark.parametrize(
    "text",
    ["From: Intake - S. Brennan Sent: 11/21/26", "Northside Medical Sent 11/21/2026", "Acme Supply Date: 3/4/25"],
)
def test_a_caption_or_a_date_inside_is_no_organisation_name(text: str) -> None:
    """Two fields run together (a text layer keeps no wide gap between them): no company's name."""
    assert values.read_org(text) is None


@pytest.mark.parametrize("text", ["Bayview Respiratory & Medical", "St. Mary's Home Health", "A-1 Medical Supply, Inc"])
def test_organisation_names_with_punctuation_are_read(text: str) -> None:
    read = values.read_org(text)
    assert read is not None and read.value == text


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Maria de la Cruz", ("Maria", "de la Cruz")),
        ("de la Cruz, Maria", ("Maria", "de la Cruz")),
        ("Anna Van Buren", ("Anna", "Van Buren")),
        ("VAN BUREN, ANNA", ("ANNA", "VAN BUREN")),
        ("John Smith Jr.", ("John", "Smith")),
        ("Smith Jr., John", ("John", "Smith")),
        ("Robert Allen III, MD", ("Robert", "Allen")),
        ("John A. Smith", ("John", "Smith")),
    ],
)
def test_surname_particles_go_with_the_last_name_a_generation_with_neither(text: str, want: tuple[str, str]) -> None:
    """'de la Cruz' is the last name, not 'Cruz'; 'Jr.' or 'III' is neither the first nor the last name
    (the contract has no suffix: 'Smith' is the last name, never 'Jr')."""
    read = values.read_name(text)
    assert read is not None and read.value == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("12 Main St., Hartford, Connecticut 06101", ("12 Main St", None, "Hartford", "CT", "06101")),
        ("9 Elm Rd, Providence, Rhode Island 02903", ("9 Elm Rd", None, "Providence", "RI", "02903")),
        ("3490 Asylum Ave Apt 12, New Haven, CT 06511", ("3490 Asylum Ave", "Apt 12", "New Haven", "CT", "06511")),
        ("77 Oak Street Unit 4B, Hartford, CT 06103", ("77 Oak Street", "Unit 4B", "Hartford", "CT", "06103")),
    ],
)
def test_a_state_written_out_and_a_unit_without_its_comma(text: str, want: tuple[str, ...]) -> None:
    read = address_text.read_address(text)
    assert read is not None
    got = read.value
    assert (got.line1, got.line2, got.city, got.state, got.zip) == want
    assert text[read.start : read.end].endswith(want[-1])


@pytest.mark.parametrize("text", ["Home Infusion Referral", "DME Order Form", "Prior Authorization Request", "Orders"])
def test_a_document_title_is_no_organisation_name(text: str) -> None:
    """A form's title over its first field ('Home Infusion Referral'): it names the document, no company."""
    assert values.read_org(text) is None
    assert values.read_org("Referral Partners Home Care") is not None


def test_a_closing_quote_mark_a_speck_left_is_no_part_of_a_name() -> None:
    read = values.read_org("Summit Advantage’")
    assert read is not None and read.value == "Summit Advantage"


def test_a_middle_initial_caption_is_no_first_name() -> None:
    """'First Name  MI' with the first name lost: 'MI' (the middle initial's caption) is no name part."""
    assert values.read_name_part("MI") is None and values.read_name_part("M.I.") is None
    assert values.read_name_part("Dorothy") is not None


@pytest.mark.parametrize("text", ["Carter, Helen", "CARTER, HELEN M", "O'Neil, Mary-Jane"])
def test_a_name_in_last_first_order_is_a_person_no_organisation(text: str) -> None:
    assert values.read_org(text) is None
    assert values.read_org("Acme Medical, Inc") is not None and values.read_org("Valley Home Health") is not None


def test_a_semicolon_in_an_address_is_a_misread_comma() -> None:
    found = address_text.read_address("1836 Oak Ridge Rd; Apt 204, Stamford, CT 06901-8785")
    assert found is not None and (found.value.line1, found.value.line2) == ("1836 Oak Ridge Rd", "Apt 204")


@pytest.mark.parametrize(
    ("text", "name"),
    [("~RestWell Respiratory Care", "RestWell Respiratory Care"), ("~=Acme Health Plan", "Acme Health Plan")],
)
def test_a_gutter_rules_marks_glued_before_an_organisations_name_are_no_part_of_it(text: str, name: str) -> None:
    read = values.read_org(text)
    assert read is not None and read.value == name and text[read.start : read.end] == name


@pytest.mark.parametrize("text", ["Dear Team,", "Dear Intake Team,", "Dear Colleague", "Sincerely, Helen"])
def test_a_letters_salutation_or_closing_is_no_name(text: str) -> None:
    """'Dear intake Team,' under a letter's RE line read as the patient 'Dear Team' (a fresh ortho letter)."""
    assert values.read_name(text) is None


@pytest.mark.parametrize("text", ["REFERRING MOD", "Ordering Physician", "TREATING MD", "Attending Doe"])
def test_a_clinicians_caption_word_is_no_name(text: str) -> None:
    """'REFERRING MD' (its MD read 'MOD') is the caption of a clinician's box, no person named Referring."""
    assert values.read_name(text) is None
