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
