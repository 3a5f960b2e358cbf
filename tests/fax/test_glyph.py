"""The first glyph's shape (glyph.py): only a plain bar standing on the line like the next glyph is an I."""

from __future__ import annotations

from PIL import Image, ImageDraw

from parsers.fax import glyph

BOX = (20, 10, 90, 60)  # the word's box on the test page
TOP, BOTTOM = 20, 50  # the line the glyphs stand on


def _page(first: list[tuple[int, int, int, int]]) -> Image.Image:
    """A word: `first` glyph's rectangles, then a digit-sized block ('5') right of it."""
    page = Image.new("L", (120, 80), 255)
    draw = ImageDraw.Draw(page)
    for rect in first:
        draw.rectangle(rect, fill=0)
    draw.rectangle((45, TOP, 60, BOTTOM), fill=0)
    return page


BAR = [(30, TOP, 33, BOTTOM)]
L_SHAPE = [(30, TOP, 33, BOTTOM), (30, BOTTOM - 3, 40, BOTTOM)]
ONE_WITH_BASE = [(30, TOP, 33, BOTTOM), (26, BOTTOM - 3, 38, BOTTOM)]
DROPPING_BAR = [(30, TOP, 33, BOTTOM + 9)]  # a J that lost its hook still drops below the line
SPECK = [(30, BOTTOM - 4, 33, BOTTOM)]


def test_a_plain_bar_on_the_line_is_a_bar_in_every_image() -> None:
    assert glyph.first_is_bar([_page(BAR), _page(BAR)], BOX)


def test_a_foot_a_base_a_drop_below_the_line_or_a_speck_is_no_bar() -> None:
    for shape in (L_SHAPE, ONE_WITH_BASE, DROPPING_BAR, SPECK):
        assert not glyph.first_is_bar([_page(shape)], BOX)


def test_every_image_must_show_the_bar() -> None:
    assert not glyph.first_is_bar([_page(BAR), _page(L_SHAPE)], BOX)
    assert not glyph.first_is_bar([], BOX)


def test_a_small_speck_beside_the_bar_is_ignored_but_a_detached_piece_is_not() -> None:
    assert glyph.first_is_bar([_page([*BAR, (31, BOTTOM + 3, 31, BOTTOM + 3)])], BOX)
    assert not glyph.first_is_bar([_page([*BAR, (29, BOTTOM + 3, 34, BOTTOM + 6)])], BOX)


J_SHAPE = [(30, TOP, 33, BOTTOM + 9), (25, BOTTOM + 6, 33, BOTTOM + 9)]  # a stem dropping below, foot bent left


def test_a_stem_dropping_below_the_line_with_its_foot_bent_left_is_a_j() -> None:
    assert glyph.first_is_hook([_page(J_SHAPE), _page(J_SHAPE)], BOX)


def test_a_bar_a_foot_a_base_a_hookless_drop_or_a_speck_is_no_j() -> None:
    for shape in (BAR, L_SHAPE, ONE_WITH_BASE, DROPPING_BAR, SPECK):
        assert not glyph.first_is_hook([_page(shape)], BOX)
    assert not glyph.first_is_hook([_page(J_SHAPE), _page(BAR)], BOX)
    assert not glyph.first_is_hook([], BOX)
