"""A service row printed as 'Description (G0151) ... Total visits x8': its code in brackets and a
quantity with a speck before its mark, as their crops and the row's words show them."""

from __future__ import annotations

from parsers.fax import verify_codes
from parsers.fax.diagnosis_codes import diagnosis_reads
from parsers.fax.model import Word
from parsers.fax.row_marks import marked_quantity
from referrals.codes import NO_CODE_SETS
from tests.fax.test_reading_units import _page


def _words(text: str) -> list[Word]:
    out, left = [], 10
    for token in text.split():
        out.append(Word(token, 95.0, left, 100, 12 * len(token), 20, line_key=(1, 1, 1)))
        left += 12 * len(token) + 10
    return out


def test_a_code_crop_in_brackets_or_after_a_speck_shows_the_code() -> None:
    assert verify_codes._code_of("(G0151)", NO_CODE_SETS) == "G0151"
    assert verify_codes._code_of("\u2018(G0151)", NO_CODE_SETS) == "G0151"
    assert verify_codes._code_of("-(G0152)", NO_CODE_SETS) == "G0152"
    assert verify_codes._code_of("(G0299).", NO_CODE_SETS) == "G0299"
    assert verify_codes._code_of("\u2018 (G0299)", NO_CODE_SETS) == "G0299"  # a speck read as a word of its own


def test_a_code_crop_keeps_look_alikes_and_a_closing_glyph_alone_is_no_bracket() -> None:
    assert verify_codes._code_of("$9500", NO_CODE_SETS) == "S9500"  # '$' is a misread S, no speck
    assert verify_codes._code_of("KO000]", NO_CODE_SETS) is None  # ']' may be a 1: no code shown
    assert verify_codes._code_of("E0601-RR", NO_CODE_SETS) == "E0601"


def test_a_quantity_after_a_speck_read_as_a_quote_is_marked() -> None:
    found = marked_quantity(_words("Frequency 2w6 Total visits \u201cx12"))
    assert found is not None and found[0] == 12
    assert verify_codes._quantity_of("\u201cx12") == 12


def test_the_heading_of_what_is_ordered_ends_the_diagnoses_above_it() -> None:
    text = _page(
        [
            "Primary Dx (ICD-10) N18.4",
            "Clinical findings poor endurance",
            "SERVICES ORDERED (check all that apply)",
            "Skilled Nursing (G0299) Frequency 2w6 Total visits x12",
        ]
    )
    assert [read.raw for read in diagnosis_reads(text, NO_CODE_SETS)] == ["N18.4"]  # not 2w6, x12


def test_a_marked_count_whose_digit_reads_as_a_look_alike_letter_is_the_count() -> None:
    found = marked_quantity(_words("Frequency 2w3 Total visits xG"))
    assert found is not None and found[0] == 6
    assert marked_quantity(_words("Total visits xg")) is None  # a lower-case g is no 6
