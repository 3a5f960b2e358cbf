"""A serif face's I (short serifs alike on both sides at top and foot) is a bar; its L and 1 are not."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from parsers.fax import glyph

SERIF = Path("/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf")
BOX = (20, 10, 140, 60)


def _typed(text: str, size: int) -> Image.Image:
    image = Image.new("L", (200, 80), 255)
    ImageDraw.Draw(image).text((24, 18), text, font=ImageFont.truetype(str(SERIF), size), fill=0)
    return image


@pytest.mark.skipif(not SERIF.is_file(), reason="Liberation Serif is not installed")
@pytest.mark.parametrize("size", [28, 32, 40])
def test_a_serif_i_before_digits_is_a_bar_and_an_l_or_a_one_is_not(size: int) -> None:
    assert glyph.first_is_bar([_typed("I50.9", size)], BOX)
    assert not glyph.first_is_bar([_typed("L50.9", size)], BOX)
    assert not glyph.first_is_bar([_typed("150.9", size)], BOX)


def _glyph(top: str, bottom: str) -> np.ndarray:
    """A stem two columns wide (columns 4-5 of 14), with the given top and bottom rows."""
    stem = "....##........"
    return np.array([[ch == "#" for ch in row] for row in [top, *[stem] * 12, bottom]], dtype=bool)


def test_serifs_alike_on_both_sides_make_an_i_and_a_flag_or_a_long_foot_does_not() -> None:
    assert glyph._serif_bar(_glyph("..######......", "..######......"))
    assert not glyph._serif_bar(_glyph("..####........", "..######......"))  # a 1's flag, left only
    assert not glyph._serif_bar(_glyph("..######......", "..############"))  # an L's foot, far right
