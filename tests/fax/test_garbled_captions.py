"""Captions OCR garbled on a standard-resolution page: a CMS-485's long box captions, 'ID' with its I read
as '{', and a party's word with its possessive 's' before a caption the synonyms do not know."""

from __future__ import annotations

import pytest

from parsers.fax.labels import hits_in
from parsers.fax.model import Segment, Word
from parsers.fax.synonyms import PATIENT


def _segment(text: str) -> Segment:
    return Segment(1, 0, tuple(Word(w, 90, 60 * i, 0, 50, 20, (1,)) for i, w in enumerate(text.split())))


def _hits(text: str) -> list[tuple[str, str | None, str]]:
    return [(h.kind, h.label.role, text[h.start : h.end]) for h in hits_in(_segment(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 'No' read as 'Ne': the claim number's caption, never the patient's name caption ('Patient')
        ("1 Patient s HI Claim Ne", [("member_id", PATIENT, "Patient s HI Claim Ne")]),
        (
            "Insurance: Blue Harbor Medicare {D: X127728160",
            [("org", "payer", "Insurance"), ("member_id", PATIENT, "Medicare {D")],
        ),
        ("Member {D: X1234567", [("member_id", PATIENT, "Member {D")]),
    ],
)
def test_garbled_caption_found(text: str, expected: list[tuple[str, str | None, str]]) -> None:
    assert _hits(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "1 Patient s HI Claim Ne",  # no name caption in a caption of what is the patient's
        "Patient s Unknown Box",
        "Patient's Smith",
    ],
)
def test_possessive_party_word_is_no_name_caption(text: str) -> None:
    assert all(kind != "name" for kind, _, _ in _hits(text))


@pytest.mark.parametrize(
    "text",
    [
        "{DME Supply",  # a brace before other letters: no 'ID'
        "Patient Tax",  # a word of its own as long as the caption's last: another caption
        "Physician tax",
        "Patient s Name and Adress Line Two",  # six words: no caption of ours
    ],
)
def test_not_these_captions(text: str) -> None:
    hits = _hits(text)
    assert all(kind not in ("member_id",) for kind, _, _ in hits)
    assert not any(caption == text for _, _, caption in hits)


def test_name_captions_kept() -> None:
    assert _hits("Patient s") == [("name", PATIENT, "Patient")]  # nothing after the 's'
    assert _hits("Patient: John Smith") == [("name", PATIENT, "Patient")]
    assert _hits("Patient's Name: John Smith") == [("name", PATIENT, "Patient's Name")]
