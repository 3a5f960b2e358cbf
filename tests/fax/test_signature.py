"""An EHR's electronic signature statement is the order's signature; a pended order's note is none."""

from __future__ import annotations

import datetime as dt

import pytest
from PIL import Image, ImageDraw, ImageFont

from parsers.fax.signature import find_signature
from tests.fax.test_reading_units import _page


@pytest.mark.parametrize(
    "line",
    [
        "Electronically signed by Priya Patel, MD on 11/20/2026 08:51",
        "Electronicatty signed by Priya Patel, MD on 11/20/2026 08:51",  # as OCR read it on a fax
        "Digitally signed by Patel, Priya on 11/20/2026",
        "Signed electronically by Priya Patel MD on 11/20/2026",
    ],
)
def test_an_electronic_signature_statement_is_a_signature_with_its_date(line: str) -> None:
    read = find_signature(_page(["Dx: J44.9 - COPD", line]), None, 204)
    assert read is not None and read.present is True and read.method == "statement"
    assert read.date == dt.date(2026, 11, 20) and read.date_raw == "11/20/2026"


@pytest.mark.parametrize(
    "line",
    [
        "Order pended, not signed.",
        "Electronically signed",  # no signer, no date
        "To be electronically signed by Priya Patel, MD on 11/20/2026",
        "Electronically signed by on 11/20/2026",  # no signer's name
        "Electronically signed by Priya Patel, MD",  # no date
    ],
)
def test_no_statement_without_a_signer_and_a_date_or_with_a_negation(line: str) -> None:
    image = Image.new("L", (1734, 400), 255)
    ImageDraw.Draw(image).text((10, 138), line, fill=0, font=ImageFont.load_default(size=20))  # typed: no ink
    read = find_signature(_page(["Dx: J44.9 - COPD", line]), image, 204)
    assert read is None or (read.present is not True and read.date is None)


@pytest.mark.parametrize("caption", ["Requesting Provider Signzture", "Physician Signatnre:"])
def test_a_signature_caption_one_letter_off_is_the_signature_line(caption: str) -> None:
    read = find_signature(_page(["Dx: J44.9 - COPD", caption]), None, 204)
    assert read is not None and read.bbox[0] > 12 * len(caption) and read.method == "ink"
    assert find_signature(_page(["Dx: J44.9 - COPD", "Sign here"]), None, 204) is None


def test_a_line_saying_the_order_is_not_signed_is_no_signature_line() -> None:
    """Typed words after 'signed' there are no ink: the order says it is unsigned (False)."""
    image = Image.new("L", (1734, 400), 255)
    lines = ["Dx: J44.9 - COPD", "Order pended, not signed. Review due by 11/21/2026", "UNSIGNED ORDER copy"]
    for index, line in enumerate(lines):
        ImageDraw.Draw(image).text((10, 100 + 40 * index), line, fill=0)
    for line in lines[1:]:
        read = find_signature(_page([lines[0], line]), image, 204)
        assert read is not None and read.present is False
