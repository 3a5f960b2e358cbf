"""A mark glued to the front of a value typed on an underline ('_ 1/19/2026' for 11/19/2026)."""

from __future__ import annotations

import pytest

from parsers.fax.extract import candidates, labelled_hits
from parsers.fax.glued import with_glued_mark
from parsers.fax.model import Page, PageText, Segment, Word
from parsers.fax.verify_standard import _damaged


def _row(gap: int) -> tuple[Word, ...]:
    caption = [
        Word("Hospital", 95, 865, 871, 93, 25, (1,)),
        Word("discharge", 95, 966, 871, 105, 26, (1,)),
        Word("date", 95, 1079, 871, 45, 20, (1,)),
    ]
    mark = Word("_", 0.0, 1167 - gap - 10, 890, 10, 1, (1,))
    return (*caption, mark, Word("1/19/2026", 80, 1167, 871, 119, 21, (1,)))


def test_a_mark_glued_before_a_date_is_kept_with_it_in_the_dates_band() -> None:
    words = _row(gap=5)
    found = with_glued_mark(Segment(1, 0, words), words[-1:])
    assert [w.text for w in found] == ["_", "1/19/2026"]
    assert (found[0].top, found[0].bottom, found[0].right) == (871, 892, 1167)


def test_a_mark_set_apart_or_a_word_before_the_value_is_not_kept() -> None:
    words = _row(gap=40)
    assert with_glued_mark(Segment(1, 0, words), words[-1:]) == words[-1:]
    caption = _row(gap=5)[:3]
    assert with_glued_mark(Segment(1, 0, caption), caption[-1:]) == caption[-1:]


def test_the_labelled_date_takes_in_the_glued_mark() -> None:
    page = Page(number=1, width=1734, height=2244, words=list(_row(gap=5)))
    segment = Segment(1, 0, tuple(page.words))
    text = PageText(page, [segment], [segment])
    found = [c for c in candidates(text, labelled_hits(text)) if c.path == "discharge_date"]
    assert [c.bbox for c in found] == [(1152, 871, 1286, 892)]


def test_a_page_read_with_a_mark_where_the_second_read_has_a_digit_is_damaged() -> None:
    assert _damaged("_ 1/19/2026", "11/19/2026")
    assert not _damaged("1/19/2026", "11/19/2026")


def _sex(line: str) -> list[object]:
    from tests.fax.test_reading_units import _page

    text = _page(["PATIENT", line])
    return [c.value for c in candidates(text, labelled_hits(text)) if c.path == "member.sex"]


def test_a_sex_word_behind_a_box_is_an_option_offered_not_an_answer() -> None:
    assert _sex("Sex ([] Male") == []  # the other option lost to OCR: ticked or not is the box's to say
    assert _sex("Sex: Male") == ["M"]


def test_a_box_whose_tick_ocr_read_as_a_character_between_brackets_is_still_a_box() -> None:
    """'[7]', '[v]', '(/)': a box with its tick (or a speck) read as one character is a box: the sex
    word after it is an option offered, the other option lost to OCR."""
    for line in ("Sex [7] Male", "Sex [v] Female", "Sex (/) Male", "Sex [1] Male"):
        assert _sex(line) == [], line


def test_a_leaders_last_dot_set_apart_before_a_value_is_no_part_of_it() -> None:
    """'Beneficiary name ......... , WILSON, HENRY': the leader's last dot, read as ',' a gap before the
    name, is no glyph of it; the value's box (the crop its second read takes) starts at the name."""
    words = [
        Word("Patient", 95, 125, 300, 90, 21, (1,)),
        Word("name", 95, 225, 300, 60, 21, (1,)),
        Word(",", 60, 525, 318, 3, 5, (1,)),
        Word("WILSON,", 96, 562, 299, 115, 27, (1,)),
        Word("HENRY", 96, 704, 300, 86, 21, (1,)),
    ]
    page = Page(number=1, width=1734, height=2244, words=words)
    segment = Segment(1, 0, tuple(words))
    text = PageText(page, [segment], [segment])
    found = [c for c in candidates(text, labelled_hits(text)) if c.path == "member.name"]
    assert [(c.value, c.bbox[0]) for c in found] == [(("HENRY", "WILSON"), 562)]


@pytest.mark.parametrize("line", ["Sex Ol M Xl FE", "Sex Cl M", "Sex Xl Male oi FEMALE", "Sex CJ F"])
def test_a_sex_word_behind_a_box_read_with_a_stroke_is_an_option_offered(line: str) -> None:
    """A box read as a round or square mark beside a stroke ('Ol', 'Cl', 'Xl': its side read as an l) is a
    box all the same: the sex word after it is an option offered (the other option's word garbled,
    'FE' for F), and which is ticked is the boxes' to say, never the first option's word."""
    assert _sex(line) == []


def test_a_sex_word_behind_a_box_in_the_box_under_its_caption_is_an_option_offered() -> None:
    """'6 GENDER' over its box's options 'Ol M Xl FE' (F ticked, its word garbled): the M behind its
    empty box is an option offered, no answer, under the caption as on its line."""
    from tests.fax.test_roles import _cells, _found

    text = _cells([(390, [(1430, "6 GENDER")]), (424, [(1440, "Ol M Xl FE")])])
    assert "member.sex" not in _found(text)
    assert _found(_cells([(390, [(1430, "6 GENDER")]), (424, [(1440, "M")])]))["member.sex"] == "M"
