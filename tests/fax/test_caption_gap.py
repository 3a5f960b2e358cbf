"""A fill-in form's garbled caption before the wide gap of its underline, the value typed after it."""

from __future__ import annotations

from parsers.fax.caption_gap import caption_before_gap
from parsers.fax.labels import hits_in
from parsers.fax.model import Segment, Word


def _segment(tokens: list[str], wide_after: int | None) -> Segment:
    """Words 12 px a character, 9 px apart, 28 px after the word at index `wide_after`."""
    words, left = [], 100
    for index, token in enumerate(tokens):
        words.append(Word(token, 90.0, left, 200, 12 * len(token), 22, line_key=(1, 1, 1)))
        left += 12 * len(token) + (28 if index == wide_after else 9)
    return Segment(1, 0, tuple(words))


def test_a_garbled_caption_before_the_underlines_gap_is_its_label() -> None:
    segment = _segment(["Primary", "surance", "Blue", "Harbor", "Medicare"], wide_after=1)
    hit = caption_before_gap(segment)
    assert hit is not None and (hit.kind, hit.label.role) == ("org", "payer")
    assert segment.text[hit.start : hit.end] == "Primary surance"
    assert [h.kind for h in hits_in(segment)] == ["org"]


def test_without_a_wide_gap_the_words_are_no_caption() -> None:
    assert caption_before_gap(_segment(["Primary", "surance", "Blue", "Harbor", "Medicare"], None)) is None


def test_words_before_a_gap_far_from_every_caption_are_none() -> None:
    assert caption_before_gap(_segment(["Clinical", "notes", "reviewed", "today"], wide_after=1)) is None


def test_a_garbled_word_before_a_name_order_hint_is_a_name_caption() -> None:
    segment = _segment(["Naine", "(Last,", "ust)", "RODRIGUEZ,", "Patricia"], wide_after=2)
    hit = caption_before_gap(segment)
    assert hit is not None and hit.kind == "name" and segment.text[hit.start : hit.end] == "Naine"


def test_a_weak_label_in_the_value_does_not_stop_the_garbled_caption() -> None:
    segment = _segment(["Physiciat", "name", "Samuel", "Okafor,", "M.D"], wide_after=1)
    assert [(h.kind, h.label.role) for h in hits_in(segment)] == [("name", "provider")]


def test_fill_in_captions_garbled_by_a_letter_or_two() -> None:
    street = _segment(["Steet", "address", "4941", "Cedar", "Lane"], wide_after=1)
    agency = _segment(["Home", "health", "ageucy", "CarePoint", "Infusion"], wide_after=2)
    fax = _segment(["Office", "tax", "617/555-7098"], wide_after=1)
    assert [h.kind for h in hits_in(street)] == ["address"]
    assert [(h.kind, h.label.role) for h in hits_in(agency)] == [("org", "supplier")]
    assert [(h.kind, h.label.role) for h in hits_in(fax)] == [("fax", "provider")]


def test_a_digit_ocr_put_for_a_captions_letter_is_read_as_that_letter() -> None:
    segment = _segment(["Date", "of", "1eferral", "November", "20,", "2026"], wide_after=2)
    hit = caption_before_gap(segment)
    assert hit is not None and hit.kind == "order_date" and segment.text[hit.start : hit.end] == "Date of 1eferral"
