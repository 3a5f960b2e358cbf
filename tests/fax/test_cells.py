"""Ruled cells of boxed forms: found by morphology, a scanner streak is no wall; roles need an anchor."""

from __future__ import annotations

import math

import numpy as np
from PIL import Image, ImageDraw

from parsers.fax.cells import Cell, blank_cells, find_cells
from parsers.fax.labels import PROVIDER, hits_in
from parsers.fax.model import Segment, Word
from parsers.fax.roles import with_roles
from tests.fixtures.fax.layouts import Page

DPI = 204


def _page() -> np.ndarray:
    return np.full((int(11 * DPI), int(8.5 * DPI)), 255, np.uint8)


def _box(bits: np.ndarray, x0: float, y0: float, x1: float, y1: float) -> None:
    a, b, c, d = (int(v * DPI) for v in (x0, y0, x1, y1))
    bits[b : b + 3, a:c] = 0
    bits[d - 3 : d, a:c] = 0
    bits[b:d, a : a + 3] = 0
    bits[b:d, c - 3 : c] = 0


def test_a_grid_of_boxes_gives_one_cell_each() -> None:
    bits = _page()
    for column in range(3):
        _box(bits, 1 + 2 * column, 1, 3 + 2 * column, 1.6)
    cells = find_cells(bits, DPI)
    assert len(cells) == 3
    assert [c.box[0] < c.box[2] for c in cells] == [True] * 3
    assert cells[0].box[0] < cells[1].box[0] < cells[2].box[0]


def test_cells_are_placed_on_the_page_and_a_blank_page_has_none() -> None:
    assert find_cells(_page(), DPI) == []
    bits = _page()
    _box(bits, 1, 1, 3, 1.6)
    _box(bits, 5, 6, 7, 7)
    boxes = [c.box for c in find_cells(bits, DPI)]
    assert len(boxes) == 2
    for box, (x0, y0, x1, y1) in zip(boxes, [(1, 1, 3, 1.6), (5, 6, 7, 7)], strict=True):
        assert abs(box[0] - x0 * DPI) < 6 and abs(box[1] - y0 * DPI) < 6
        assert abs(box[2] - x1 * DPI) < 6 and abs(box[3] - y1 * DPI) < 6


def test_a_box_cut_by_the_page_edge_is_no_cell() -> None:
    bits = _page()
    _box(bits, 1, 1, 3, 1.6)
    bits[:, : int(2 * DPI)] = 255  # the page cut through the box: its left wall is gone
    bits[int(1 * DPI) : int(1.6 * DPI), 0:3] = 0  # a rule at the very edge closes nothing
    assert find_cells(bits, DPI) == []


def test_a_streak_through_a_box_does_not_split_it() -> None:
    bits = _page()
    _box(bits, 1, 1, 5, 1.6)
    x = int(3 * DPI)
    bits[int(0.5 * DPI) : int(3 * DPI), x : x + 2] = 0  # crosses the box and ends in open page
    assert len(find_cells(bits, DPI)) == 1


def _text(bits: np.ndarray, x0: float, y0: float, value: str) -> None:
    """`value` printed at 11 pt where the cell's value stands."""
    image = Image.fromarray(bits)
    ImageDraw.Draw(image).text((int(x0 * DPI), int(y0 * DPI)), value, fill=0, font=Page().font(11))
    bits[:] = np.asarray(image)


def _table(bits: np.ndarray, caption_end: float | None) -> None:
    """Four rows of one box each, a caption and a value in each (a wall at 2 in when `caption_end`)."""
    for row in range(4):
        _box(bits, 1, 1 + 0.4 * row, 6, 1.4 + 0.4 * row)
        if caption_end is not None:
            _text(bits, 1.1, 1.1 + 0.4 * row, "Member ID")
        _text(bits, 2.15 if caption_end is not None else 1.6, 1.1 + 0.4 * row, "Rodriguez, Linda 555-7294")


def _slanting_streak(bits: np.ndarray, x: int, top: int, bottom: int, degrees: float) -> None:
    """A 2-pixel streak the scanner drew straight down a page sent `degrees` askew, as it stands once
    the page is straightened: leaning by that angle."""
    lean = math.tan(math.radians(degrees))
    for y in range(top, bottom):
        left = x + round((y - top) * lean)
        bits[y, left : left + 2] = 0


def test_a_streak_slanting_as_the_page_was_turned_is_no_wall_even_ending_on_rules() -> None:
    """A streak that happens to start at one table rule and stop at another cuts the value of every
    row it crosses; it leans by the angle the page was turned, as no wall of the page does: the rows'
    cells stay whole."""
    bits = _page()
    _table(bits, None)
    x = int(2.3 * DPI)  # through the value of every row
    _slanting_streak(bits, x, int(1 * DPI), int(2.6 * DPI), 0.75)  # from the top rule to the bottom one
    assert len(find_cells(bits, DPI)) == 8  # (unknown angle: taken for a wall, as before)
    cells = find_cells(bits, DPI, angle=0.75)
    assert len(cells) == 4
    assert all(c.box[0] < x < c.box[2] for c in cells)


def test_upright_walls_of_a_straightened_page_are_kept() -> None:
    bits = _page()
    _table(bits, caption_end=2.0)
    x = int(2 * DPI)
    bits[int(1 * DPI) : int(2.6 * DPI), x : x + 3] = 0
    assert len(find_cells(bits, DPI, angle=0.75)) == 8
    assert len(find_cells(bits, DPI, angle=-2.5)) == 8


def test_broken_rules_still_close_a_cell() -> None:
    bits = _page()
    _box(bits, 1, 1, 5, 1.6)
    bits[int(1 * DPI) : int(1 * DPI) + 3, int(2 * DPI) : int(2 * DPI) + 4] = 255  # a fax dropout in the top rule
    assert len(find_cells(bits, DPI)) == 1


def test_a_checkbox_is_not_a_cell() -> None:
    bits = _page()
    _box(bits, 1, 1, 1.16, 1.16)
    assert find_cells(bits, DPI) == []


def test_blank_cells_whitens_only_the_cells() -> None:
    bits = _page()
    bits[100:110, 100:110] = 0
    bits[500:510, 500:510] = 0
    out = blank_cells(bits, [Cell(0, (90, 90, 120, 120))])
    assert out[100:110, 100:110].min() == 255 and out[500:510, 500:510].max() == 0


def _segment(text: str, top: int, left: int = 100, index: int = 0) -> Segment:
    words = []
    for word in text.split():
        words.append(Word(word, 95.0, left, top, 20 * len(word), 30))
        left += 20 * len(word) + 15
    return Segment(1, index, tuple(words))


def test_an_npi_no_name_heads_has_no_role_and_a_credentialed_name_anchors_one() -> None:
    lone = _segment("NPI 1234567893", 400, index=1)
    hits = with_roles(hits_in(lone), 1728)
    assert [h.role for h in hits] == [None]
    doctor = _segment("Jane Doe, MD", 300, index=0)
    hits = with_roles(hits_in(lone), 1728, [doctor])
    assert [h.role for h in hits] == [PROVIDER]
