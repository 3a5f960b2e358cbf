"""Re-reads of failing code cells (reread.py): a value is taken only when both re-reads agree on it."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from PIL import Image, ImageDraw

from ingest.codesets import VALIDATOR_CODE_SETS
from parsers.context import ParseContext
from parsers.fax import codecheck
from parsers.fax.model import Word
from parsers.fax.preprocess import Prepared
from parsers.fax.reading import FaxRead
from parsers.fax.reread import reread_failing
from parsers.fax.services import CodeRead


def _hocr(text: str) -> str:
    return (
        "<span class='ocr_line' id='line_1_1' title=\"bbox 0 0 200 40\">"
        f"<span class='ocrx_word' id='word_1_1' title='bbox 5 5 150 35; x_wconf 80'>{text}</span></span>"
    )


class Canned:
    """An OCR engine giving one canned text per call, in order, then reading nothing."""

    name = "canned"

    def __init__(self, *texts: str) -> None:
        self.texts = list(texts)

    def data(self, image: Image.Image, config: str) -> dict[str, list[object]]:
        raise AssertionError("re-reads use hOCR")

    def hocr(self, image: Image.Image, config: str) -> str:
        assert "--psm 7" in config or "--psm 8" in config
        return _hocr(self.texts.pop(0)) if self.texts else ""


def tiff_read(engine: object) -> FaxRead:
    """The reading state of a TIFF received 2026-11-25, with the validators' code sets."""
    ctx = ParseContext(
        path=Path("x.tif"),
        sha256="0" * 64,
        filename="x.tif",
        received_at=dt.datetime(2026, 11, 25, tzinfo=dt.UTC),
        code_sets=VALIDATOR_CODE_SETS,
    )
    return FaxRead(ctx=ctx, engine=engine, kind="tiff")  # type: ignore[arg-type]


def _state(
    engine: Canned, raw: str, first: codecheck.Correction | None = None, first_glyph: list[tuple[int, ...]] = ()
) -> FaxRead:
    state = tiff_read(engine)
    page = Image.new("L", (400, 200), 255)
    draw = ImageDraw.Draw(page)
    for rect in [*first_glyph, (62, 55, 72, 75)]:  # the first glyph, then a digit-sized block
        draw.rectangle(rect, fill=0)
    state.prepared[1] = Prepared(page, page, 0.0)
    word = Word(text=raw, conf=60, left=50, top=50, width=80, height=30, line_key=(1,))
    state.diagnoses = [CodeRead(raw, word, 1, first or codecheck.correct_icd10(raw, VALIDATOR_CODE_SETS))]
    return state


def test_two_agreeing_rereads_fill_a_failed_code_and_confirm_it() -> None:
    state = _state(Canned("J44.9", "J44.9"), "144.9")
    reread_failing(state)
    read = state.diagnoses[0]
    assert read.correction.value == "J44.9" and id(read) in state.confirmed_codes


def test_rereads_that_disagree_leave_the_code_unread() -> None:
    state = _state(Canned("J44.9", "L44.9"), "144.9")
    reread_failing(state)
    assert state.diagnoses[0].correction.value is None and not state.confirmed_codes


def test_rereads_that_only_agree_after_look_alike_changes_are_no_confirmation() -> None:
    # '500' read twice as '500' would be S00 only by changing a digit into a letter: no code
    state = _state(Canned("500", "500"), "500", codecheck.Correction(None, False, ()))
    reread_failing(state)
    assert state.diagnoses[0].correction.value is None


BAR = [(55, 55, 57, 75)]  # a plain bar on the line: the pixels of an I
L_SHAPE = [(55, 55, 57, 75), (55, 72, 60, 75)]


def test_a_leading_bar_read_as_1_everywhere_is_the_i_reading_when_its_pixels_are_a_plain_bar() -> None:
    state = _state(Canned("150.9", "150.9"), "150.9", first_glyph=BAR)
    reread_failing(state)
    read = state.diagnoses[0]
    assert read.correction.value == "I50.9" and id(read) in state.confirmed_codes


def test_a_re_read_giving_the_i_reading_outright_still_agrees() -> None:
    state = _state(Canned("I50.9", "150.9"), "150.9", first_glyph=BAR)
    reread_failing(state)
    assert state.diagnoses[0].correction.value == "I50.9"


def test_a_leading_glyph_with_a_foot_decides_nothing() -> None:
    state = _state(Canned("150.9", "150.9"), "150.9", first_glyph=L_SHAPE)
    reread_failing(state)
    assert state.diagnoses[0].correction.value is None and not state.confirmed_codes


def test_a_re_read_that_reads_something_else_decides_nothing_even_for_a_bar() -> None:
    for other in ("L50.9", "150.95", "J50.9"):
        state = _state(Canned("150.9", other), "150.9", first_glyph=BAR)
        reread_failing(state)
        assert state.diagnoses[0].correction.value is None, other


def test_a_page_read_of_no_code_whose_re_reads_all_begin_with_a_plain_bar_is_the_i_code() -> None:
    """'410' or '{10' for I10 (a serif I read as 4, or a brace): the re-reads all give '110', I10 only."""
    for raw in ("410", "{10"):
        state = _state(Canned("110", "110"), raw, codecheck.Correction(None, False, ()), first_glyph=BAR)
        reread_failing(state)
        read = state.diagnoses[0]
        assert read.correction.value == "I10" and id(read) in state.confirmed_codes, raw


def test_re_reads_of_no_code_that_differ_or_show_a_foot_decide_nothing() -> None:
    for texts, glyph in ((("110", "410"), BAR), (("110", "110"), L_SHAPE), (("110", "J10"), BAR)):
        state = _state(Canned(*texts), "410", codecheck.Correction(None, False, ()), first_glyph=glyph)
        reread_failing(state)
        assert state.diagnoses[0].correction.value is None, texts


def _service_state(engine: Canned, row_text: str, head: str = "Code Mod Qty Description") -> FaxRead:
    from parsers.fax.model import Segment
    from parsers.fax.services import service_reads
    from tests.fax.test_reading_units import _page

    state = _state(engine, "I10")
    state.diagnoses = []
    text = _page([head, row_text])
    state.services = list(service_reads(text, state.ctx.code_sets))
    assert isinstance(state.services[0].row, Segment)
    return state


def test_a_service_code_with_a_doubled_zero_is_settled_by_a_third_read_showing_it() -> None:
    engine = Canned("KOO0O1", "KO001", "KO001")  # grey 2x, cleaned 1.5x, then the cleaned crop at 3x
    state = _service_state(engine, "KO0001 RR 1 standard wheelchair")
    assert state.services[0].code.correction.value is None
    reread_failing(state)
    line = state.services[0]
    assert (line.code.correction.value, line.modifiers, line.quantity) == ("K0001", ["RR"], 1)
    assert state.reread_parts[id(line)] == {"code"} and not engine.texts


def test_a_third_read_showing_another_code_leaves_the_service_code_unread() -> None:
    state = _service_state(Canned("KOO0O1", "KO001", "KO011"), "KO0001 RR 1 standard wheelchair")
    reread_failing(state)
    assert state.services[0].code.correction.value is None and not state.reread_parts


def test_a_code_after_the_description_is_re_read_where_the_row_took_it() -> None:
    """A table printing the description first ('CPAP device £0601 RR 1'): the code word is re-read."""
    state = _service_state(Canned("E0601", "E0601"), "CPAP device £0601 RR 1", "Description HCPCS Mod Units")
    assert state.services[0].code.correction.value is None
    reread_failing(state)
    line = state.services[0]
    assert (line.code.correction.value, line.modifiers, line.quantity) == ("E0601", ["RR"], 1)


def test_two_re_reads_that_agree_need_no_third() -> None:
    engine = Canned("G0152", "G0152", "never read")
    state = _service_state(engine, "GO0152 12 occupational therapy visit")
    reread_failing(state)
    assert state.services[0].code.correction.value == "G0152" and engine.texts == ["never read"]


def test_a_split_code_left_open_is_filled_only_when_the_re_reads_give_it() -> None:
    open_code = codecheck.Correction(None, False, ("M17.11",))
    state = _state(Canned("M17.11", "M1711"), "M17.11", open_code)
    reread_failing(state)
    assert state.diagnoses[0].correction.value == "M17.11" and state.confirmed_codes
    state = _state(Canned("M17.11", "M17.1"), "M17.11", open_code)
    reread_failing(state)
    assert state.diagnoses[0].correction.value is None


def test_a_code_the_two_re_reads_leave_open_is_taken_when_both_3x_reads_show_it() -> None:
    state = _state(Canned("150.9", "150.95", "I50.9", "I50.9"), "150.9")
    reread_failing(state)
    read = state.diagnoses[0]
    assert read.correction.value == "I50.9" and id(read) in state.confirmed_codes


def test_3x_reads_that_differ_or_need_a_change_or_meet_another_code_decide_nothing() -> None:
    for texts in (
        ("150.9", "150.95", "I50.9", "L50.9"),  # the 3x reads differ
        ("150.9", "150.95", "150.9", "150.9"),  # shown only with a look-alike change
        ("150.9", "150.95", "I50.9"),  # one 3x read gave nothing
        ("L50.9", "150.95", "I50.9", "I50.9"),  # a re-read shows another code
    ):
        state = _state(Canned(*texts), "150.9")
        reread_failing(state)
        assert state.diagnoses[0].correction.value is None, texts


def test_a_dose_after_the_code_is_never_re_read_as_its_quantity() -> None:
    """'J0290 500 mg IV q6h': the number after the code is a dose its unit follows, no count."""
    engine = Canned("500", "500", "500")
    state = _service_state(engine, "J0290 500 mg IV q6h", "HCPCS Description Frequency")
    assert state.services[0].quantity is None
    reread_failing(state)
    assert state.services[0].quantity is None and engine.texts == ["500", "500", "500"]


def test_a_dose_after_the_code_is_no_quantity_to_re_read() -> None:
    """'J0290 500 mg IV q6h 1': the number after the code carries its unit, a dose; re-reading it as
    the line's quantity would make a count of 500."""
    engine = Canned("500", "500")
    state = _service_state(engine, "J0290 500 mg IV q6h 1", "Medication HCPCS Route")
    reread_failing(state)
    assert state.services[0].quantity is None and engine.texts == ["500", "500"]


def test_a_number_under_a_dose_column_is_no_quantity_to_re_read() -> None:
    """A number the table's head puts under its 'Dose' column is no count, read again or not."""
    from parsers.fax.table_head import Columns

    engine = Canned("500", "500")
    state = _service_state(engine, "J0290 500 IV q6h 1", "Medication HCPCS Route")
    line = state.services[0]
    dose = next(w for w in line.row.words if w.text == "500")
    under_dose = Columns(no_count=((dose.left - 5, dose.right + 5),))
    state.services = [dataclasses.replace(line, quantity=None, quantity_word=None, columns=under_dose)]
    reread_failing(state)
    assert state.services[0].quantity is None


def test_a_description_word_made_of_digit_look_alikes_far_from_the_quantity_caption_is_no_count() -> None:
    """'E0470  Bi-level PAP ... [Qty far right, empty]': 'Bi' reads as 81 under a digits-only re-read."""
    head = "Code Mod Device Settings Settings Settings Settings Settings Settings Qty"
    state = _service_state(Canned("8", "8"), "E0470 Bi level PAP without backup rate", head)
    reread_failing(state)
    assert state.services[0].quantity is None


def test_re_reads_at_3x_join_the_pool_an_open_code_is_taken_from() -> None:
    """'Z96 651' (its dot read as a gap: one open code): the re-reads show '296.651' (the Z read as a 2)
    at 2x and at 3x, and 'Z96651' once as printed at 3x: two clean reads of one code, one as printed, none
    against it, as any re-read pool is judged. With a read of another code among them, it stays open (reads
    showing the Z as a 2 only: test_two_rereads_agreeing_on_a_code_whose_z_every_read_showed_as_a_2_fill_it)."""
    open_code = codecheck.Correction(None, False, ("Z96.651",))
    state = _state(Canned("296.651", "296651.", "296.651", "Z96651"), "Z96.651", open_code)
    reread_failing(state)
    read = state.diagnoses[0]
    assert read.correction.value == "Z96.651" and id(read) in state.confirmed_codes
    for texts in (("296.651", "296651.", "Z96652", "Z96651"),):
        state = _state(Canned(*texts), "Z96.651", open_code)
        reread_failing(state)
        assert state.diagnoses[0].correction.value is None and not state.confirmed_codes, texts


def test_two_rereads_agreeing_on_a_code_whose_z_every_read_showed_as_a_2_fill_it() -> None:
    """'296.651' read so by every re-read: a code's first character is a letter, and '2' stands for Z
    alone, so two clean reads of it at 2x and both at 3x, every other character as printed, are the Z code.
    Not a '6' (G or a C), nor a rest changed by a look-alike ('296.6S1'), nor reads that differ in the rest."""
    open_code = codecheck.Correction(None, False, ("Z96.651",))
    state = _state(Canned("296.651", "296651", "296.651", "296651."), "Z96 651", open_code)
    reread_failing(state)
    read = state.diagnoses[0]
    assert read.correction.value == "Z96.651" and id(read) in state.confirmed_codes
    for texts in (("647.9",) * 4, ("296.6S1",) * 4, ("296.651", "296.651", "296.651", "296.641")):
        state = _state(Canned(*texts), "Z96 651", codecheck.Correction(None, False, ()))
        reread_failing(state)
        assert id(state.diagnoses[0]) not in state.confirmed_codes, texts
