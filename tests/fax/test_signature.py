"""An EHR's electronic signature statement is the order's signature; a pended order's note is none."""

from __future__ import annotations

import datetime as dt

import pytest
from PIL import Image, ImageDraw, ImageFont

from parsers.fax.extract import PageText
from parsers.fax.layout import page_segments
from parsers.fax.model import Page, Segment, Word
from parsers.fax.signature import SECTION_TITLE, find_signature
from tests.fax.test_reading_units import _page, _words


@pytest.mark.parametrize(
    "line",
    [
        "Electronically signed by Priya Patel, MD on 11/20/2026 08:51",
        "Electronicatty signed by Priya Patel, MD on 11/20/2026 08:51",  # as OCR read it on a fax
        "Digitally signed by Patel, Priya on 11/20/2026",
        "Signed electronically by Priya Patel MD on 11/20/2026",
        "Electronically signed by Priya Patel, MD|on 11/20/2026 08:51",  # a streak read as a bar, no space
        "Electranicaily sigmed by Priya Patel, MD on 11/20/2026 08:51",  # two words misread in a glyph or two
        "Electronlcally slgned by Priya Patel, MD on 11/20/2026 08:51",
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
        "Electranicaily sigmed by Priya Patel, MD",  # garbled, no date
        "Electronically assigned by Priya Patel, MD on 11/20/2026",  # another word, not a misread
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


def _caption_over_line(signed: bool) -> tuple[PageText, Image.Image]:
    """'Ordering provider signature' over its line (a column's 'Fax' left of it on the same text line),
    the scribble, if any, under the caption, 'Date: Nov 21, 2026' under the line; the ink image holds
    only the scribble (the rule is removed before ink is looked at)."""
    words = [
        Word("Fax", 96.0, 112, 1366, 28, 16),
        Word("Ordering", 91.0, 661, 1359, 97, 25),
        Word("provider", 96.0, 768, 1359, 93, 25),
        Word("signature", 96.0, 868, 1361, 105, 23),
        Word("Date:", 96.0, 662, 1492, 51, 19),
        Word("Nov", 97.0, 730, 1492, 42, 19),
        Word("21,", 96.0, 781, 1492, 33, 21),
        Word("2026", 97.0, 824, 1492, 55, 20),
    ]
    if signed:
        words.append(Word("NeW", 15.0, 715, 1392, 362, 67))  # tesseract's read of the scribble
    page = Page(number=1, width=1728, height=2200, words=words)
    image = Image.new("L", (page.width, page.height), 255)
    if signed:
        points = [(715 + 30 * i, 1400 + (40 if i % 2 else 0)) for i in range(12)]
        ImageDraw.Draw(image).line(points, fill=0, width=3)
    lines, segments = page_segments(page)
    return PageText(page, lines, segments), image


def test_ink_under_a_caption_printed_over_its_line_is_the_signature() -> None:
    text, image = _caption_over_line(signed=True)
    read = find_signature(text, image, 204)
    assert read is not None and read.present is True
    text, image = _caption_over_line(signed=False)
    read = find_signature(text, image, 204)
    assert read is not None and read.present is False


def test_the_date_under_a_signature_line_under_its_caption_is_the_signature_date() -> None:
    """'Ordering provider signature' over its line and 'Date: Nov 21, 2026' under the line."""
    text, image = _caption_over_line(signed=True)
    read = find_signature(text, image, 204)
    assert read is not None and read.present is True
    assert read.date == dt.date(2026, 11, 21) and read.date_raw == "Nov 21, 2026"


@pytest.mark.parametrize(
    "line", ["Medicare requires a signed order before the claim is sent", "Please return the signed copy to us"]
)
def test_signed_in_a_sentence_is_no_signature_line(line: str) -> None:
    """'a signed order' in the form's instructions: the words after it are print, not a signature."""
    image = Image.new("L", (1734, 400), 255)
    lines = ["Dx: J44.9 - COPD", line, "Physician signature", "Date signed: 11/20/26"]
    draw = ImageDraw.Draw(image)
    for index, text in enumerate(lines):
        draw.text((10, 100 + 40 * index), text, fill=0, font=ImageFont.load_default(size=20))
    read = find_signature(_page(lines), image, 204)
    assert read is not None and (read.bbox[1] + read.bbox[3]) / 2 > 100 + 40 * 2


def test_caption_match_skips_an_article_before_signed() -> None:
    from parsers.fax.signature import caption_match

    assert caption_match("plans require a signed order") is None
    match = caption_match("the signed order; Physician signature")
    assert match is not None and match.group() == "signature"
    assert caption_match("Date signed: 11/20/26") is not None


@pytest.mark.parametrize(
    "heading",
    [
        "SECTION VI - PHYSICIAN ATTESTATION AND SIGNATURE",
        "Part 5: Signature",
        "STEP 4. SIGNATURE",
        "SECTION V1 PHYSICIAN ATTESTATION AND SIGNATURE",  # its numeral's I read as a one on a fax
        "SECTION Il - SIGNATURE",  # II, its second I read as an l
    ],
)
def test_a_section_title_naming_the_signature_is_no_signature_line(heading: str) -> None:
    """A section titled for the signature ('SECTION VI - ... AND SIGNATURE') has no ink after its title:
    the signature line is the caption in the section under it, where the physician signed."""
    lines = ["Dx: J44.9 - COPD", heading, "I certify that the information above is true.", "Physician signature"]
    image = Image.new("L", (1734, 400), 255)
    signature_x = 10 + 12 * len("Physician signature") + 40
    points = [(signature_x + 30 * i, 228 + (14 if i % 2 else 0)) for i in range(10)]
    ImageDraw.Draw(image).line(points, fill=0, width=3)  # the scribble right of the caption
    read = find_signature(_page(lines), image, 204)
    assert read is not None and read.present is True and read.bbox[1] > 180
    unsigned = find_signature(_page(lines), Image.new("L", (1734, 400), 255), 204)
    assert unsigned is not None and unsigned.present is False


def test_the_date_in_a_date_signed_box_beside_the_signature_box_is_the_signature_date() -> None:
    """Numbered boxes: '28 REQUESTING PROVIDER SIGNATURE' atop the signature's box, '29 DATE SIGNED' atop
    the box beside it, the scribble under the one caption and the date typed under the other."""
    words = [
        Word("28", 64.0, 110, 1436, 20, 16),
        Word("REQUESTING", 95.0, 140, 1436, 110, 16),
        Word("PROVIDER", 95.0, 258, 1436, 80, 16),
        Word("SIGNATURE", 96.0, 345, 1436, 90, 16),
        Word("29", 80.0, 1147, 1434, 20, 19),
        Word("DATE", 93.0, 1172, 1434, 40, 19),
        Word("SIGNED", 79.0, 1218, 1434, 46, 19),
        Word("11/19/2026", 90.0, 1161, 1470, 143, 24),
        Word("NAV", 4.0, 199, 1475, 300, 57),  # tesseract's read of the scribble
    ]
    page = Page(number=1, width=1700, height=2200, words=words)
    image = Image.new("L", (page.width, page.height), 255)
    points = [(199 + 30 * i, 1480 + (40 if i % 2 else 0)) for i in range(11)]
    ImageDraw.Draw(image).line(points, fill=0, width=3)
    lines, segments = page_segments(page)
    read = find_signature(PageText(page, lines, segments), image, 200)
    assert read is not None and read.present is True
    assert read.date == dt.date(2026, 11, 19)


def test_the_date_under_a_date_signed_caption_read_as_the_signature_caption_is_the_signature_date() -> None:
    """The signature box's caption lost to OCR ('SifsNATURE'), so 'DATE SIGNED' is the caption read: the
    date typed under it in its own box is the date signed."""
    words = [
        Word("28", 64.0, 110, 1436, 20, 16),
        Word("SifsNATURE", 40.0, 140, 1436, 110, 16),
        Word("29", 80.0, 1147, 1434, 20, 19),
        Word("DATE", 93.0, 1172, 1434, 40, 19),
        Word("SIGNED", 79.0, 1218, 1434, 46, 19),
        Word("11/19/2026", 90.0, 1161, 1470, 143, 24),
    ]
    page = Page(number=1, width=1700, height=2200, words=words)
    image = Image.new("L", (page.width, page.height), 255)
    lines, segments = page_segments(page)
    read = find_signature(PageText(page, lines, segments), image, 200)
    assert read is not None and read.date == dt.date(2026, 11, 19)


def _date_signed_box(*more: Word) -> PageText:
    """'29 DATE SIGNED' atop its box, '11/17/2026' under it, as segments; the page's lines ran 'DATE' into
    the line over it (a word OCR boxed taller), so no line holds the whole caption."""
    caption = (Word("29", 75.0, 1147, 1437, 14, 14), Word("DATE", 70.0, 1170, 1426, 36, 25))
    caption += (Word("SIGNED", 60.0, 1208, 1437, 52, 14),)
    date = (Word("11/17/2026", 80.0, 1157, 1469, 142, 24),)
    segments = [Segment(1, 0, caption), Segment(1, 1, date)] + [Segment(1, 2 + i, (w,)) for i, w in enumerate(more)]
    page = Page(number=1, width=1728, height=2200, words=[*caption, *date, *more])
    return PageText(page, [], segments)


def test_a_signature_with_no_date_takes_the_date_under_the_pages_one_date_signed_caption(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from parsers.fax import signature

    signed = signature.SignatureRead(True, 1, (1147, 1453, 1990, 1505))
    monkeypatch.setattr(signature, "_signature", lambda *args: signed)
    read = find_signature(_date_signed_box(), None, 204)
    assert read is not None and read.date == dt.date(2026, 11, 17) and read.date_raw == "11/17/2026"
    two = _date_signed_box(Word("Date", 90.0, 100, 1900, 40, 14), Word("signed:", 90.0, 150, 1900, 60, 14))
    two.segments[-2:] = [Segment(1, 2, tuple(two.page.words[-2:]))]  # a second 'Date signed' (another signer's)
    read = find_signature(two, None, 204)
    assert read is not None and read.date is None


def _garbled_caption_page(signed: bool) -> tuple[PageText, Image.Image]:
    """Under a section title naming the signature, the signer's caption OCR put one letter off
    ('Physician siguature'), a scribble right of it, and a 'Date signed' caption further right."""
    lines = ["Dx: J44.9 - COPD", "SECTION VI - PHYSICIAN ATTESTATION AND SIGNATURE", "I certify the above is true."]
    words = [w for i, line in enumerate(lines) for w in _words(line, top=100 + 40 * i)]
    top = 100 + 40 * len(lines)
    words += [
        Word("Physician", 95, 10, top, 108, 20, (1, 1, top)),
        Word("siguature", 95, 128, top, 108, 20, (1, 1, top)),
        Word("Date", 95, 700, top, 48, 20, (1, 1, top)),
        Word("signed", 95, 758, top, 72, 20, (1, 1, top)),
    ]
    page = Page(number=1, width=1734, height=2244, words=words)
    all_lines, segments = page_segments(page)
    image = Image.new("L", (1734, 400), 255)
    if signed:
        points = [(300 + 30 * i, top + (14 if i % 2 else 0)) for i in range(10)]
        ImageDraw.Draw(image).line(points, fill=0, width=3)
    return PageText(page, all_lines, segments), image


def test_a_garbled_signature_caption_before_a_date_signed_caption_is_the_signature_line() -> None:
    """'Date signed' matched first would send the search to the section title (no ink: False); the
    garbled signer's caption before it on the line is the signature's."""
    text, image = _garbled_caption_page(signed=True)
    read = find_signature(text, image, 204)
    assert read is not None and read.present is True and read.bbox[0] > 236
    text, image = _garbled_caption_page(signed=False)
    unsigned = find_signature(text, image, 204)  # the signer's line with no ink by it: unsigned
    assert unsigned is not None and unsigned.present is False and unsigned.bbox[0] > 236


@pytest.mark.parametrize("line", ["Section vital signs: signature", "Part time signed", "Section Lead signature"])
def test_a_word_after_section_is_no_numeral_read_with_a_one(line: str) -> None:
    """A numeral's I read as '1' or 'l' ('V1', 'Il') is still a section's number; a word is none."""
    assert SECTION_TITLE.match(line) is None


@pytest.mark.parametrize("lead", ["ate", "Oate", "_ Xwvw ate"])
def test_a_date_signed_caption_that_lost_or_misread_its_d_still_dates_the_signature(
    monkeypatch: pytest.MonkeyPatch, lead: str
) -> None:
    from parsers.fax import signature

    signed = signature.SignatureRead(True, 1, (100, 1400, 900, 1460))
    monkeypatch.setattr(signature, "_signature", lambda *args: signed)
    words = tuple(
        Word(w, 80.0, 1000 + 70 * i, 1430, 60, 20) for i, w in enumerate([*lead.split(), "signed’", "3/14/25"])
    )
    page = Page(number=1, width=1728, height=2200, words=list(words))
    read = find_signature(PageText(page, [], [Segment(1, 0, words)]), None, 204)
    assert read is not None and read.date == dt.date(2025, 3, 14)


@pytest.mark.parametrize("lead", ["Certificate", "Update"])
def test_a_word_ending_in_ate_before_signed_is_no_date_caption(monkeypatch: pytest.MonkeyPatch, lead: str) -> None:
    from parsers.fax import signature

    signed = signature.SignatureRead(True, 1, (100, 1400, 900, 1460))
    monkeypatch.setattr(signature, "_signature", lambda *args: signed)
    words = tuple(Word(w, 80.0, 1000 + 70 * i, 1430, 60, 20) for i, w in enumerate([lead, "signed", "3/14/25"]))
    page = Page(number=1, width=1728, height=2200, words=list(words))
    read = find_signature(PageText(page, [], [Segment(1, 0, words)]), None, 204)
    assert read is not None and read.date is None
