"""A category opening a bracket whose code's rest closes it further on is a cut read, no code."""

from __future__ import annotations

from parsers.fax.bracket_rest import rest_after, rest_further_on
from parsers.fax.model import Word

CATEGORIES = {"E11", "J44", "I50", "L89", "J96", "D00", "G47"}


def _word(text: str, left: int) -> Word:
    return Word(text, 90.0, left, 774, 12 * len(text), 23)


def _is_category(code: str) -> bool:
    return code.upper() in CATEGORIES


def test_a_bracketed_category_with_its_rest_further_on_is_cut() -> None:
    opened, stray, rest = _word("(E11", 1211), _word("1", 1236), _word("65)", 1272)  # a mark of the line above between
    assert rest_further_on(opened, [opened, stray, rest], _is_category)


def test_a_closed_bracket_a_billable_code_or_no_rest_is_no_cut() -> None:
    closed = _word("(E11)", 1211)
    assert not rest_further_on(closed, [closed, _word("65)", 1280)], _is_category)
    billable = _word("(I10", 1211)
    assert not rest_further_on(billable, [billable, _word("9)", 1272)], _is_category)
    alone = _word("(E11", 1211)
    assert not rest_further_on(alone, [alone, _word("and", 1272), _word("hypertension", 1320)], _is_category)
    far = _word("(E11", 1211)
    assert not rest_further_on(far, [far, _word("65)", 1500)], _is_category)


def test_a_category_with_a_rest_shaped_word_just_after_it_is_cut() -> None:
    category, rest = _word("L89", 1393), _word("354", 1465)  # L89.154: the dot lost, the 1 read as 3
    assert rest_after(category, [category, rest], _is_category)
    category, rest = _word("J96", 936), _word("EL", 978)  # J96.11: the 11 read as letters
    assert rest_after(category, [category, rest, _word("(Chronic", 1008)], _is_category)


def test_a_category_with_a_description_after_it_a_listed_one_or_a_word_is_no_cut() -> None:
    header = _word("J44", 900)
    assert not rest_after(header, [header, _word("(Chronic", 960), _word("obstructive", 1060)], _is_category)
    listed = _word("J44,", 900)
    assert not rest_after(listed, [listed, _word("I10", 960)], _is_category)
    billable = _word("I10", 900)
    assert not rest_after(billable, [billable, _word("9", 950)], _is_category)
    lower = _word("dod", 891)  # a word whose look-alike reading is a category
    assert not rest_after(lower, [lower, _word("12", 1008)], lambda code: True)
    far = _word("L89", 900)
    assert not rest_after(far, [far, _word("354", 1200)], _is_category)


def test_a_category_with_a_garbled_rest_led_by_a_digit_look_alike_mark_is_cut() -> None:
    category = _word("G47", 384)  # G47.33: '.33' read as '$4'
    assert rest_after(category, [category, _word("$4", 433), _word("(Obscruc", 464)], _is_category)
    category = _word("L89", 900)
    assert rest_after(category, [category, _word("&54", 950)], _is_category)


def test_a_mark_with_no_digit_a_price_or_a_long_number_after_a_category_is_no_cut() -> None:
    category = _word("J44", 900)
    for after in ("$", "&", "$1250", "&nbsp", "$a"):
        assert not rest_after(category, [category, _word(after, 950)], _is_category), after


def test_a_cut_category_is_read_with_its_rest_as_one_open_code() -> None:
    """'G47 $4' (G47.33, '.33' read as '$4'), 'L89 &54': the open code's word spans the category and its
    rest, so a re-read of its crop sees the whole code printed; the rest is no code of its own, and a
    re-read of a garbled word looks at no word inside it again."""
    from ingest.codesets import VALIDATOR_CODE_SETS
    from parsers.fax.diagnosis_codes import diagnosis_reads
    from parsers.fax.reread_lost import _within_read
    from tests.fax.test_reading_units import _page

    for line, raw in [
        ("Diagnosis codes G47 $4 (Obstructive sleep apnea)", "G47 $4"),
        ("Dx: L89 &54 Pressure ulcer", "L89 &54"),
    ]:
        reads = list(diagnosis_reads(_page([line]), VALIDATOR_CODE_SETS))
        assert [(r.raw, r.correction.value, r.correction.readings) for r in reads] == [(raw, None, ())], line
        words = _page([line]).lines[0].words
        head, rest = (w for w in words if w.text in raw.split())
        assert reads[0].word.left == head.left and reads[0].word.right == rest.right
        assert _within_read(head, reads) and _within_read(rest, reads)
