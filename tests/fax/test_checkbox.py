"""Checkboxes: an urgency word in the caption of an option left unticked says nothing."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from parsers.context import ParseContext
from parsers.fax.assemble import URGENT_WORDS, is_urgent
from parsers.fax.checkbox import said
from parsers.fax.extract import PageText
from parsers.fax.layout import page_segments
from parsers.fax.model import Page, Word
from parsers.fax.reading import FaxRead

RECEIVED = dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.UTC)


def _line(tokens: list[tuple[int, str]], top: int) -> list[Word]:
    """Words at the given left edges, 12 px a character, 25 px high."""
    return [Word(text, 95.0, left, top, 12 * len(text), 25) for left, text in tokens]


def _box(draw: ImageDraw.ImageDraw, left: int, top: int, ticked: bool) -> None:
    draw.rectangle([left, top, left + 33, top + 33], outline=0, width=3)
    if ticked:
        draw.line([(left + 5, top + 5), (left + 28, top + 28)], fill=0, width=4)
        draw.line([(left + 5, top + 28), (left + 28, top + 5)], fill=0, width=4)


def _request_type(urgent_ticked: bool, extra: list[Word] | None = None) -> tuple[PageText, Image.Image]:
    """'Request type: [x] Standard   [ ] Expedited / Urgent' (or the other box ticked); the image
    holds only the boxes (the words are given as OCR would)."""
    words = _line(
        [(20, "Request"), (114, "type:"), (245, "Standard"), (465, "Expedited"), (583, "/"), (605, "Urgent")], 80
    )
    page = Page(number=1, width=1734, height=2244, words=words + (extra or []))
    image = Image.new("L", (page.width, page.height), 255)
    draw = ImageDraw.Draw(image)
    _box(draw, 200, 76, not urgent_ticked)
    _box(draw, 420, 76, urgent_ticked)
    lines, segments = page_segments(page)
    page.image = image
    return PageText(page, lines, segments), image


def test_an_urgency_word_counts_only_when_its_option_is_ticked() -> None:
    text, image = _request_type(urgent_ticked=False)
    assert not said(text, URGENT_WORDS, image, 204)
    text, image = _request_type(urgent_ticked=True)
    assert said(text, URGENT_WORDS, image, 204)


@pytest.mark.parametrize("glyph", ["oO", "CI", "Cl", "Ct}"])
def test_a_box_read_as_letters_is_no_part_of_its_options_caption(glyph: str) -> None:
    """'Priority [x] Routine [ ] Urgent' where OCR read the empty box as 'oO' (or its right side as a
    bar: 'CI', or as a brace with a stroke between: 'Ct}'): the caption is 'Urgent' alone, its box
    empty, so the order does not say it is urgent."""
    words = _line([(20, "Priority"), (160, "Routine"), (400, "Urgent")], 80)
    words.insert(2, Word(glyph, 30.0, 355, 72, 36, 40))
    page = Page(number=1, width=1734, height=2244, words=words)
    image = Image.new("L", (page.width, page.height), 255)
    draw = ImageDraw.Draw(image)
    _box(draw, 115, 76, True)
    _box(draw, 355, 76, False)
    lines, segments = page_segments(page)
    assert not said(PageText(page, lines, segments), URGENT_WORDS, image, 204)


def test_an_urgency_word_outside_any_option_counts() -> None:
    prose = _line([(20, "Please"), (104, "deliver"), (200, "STAT"), (260, "today.")], 300)
    text, image = _request_type(urgent_ticked=False, extra=prose)
    assert said(text, URGENT_WORDS, image, 204)
    assert said(text, re.compile(r"\burgent\b", re.I), None, 204)  # no image to judge a box by: it counts


def test_an_order_whose_standard_box_is_ticked_is_not_urgent() -> None:
    text, _ = _request_type(urgent_ticked=False)
    ctx = ParseContext(path=Path("order.png"), sha256="0" * 64, filename="order.png", received_at=RECEIVED)
    state = FaxRead(ctx=ctx, engine=None, kind="png", pages=[text.page], texts=[text])  # type: ignore[arg-type]
    assert not is_urgent(state, RECEIVED, [])
    text, _ = _request_type(urgent_ticked=True)
    state = FaxRead(ctx=ctx, engine=None, kind="png", pages=[text.page], texts=[text])  # type: ignore[arg-type]
    assert is_urgent(state, RECEIVED, [])


def test_a_service_caption_gives_the_service_type_in_words() -> None:
    from parsers.fax.checkbox import captioned_service_type
    from tests.fax.test_grid import _page as _placed_page

    found = captioned_service_type(_placed_page([("SERVICE", 145, 1486, None), ("DME", 551, 1484, None)]))
    assert found is not None and found.value == "dme"
    found = captioned_service_type(_placed_page([("Type of Service: Home Health", 145, 300, None)]))
    assert found is not None and found.value == "home_health"
    assert (
        captioned_service_type(_placed_page([("SERVICE", 145, 300, None), ("DME or home health", 551, 300, None)]))
        is None
    )


def test_an_unticked_options_caption_is_no_title() -> None:
    """'Order type [ ] Home health [x] DME [ ] Home infusion' high on the page, the first two options
    garbled ('Home heath', 'OME'): 'Home infusion' with its empty box names no service type."""
    from parsers.fax.checkbox import titled_service_type

    tokens = [
        (20, "Order"),
        (100, "type"),
        (245, "Home"),
        (310, "heath"),
        (465, "OME"),
        (645, "Home"),
        (710, "infusion"),
    ]
    page = Page(number=1, width=1734, height=2244, words=_line(tokens, 80))
    image = Image.new("L", (page.width, page.height), 255)
    draw = ImageDraw.Draw(image)
    for left, ticked in ((200, False), (420, True), (600, False)):
        _box(draw, left, 76, ticked)
    lines, segments = page_segments(page)
    assert titled_service_type(PageText(page, lines, segments), image, 204) is None


def test_an_urgency_word_after_a_captions_colon_is_a_value_not_an_option() -> None:
    """An EHR printout's 'Priority    : URGENT - SOC within 24 hrs': the colon's dots and a speck of
    the line above, left of the word, span a box's size but are the caption's colon, not an empty box."""
    placed = [("Priority", 104, 1221, 117, 24), (":", 304, 1226, 4, 14), ("URGENT", 329, 1220, 90, 20)]
    placed += [("-", 438, 1231, 6, 3), ("SOC", 465, 1221, 42, 19)]
    words = [Word(text, 95.0, left, top, width, height, (1, 1, 1)) for text, left, top, width, height in placed]
    page = Page(number=1, width=1734, height=2244, words=words)
    image = Image.new("L", (page.width, page.height), 255)
    draw = ImageDraw.Draw(image)
    specks = [(304, 1226, 306, 1230), (304, 1235, 307, 1239), (258, 1204, 259, 1205), (269, 1204, 271, 1205)]
    for x0, y0, x1, y1 in specks:
        draw.rectangle([x0, y0, x1, y1], fill=0)  # the colon's two dots; specks of the line above
    lines, segments = page_segments(page)
    assert said(PageText(page, lines, segments), URGENT_WORDS, image, 204)


@pytest.mark.parametrize("word", ["Urgerit", "Urgcnt", "URGENT", "Urgerrt"])
def test_an_urgency_word_misread_by_a_look_alike_glyph_is_one(word: str) -> None:
    """'Urgerit' ('n' read as 'ri'), 'Urgcnt' ('e' read as 'c'): OCR's look-alike glyphs (ocr_distance.py)."""
    assert URGENT_WORDS.search(f"Review type {word} / expedited (72 hrs)")


@pytest.mark.parametrize(
    "line", ["Urge", "Surgent", "Statement", "Insurgent", "Expedited: the standard time frame could jeopardize"]
)
def test_words_holding_an_urgency_word_s_letters_or_a_definition_of_expedited_are_none(line: str) -> None:
    assert not URGENT_WORDS.search(line)
