"""What counts as a hand's ink on a signature line: a scribble, never what is left of a printed rule
(a skewed standard-resolution fax leaves a dashed rule after line removal) and never printed words
above or below the line (a caption read taller than it is stretches the place looked at onto them)."""

from __future__ import annotations

from PIL import Image, ImageDraw, ImageFont

from parsers.fax.extract import PageText
from parsers.fax.ink import has_ink
from parsers.fax.layout import page_segments
from parsers.fax.model import Page, Word
from parsers.fax.signature import find_signature

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def _scribble(draw: ImageDraw.ImageDraw, x: int, y: int) -> None:
    draw.line([(x + 12 * i, y + (18 if i % 2 else -18)) for i in range(30)], fill=0, width=4)


def test_the_dashes_left_of_a_rule_are_no_ink() -> None:
    """A rule the line remover left in pieces (dashes 2-4 px tall with specks on them) spans the whole
    line, but no hand drew it: not a signature; a scribble across the same rule is one."""
    image = Image.new("L", (1200, 120), 255)
    draw = ImageDraw.Draw(image)
    for x in range(40, 1100, 70):
        draw.rectangle((x, 80, x + 52, 82 + (x // 70) % 3), fill=0)
        draw.point((x + 30, 79), fill=0)
    assert not has_ink(image, (0, 0, 1200, 120), 204)
    _scribble(draw, 200, 60)
    assert has_ink(image, (0, 0, 1200, 120), 204)


def _captioned(words: list[Word], image: Image.Image) -> PageText:
    page = Page(number=1, width=image.width, height=image.height, words=words)
    lines, segments = page_segments(page)
    return PageText(page, lines, segments)


def test_printed_words_over_the_line_are_no_signature() -> None:
    """'Requesting Provider Signature' read with one word as tall as two lines ('rows', 73 px): the place
    looked at right of the caption reaches the printed sentence above; its letters are no signature."""
    image = Image.new("L", (1700, 600), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 30)
    draw.text((560, 300), "request are attached and on file", font=font, fill=0)
    words = [
        Word("request", 93.0, 560, 306, 110, 26),
        Word("are", 95.0, 680, 312, 48, 20),
        Word("attached", 94.0, 740, 304, 130, 28),
        Word("and", 95.0, 880, 304, 56, 28),
        Word("on", 95.0, 946, 312, 36, 20),
        Word("file", 93.0, 992, 304, 50, 28),
        Word("Requesting", 91.0, 100, 380, 150, 28),
        Word("rows", 40.0, 262, 356, 70, 73),
        Word("Signature", 90.0, 345, 380, 140, 28),
    ]
    read = find_signature(_captioned(words, image), image, 204)
    assert read is not None and read.present is not True
    _scribble(ImageDraw.Draw(image), 600, 400)
    read = find_signature(_captioned(words, image), image, 204)
    assert read is not None and read.present is True


def test_a_place_reaching_past_the_page_edge_holds_no_ink_there() -> None:
    """A caption near the page's foot: the place under it runs past the page, where there is nothing."""
    image = Image.new("L", (1200, 120), 255)
    assert not has_ink(image, (0, 60, 1200, 400), 204)
    assert not has_ink(image, (1300, 0, 1500, 100), 204)


def test_a_typed_date_by_a_date_signed_caption_is_no_signature() -> None:
    """'DATE SIGNED' read as the signature's caption (the signature box's own caption lost): the date
    typed under it is printed, read surely, digits and all: no ink of a hand's."""
    image = Image.new("L", (1700, 600), 255)
    draw = ImageDraw.Draw(image)
    draw.text((1161, 330), "11/19/2026", font=ImageFont.truetype(FONT, 30), fill=0)
    words = [
        Word("29", 80.0, 1147, 294, 20, 19),
        Word("DATE", 93.0, 1172, 294, 40, 19),
        Word("SIGNED", 92.0, 1218, 294, 46, 19),
        Word("11/19/2026", 93.0, 1161, 332, 160, 26),
    ]
    read = find_signature(_captioned(words, image), image, 204)
    assert read is not None and read.present is None  # the signature's own line was not found: unknown
