"""A speck beside or under a caption is no value of it: a fax streak read as a bar ('|'), a dot read as a
mark (','), or a scrap read as a short word at no confidence ('of' at 25). The caption's value is the
next segment there (the name under 'Patient name', the supplier under 'Agency / supplier'), not nothing."""

from __future__ import annotations

from parsers.fax.labels import hits_in
from parsers.fax.model import PageText, Segment, Word
from parsers.fax.nearby import value_segment
from parsers.fax.pages import Page


def _segment(index: int, left: int, top: int, *texts: str, conf: float = 95.0, height: int = 22) -> Segment:
    words, x = [], left
    for text in texts:
        words.append(Word(text, conf, x, top, 14 * len(text), height, line_key=(index, 1, 1)))
        x += 14 * len(text) + 12
    return Segment(page=1, index=index, words=tuple(words))


def _value(caption: Segment, *others: Segment) -> str | None:
    segments = [caption, *others]
    text = PageText(page=Page(number=1, width=1728, height=2244), lines=segments, segments=segments)
    hit = next(h for h in hits_in(caption) if h.kind in ("name", "org"))
    found = value_segment(text, hit, [hit])
    return found[0].text if found else None


def test_a_bar_right_of_the_caption_is_no_value_and_the_name_under_it_is() -> None:
    caption = _segment(0, 112, 1532, "Agency", "/", "supplier")
    bar = _segment(1, 640, 1517, "|", height=33)
    name = _segment(2, 122, 1565, "Harbor", "Medical")
    assert _value(caption, bar, name) == "Harbor Medical"


def test_a_short_word_read_at_no_confidence_right_of_the_caption_is_a_speck() -> None:
    caption = _segment(0, 113, 467, "Patient", "name")
    speck = _segment(1, 287, 475, "of", conf=25.0)
    name = _segment(2, 115, 521, "Ada", "Lovell")
    assert _value(caption, speck, name) == "Ada Lovell"


def test_a_short_word_read_surely_right_of_the_caption_is_still_its_value() -> None:
    caption = _segment(0, 113, 467, "Patient", "name")
    word = _segment(1, 287, 467, "Bo", "Li")
    assert _value(caption, word, _segment(2, 115, 521, "Ada", "Lovell")) == "Bo Li"


def test_a_sex_read_weakly_right_of_its_caption_is_still_its_value() -> None:
    caption = _segment(0, 499, 448, "Sex")
    segments = [caption, _segment(1, 580, 448, "F", conf=39.0)]
    text = PageText(page=Page(number=1, width=1728, height=2244), lines=segments, segments=segments)
    hit = next(h for h in hits_in(caption) if h.kind == "sex")
    found = value_segment(text, hit, [hit])
    assert found is not None and found[0].text == "F"
