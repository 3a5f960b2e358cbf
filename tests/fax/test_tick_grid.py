"""Service grids with a tick column and a quantity column (a sleep center's PAP order, a supplier's
item grid): the column captions under a title, only the ticked rows, and the count in its cell."""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw

from ingest.codesets import VALIDATOR_CODE_SETS as SETS
from parsers.fax.layout import page_segments
from parsers.fax.model import Page, PageText, Word
from parsers.fax.preprocess import Prepared
from parsers.fax.reread_cell import reread_count_cells
from parsers.fax.services import ServiceRead, service_reads, under_count_caption
from parsers.fax.ticked_rows import ticked_only
from tests.fax.test_reread import tiff_read

DPI = 200.0
TITLE = "EQUIPMENT (tick what is ordered; HCPCS, modifier and quantity)"
HEAD = [("HCPCS", 180), ("Mod", 316), ("Device", 418), ("Settings", 875), ("Qty", 1485)]


def _cells(cells: list[tuple[str, int]], top: int) -> list[Word]:
    out = []
    for text, left in cells:
        for token in text.split():
            out.append(Word(token, 95.0, left, top, 12 * len(token), 20, line_key=(1, 1, top)))
            left += 12 * len(token) + 10
    return out


def _grid(rows: list[list[tuple[str, int]]]) -> PageText:
    """The title, the column captions under it, then the rows, 54 px apart (0.27 in at 200 dpi)."""
    lines = [[(TITLE, 100)], HEAD, *rows]
    words = [w for i, cells in enumerate(lines) for w in _cells(cells, 100 + 54 * i)]
    page = Page(number=1, width=1734, height=2244, words=words)
    return PageText(page, *page_segments(page))


def _rows(text: PageText) -> list[tuple[str | None, list[str], int | None]]:
    return [(s.code.correction.value, s.modifiers, s.quantity) for s in service_reads(text, SETS)]


def test_a_title_over_the_column_captions_leaves_the_quantity_column_to_the_caption_line() -> None:
    row = [("E0470", 184), ("RR", 316), ("Bi-level PAP", 418), ("IPAP 17 EPAP 13 cm H2O, ramp 20 min", 875)]
    text = _grid([[*row, ("1", 1491)]])
    assert _rows(text) == [("E0470", ["RR"], 1)]  # not 17: the settings' text runs on into the cell


def test_a_number_of_the_column_before_overhanging_the_quantity_cell_is_no_count() -> None:
    words = _cells([("IPAP 17 EPAP", 875), ("2", 1491)], 100)
    caption = (1485, 1521)
    assert [under_count_caption(w, caption) for w in words] == [False, False, False, True]
    assert under_count_caption(words[1], None)  # no caption known: the cell decides


def test_a_count_marked_with_its_unit_in_the_quantity_column_is_the_rows_count() -> None:
    head = [
        ("#", 112),
        ("HCPCS", 170),
        ("Mod", 327),
        ("Item description", 428),
        ("Qty", 1087),
        ("Length of need", 1214),
    ]
    row = [("1", 115), ("K0001", 177), ("RR", 329), ("Standard wheelchair", 431), ("lea", 1094), ("99 mo", 1216)]
    words = [w for i, cells in enumerate([[("ITEMS ORDERED", 103)], head, row]) for w in _cells(cells, 100 + 40 * i)]
    page = Page(number=1, width=1734, height=2244, words=words)
    assert _rows(PageText(page, *page_segments(page))) == [("K0001", ["RR"], 1)]  # '1ea' read as 'lea'


def _boxed(text: PageText, ticked: list[bool]) -> Image.Image:
    """A box left of each row's code (rows from the third line on), filled where ticked."""
    image = Image.new("L", (1734, 2244), 255)
    draw = ImageDraw.Draw(image)
    for index, tick in enumerate(ticked):
        top = 100 + 54 * (index + 2)
        draw.rectangle((130, top - 2, 156, top + 24), outline=0, width=3, fill=0 if tick else None)
    return image


ROWS = [[("E0601", 184), ("RR", 316), ("CPAP", 418), ("1", 1491)], [("E0470", 184), ("Bi-level PAP", 418)]]


def test_only_the_ticked_rows_of_a_grid_are_ordered() -> None:
    text = _grid(ROWS)
    rows = list(service_reads(text, SETS))
    kept = ticked_only(rows, _boxed(text, [True, False]), DPI)
    assert [s.code.correction.value for s in kept] == ["E0601"]


def test_a_box_read_as_marks_with_a_stroke_before_the_code_is_still_the_rows_box() -> None:
    text = _grid([[("x", 130), *ROWS[0]], [("(1", 130), *ROWS[1]]])
    rows = list(service_reads(text, SETS))
    kept = ticked_only(rows, _boxed(text, [True, False]), DPI)
    assert [s.code.correction.value for s in kept] == ["E0601"]


def test_a_grid_of_boxes_none_ticked_keeps_its_rows_for_a_person() -> None:
    text = _grid(ROWS)
    rows = list(service_reads(text, SETS))
    assert len(ticked_only(rows, _boxed(text, [False, False]), DPI)) == 2  # a misjudged box is no order's answer


class Digits:
    """An OCR engine reading each crop as the next canned (text, confidence), then nothing."""

    name = "digits"

    def __init__(self, *reads: tuple[str, int]) -> None:
        self.reads = list(reads)

    def data(self, image: Image.Image, config: str) -> dict[str, list[object]]:
        raise AssertionError("re-reads use hOCR")

    def hocr(self, image: Image.Image, config: str) -> str:
        if not self.reads:
            return ""
        text, conf = self.reads.pop(0)
        return (
            "<span class='ocr_line' id='line_1_1' title=\"bbox 0 0 60 40\"><span class='ocrx_word' "
            f"id='word_1_1' title='bbox 5 5 30 35; x_wconf {conf}'>{text}</span></span>"
        )


def _state(engine: Digits, digit: bool = True, in_cell: str = "") -> tuple[object, ServiceRead]:
    cell = [(in_cell, 1491)] if in_cell else []
    text = _grid([[("E0601", 184), ("RR", 316), ("CPAP", 418), *cell]])  # the page read gave no count
    state = tiff_read(engine)
    image = Image.new("L", (1734, 2244), 255)
    if digit:
        ImageDraw.Draw(image).rectangle((1492, 210, 1500, 226), fill=0)  # a '1' under 'Qty' on the row
    state.prepared[1] = Prepared(image, image, 0.0)
    state.services = list(service_reads(text, SETS))
    return state, state.services[0]


def test_a_count_the_page_read_dropped_is_read_from_its_cell_when_two_sure_reads_agree() -> None:
    state, before = _state(Digits(("1", 95), ("1", 93)))
    assert before.quantity is None
    reread_count_cells(state)  # type: ignore[arg-type]
    read = state.services[0]  # type: ignore[attr-defined]
    assert read.quantity == 1 and "qty" in state.reread_parts[id(read)]  # type: ignore[attr-defined]


def test_a_doubtful_read_of_the_cell_neither_agrees_nor_contradicts_and_one_against_leaves_it_open() -> None:
    state, _ = _state(Digits(("1", 33), ("2", 2), ("1", 93), ("1", 96)))  # the fast reads unsure: the standard's
    reread_count_cells(state)  # type: ignore[arg-type]
    assert state.services[0].quantity == 1  # type: ignore[attr-defined]
    state, _ = _state(Digits(("1", 95), ("2", 95), ("1", 93), ("1", 96)))
    reread_count_cells(state)  # type: ignore[arg-type]
    assert state.services[0].quantity is None  # type: ignore[attr-defined]


def test_an_empty_cell_or_a_streak_through_it_is_never_read_as_a_count() -> None:
    state, _ = _state(Digits(("1", 95), ("1", 95)), digit=False)
    reread_count_cells(state)  # type: ignore[arg-type]
    assert state.services[0].quantity is None  # type: ignore[attr-defined]
    state, _ = _state(Digits(("1", 95), ("1", 95)), digit=False)
    ImageDraw.Draw(state.prepared[1].ocr_image).line((1496, 0, 1496, 2244), fill=0, width=3)  # type: ignore[attr-defined]
    reread_count_cells(state)  # type: ignore[arg-type]
    assert state.services[0].quantity is None  # type: ignore[attr-defined]


@pytest.mark.parametrize("glyph", ["]", "£", "|", "il"])
def test_a_lone_glyph_the_page_read_made_of_the_cell_s_ink_is_read_again_as_a_count(glyph: str) -> None:
    state, before = _state(Digits(("1", 95), ("1", 93)), in_cell=glyph)
    assert before.quantity is None
    reread_count_cells(state)  # type: ignore[arg-type]
    assert state.services[0].quantity == 1  # type: ignore[attr-defined]


@pytest.mark.parametrize("word", ["each", "NU", "ea"])
def test_a_word_the_page_read_made_of_the_cell_is_never_read_again_as_a_count(word: str) -> None:
    state, _ = _state(Digits(("1", 95), ("1", 93)), in_cell=word)
    reread_count_cells(state)  # type: ignore[arg-type]
    assert state.services[0].quantity is None  # type: ignore[attr-defined]
