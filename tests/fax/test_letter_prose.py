"""A physician's referral letter: its roster of the practice's clinicians and the dates its sentences give."""

from __future__ import annotations

import datetime as dt

from parsers.fax.address_text import AddressValue
from parsers.fax.extract import candidates, labelled_hits
from parsers.fax.prose import provider_by_credentials
from tests.fax.test_reading_units import _page

ROSTER = ["PHYSICIANS", "Jane Doe, MD", "Omar Haddad, DO", "Gregory T Lund MD", "Michael R Stein MD"]


def test_a_roster_of_the_practices_clinicians_names_no_ordering_clinician() -> None:
    text = _page([*ROSTER, "", "", "Dear Intake Team,", "Sincerely,", "", "", "Jane Doe, MD", "NPI 1234567893"])
    found = [c.value for c in provider_by_credentials(text)]
    assert found == [("Jane", "Doe")]  # the signer under the signature, never the roster's names


def test_two_credentialed_names_are_no_roster() -> None:
    text = _page(["Jane Doe, MD", "Omar Haddad, DO"])
    assert [c.value for c in provider_by_credentials(text)] == [("Jane", "Doe"), ("Omar", "Haddad")]


def test_a_letters_sentences_give_the_discharge_and_start_dates() -> None:
    text = _page(
        [
            "Ms. Johnson will be discharged home on November 19, 2026. She lives nearby.",
            "Please begin home health care on November 20, 2026.",
        ]
    )
    found = {c.path: c.value for c in candidates(text, labelled_hits(text))}
    assert found["discharge_date"] == dt.date(2026, 11, 19)
    assert found["requested_start_date"] == dt.date(2026, 11, 20)


def test_a_garbled_discharged_home_is_still_the_discharge_date() -> None:
    text = _page(["Mr. Garcia will be dischaiged home on November 22, 2026. He lives at home."])
    found = {c.path: c.value for c in candidates(text, labelled_hits(text))}
    assert found["discharge_date"] == dt.date(2026, 11, 22)


def _fields(lines: list[str]) -> dict[str, object]:
    text = _page(lines)
    return {c.path: c.value for c in candidates(text, labelled_hits(text))}


def test_a_sex_caption_without_its_colon_ending_the_segment_with_its_letter() -> None:
    assert _fields(["DOB 12/08/1956 Sex F"])["member.sex"] == "F"


def test_the_patients_phone_and_address_in_a_sentence_about_the_patient() -> None:
    found = _fields(
        [
            "Ms. Johnson will be discharged home on November 19, 2026. She lives at",
            "408 Asylum Ave, Stamford, CT 06901 and can be reached at 914-555-9012.",
        ]
    )
    assert found["member.phone"] == "9145559012"
    address = found["member.address"]  # read on the line the sentence wrapped to
    assert isinstance(address, AddressValue)
    assert (address.line1, address.city, address.state, address.zip) == ("408 Asylum Ave", "Stamford", "CT", "06901")


def test_a_number_in_a_sentence_about_someone_else_is_not_the_patients() -> None:
    found = _fields(
        [
            "Please call our nurse line at 860-555-0195 with a temperature over 101.5 F.",
            "Her daughter lives at 12 Oak St, Hartford, CT 06103 and can be reached at 860-555-0142.",
            "Dr. Abernathy can be reached at 203-555-0100.",
            "I can be reached at 203-555-0111.",
        ]
    )
    assert "member.phone" not in found and "member.address" not in found


def test_a_letterheads_tel_and_fax_with_one_glyph_misread_before_their_numbers() -> None:
    found = _fields(["Dr. Jane Doe  2800 Main Street, Hartford, CT 06120 Te) 860-555-8725 Tax (860) 555-7573"])
    assert found["ordering_provider.fax"] == "8605557573"
    assert "ordering_provider.fax" not in _fields(["Tax ID 12-3456789", "Sales tax 8605557573 applies"])


def test_a_cue_with_no_value_after_it_takes_none_from_elsewhere() -> None:
    found = _fields(["Hartford Orthopaedics, 12 Oak St, Hartford, CT 06103", "", "", "She lives at"])
    assert "member.address" not in found


def test_an_address_wrapped_between_its_street_and_its_city() -> None:
    found = _fields(
        ["Mr. Garcia will be discharged home soon. He lives at 4651 Maple Avenue, Apt 3B,", "Stamford, CT 06901."]
    )
    address = found["member.address"]
    assert isinstance(address, AddressValue)
    assert (address.line1, address.line2, address.city, address.zip) == (
        "4651 Maple Avenue",
        "Apt 3B",
        "Stamford",
        "06901",
    )


def test_a_roster_name_misread_past_the_pattern_does_not_break_the_roster() -> None:
    roster = ["PHYSICIANS", "Jane Doe, MD", "0mar Hadad. D0", "Gregory T Lund MD", "Michael R Stein MD"]
    lines = [*roster, "", "", "", "Jane Doe, MD"]
    assert [c.value for c in provider_by_credentials(_page(lines))] == [("Jane", "Doe")]


def test_misread_punctuation_of_a_right_aligned_particulars_block() -> None:
    found = _fields(["RE: Miller; Maria", "DOB. 09/28/1950 Sex. M", "", "", "Priya Patel, MD", "NP} 1234567893"])
    assert found["member.name"] == ("Maria", "Miller")  # its comma read as a semicolon
    assert found["member.sex"] == "M"  # its colon read as a dot
    assert found["ordering_provider.npi"] == "1234567893"  # NPI with its I read as a brace
    assert _fields(["DOB 08/08/1932 Sex’ F"])["member.sex"] == "F"  # its colon read as a quote


def test_a_member_id_ocr_split_in_two_is_no_id() -> None:
    assert "member.member_id" not in _fields(["Member ID: W79897 1238"])  # its first piece alone is wrong
    assert _fields(["Member ID: W798971238"])["member.member_id"] == "W798971238"
