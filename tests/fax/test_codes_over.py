"""Diagnosis codes over their captions on a form printing captions under its values (codes_over.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from parsers.context import ParseContext
from parsers.fax import reading
from parsers.fax.codes_over import diagnoses_over_captions
from parsers.fax.diagnosis_codes import icd_tokens
from parsers.fax.extract import PageText, labelled_hits
from parsers.fax.ocr import TesseractEngine
from referrals.codes import NO_CODE_SETS
from tests.fax.test_grid import _page as _placed_page


def diagnoses_found(text: PageText) -> list[str]:
    """The diagnosis codes (as read) the reader's field search finds on the one page `text`."""
    ctx = ParseContext(path=Path("x.tif"), sha256="0" * 64, received_at=dt.datetime(2026, 11, 25, tzinfo=dt.UTC))
    state = reading.FaxRead(ctx=ctx, engine=TesseractEngine(), kind="tiff")
    state.pages, state.texts, state.hits = [text.page], [text], {1: labelled_hits(text)}
    reading.find_fields(state)
    return [d.raw for d in state.diagnoses]


def _two_captions(primary: str, secondary: str, over: tuple[str, str] = ("K21.9", "E78.5")) -> PageText:
    return _placed_page(
        [
            (over[0], 117, 200, None),
            (over[1], 500, 200, None),
            ("12-01-2026", 900, 200, None),
            (primary, 117, 238, None),
            (secondary, 500, 238, None),
            ("Start of Therapy", 900, 238, None),
        ]
    )


@pytest.mark.parametrize(
    ("primary", "secondary"),
    [
        ("Primary Ox(iCD 40)", "~ Secondary Dx (ID 10)."),  # Dx read Ox, the hint's letters and digits garbled
        ("Prinary Ox (CO 10} ~", "\u201c Secondary DX (ICD 10)"),  # a letter of the rank misread, a speck after
        ("Primary Dx (ICD-10)", "Secontary Ox (ICD-10}"),
    ],
)
def test_a_ranked_diagnosis_caption_ocr_garbled_still_heads_the_code_over_it(primary: str, secondary: str) -> None:
    text = _two_captions(primary, secondary)
    assert [d.raw for d in diagnoses_over_captions(text, NO_CODE_SETS)] == ["K21.9", "E78.5"]


@pytest.mark.parametrize(
    "caption",
    ["Primary Care Physician", "Secondary Insurance", "Primary Oxygen Supplier", "Primary Dx K21.9"],
)
def test_a_rank_word_before_no_diagnosis_word_or_with_a_value_is_no_bare_diagnosis_caption(caption: str) -> None:
    text = _two_captions(caption, "Start Date", over=("K21.9", "E78.5"))
    assert [d.raw for d in diagnoses_over_captions(text, NO_CODE_SETS)] == []


def test_a_date_over_a_diagnosis_caption_is_no_code_nor_a_code_left_open() -> None:
    text = _two_captions("Primary Dx (ICD-10)", "Secondary Dx (ICD-10)", over=("K21.9", "11-20-2026"))
    assert [d.raw for d in diagnoses_over_captions(text, NO_CODE_SETS)] == ["K21.9"]


def test_a_date_and_its_time_in_a_diagnosis_section_are_no_codes() -> None:
    text = _placed_page([("Diagnosis: K21.9 11-17-2026 18.00 2026-11-21", 117, 200, None)])
    assert [d.raw for d in icd_tokens(text.segments[0], 0, NO_CODE_SETS)] == ["K21.9"]


def test_on_a_form_printing_captions_under_values_the_dates_under_a_garbled_diagnosis_caption_are_not_read() -> None:
    text = _placed_page(
        [
            ("Garcia, James", 117, 100, None),
            ("Patient (Last, First)", 117, 138, None),
            ("K21.9", 117, 200, None),
            ("E78.5", 500, 200, None),
            ("11-24-2026", 900, 200, None),
            ("Primary Ox(iCD 40)", 117, 238, None),
            ("~ Secondary Dx (ID 10).", 500, 238, None),
            ("Start of Therapy", 900, 238, None),
            ("14 days", 117, 300, None),
            ("11-17-2026 18.00", 500, 300, None),
            ("Duration of Therapy", 117, 338, None),
            ("Last Dose in Hospital (date/time)", 500, 338, None),
        ]
    )
    assert diagnoses_found(text) == ["K21.9", "E78.5"]


def _lost_primary(left: str) -> PageText:
    """The primary's caption lost to OCR: only the secondary's caption stands under the codes' row."""
    return _placed_page(
        [
            (left, 117, 200, None),
            ("E78.5", 500, 200, None),
            ("12-01-2026", 900, 200, None),
            ("Secondary Dx (ICD-10)", 500, 238, None),
            ("Start of Therapy", 900, 238, None),
        ]
    )


def test_a_secondary_diagnosis_whose_primary_caption_ocr_lost_takes_the_code_left_of_its_own() -> None:
    assert [d.raw for d in diagnoses_over_captions(_lost_primary("K21.9"), NO_CODE_SETS)] == ["K21.9", "E78.5"]


@pytest.mark.parametrize("left", ["11-20-2026", "(203) 555-0142", "W123456789", "182 lbs"])
def test_a_value_left_of_a_secondary_diagnosis_that_reads_as_no_code_is_not_taken(left: str) -> None:
    assert [d.raw for d in diagnoses_over_captions(_lost_primary(left), NO_CODE_SETS)] == ["E78.5"]


def test_a_value_over_a_caption_of_its_own_left_of_a_secondary_diagnosis_is_not_taken() -> None:
    text = _placed_page(
        [
            ("K21.9", 117, 200, None),
            ("E78.5", 500, 200, None),
            ("Room Number", 117, 238, None),
            ("Secondary Dx (ICD-10)", 500, 238, None),
        ]
    )
    assert [d.raw for d in diagnoses_over_captions(text, NO_CODE_SETS)] == ["E78.5"]


@pytest.mark.parametrize("heading", ["iC-0-10 dagnoss codes", "ICD-10 dgnosis codes", "Dagnoses Codes:"])
def test_a_diagnosis_codes_heading_with_two_letters_of_diagnosis_lost_heads_the_diagnoses(heading: str) -> None:
    """'dagnoss codes': two i's of 'diagnosis' lost; before 'codes', a word so shaped names the diagnosis
    codes (no other caption reads '<d..gn..> codes')."""
    from ingest.codesets import VALIDATOR_CODE_SETS
    from parsers.fax.diagnosis_codes import diagnosis_reads
    from tests.fax.test_reading_units import _page

    text = _page([f"{heading} K21.9 (Gastro-esophageal reflux) E78.5 (Hyperlipidemia)"])
    assert [r.raw for r in diagnosis_reads(text, VALIDATOR_CODE_SETS)] == ["K21.9", "E78.5"]


@pytest.mark.parametrize("line", ["Design codes: A12.3 B45", "Building codes K21.9"])
def test_a_word_of_ours_before_codes_is_no_diagnosis_heading(line: str) -> None:
    from ingest.codesets import VALIDATOR_CODE_SETS
    from parsers.fax.diagnosis_codes import diagnosis_reads
    from tests.fax.test_reading_units import _page

    assert list(diagnosis_reads(_page([line]), VALIDATOR_CODE_SETS)) == []
