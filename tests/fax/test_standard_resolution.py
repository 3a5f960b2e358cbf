"""Standard-resolution faxes (every other scan line missing): small captions and screened section bars
that OCR garbles, and what is read instead; each rule one an unseen form would need too."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image, ImageDraw

from parsers.context import ParseContext
from parsers.fax import reread_address, shaded_bands
from parsers.fax.address_text import AddressValue
from parsers.fax.confirm import GAP, PAD
from parsers.fax.model import Candidate, Page, PageText, Segment, Word
from parsers.fax.preprocess import Prepared
from parsers.fax.reading import FaxRead
from tests.fax.test_grid import _found, _page
from tests.fax.test_text_fields import _hits

ADDRESS_ROW = [
    ("Patient Name", 117, 148, None),
    ("John Smith", 117, 110, None),
    ("01/02/1950", 900, 110, None),
    ("Date of Birth", 900, 148, None),
    ("12 Oak St", 117, 200, None),
    ("Apt 3", 700, 200, None),
    ("Hartford", 900, 200, None),
    ("CT", 1250, 200, None),
    ("06103", 1400, 200, None),
    ("Street Address", 117, 238, None),
]


def test_an_address_in_fields_whose_part_captions_are_garbled_is_read_by_its_parts_shapes() -> None:
    garbled = [("aptiunt", 700, 262, None), ("ty", 900, 262, None), ("- state iP", 1250, 262, None)]  # a rule's marks
    found = _found(_page(ADDRESS_ROW + garbled))
    assert found["member.address"] == AddressValue("12 Oak St", "Apt 3", "Hartford", "CT", "06103")


def test_a_row_right_of_the_street_holding_anything_but_address_parts_gives_no_address() -> None:
    other = [item for item in ADDRESS_ROW if item[0] != "Apt 3"] + [("Daughter", 700, 200, None)]
    assert "member.address" not in _found(_page(other))  # 'Daughter' is no unit
    no_state = [item for item in ADDRESS_ROW if item[0] != "CT"]
    assert "member.address" not in _found(_page(no_state))
    two_cities = [item for item in ADDRESS_ROW if item[0] != "Apt 3"] + [("Hartford", 700, 200, None)]
    assert "member.address" not in _found(_page(two_cities))


def test_an_address_caption_whose_last_word_is_garbled_is_the_caption_alone() -> None:
    assert _hits("Street Adaiess") == [("address", None, "Street Adaiess")]
    assert _hits("Street Address") == [("address", None, "Street Address")]
    garbled = [(t, x, y, c) if t != "Street Address" else ("Street Adaiess", x, y, c) for t, x, y, c in ADDRESS_ROW]
    garbled += [("Apt / Unit", 700, 238, None), ("City", 900, 238, None), ("State", 1250, 238, None)]
    garbled += [("ZIP", 1400, 238, None)]
    assert _found(_page(garbled))["member.address"] == AddressValue("12 Oak St", "Apt 3", "Hartford", "CT", "06103")


def test_a_known_word_after_an_address_caption_stays_its_value() -> None:
    assert [h[2] for h in _hits("Address Same")] == ["Address"]
    assert [h[2] for h in _hits("Address 12 Oak St")] == ["Address"]


def _segment(text: str, left: int, top: int, conf: float, height: int = 20) -> Segment:
    words, x = [], left
    for token in text.split():
        words.append(Word(token, conf, x, top, 12 * len(token), height, (1, 1, top)))
        x += 12 * len(token) + 10
    return Segment(1, 0, tuple(words))


def _text(segments: list[Segment]) -> PageText:
    return PageText(Page(1, 1728, 2244), [], segments)


def test_a_row_of_marks_across_the_page_is_a_screened_band() -> None:
    junk = (("Ue TINO HOM", 110), ("yoy re", 580), ("teh og yy", 716), ("Poet age, ee 8, sa Ne", 1000))
    marks = [_segment(t, x, 460, 20) for t, x in junk]
    marks += [_segment("tn", 1363, 456, 36), _segment("et", 1587, 462, 30)]
    value = _segment("Rodriguez", 114, 543, 95)
    bands = shaded_bands._bands(_text([*marks, value]))
    assert len(bands) == 1
    box, on_band = bands[0]
    assert {id(s) for s in on_band} == {id(s) for s in marks}
    assert box[0] == 0 and box[2] == 1728 and box[1] >= 456 and box[3] <= 482


def test_the_screened_bands_found_are_kept_for_the_stages_after() -> None:
    junk = (("Ue TINO HOM", 110), ("yoy re", 580), ("teh og yy", 716), ("Poet age, ee 8, sa Ne", 1000))
    state = _state(_Engine([[]]))
    state.texts = [_text([_segment(t, x, 460, 20) for t, x in junk] + [_segment("Rodriguez", 114, 543, 95)])]
    shaded_bands.reread_shaded_bands(state)  # its read again gives nothing: the band is still known
    assert [(b[1], b[3]) for b in state.screened[1]] == [(460, 480)]


def test_a_segment_on_a_screened_band_is_no_garbled_caption_under_a_value() -> None:
    """A screened band's marks were read again by shaded_bands with the screen opened away; read on the grey
    page once more they come back as dozens of marks, at the CPU cost of a page read."""
    from parsers.fax import reread_under

    value, caption = _segment("11-18-2026", 845, 391, 96), _segment("Hosphal Discharge Dale", 834, 435, 60)
    text = _text([value, caption])
    assert not reread_under._garbled(text, caption, [(0, 425, 1728, 470)])
    assert reread_under._garbled(text, caption, [(0, 600, 1728, 640)])  # a band elsewhere on the page


def test_a_row_of_surely_read_words_or_of_few_marks_is_no_band() -> None:
    words = [_segment(t, x, 460, 92) for t, x in (("Street", 110), ("Apt", 580), ("City", 900), ("State", 1200))]
    assert shaded_bands._bands(_text(words)) == []
    few = [_segment("yoy", 580, 460, 20), _segment("teh", 716, 460, 20)]
    assert shaded_bands._bands(_text(few)) == []


def test_opening_takes_a_screens_dots_away_and_keeps_bold_strokes() -> None:
    image = Image.new("L", (200, 60), 255)
    draw = ImageDraw.Draw(image)
    for x in range(0, 200, 4):
        for y in range(0, 60, 4):
            draw.point((x, y), 0)  # the screen: one-pixel dots
    draw.rectangle((20, 10, 25, 50), fill=0)  # a bold stroke, 6 px wide
    ink = np.asarray(shaded_bands.opened(image)) < 128
    assert ink[10:50, 20:26].all()
    assert not ink[:, 100:].any()


def test_a_value_read_wholly_as_marks_is_no_value() -> None:
    state = _state()
    junk = Word("Ey", 36.0, 540, 1021, 30, 20)
    sure = Word("Evergreen", 95.0, 114, 1105, 120, 20)
    state.candidates = [
        Candidate("payer.name", "a Ey", 1, (540, 1021, 600, 1041), 0.36, "label", words=(junk,)),
        Candidate("payer.name", "Evergreen", 1, (114, 1105, 234, 1125), 0.95, "above", words=(sure,)),
    ]
    shaded_bands.drop_mark_values(state)
    assert [c.value for c in state.candidates] == ["Evergreen"]


def test_a_value_holding_a_run_of_digits_read_unsurely_is_no_marks() -> None:
    """'X628901326' read at 33 in a cell of a standard-resolution fax: a screen's dots make no such run of
    digits; it stays a value, for its second read to confirm or not."""
    state = _state()
    unsure = Word("X628901326", 33.0, 1091, 523, 127, 22)
    state.candidates = [
        Candidate("member.member_id", "X628901326", 1, (1091, 523, 1218, 545), 0.33, "below", words=(unsure,))
    ]
    shaded_bands.drop_mark_values(state)
    assert [c.value for c in state.candidates] == ["X628901326"]


def test_a_value_kept_without_its_words_is_judged_by_the_page_words_in_its_box() -> None:
    """A signature's date ('Nov 18, 2026', its '18,' read at 38) carries its box and its weakest word's
    confidence only: the surely read words in its box say it is no mark."""
    from parsers.fax.extract import PageText
    from parsers.fax.layout import page_segments
    from parsers.fax.model import Page

    state = _state()
    words = [Word("Nov", 96.0, 730, 1492, 41, 19), Word("18,", 38.9, 787, 1492, 27, 22)]
    words += [Word("2026", 96.8, 824, 1492, 55, 20)]
    page = Page(number=1, width=1728, height=2244, words=words)
    state.texts = [PageText(page, *page_segments(page))]
    date = Candidate("signature.date", dt.date(2026, 11, 18), 1, (730, 1492, 879, 1514), 0.389, "label")
    state.candidates = [date]
    shaded_bands.drop_mark_values(state)
    assert state.candidates == [date]


class _Engine:
    """Hands out canned hOCR: one line per stacked crop, in order."""

    name = "canned"

    def __init__(self, lines: list[list[tuple[str, int]]]) -> None:
        self.lines = lines

    def data(self, image: Image.Image, config: str) -> Any:
        raise AssertionError("not used")

    def hocr(self, image: Image.Image, config: str) -> str:
        crop = (image.height - GAP * (len(self.lines) + 1)) // len(self.lines)  # crops of one height
        out = []
        for n, line in enumerate(self.lines):
            top, spans, left = GAP + n * (crop + GAP), [], GAP + PAD
            for text, conf in line:
                box = f"bbox {left} {top + PAD} {left + 12 * len(text)} {top + crop - PAD}"
                spans.append(f"<span class='ocrx_word' id='w' title='{box}; x_wconf {conf}'>{text}</span>")
                left += 12 * len(text) + 10
            line_box = f"bbox 0 {top} 500 {top + crop}"
            out.append(f"<span class='ocr_line' id='line_1_{n + 1}' title='{line_box}'>{''.join(spans)}</span>")
        return "<html><body>" + "".join(out) + "</body></html>"


def _state(engine: Any = None) -> FaxRead:
    ctx = ParseContext(Path("x.tif"), "0" * 64, "x.tif", dt.datetime(2026, 11, 26, tzinfo=dt.UTC))
    state = FaxRead(ctx=ctx, engine=engine or _Engine([]), kind="tiff")
    grey = Image.new("L", (1728, 2244), 255)
    state.prepared[1] = Prepared(straight=grey, ocr_image=grey, angle=0.0)
    return state


def _address_candidate() -> Candidate:
    words: list[Word] = []
    for text, left in (("2121 Elm St", 114), ("Apt 204", 743), ("Hartford", 971), ("CT", 1313), ("06103-2868", 1435)):
        x = left
        for token in text.split():
            words.append(Word(token, 90.0, x, 760, 12 * len(token), 24, (1, 1, 760)))
            x += 12 * len(token) + 10
    value = AddressValue("2121 Elm St", "Apt 204", "Hartford", "CT", "06103-2868")
    return Candidate("member.address", value, 1, (114, 758, 1595, 796), 0.9, "above", words=tuple(words))


def test_an_address_in_fields_is_confirmed_by_reading_each_field_on_its_own() -> None:
    fields = [[("2121", 96), ("Elm", 96), ("St", 96)], [("Apt", 96), ("204", 96)], [("Hartford", 86)], [("CT", 78)]]
    state = _state(_Engine([*fields, [("‘06103-2868", 68)]]))
    state.candidates = [_address_candidate()]
    reread_address.reread_address_parts(state)
    assert state.candidates[0].confirmed_by == "second_read"


def test_an_address_whose_fields_read_otherwise_stays_unconfirmed() -> None:
    fields = [[("2121", 96), ("Elm", 96), ("St", 96)], [("Apt", 96), ("204", 96)], [("Hartford", 86)], [("CT", 78)]]
    state = _state(_Engine([*fields, [("06108-2868", 90)]]))
    state.candidates = [_address_candidate()]
    reread_address.reread_address_parts(state)
    assert state.candidates[0].confirmed_by is None
    assert [len(f) for f in reread_address._fields(_address_candidate().words)] == [3, 2, 1, 1, 1]


DOUBT = (
    "<span class='ocrx_cinfo' id='lstm_choices_1'><span class='ocrx_cinfo' id='choice_1' title='x_confs 80'>1</span>"
    "<span class='ocrx_cinfo' id='choice_2' title='x_confs 60'>4</span></span>"
)


class _DoubtEngine(_Engine):
    """The fields' reads with the ZIP's 1 nearly read as 4; the standard model's read of the ZIP alone."""

    def __init__(self, fields: list[list[tuple[str, int]]], model_zip: str) -> None:
        super().__init__(fields)
        self.model = _Engine([[(model_zip, 90)]])
        self.configs: list[str] = []

    def hocr(self, image: Image.Image, config: str) -> str:
        self.configs.append(config)
        if "--model standard" in config:
            return self.model.hocr(image, config)
        return super().hocr(image, config).replace(">06103-2868</span>", ">06103-2868" + DOUBT + "</span>")


FIELDS = [[("2121", 96), ("Elm", 96), ("St", 96)], [("Apt", 96), ("204", 96)], [("Hartford", 86)], [("CT", 78)]]


def test_an_address_field_read_with_a_doubt_is_confirmed_by_the_standard_models_read_of_it() -> None:
    engine = _DoubtEngine([*FIELDS, [("06103-2868", 80)]], "06103-2868")
    state = _state(engine)
    state.candidates = [_address_candidate()]
    reread_address.reread_address_parts(state)
    assert state.candidates[0].confirmed_by == "second_read" and "--model standard" in engine.configs[-1]


def test_an_address_field_the_standard_model_reads_otherwise_stays_unconfirmed() -> None:
    state = _state(_DoubtEngine([*FIELDS, [("06103-2868", 80)]], "06403-2868"))
    state.candidates = [_address_candidate()]
    reread_address.reread_address_parts(state)
    assert state.candidates[0].confirmed_by is None


class _BlankEngine(_Engine):
    """The fields' reads with the state's crop read as nothing; the standard model's read of it alone."""

    def __init__(self, fields: list[list[tuple[str, int]]], model_state: str) -> None:
        super().__init__(fields)
        self.model = _Engine([[(model_state, 90)]])
        self.configs: list[str] = []

    def hocr(self, image: Image.Image, config: str) -> str:
        self.configs.append(config)
        return self.model.hocr(image, config) if "--model standard" in config else super().hocr(image, config)


BLANK_STATE = [*FIELDS[:3], [], [("06103-2868", 90)]]


def test_an_address_field_read_as_nothing_is_read_again_by_the_standard_model() -> None:
    """A state code's small crop ('RI', 30 px wide) that the fields' read gave nothing for: the standard
    model reads it alone, enlarged, and its read with no doubt completes the fields' reads."""
    engine = _BlankEngine(BLANK_STATE, "CT")
    state = _state(engine)
    state.candidates = [_address_candidate()]
    reread_address.reread_address_parts(state)
    assert state.candidates[0].confirmed_by == "second_read" and "--model standard" in engine.configs[-1]


def test_an_address_field_read_as_nothing_and_otherwise_by_the_standard_model_stays_unconfirmed() -> None:
    state = _state(_BlankEngine(BLANK_STATE, "CA"))
    state.candidates = [_address_candidate()]
    reread_address.reread_address_parts(state)
    assert state.candidates[0].confirmed_by is None


def test_an_address_with_two_fields_read_as_nothing_is_not_read_again() -> None:
    engine = _BlankEngine([*FIELDS[:2], [], [], [("06103-2868", 90)]], "CT")
    state = _state(engine)
    state.candidates = [_address_candidate()]
    reread_address.reread_address_parts(state)
    assert state.candidates[0].confirmed_by is None and len(engine.configs) == 1


def test_hospital_discharge_date_is_one_caption() -> None:
    assert _hits("Hospital Discharge Date") == [("discharge_date", None, "Hospital Discharge Date")]


def test_a_caption_under_its_line_takes_the_nearer_of_a_value_over_it_and_an_option_under_it() -> None:
    items = [
        ("11-18-2026", 845, 391, None),
        ("Hospital Discharge Date", 834, 437, None),
        ("(PIV", 840, 485, None),
        ("04-27-1955", 117, 110, None),
        ("Date of Birth", 117, 148, None),
        ("Robert", 600, 110, None),
        ("First Name", 600, 148, None),
    ]
    assert _found(_page(items))["discharge_date"] == dt.date(2026, 11, 18)


def test_a_garbled_caption_under_a_value_is_read_again_and_kept_when_it_captions_more() -> None:
    from parsers.fax import reread_under

    value, caption = _segment("11-18-2026", 845, 391, 96), _segment("Hosphal Discharge Dale", 834, 435, 60)
    text = _text([value, caption])
    assert reread_under._garbled(text, caption)
    assert not reread_under._garbled(text, value)  # a value: digits
    read = [
        Word(t, 90.0, GAP + PAD + 2 * x, GAP + PAD, 2 * 12 * len(t), 40)
        for t, x in (("Hospital", 0), ("Discharge", 110), ("Date", 240))
    ]
    parts = reread_under._as_segments(text, caption, read)
    assert [p.text for p in parts] == ["Hospital Discharge Date"]
    assert reread_under._as_segments(text, caption, read[:1]) == []  # 'Hospital' captions nothing


def test_a_ticked_options_word_read_unsurely_is_lifted_by_a_read_of_the_same_word() -> None:
    from parsers.fax import reread_option
    from parsers.fax.record_builder import confidence

    def sex(read: str) -> Candidate:
        state = _state(_Engine([[(read, 95)]]))
        state.candidates = [Candidate("member.sex", "M", 1, (227, 669, 284, 691), 0.68, "checkbox", "Male")]
        reread_option.reread_options(state)
        return state.candidates[0]

    assert confidence(sex("Male")) >= 0.8
    assert sex("Female").second_conf is None  # another word: no agreement


def test_a_signature_lines_date_over_its_own_caption_under_the_line_is_the_signatures_date() -> None:
    from parsers.fax.layout import page_segments
    from parsers.fax.signature import find_signature

    words = [
        Word("Prescriber", 90.0, 100, 500, 110, 18, (1, 1, 1)),
        Word("Signature", 90.0, 220, 500, 100, 18, (1, 1, 1)),
        Word("Date", 62.0, 1100, 500, 40, 18, (1, 1, 2)),
        Word("(mm-dd-yyyy)", 71.0, 1150, 500, 110, 18, (1, 1, 2)),
        Word("11-16-2026", 95.0, 1110, 462, 150, 24, (2, 1, 1)),
    ]
    page = Page(1, 1728, 2244, words=words)
    lines, segments = page_segments(page)
    image = Image.new("L", (1728, 2244), 255)
    draw = ImageDraw.Draw(image)
    draw.line([(x, 480 if (x // 40) % 2 else 515) for x in range(360, 900, 20)], fill=0, width=4)  # the scribble
    read = find_signature(PageText(page, lines, segments), image, 204)
    assert read is not None and read.present is True
    assert read.date == dt.date(2026, 11, 16)


def test_a_garbled_date_caption_under_a_signatures_date_is_read_again() -> None:
    from parsers.fax import reread_under

    value, caption = _segment("11-16-2026", 1110, 1435, 95), _segment("Cute imm dd-yyyy)", 1099, 1481, 63)
    text = _text([value, caption])
    read = [
        Word(t, c, GAP + PAD + 2 * x, GAP + PAD, 2 * 12 * len(t), 40)
        for t, c, x in (("Date", 62.0, 0), ("(mm-dd-yyyy)", 71.0, 50))
    ]
    assert [p.text for p in reread_under._as_segments(text, caption, read)] == ["Date (mm-dd-yyyy)"]
    unsure = [dataclasses.replace(w, conf=40.0) for w in read]
    assert reread_under._as_segments(text, caption, unsure) == []


def test_an_address_caption_whose_last_word_is_garbled_into_pieces_is_the_caption_alone() -> None:
    """'STREET ADDRE 5S,' for 'STREET ADDRESS' (its S read as a 5): no address begins with a garbled
    word, so the rest is the caption's, and the street is the value under it."""
    assert _hits("STREET ADDRE 5S,") == [("address", None, "STREET ADDRE 5S,")]
    assert [h[2] for h in _hits("Address 12 Oak St")] == ["Address"]
    assert [h[2] for h in _hits("Street Oak 12")] == ["Street"]  # a known word: a value, read or not


def test_a_rules_mark_between_the_street_and_the_city_is_no_part_of_the_address() -> None:
    """A box's rule OCR read as '|' on the street's row ('4443 Prospect St | Providence | RI | 02903')."""
    garbled = [("aptiunt", 700, 262, None), ("ty", 900, 262, None), ("- state iP", 1250, 262, None)]
    found = _found(_page([*ADDRESS_ROW, ("|", 600, 196, None), *garbled]))
    assert found["member.address"] == AddressValue("12 Oak St", "Apt 3", "Hartford", "CT", "06103")


def test_a_value_read_whole_behind_a_gutter_rules_marks_is_kept_for_its_second_read() -> None:
    """'Insured ID | W888117023' with its rule read as '+=' glued to the id: the word's low confidence
    is the marks', the id after them is read whole; it stays, for its second read to decide."""
    state = _state()
    glued = Word("+=W888117023", 11.0, 1099, 563, 156, 20)
    marks = Word("+=Ey", 11.0, 1099, 663, 60, 20)
    state.candidates = [
        Candidate(
            "member.member_id", "W888117023", 1, (1099, 563, 1255, 583), 0.11, "label", raw="W888117023", words=(glued,)
        ),
        Candidate("member.member_id", "Ey", 1, (1099, 663, 1159, 683), 0.11, "label", raw="Ey", words=(marks,)),
    ]
    shaded_bands.drop_mark_values(state)
    assert [c.value for c in state.candidates] == ["W888117023"]


def test_a_segment_led_by_a_captions_end_mark_is_no_garbled_caption_under_a_value() -> None:
    """': English' is the value of a caption before it on its row, not a caption under a value."""
    from parsers.fax import reread_under

    value, caption = _segment("11-18-2026", 845, 391, 96), _segment(": Hosphal Discharge Dale", 834, 435, 60)
    assert not reread_under._garbled(_text([value, caption]), caption)


def test_a_blank_fields_crop_is_cut_to_the_band_its_rows_other_fields_share() -> None:
    fields = [
        [Word("12", 90.0, 100, 497, 30, 24)],
        [Word("RI", 40.0, 400, 492, 30, 37)],
        [Word("02903", 90.0, 500, 495, 70, 24)],
    ]
    assert reread_address._in_band(fields, 1) == (400, 495, 430, 521)
    assert reread_address._in_band(fields[1:2], 0) == (400, 492, 430, 529)  # alone on its row: as read
