"""Page clean-up: specks go, full stops and letters stay; the skew search finds the page's turn."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from parsers.fax.preprocess import (
    component_boxes,
    components,
    despeckled,
    reverse_print_undone,
    rotate,
    skew_angle,
    without_lines,
)


def test_specks_go_and_full_stops_and_strokes_stay() -> None:
    bits = np.full((200, 300), 255, np.uint8)
    bits[10:12, 10:12] = 0  # a speck (4 px)
    bits[50:52, 200:203] = 0  # a speck (6 px)
    bits[100:104, 100:104] = 0  # a full stop (16 px)
    bits[150:153, 20:120] = 0  # a stroke
    out = despeckled(bits)
    assert (out[10:12, 10:12] == 255).all() and (out[50:52, 200:203] == 255).all()
    assert (out[100:104, 100:104] == 0).all() and (out[150:153, 20:120] == 0).all()
    assert int((out == 0).sum()) == 16 + 300


def test_despeckling_a_blank_page_leaves_it_blank() -> None:
    assert (despeckled(np.full((40, 40), 255, np.uint8)) == 255).all()


def _lines_of_text(turn: float) -> np.ndarray:
    page = np.full((1100, 850), 255, np.uint8)
    for row in range(100, 1000, 40):
        for col in range(80, 760, 60):
            cv2.putText(page, "Text", (col, row), cv2.FONT_HERSHEY_SIMPLEX, 0.7, 0, 2)
    return rotate(page, turn)


@pytest.mark.parametrize("turn", [-2.75, -1.0, 0.0, 0.5, 2.25, 3.5])
def test_skew_angle_undoes_the_turn(turn: float) -> None:
    assert skew_angle(_lines_of_text(turn)) == pytest.approx(-turn, abs=0.26)


def test_a_binarised_page_goes_to_ocr_as_1_bit_with_every_pixel_kept() -> None:
    from PIL import Image

    from parsers.fax.ocr import one_bit

    page = np.full((50, 80), 255, np.uint8)
    page[10:20, 5:60] = 0
    page[30, ::3] = 0
    out = one_bit(Image.fromarray(page))
    assert out.mode == "1" and np.array_equal(np.asarray(out.convert("L")), page)


def test_a_standard_resolution_page_is_stretched_with_lanczos_and_a_fine_one_with_bicubic() -> None:
    from PIL import Image

    from parsers.fax.pages import Dpi, square_pixels

    frame = Image.fromarray(((np.indices((98, 204)).sum(axis=0) % 7 == 0) * 255).astype(np.uint8))
    standard = square_pixels(frame, Dpi(204, 98), 204)
    assert standard.size == (204, 204)
    assert np.array_equal(np.asarray(standard), np.asarray(frame.resize((204, 204), Image.Resampling.LANCZOS)))
    fine = square_pixels(frame, Dpi(204, 196), 204)
    assert np.array_equal(np.asarray(fine), np.asarray(frame.resize((204, 102), Image.Resampling.BICUBIC)))


def test_a_slanting_stroke_cut_by_a_streak_is_put_back_where_it_crossed() -> None:
    page = np.full((200, 200), 255, np.uint8)
    page[:, 100:102] = 0  # a fax streak from top to bottom
    for i in range(-12, 13):  # a stroke at 45 degrees (the diagonal of a '4') crossing it
        page[100 + i, 100 + i : 102 + i] = 0
    cleaned = without_lines(page)
    assert (cleaned[:60, 100:102] == 255).all()  # the streak is gone above the stroke ...
    assert (cleaned[100, 100:102] == 0).all()  # ... but not where the stroke crossed it


def _page_with_bar(letters: bool) -> np.ndarray:
    page = np.full((400, 1600), 255, np.uint8)
    page[100:153, 100:1500] = 0  # a black section bar, 0.26 in tall at 204 dpi
    if letters:
        cv2.putText(page, "SECTION 1 - MEMBER INFORMATION", (120, 140), cv2.FONT_HERSHEY_SIMPLEX, 1.0, 255, 2)
    else:  # a smudge: white specks, no letters
        page[110:112, 300:302] = page[130:132, 700:702] = 255
    cv2.putText(page, "Member Name", (120, 250), cv2.FONT_HERSHEY_SIMPLEX, 1.0, 0, 4)  # bold black print
    return page


def test_a_reverse_printed_bar_becomes_black_letters_on_white() -> None:
    page = _page_with_bar(letters=True)
    out = reverse_print_undone(page, 204)
    assert (out[95:158, 100:1500] < 128).mean() < 0.2  # the bar is gone ...
    letters = (page[100:153, 100:1500] > 128) & (out[100:153, 100:1500] < 128)
    assert letters.sum() > 0.8 * (page[103:150, 103:1497] > 128).sum()  # ... and its letters are black
    assert (out[200:300] == page[200:300]).all()  # the black print under it is untouched


def test_a_smudge_and_black_print_stay_as_they_are() -> None:
    page = _page_with_bar(letters=False)
    assert (reverse_print_undone(page, 204) == page).all()


def _same_as_components(mask: np.ndarray) -> bool:
    count, labels, stats = components(mask)
    fast_count, fast_labels, boxes = component_boxes(mask)
    return count == fast_count and (labels == fast_labels).all() and (stats[1:, :4] == boxes[1:, :4]).all()


def test_component_boxes_are_the_components_boxes_also_where_they_touch_the_edge() -> None:
    ring = np.zeros((5, 6), np.uint8)
    ring[0, :], ring[:, 0], ring[4, 3:], ring[3:, 5] = 255, 255, 255, 255  # joined along the edge only
    ring[2, 2] = 255  # an island inside
    holed = np.full((9, 9), 255, np.uint8)
    holed[3:6, 3:6] = 0
    holed[4, 4] = 255  # a component inside another's hole
    for mask in (ring, holed, np.full((4, 4), 255, np.uint8), np.zeros((3, 3), np.uint8)):
        assert _same_as_components(mask)


@pytest.mark.parametrize("seed", range(40))
def test_component_boxes_match_components_on_random_masks(seed: int) -> None:
    rng = np.random.default_rng(seed)
    shape = (int(rng.integers(1, 60)), int(rng.integers(1, 60)))
    assert _same_as_components(((rng.random(shape) < rng.random()) * 255).astype(np.uint8))
