"""A service table's 'From' column gives the requested start date when every line has the same date there."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from parsers.fax.extract import PageText
from parsers.fax.layout import page_segments
from parsers.fax.model import Candidate, Page, Word
from parsers.fax.service_dates import start_from_table
from tests.fax.test_reading_units import _words


def _table(rows: list[list[tuple[int, str]]]) -> PageText:
    """Rows of cells (left edge, text), 70 px apart."""
    words: list[Word] = []
    for index, cells in enumerate(rows):
        for left, cell in cells:
            words += [replace(w, left=w.left + left) for w in _words(cell, top=1280 + 70 * index)]
    page = Page(number=1, width=1734, height=2244, words=words)
    lines, segments = page_segments(page)
    return PageText(page, lines, segments)


HEAD = [(0, "CPT/HCPCS"), (500, "Units"), (630, "From"), (860, "To"), (1100, "Description")]


def _line(code: str, start: str) -> list[tuple[int, str]]:
    return [(0, code), (500, "1"), (630, start), (860, "02/18/2027"), (1100, "skilled nursing visit")]


def test_the_one_from_date_of_every_line_is_the_requested_start() -> None:
    text = _table([HEAD, _line("G0299", "11/21/2026"), _line("G0152", "11/21/2026")])
    assert [c.value for c in start_from_table(text, [])] == [dt.date(2026, 11, 21)]


def test_lines_starting_on_different_dates_or_a_labelled_start_give_none() -> None:
    text = _table([HEAD, _line("G0299", "11/21/2026"), _line("G0152", "11/25/2026")])
    assert start_from_table(text, []) == []
    text = _table([HEAD, _line("G0299", "11/21/2026")])
    labelled = Candidate("requested_start_date", dt.date(2026, 11, 20), 1, (0, 0, 1, 1), 0.9, "label")
    assert start_from_table(text, [labelled]) == []
    no_range = [(0, "CPT/HCPCS"), (630, "From"), (1100, "Description")]  # no 'To' beside it: no range of dates
    assert start_from_table(_table([no_range, _line("G0299", "11/21/2026")]), []) == []


def test_a_garbled_to_caption_counts_when_its_column_holds_the_ends_of_the_ranges() -> None:
    garbled = [cell if cell[1] != "To" else (860, "Ta") for cell in HEAD]
    text = _table([garbled, _line("G0299", "11/21/2026"), _line("G0152", "11/21/2026")])
    assert [c.value for c in start_from_table(text, [])] == [dt.date(2026, 11, 21)]
    early = [(0, "G0299"), (500, "1"), (630, "11/21/2026"), (860, "10/01/2026"), (1100, "visit")]
    assert start_from_table(_table([garbled, early]), []) == []  # an earlier date ends no range
    no_end = [(0, "G0299"), (500, "1"), (630, "11/21/2026"), (1100, "visit")]
    assert start_from_table(_table([garbled, no_end]), []) == []


def test_numbered_from_and_to_boxes_are_the_range_captions() -> None:
    """A plan's form numbers its grid's columns ('27a FROM | 27b TO'; OCR may lose a digit or read the
    rule before a caption as '|')."""
    for start, end in (("27a FROM", "27b TO"), ("7a FROM", "| 27b TO"), ("24A. From", "24B. To")):
        captions = {"From": start, "To": end}
        head = [(left, captions.get(caption, caption)) for left, caption in HEAD]
        text = _table([head, _line("G0299", "11/21/2026"), _line("G0152", "11/21/2026")])
        assert [c.value for c in start_from_table(text, [])] == [dt.date(2026, 11, 21)]


def test_a_rule_read_as_a_bar_after_a_ranges_end_leaves_its_date() -> None:
    """The box's right rule read onto the end date ('01/21/2027|') under a garbled 'To' caption ('auto')."""
    garbled = [cell if cell[1] != "To" else (860, "auto") for cell in HEAD]
    line = [(0, "G0299"), (500, "1"), (630, "11/21/2026"), (860, "01/21/2027|"), (1100, "visit")]
    assert [c.value for c in start_from_table(_table([garbled, line]), [])] == [dt.date(2026, 11, 21)]


def test_numbered_boxes_with_their_number_misread_or_run_into_the_caption_are_the_range_captions() -> None:
    """Small bold box numbers as OCR misreads them: run into the caption ('ZlaFROM', '27bTO'), a letter
    read as a digit ('370 TO' for 27b TO), the F of FROM read as a P ('27a PROM')."""
    pairs = (("ZlaFROM", "27bTO"), ("27a FROM", "370 TO"), ("27a PROM", "To"))
    for start, end in pairs:
        captions = {"From": start, "To": end}
        head = [(left, captions.get(caption, caption)) for left, caption in HEAD]
        text = _table([head, _line("G0299", "11/21/2026"), _line("G0152", "11/21/2026")])
        assert [c.value for c in start_from_table(text, [])] == [dt.date(2026, 11, 21)], (start, end)


def test_a_word_ending_in_from_or_to_is_no_range_caption() -> None:
    for start, end in (("Apart FROM", "To"), ("From", "Auto"), ("From", "Into")):
        captions = {"From": start, "To": end}
        head = [(left, captions.get(caption, caption)) for left, caption in HEAD]
        no_end = [(0, "G0299"), (500, "1"), (630, "11/21/2026"), (1100, "visit")]
        assert start_from_table(_table([head, no_end]), []) == [], (start, end)
