"""'Priority [ ] Routine [x] Unigent': the urgency word garbled past reading, the choice's boxes still
say the order is not routine; an unclear or ticked routine box says nothing of the kind."""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw

from parsers.fax.model import Page, PageText, Segment, Word
from parsers.fax.priority import ROUTINE_WORDS, routine_left_unticked

DPI = 300.0


def _choice(routine_ticked: bool, other_ticked: bool) -> bool:
    image = Image.new("L", (900, 240), 255)
    draw = ImageDraw.Draw(image)
    for left, ticked in ((150, routine_ticked), (450, other_ticked)):
        draw.rectangle((left, 95, left + 40, 135), outline=0, width=3, fill=0 if ticked else 255)
    words = [Word("Priority", 95, 20, 100, 100, 30), Word("Routine", 95, 200, 100, 110, 30)]
    words.append(Word("Unigent", 60, 500, 100, 110, 30))
    page = Page(number=1, width=900, height=240, words=words)
    line = Segment(1, 0, tuple(words))
    return routine_left_unticked(PageText(page, [line], [line]), image, DPI)


def test_an_empty_routine_box_and_a_ticked_box_after_it_say_the_order_is_not_routine() -> None:
    assert _choice(routine_ticked=False, other_ticked=True)


def test_a_ticked_routine_box_or_no_ticked_box_after_it_says_nothing() -> None:
    assert not _choice(routine_ticked=True, other_ticked=False)
    assert not _choice(routine_ticked=False, other_ticked=False)


@pytest.mark.parametrize("word", ["Routine", "Routme", "Routlne", "Rout1ne", "ROUTINE,"])
def test_routine_as_ocr_garbles_its_in_is_a_routine_option(word: str) -> None:
    assert ROUTINE_WORDS.match(word)


@pytest.mark.parametrize("word", ["Route", "Routing", "Rounded"])
def test_other_words_are_no_routine_option(word: str) -> None:
    assert not ROUTINE_WORDS.match(word)
