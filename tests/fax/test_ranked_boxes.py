"""Diagnosis codes in a boxed form's ranked boxes whose ICD caption OCR garbled (ranked_boxes.py)."""

from __future__ import annotations

import dataclasses

import pytest

from ingest.codesets import VALIDATOR_CODE_SETS
from parsers.fax.extract import PageText, labelled_hits
from parsers.fax.layout import page_segments
from parsers.fax.model import Page
from parsers.fax.ranked_boxes import diagnoses_in_ranked_boxes
from tests.fax.test_grid import WIDTH, _placed
from tests.fax.test_grid import _page as _placed_page


def _boxes(primary: str, secondary: str, values: tuple[str, str]) -> PageText:
    return _placed_page(
        [
            (primary, 105, 1124, None),
            (secondary, 435, 1124, None),
            ("25 DATE OF REQUEST", 761, 1124, None),
            (values[0], 120, 1170, None),
            (values[1], 443, 1170, None),
            ("11-21-2026", 770, 1170, None),
        ]
    )


def _read(text: PageText) -> list[str | None]:
    return [d.correction.value for d in diagnoses_in_ranked_boxes(text, labelled_hits(text), VALIDATOR_CODE_SETS)]


@pytest.mark.parametrize(
    ("primary", "secondary"),
    [
        ("a IC 40 PRIMARY", "24 1b Ww SECONDARY"),  # the ICD caption garbled, the rank read
        ("co loeruaRy", "ZHICI 10 SECONDARY"),  # the primary's rank garbled too: left of the secondary
    ],
)
def test_codes_under_garbled_ranked_captions_beside_a_caption_of_ours_are_the_diagnoses(
    primary: str, secondary: str
) -> None:
    assert _read(_boxes(primary, secondary, ("K219", "E78.5"))) == ["K21.9", "E78.5"]


def test_one_garbled_caption_over_both_boxes_gives_both_codes() -> None:
    text = _placed_page(
        [
            ("\u201cichwenmaRy\u2014\u2014SS~S CRTLID SECONDARY.", 105, 1124, None),
            ("25 DATE OF REQUEST", 761, 1124, None),
            ("K219", 120, 1170, None),
            ("E78.5", 445, 1170, None),
        ]
    )
    assert _read(text) == ["K21.9", "E78.5"]


@pytest.mark.parametrize(
    "values",
    [("11-20-2026", "2026-11-21"), ("(203) 555-0142", "W662445035"), ("182.4", "98.6"), ("Jane Roe", "Aetna")],
)
def test_no_date_phone_id_measure_or_name_under_ranked_boxes_is_taken(values: tuple[str, str]) -> None:
    assert _read(_boxes("a IC 40 PRIMARY", "24 1b Ww SECONDARY", values)) == []


@pytest.mark.parametrize("caption", ["Insurance Primary", "Payer Secondary"])
def test_a_rank_after_a_word_of_ours_is_no_garbled_diagnosis_caption(caption: str) -> None:
    assert _read(_boxes("Member Name", caption, ("Jane Roe", "K219"))) == []


def test_ranked_boxes_with_no_caption_of_ours_on_their_row_are_not_read() -> None:
    text = _placed_page(
        [
            ("a IC 40 PRIMARY", 105, 1124, None),
            ("24 1b Ww SECONDARY", 435, 1124, None),
            ("K219", 120, 1170, None),
            ("E78.5", 443, 1170, None),
        ]
    )
    assert _read(text) == []


def test_a_caption_of_ours_read_shorter_and_higher_is_still_on_the_ranked_captions_row() -> None:
    """The ranked captions read 29 high, the date's caption beside them 16 high and 2 higher: their centres
    miss each other's spans, but they overlap down the page by most of the shorter one's height."""
    items = [
        ("a IC 40 PRIMARY", 105, 1123, 29),
        ("24 1b Ww SECONDARY", 435, 1123, 29),
        ("26 INPATIENT DISCHARGE DATE", 1147, 1121, 16),
        ("K219", 120, 1169, 22),
        ("E78.5", 443, 1169, 22),
    ]
    words = [
        dataclasses.replace(w, height=height) for text, left, top, height in items for w in _placed(text, left, top)
    ]
    page = Page(number=1, width=WIDTH, height=2244, words=words)
    lines, segments = page_segments(page)
    assert _read(PageText(page, lines, segments)) == ["K21.9", "E78.5"]


def test_beside_a_sure_code_a_code_shaped_value_ocr_garbled_is_one_code_left_open() -> None:
    """'C89 154' (L89.154, its L read as a C, its dot as a gap) beside J44.9: one open code spanning both
    words (the re-reads give it), never the category C89 nor '154' as L54."""
    reads = list(
        diagnoses_in_ranked_boxes(
            text := _boxes("a IC 40 PRIMARY", "24 1b Ww SECONDARY", ("K219", "C89 154")),
            labelled_hits(text),
            VALIDATOR_CODE_SETS,
        )
    )
    assert [(r.raw, r.correction.value, r.correction.readings) for r in reads] == [
        ("K219", "K21.9", ("K21.9",)),
        ("C89 154", None, ()),
    ]


@pytest.mark.parametrize("other", ["W662445035", "Jane Roe", "11-21-2026"])
def test_no_id_name_or_date_beside_a_sure_code_is_left_open_as_a_code(other: str) -> None:
    assert _read(_boxes("a IC 40 PRIMARY", "24 1b Ww SECONDARY", ("K219", other))) == ["K21.9"]
