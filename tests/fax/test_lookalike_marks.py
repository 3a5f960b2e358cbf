"""Look-alikes on a fill-in form: a code's rest read as letters ('M17 Li' for M17.11), and a
checkbox read as 'Cl' before its option's caption."""

from __future__ import annotations

from PIL import Image, ImageDraw

from ingest.codesets import VALIDATOR_CODE_SETS
from parsers.fax.assemble import URGENT_WORDS
from parsers.fax.checkbox import said
from parsers.fax.diagnosis_codes import diagnosis_reads
from parsers.fax.extract import PageText
from parsers.fax.layout import page_segments
from parsers.fax.model import Page, Segment, Word
from parsers.fax.services import CodeRead
from tests.fax.test_checkbox import _box, _line
from tests.fax.test_reading_units import _page, _words


def test_a_categorys_rest_read_as_letters_makes_one_open_code() -> None:
    reads = list(diagnosis_reads(_page(["Secondary Dx M17 Li"]), VALIDATOR_CODE_SETS))
    assert [(r.raw, r.correction.value, r.correction.readings) for r in reads] == [("M17.11", None, ("M17.11",))]


def test_letters_that_are_no_digits_look_alikes_are_no_rest() -> None:
    reads = list(diagnosis_reads(_page(["Secondary Dx M17 Ab"]), VALIDATOR_CODE_SETS))
    assert [r.raw for r in reads] == ["M17"]


def test_a_box_read_as_a_mark_and_a_bar_is_no_word_of_the_options_caption() -> None:
    """'Priority [x] Routine [ ] Urgent', the empty box read as 'Cl': the urgent option is unticked."""
    for glyph in ("Cl", "Cj", "CL!", "CT", "gO"):
        assert not _urgent_said(glyph)
    assert _urgent_said("Cl", urgent=True)


def _urgent_said(glyph: str, urgent: bool = False) -> bool:
    words = _line([(20, "Priority"), (245, "Routine"), (420, glyph), (465, "Urgent")], 80)
    page = Page(number=1, width=1734, height=2244, words=words)
    image = Image.new("L", (page.width, page.height), 255)
    draw = ImageDraw.Draw(image)
    _box(draw, 200, 76, not urgent)
    _box(draw, 420, 76, urgent)
    lines, segments = page_segments(page)
    return said(PageText(page, lines, segments), URGENT_WORDS, image, 200.0)


def test_a_number_after_a_codes_garbled_head_is_its_rest_not_a_code_of_its_own() -> None:
    """'L&9 154' (L89.154, its 8 read as '&' and its dot as a gap): '154' is no I54 or L54."""
    reads = list(diagnosis_reads(_page(["Primary Dx (ICD-10) L&9 154"]), VALIDATOR_CODE_SETS))
    assert [(r.raw, r.correction.value) for r in reads] == [("L&9.154", None)]
    alone = list(diagnosis_reads(_page(["Primary Dx (ICD-10) 110"]), VALIDATOR_CODE_SETS))
    assert [r.correction.value for r in alone] == ["I10"]  # a number alone stays a misread I-code


def test_a_category_and_its_rest_in_one_word_are_one_open_code() -> None:
    """'Z96,65]' (Z96.651, its dot read as a comma and its 1 as a bracket): never the category Z96."""
    reads = list(diagnosis_reads(_page(["Secondary Dx Z96,65]"]), VALIDATOR_CODE_SETS))
    assert [(r.raw, r.correction.value) for r in reads] == [("Z96,65]", None)]
    both = list(diagnosis_reads(_page(["Diagnoses: M17,E11.65"]), VALIDATOR_CODE_SETS))
    assert [r.correction.value for r in both] == ["M17", "E11.65"]  # a code after the comma is a code


def test_a_comma_ends_a_code_so_the_next_category_keeps_its_own_rest() -> None:
    """'110, L89 154' (I10, L89.154): L89 is no rest of I10, and 154 is L89's rest, no L54."""
    reads = list(diagnosis_reads(_page(["Diagnoses: 110, L89 154"]), VALIDATOR_CODE_SETS))
    assert [(r.raw, r.correction.value) for r in reads] == [("110", "I10"), ("L89.154", None)]


def test_a_rest_whose_box_overlaps_its_category_is_still_its_rest() -> None:
    """'N18' and a '4' whose box OCR drew over the 8: one open code N18.4, never the category N18."""
    words = [
        Word("Dx:", 95.0, 200, 100, 36, 20, (1, 1, 1)),
        Word("N18", 95.0, 368, 100, 59, 20, (1, 1, 1)),
        Word("4", 95.0, 415, 94, 17, 38, (1, 1, 1)),
    ]
    segment = Segment(1, 0, tuple(words))
    page = Page(number=1, width=1734, height=2244, words=words)
    reads = list(diagnosis_reads(PageText(page, [segment], [segment]), VALIDATOR_CODE_SETS))
    assert [(r.raw, r.correction.value) for r in reads] == [("N18.4", None)]


def test_a_ticked_box_read_as_dx_heads_no_diagnoses() -> None:
    """'Sex Dx] Male Female' (the ticked box '[x]' read as 'Dx]'): the diagnoses are under their own heading,
    and the street number and ZIP code between the two are no codes."""
    lines = [
        "Sex Dx] Male Female",
        "Street address 3736 Asylum Ave",
        "City, State, ZIP Yonkers, NY 10701-1628",
        "Primary Dx (ICD-10) Z96.651 Secondary Dx M17 Li",
    ]
    reads = list(diagnosis_reads(_page(lines), VALIDATOR_CODE_SETS))
    assert [r.raw for r in reads] == ["Z96.651", "M17.11"]


def test_a_dx_caption_whose_d_reads_as_o_still_heads_the_diagnoses() -> None:
    """'Ox: N18.4' ('Dx:' with its D read as an O): a diagnosis, and no service line of the order above it."""
    from parsers.fax.services import service_reads

    lines = [
        "Order: oxygen concentrator (HCPCS E1390-RR) Qty: 2",
        "Ox: N18.4 Chronic kidney disease, stage 4",
        "Ox; E11.65 Type 2 diabetes mellitus with hyperglycemia",
    ]
    reads = list(diagnosis_reads(_page(lines), VALIDATOR_CODE_SETS))
    assert [r.correction.value for r in reads] == ["N18.4", "E11.65"]
    assert [r.code.raw for r in service_reads(_page(lines), VALIDATOR_CODE_SETS)] == ["E1390"]


def test_a_number_glued_to_ink_read_at_no_confidence_is_a_codes_rest() -> None:
    """'L89.154' with a fax streak through its dot: its head and the streak read as 'ie' at no confidence,
    set right against '154'. The number is the rest of a code OCR could not read, no L54 of its own."""
    head = _words("Other Pertinent Diagnoses", top=100)
    number = Word("154", 96.0, 367, 140, 53, 24, (1, 1, 140))
    streak = Word("ie", 0.0, 300, 96, 66, 90, line_key=(1, 1, 140))  # as tall as the streak it took in
    assert [r.correction.value for r in _diagnoses([*head, streak, number])] == [None]
    assert [r.correction.value for r in _diagnoses([*head, number])] == ["L54"]  # alone: a misread L-code, as read


def _diagnoses(words: list[Word]) -> list[CodeRead]:
    page = Page(number=1, width=1734, height=2244, words=words)
    lines, segments = page_segments(page)
    return list(diagnosis_reads(PageText(page, lines, segments), VALIDATOR_CODE_SETS))
