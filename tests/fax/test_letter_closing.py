"""A letter signed between its closing and the typed name under it (closing.py)."""

from __future__ import annotations

from PIL import Image, ImageDraw

from parsers.fax.closing import signed_letter
from parsers.fax.model import Word
from parsers.fax.signature import find_signature
from tests.fax.test_signature_ink import _captioned, _scribble

WORDS = [
    Word("Sincerely,", 96.0, 400, 1000, 114, 27),
    Word("Date", 96.0, 990, 1090, 53, 20),
    Word("signed:", 90.0, 1054, 1090, 81, 27),
    Word("11/17/2026", 95.0, 1147, 1090, 129, 21),
    Word("Jane", 78.0, 400, 1150, 51, 20),
    Word("Doe,", 96.0, 459, 1150, 54, 24),
    Word("MD", 96.0, 522, 1150, 46, 20),
]


def _read(image: Image.Image) -> object:
    text = _captioned(list(WORDS), image)
    found = signed_letter(find_signature(text, image, 204), text, image, 204)
    return None if found is None else found.present


def test_ink_between_the_closing_and_the_typed_name_is_the_signature() -> None:
    image = Image.new("L", (1700, 1400), 255)
    assert _read(image) is None  # no ink: unknown, as before
    _scribble(ImageDraw.Draw(image), 420, 1080)
    assert _read(image) is True
