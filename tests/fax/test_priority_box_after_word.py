"""An empty routine box printed right against the caption word before it ('Set-up priority[ ] Routine
[X] Urgent', as an e-fax's text layer places them): the caption's last letters are no tick in it."""

from __future__ import annotations

from PIL import Image, ImageDraw

from parsers.fax.model import PageText, Segment, Word
from parsers.fax.pages import Page
from parsers.fax.priority import routine_ticked
from tests.fixtures.fax.layouts import Page as Drawn

DPI = 204


def test_letters_touching_an_empty_routine_box_are_no_tick() -> None:
    image = Image.new("L", (900, 120), 255)
    draw = ImageDraw.Draw(image)
    draw.text((10, 40), "Set-up priority", fill=0, font=Drawn().font(12))
    right = int(draw.textbbox((10, 40), "Set-up priority", font=Drawn().font(12))[2])
    draw.rectangle((right - 4, 42, right + 28, 74), outline=0, width=2)  # touching the 'y'
    draw.text((right + 45, 40), "Routine", fill=0, font=Drawn().font(12))
    draw.rectangle((right + 200, 42, right + 232, 74), outline=0, width=2)
    draw.line((right + 204, 46, right + 228, 70), fill=0, width=3)
    draw.line((right + 204, 70, right + 228, 46), fill=0, width=3)
    draw.text((right + 245, 40), "Urgent", fill=0, font=Drawn().font(12))
    words = (
        Word("Set-up", 95.0, 10, 40, 80, 30, line_key=(1, 1, 1)),
        Word("priority", 95.0, 95, 40, right - 95, 30, line_key=(1, 1, 1)),
        Word("Routine", 95.0, right + 45, 40, 95, 30, line_key=(1, 1, 1)),
    )
    segment = Segment(page=1, index=0, words=words)
    text = PageText(page=Page(number=1, width=900, height=120), lines=[segment], segments=[segment])
    assert not routine_ticked(text, image, DPI)
