"""A printed row OCR split into two interleaved lines: the code's row read across both."""

from __future__ import annotations

from PIL import Image, ImageDraw

from parsers.fax.code_sweep import loose_services
from parsers.fax.model import Page, PageText, Segment, Word
from parsers.fax.row_words import visual_row
from referrals.codes import NO_CODE_SETS
from tests.fax.test_checkbox import _box


def _split_row() -> tuple[PageText, Segment, Segment]:
    """'[x] Skilled Nursing - RN (G0299) Frequency 2w2 Total visits x4', read as two lines."""
    first = [(171, "Skilled"), (330, "RN"), (894, "2w2"), (1220, "Total"), (1366, "x4")]
    second = [(256, "Nursing"), (318, "-"), (415, "(G0299)"), (752, "Frequency"), (1284, "visits")]
    one = tuple(Word(t, 90.0, x, 1616, 12 * len(t), 22, (1, 1, 1)) for x, t in first)
    two = tuple(Word(t, 90.0, x, 1618, 12 * len(t), 24, (1, 1, 2)) for x, t in second)
    page = Page(number=1, width=1734, height=2244, words=[*one, *two])
    lines = [Segment(1, 0, one), Segment(1, 1, two)]
    return PageText(page, lines, lines), lines[0], lines[1]


def test_the_row_of_a_word_takes_in_the_line_ocr_split_off() -> None:
    text, _, line = _split_row()
    code = line.words[2]
    row = visual_row(text, line, code)
    assert row is not None
    assert [w.text for w in row.words][:3] == ["Skilled", "Nursing", "-"] and row.words[-1].text == "x4"
    whole = Segment(1, 0, tuple(sorted(row.words, key=lambda w: w.left)))
    assert visual_row(PageText(text.page, [whole], [whole]), whole, code) is None  # one line holds it all


def test_a_ticked_row_split_in_two_lines_gives_its_marked_count() -> None:
    text, _, _ = _split_row()
    image = Image.new("L", (1734, 2244), 255)
    _box(ImageDraw.Draw(image), 125, 1612, True)
    found = list(loose_services(text, NO_CODE_SETS, [], lambda: image, 200.0))
    assert [(s.code.correction.value, s.quantity) for s in found] == [("G0299", 4)]
    empty = Image.new("L", (1734, 2244), 255)
    _box(ImageDraw.Draw(empty), 125, 1612, False)
    assert list(loose_services(text, NO_CODE_SETS, [], lambda: empty, 200.0)) == []
