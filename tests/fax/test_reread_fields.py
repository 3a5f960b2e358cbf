"""Re-reads of labelled values that failed their check (reread_fields.py): NPI, dates, phones, sex."""

from __future__ import annotations

import datetime as dt
import re

from PIL import Image

from parsers.fax.extract import PageText
from parsers.fax.labels import PATIENT, PROVIDER, Label, LabelHit
from parsers.fax.model import Candidate, Page, Segment, Word
from parsers.fax.preprocess import Prepared
from parsers.fax.reading import FaxRead
from parsers.fax.reread_fields import _charset, _digit_run, reread_failing_fields
from tests.fax.test_reread import Canned, tiff_read

RECEIVED = dt.datetime(2026, 11, 25, tzinfo=dt.UTC)


def _state(engine: Canned, kind: str, role: str | None, label: str, value: str) -> FaxRead:
    state = tiff_read(engine)
    image = Image.new("L", (600, 200), 255)
    state.prepared[1] = Prepared(image, image, 0.0)
    words, left = [], 20
    for text in [label, *value.split()]:
        words.append(Word(text=text, conf=70, left=left, top=50, width=12 * len(text), height=30, line_key=(1,)))
        left += 12 * len(text) + 12
    segment = Segment(1, 0, tuple(words))
    page = Page(number=1, width=600, height=200, image=image, words=words)
    state.pages, state.texts = [page], [PageText(page, [segment], [segment])]
    pattern = Label(kind, role, True, re.compile(re.escape(label)))
    state.hits[1] = [LabelHit(pattern, segment, 0, len(label), role)]
    return state


def _values(state: FaxRead, path: str) -> list[object]:
    return [c.value for c in state.candidates if c.path == path and c.confirmed_by is not None]


def test_an_npi_whose_check_digit_failed_is_taken_when_both_rereads_agree_on_a_valid_one() -> None:
    state = _state(Canned("1234567893", "1234567893"), "npi", PROVIDER, "NPI:", "1234567B98")
    failed = Candidate("ordering_provider.npi", "1234567B98", 1, (80, 50, 200, 80), 0.6, "label")
    state.candidates = [failed]
    reread_failing_fields(state)
    assert [c.value for c in state.candidates if c.path == "ordering_provider.npi"] == ["1234567893"]


def test_rereads_agreeing_on_an_npi_with_a_bad_check_digit_give_nothing() -> None:
    state = _state(Canned("1234567890", "1234567890"), "npi", PROVIDER, "NPI:", "1234567890")
    reread_failing_fields(state)
    assert _values(state, "ordering_provider.npi") == []


def test_a_date_read_the_same_twice_and_plausible_for_its_role_is_taken() -> None:
    state = _state(Canned("03/14/1950", "03/14/1950"), "dob", PATIENT, "DOB:", "O3/l4/195O")
    reread_failing_fields(state)
    assert _values(state, "member.dob") == [dt.date(1950, 3, 14)]


def test_dates_that_disagree_or_are_out_of_range_for_their_role_give_nothing() -> None:
    disagree = _state(Canned("03/14/1950", "03/14/1956"), "dob", PATIENT, "DOB:", "O3/l4/195O")
    future_birth = _state(Canned("03/14/2050", "03/14/2050"), "dob", PATIENT, "DOB:", "O3/l4/2O5O")
    old_order = _state(Canned("11/19/2016", "11/19/2016"), "order_date", None, "Order date:", "ll/19/2Ol6")
    for state in (disagree, future_birth, old_order):
        reread_failing_fields(state)
        assert not [c for c in state.candidates if c.confirmed_by]


def test_a_month_name_misread_by_one_letter_before_the_day_is_read_again_with_the_date() -> None:
    """'Noy 19, 2026': the month one letter off ('Nov') is part of the date's crop, read again whole."""
    engine = Canned("Nov19,2026", "Nov19,2026")  # the spaces a whitelist makes tesseract drop
    state = _state(engine, "order_date", None, "Date of order:", "Noy 19, 2026")
    reread_failing_fields(state)
    assert _values(state, "order_date") == [dt.date(2026, 11, 19)]
    assert _charset("order_date", "Noy 19, 2026") == "long_date"  # the month's letters may be read
    words = state.texts[0].segments[0].words
    assert [w.text for w in _digit_run(words)] == ["Noy", "19,", "2026"]
    assert [w.text for w in _digit_run((words[0], *words[2:]))] == ["19,", "2026"]  # the caption is no month


def test_a_phone_is_taken_only_as_ten_digits_under_nanp_rules() -> None:
    good = _state(Canned("(860) 555-0142", "(860) 555-0142"), "phone", PROVIDER, "Phone:", "(86O) S55-Ol42")
    reread_failing_fields(good)
    assert _values(good, "ordering_provider.phone") == ["8605550142"]
    bad = _state(Canned("(160) 555-0142", "(160) 555-0142"), "phone", PROVIDER, "Phone:", "(l6O) S55-Ol42")
    reread_failing_fields(bad)
    assert _values(bad, "ordering_provider.phone") == []


def test_sex_is_taken_from_two_agreeing_single_letter_reads() -> None:
    state = _state(Canned("F", "F"), "sex", PATIENT, "Sex:", "E")
    reread_failing_fields(state)
    assert _values(state, "member.sex") == ["F"]
    state = _state(Canned("F", "M"), "sex", PATIENT, "Sex:", "E")
    reread_failing_fields(state)
    assert _values(state, "member.sex") == []


def test_a_number_a_sentence_leads_to_is_not_reread_as_the_captions_value() -> None:
    line = "completed referral and both pages to (8OO) S55-Ol43"
    state = _state(Canned("(800) 555-0143", "(800) 555-0143"), "fax", PROVIDER, "Fax", line)
    reread_failing_fields(state)
    assert _values(state, "ordering_provider.fax") == []
    state = _state(Canned("(860) 555-0143", "(860) 555-0143"), "fax", PROVIDER, "Fax:", "office (86O) S55-Ol43")
    reread_failing_fields(state)
    assert _values(state, "ordering_provider.fax") == ["8605550143"]


def test_a_sex_whose_other_option_stands_on_its_row_is_not_reread() -> None:
    state = _state(Canned("M", "M"), "sex", PATIENT, "Sex", "Male")
    other = Word(text="Female", conf=90, left=200, top=50, width=72, height=30, line_key=(1,))
    segment = Segment(1, 1, (other,))
    text = state.texts[0]
    state.texts = [PageText(text.page, [*text.lines, segment], [*text.segments, segment])]
    reread_failing_fields(state)
    assert _values(state, "member.sex") == []


def test_text_that_does_not_look_like_a_damaged_value_is_not_reread() -> None:
    state = _state(Canned(), "phone", PATIENT, "Phone:", "see chart")  # no canned reads: any OCR call fails
    reread_failing_fields(state)
    assert state.candidates == []


class CannedConfigs(Canned):
    """Canned reads that keep the configs asked for."""

    def __init__(self, *texts: str) -> None:
        super().__init__(*texts)
        self.configs: list[str] = []

    def hocr(self, image: Image.Image, config: str) -> str:
        self.configs.append(config)
        return super().hocr(image, config)


def test_an_address_that_failed_to_parse_is_read_again_without_a_whitelist() -> None:
    read = "852 Cedar Lane, Yonkers, NY 10701-1447"
    engine = CannedConfigs(read, read)
    state = _state(engine, "address", PATIENT, "Address:", "852 Cedar Lane, Yonkers, NY 10701-1:147")
    reread_failing_fields(state)
    (found,) = _values(state, "member.address")
    assert getattr(found, "zip", None) == "10701-1447" and getattr(found, "city", None) == "Yonkers"
    assert engine.configs and not any("whitelist" in c for c in engine.configs)


def test_an_address_whose_re_reads_disagree_or_a_street_line_alone_gives_nothing() -> None:
    disagree = _state(
        Canned("852 Cedar Lane, Yonkers, NY 10701-1447", "852 Cedar Lane, Yonkers, NY 10701-1147"),
        "address",
        PATIENT,
        "Address:",
        "852 Cedar Lane, Yonkers, NY 10701-1:147",
    )
    street = _state(Canned("852 Cedar Lane", "852 Cedar Lane"), "address", PATIENT, "Address:", "852 Cedar Lane")
    for state in (disagree, street):
        reread_failing_fields(state)
        assert _values(state, "member.address") == []
