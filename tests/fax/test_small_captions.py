"""Small captions stacked over their values, read again enlarged (small_captions.py)."""

from __future__ import annotations

from PIL import Image

from parsers.fax.model import Page, Word
from parsers.fax.small_captions import with_captions
from tests.fax.test_lost_qualifier import _hocr


class Engine:
    """hOCR of one canned line per call, in turn (the last one repeated), and how often it was asked."""

    name = "canned"

    def __init__(self, *reads: tuple[tuple[str, float], ...]) -> None:
        self.reads, self.calls = reads, 0

    def data(self, image: Image.Image, config: str) -> dict[str, list[object]]:
        raise AssertionError("captions are read as hOCR")

    def hocr(self, image: Image.Image, config: str) -> str:
        self.calls += 1
        return _hocr(*self.reads[min(self.calls, len(self.reads)) - 1])


def _page(caption: list[str], caption_height: int = 15, conf: float = 40.0) -> Page:
    """A small caption at (115, 390) over '11-8-1946' in larger print, 'Riverview Clinic' far right."""
    words, left = [], 115
    for text in caption:
        words.append(Word(text, conf, left, 390, 12 * len(text), caption_height, (1, 1, 1)))
        left += 12 * len(text) + 8
    words.append(Word("11-8-1946", 90.0, 126, 418, 125, 22, (1, 1, 2)))
    words.append(Word("Riverview", 96.0, 900, 100, 130, 24, (2, 1, 1)))
    return Page(number=1, width=1728, height=2244, words=words)


IMAGE = Image.new("L", (1728, 2244), 255)
DOB = (("Date", 96.0), ("of", 96.0), ("birth", 96.0))


def _texts(words: list[Word]) -> list[str]:
    return [w.text for w in sorted(words, key=lambda w: (w.top, w.left))]


def test_a_garbled_small_caption_over_its_value_is_read_again_enlarged() -> None:
    found = with_captions(_page(["bate", "of", "bith"]), IMAGE, Engine(DOB))
    assert _texts(found) == ["Riverview", "Date", "of", "birth", "11-8-1946"]
    date = next(w for w in found if w.text == "Date")
    assert 100 <= date.left <= 130 and 380 <= date.top <= 400 and date.line_key != (1, 1, 1)


def test_a_read_naming_no_field_or_two_reads_naming_different_fields_change_nothing() -> None:
    page = _page(["bate", "of", "bith"])
    for engine in (Engine((("Rate", 90.0), ("ofb", 40.0))), Engine(DOB, (("Sex", 96.0),))):
        assert _texts(with_captions(page, IMAGE, engine)) == _texts(page.words)


def test_a_caption_in_print_as_large_as_the_value_under_it_or_naming_a_field_is_not_read_again() -> None:
    for page in (_page(["bate", "of", "bith"], caption_height=22, conf=60.0), _page(["Date", "of", "birth"])):
        engine = Engine(DOB)
        assert _texts(with_captions(page, IMAGE, engine)) == _texts(page.words) and engine.calls == 0


def test_a_garbled_caption_whose_box_a_rule_made_as_tall_as_its_value_is_read_again() -> None:
    """A standard-resolution fax's doubled rows stick a cell's rule to the small print over a value: the
    caption's box is as tall as the value's, but read this unsurely over a sure value it is a caption."""
    engine = Engine(DOB)
    found = with_captions(_page(["Dae", "of", "uth"], caption_height=22, conf=30.0), IMAGE, engine)
    assert _texts(found) == ["Riverview", "Date", "of", "birth", "11-8-1946"] and engine.calls == 1  # read once


def test_a_caption_the_grey_page_reads_as_nothing_is_read_from_the_cleaned_page() -> None:
    engine = Engine((), (), DOB)  # the grey page's two reads empty (its rules around the print), then the clean's one
    found = with_captions(_page(["bate", "of", "bith"]), IMAGE, engine, clean=IMAGE)
    assert _texts(found) == ["Riverview", "Date", "of", "birth", "11-8-1946"] and engine.calls == 3


def test_a_rule_read_as_a_quote_mark_or_bar_by_the_caption_is_no_part_of_it() -> None:
    engine = Engine((("\u2018Date", 60.0), ("of", 90.0), ("birth|", 80.0), ("|", 30.0)))
    found = with_captions(_page(["bate", "of", "bith"]), IMAGE, engine)
    assert _texts(found) == ["Riverview", "Date", "of", "birth", "11-8-1946"]


def test_a_first_read_naming_no_field_is_not_read_again_at_the_larger_scale() -> None:
    """The 2x read comes first; a read of words naming no field settles the caption (only a read naming a
    field, or one of nothing, is read at 3x too: to check no other field is named, or to find any print)."""
    engine = Engine((("Rate", 90.0), ("ofb", 40.0)), DOB)
    page = _page(["bate", "of", "bith"])
    assert _texts(with_captions(page, IMAGE, engine)) == _texts(page.words) and engine.calls == 1


def test_a_first_read_naming_a_field_is_checked_by_the_larger_scale() -> None:
    engine = Engine(DOB, DOB)
    found = with_captions(_page(["bate", "of", "bith"]), IMAGE, engine)
    assert _texts(found) == ["Riverview", "Date", "of", "birth", "11-8-1946"] and engine.calls == 2
