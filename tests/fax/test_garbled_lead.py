"""A caption OCR garbled at a segment's start, its value after it (garbled_lead.py, through labels.hits_in)."""

from __future__ import annotations

import pytest

from parsers.fax.garbled_lead import garbled_lead
from parsers.fax.labels import hits_in
from parsers.fax.model import Segment, Word
from parsers.fax.synonyms import PATIENT, PAYER, PROVIDER, SUPPLIER


def _segment(text: str) -> Segment:
    return Segment(1, 0, tuple(Word(w, 90, 60 * i, 0, 50, 20, (1,)) for i, w in enumerate(text.split())))


def _first(text: str) -> tuple[str, str | None, str] | None:
    hits = hits_in(_segment(text))
    return (hits[0].kind, hits[0].label.role, text[hits[0].start : hits[0].end]) if hits else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Otice phone 860/555-2385", ("phone", PROVIDER, "Otice phone")),  # 'ff' read as 't'
        ("Supplrer Northside DME Supply", ("org", SUPPLIER, "Supplrer")),
        ("Prescrher Jane Doe, MD", ("name", PROVIDER, "Prescrher")),  # 'ib' read as 'h'
        ("Member / palicy # X656303606", ("member_id", PATIENT, "Member / palicy")),  # o read as a
        ("Ordering Physictan: Helen Carter, MD", ("name", PROVIDER, "Ordering Physictan:")),
        ("Insurence Blue Harbor Medicare", ("org", PAYER, "Insurence")),
    ],
)
def test_a_caption_misread_in_a_glyph_or_two_before_its_value_is_that_caption(
    text: str, expected: tuple[str, str | None, str]
) -> None:
    assert _first(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Supplies ordered 3 boxes",  # an English word one letter from 'supplier'
        "Prescribed by Dr Smith",  # ... from 'prescriber'
        "Offices phone 860-555-2385",  # a word no caption has, however near
        "Officer Jones 860-555-2385",
        "Physicain Orders",  # two letters swapped in a short word: too far
        "Nurse practitioner 12",
        "Physical therapy 3x weekly",
        "Members policy 12",
        "Patent pending 2026",  # 'patient' one letter off, but an English word
        "Atlantic Home Medical",  # a value's words, far from every caption
        "Insurance Blue Harbor",  # the caption as printed: the synonyms' own, no misread
    ],
)
def test_ordinary_words_or_a_caption_too_far_off_are_no_caption(text: str) -> None:
    assert garbled_lead(_segment(text)) is None


def test_a_caption_the_synonyms_know_as_printed_is_theirs_not_a_misread() -> None:
    assert _first("Office phone 860/555-2385") == ("phone", PROVIDER, "Office phone")


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        ("Member i0 X123456780", "Member i0"),  # the D of 'ID' read as a zero
        ("Member io Q987654321", "Member io"),  # ... as an o: 'io' a word, but here the ID's glyphs
        ("Member tO Q987654321", "Member tO"),  # the I as a t before a capital O
    ],
)
def test_a_member_id_caption_whose_id_ocr_garbled_is_that_caption(text: str, lead: str) -> None:
    assert _first(text) == ("member_id", PATIENT, lead)


@pytest.mark.parametrize("text", ["Member i0", "Member 10:", "Member l0", "Member (0", "Member tO"])
def test_a_caption_alone_whose_id_ends_in_a_zero_is_a_member_id_caption(text: str) -> None:
    assert _first(text) is not None and _first(text)[:2] == ("member_id", PATIENT)


@pytest.mark.parametrize("text", ["Room 10", "Suite 10", "Member 2010"])
def test_a_number_after_a_word_is_no_id_caption(text: str) -> None:
    assert _first(text) is None


@pytest.mark.parametrize("text", ["Member to 12 Main St", "Member TO: 123456", "Member To 123456", "Members io 12"])
def test_an_id_glyph_pair_needs_both_glyphs_of_id(text: str) -> None:
    assert garbled_lead(_segment(text)) is None
