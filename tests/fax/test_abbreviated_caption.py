"""A value under a blank caption that a printout's abbreviated caption stands right before on its row
('ADM 11/13/2026' under a DOB printed blank) is that caption's value: a missing birth date had been
filled with the admission date."""

from __future__ import annotations

from parsers.fax.labels import hits_in
from parsers.fax.model import PageText, Segment, Word
from parsers.fax.nearby import value_segment
from parsers.fax.pages import Page


def _segment(index: int, left: int, top: int, *texts: str) -> Segment:
    words, x = [], left
    for text in texts:
        words.append(Word(text, 95.0, x, top, 14 * len(text), 20, line_key=(index, 1, 1)))
        x += 14 * len(text) + 12
    return Segment(page=1, index=index, words=tuple(words))


def _value_under_dob(row_under: list[Segment]) -> str | None:
    caption = _segment(0, 1039, 176, "DOB")
    segments = [caption, *row_under]
    text = PageText(page=Page(number=1, width=1728, height=2244), lines=segments, segments=segments)
    hit = next(h for h in hits_in(caption) if h.kind == "dob")
    found = value_segment(text, hit, [hit])
    return found[0].text if found else None


def test_a_date_with_an_abbreviated_caption_before_it_is_not_the_value_above_it() -> None:
    assert _value_under_dob([_segment(1, 1000, 221, "ADM"), _segment(2, 1060, 221, "11/13/2026")]) is None


def test_a_date_on_one_segment_with_its_abbreviated_caption_is_not_the_value_above_it() -> None:
    assert _value_under_dob([_segment(1, 1000, 221, "ADM", "11/13/2026")]) is None


def test_a_date_alone_under_the_caption_is_its_value() -> None:
    assert _value_under_dob([_segment(2, 1040, 221, "01/02/1950")]) == "01/02/1950"
