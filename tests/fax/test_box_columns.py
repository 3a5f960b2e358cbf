"""A box judged by its own ink: a caption's letters printed just left of it ('Sex [ ] Male') are no mark."""

from __future__ import annotations

from PIL import Image, ImageDraw

from parsers.fax.checkbox import box_state
from parsers.fax.model import Word
from tests.fax.test_checkbox import _box

DPI = 200.0


def _caption_then_box(ticked: bool) -> tuple[Image.Image, Word]:
    """A caption's last letter (a thick stroke) 16 px left of a box, the label 12 px right of it."""
    image = Image.new("L", (400, 120), 255)
    draw = ImageDraw.Draw(image)
    draw.rectangle([140, 50, 152, 75], fill=0)  # the caption's 'x'
    _box(draw, 168, 44, ticked)
    return image, Word("Male", 95.0, 214, 48, 60, 25)


def test_an_empty_box_after_a_caption_is_empty() -> None:
    image, label = _caption_then_box(False)
    assert box_state(image, label, DPI) is False


def test_a_ticked_box_after_a_caption_is_ticked() -> None:
    image, label = _caption_then_box(True)
    assert box_state(image, label, DPI) is True


def test_a_mark_too_narrow_for_a_box_is_judged_as_before() -> None:
    image = Image.new("L", (400, 120), 255)
    ImageDraw.Draw(image).rectangle([190, 50, 196, 75], fill=0)
    assert box_state(image, Word("Male", 95.0, 214, 48, 60, 25), DPI) is None


def test_a_box_whose_top_and_foot_a_dropout_broke_is_one_box() -> None:
    image, label = _caption_then_box(False)
    ImageDraw.Draw(image).rectangle([180, 40, 185, 80], fill=255)  # a blank band of columns across the box
    assert box_state(image, label, DPI) is False
