"""A numbered box's number before its caption, its digits as OCR misreads small bold figures."""

from __future__ import annotations

import pytest

from parsers.fax.labels import hits_in
from parsers.fax.model import Segment
from tests.fax.test_text_fields import _words


def _kinds(text: str) -> list[str]:
    return [h.label.kind for h in hits_in(Segment(1, 0, tuple(_words(text))))]


@pytest.mark.parametrize("text", ["6 GENDER", "G GENDER", "§ GENDER", "IS GENDER", "Z GENDER", "(6) GENDER"])
def test_a_box_number_read_as_its_digits_look_alikes_leaves_a_weak_caption_alone(text: str) -> None:
    """'G GENDER' is box 6's 'GENDER' with the 6 read as a G: the caption alone in its box."""
    assert _kinds(text) == ["sex"]


@pytest.mark.parametrize("text", ["Prefers GENDER", "Pronoun Gender", "is gender", "Big GENDER", "SOGENDER"])
def test_a_word_before_a_weak_caption_is_no_box_number(text: str) -> None:
    assert "sex" not in _kinds(text)


def test_a_word_opening_with_a_look_alike_capital_is_no_box_number() -> None:
    """'Secondary Insurance': the S opens a word, it numbers no box."""
    assert _kinds("Secondary Insurance: Acme Health") == []


@pytest.mark.parametrize("text", ["5 OAFE OF BIRTH (MM/DD/YYYY)", "SATE OF BIRTH", "SDATE UF BIRTH (MMWDOFY YY}"])
def test_a_box_caption_ending_of_birth_with_its_first_word_garbled_is_the_birth_dates(text: str) -> None:
    """'5 DATE OF BIRTH' in small capitals read 'OAFE OF BIRTH', 'SATE OF BIRTH' (the 5 run into it,
    the D lost), 'SDATE UF BIRTH': 'of birth' after a short word is the birth date's caption."""
    assert _kinds(text) == ["dob"]


@pytest.mark.parametrize("text", ["Place of birth: Hartford", "Country of birth", "Number of births"])
def test_a_place_of_birth_is_no_birth_dates_caption(text: str) -> None:
    assert "dob" not in _kinds(text)


@pytest.mark.parametrize("text", ["A4 GENDER", "2B GENDER", "1S GENDER"])
def test_a_box_number_read_as_a_letter_and_a_digit_is_still_a_box_number(text: str) -> None:
    """'14' read as 'A4', '2B', '1S': a token mixing a letter and a digit before a caption is no word."""
    assert _kinds(text) == ["sex"]


@pytest.mark.parametrize("text", ["DR GENDER", "CM GENDER", "A GENDER"])
def test_a_two_letter_word_before_a_weak_caption_is_no_box_number(text: str) -> None:
    assert "sex" not in _kinds(text)


@pytest.mark.parametrize(
    "text", ["3 MEMBER WAM (FIRS LAST)", "3 MEMBER NAMF (FIRST, LAST)", "PATIENT NMAE [LAST, FIRST]"]
)
def test_a_member_caption_with_its_name_word_garbled_before_a_name_order_hint_asks_for_the_members_name(
    text: str,
) -> None:
    """'3 MEMBER NAME (FIRST, LAST)' read with NAME garbled ('WAM'): the member's word and the name-order
    hint after it still ask for the member's name."""
    hits = hits_in(Segment(1, 0, tuple(_words(text))))
    assert [(h.label.kind, h.label.role) for h in hits] == [("name", "patient")]
    assert hits[0].end == len(text)  # the hint's closing bracket is the caption's, no value


@pytest.mark.parametrize("text", ["MEMBER ID (FIRST LAST)", "MEMBER SINCE (FIRST LAST)", "MEMBER PHONE (FIRST LAST)"])
def test_a_member_caption_naming_another_thing_before_a_name_hint_is_no_name_caption(text: str) -> None:
    kinds = [(h.label.kind, h.label.role) for h in hits_in(Segment(1, 0, tuple(_words(text))))]
    assert ("name", "patient") not in kinds
