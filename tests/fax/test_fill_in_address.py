"""A fill-in form's address: 'Street address ____' and, on the line under it, 'City, State, ZIP ____'
with no colons; and a second read with a speck at a line's edge."""

from __future__ import annotations

import pytest

from parsers.fax.address_text import AddressValue, read_address
from parsers.fax.extract import CITY_PARTS, candidates, labelled_hits
from parsers.fax.layout import page_segments
from parsers.fax.model import Page, PageText, Word, conf_of, inked
from tests.fax.test_reading_units import _page


def test_a_city_line_captioned_by_its_parts_without_a_colon_completes_the_street() -> None:
    text = _page(["PATIENT", "Street address 1006 Cedar Lane", "City, State, ZIP_ Providence, RI 02903"])
    found = [c for c in candidates(text, labelled_hits(text)) if c.path == "member.address"]
    assert [c.value for c in found] == [AddressValue("1006 Cedar Lane", None, "Providence", "RI", "02903")]


def test_the_parts_caption_names_the_city_line_only() -> None:
    assert CITY_PARTS.match("City / State / Zip Code: Hartford") is not None
    assert CITY_PARTS.match("City, State, ZIP_ Providence") is not None
    assert CITY_PARTS.match("City Hospital, State Zipline") is None
    assert CITY_PARTS.match("Cuy, State, ZIP Stamford") is not None  # 'City' garbled
    assert CITY_PARTS.match("County, State, ZIP Fairfield") is None


def test_a_speck_at_the_edge_of_an_address_line_is_no_part_of_it() -> None:
    found = read_address("359 Cedar Lane, ' Springfield, MA 01103-7399")
    assert found is not None and found.value.city == "Springfield"
    assert read_address("359 Cedar Lane, Spring_field, MA 01103") is None  # inside a word: no speck
    dashed = read_address("3912 Main Street, Unit 12, ' - Stamford, cT 06901")
    assert dashed is not None and (dashed.value.line2, dashed.value.city) == ("Unit 12", "Stamford")
    hyphened = read_address("12 Elm St, Winston-Salem, NC 27101")
    assert hyphened is not None and hyphened.value.city == "Winston-Salem"


def test_a_policy_caption_whose_li_ocr_read_as_h_is_the_member_number() -> None:
    from parsers.fax.labels import hits_in

    text = _page(["PATIENT", "Member / pohcy # H346592027"])
    assert [h.kind for s in text.segments for h in hits_in(s)][-1:] == ["member_id"]


def test_a_speck_read_as_a_word_does_not_lower_an_agreeing_reads_confidence() -> None:
    words = [Word("359", 96, 0, 0, 30, 20), Word("'", 18, 40, 0, 5, 20), Word("Cedar", 91, 50, 0, 50, 20)]
    assert [w.text for w in inked(words)] == ["359", "Cedar"]
    assert inked([Word("'", 18, 40, 0, 5, 20)])[0].text == "'"


def _rows(rows: list[list[tuple[int, str]]], tall: str = "") -> PageText:
    """Words set at the given x on rows 48 px apart: captions and their values in columns; the word
    `tall` read taller than the others (a leader's dots joined to it)."""
    words = []
    for index, row in enumerate(rows):
        top = 100 + 48 * index
        for x, phrase in row:
            for token in phrase.split():
                height = 34 if token == tall else 20
                words.append(Word(token, 95.0, x, top, 12 * len(token), height, line_key=(1, 1, top)))
                x += 12 * len(token) + 10
    page = Page(number=1, width=1734, height=2244, words=words)
    lines, segments = page_segments(page)
    return PageText(page, lines, segments)


@pytest.mark.parametrize("tall", ["", "City"])
def test_a_city_row_under_the_street_row_with_state_and_zip_captioned_right_of_the_city(tall: str) -> None:
    """Captions in one column, values in the next: 'Street address  4404 Asylum Ave', under it
    'City  Hartford' and right of it on that row 'State / ZIP  CT 06103-8386'. The 'City' caption
    under the street's caption is no value of it, however tall it was read."""
    text = _rows(
        [
            [(120, "Patient name"), (560, "DAVIS, MARIA")],
            [(120, "Street address"), (560, "4404 Asylum Ave, Unit 12")],
            [(120, "City"), (560, "Hartford"), (1010, "State / ZIP ."), (1240, "CT 06103-8386")],
        ],
        tall,
    )
    found = [c for c in candidates(text, labelled_hits(text)) if c.path == "member.address"]
    assert [c.value for c in found] == [AddressValue("4404 Asylum Ave", "Unit 12", "Hartford", "CT", "06103-8386")]


def test_the_captioned_parts_right_of_a_city_must_be_an_address_s_parts() -> None:
    """Right of the city, a caption that is no address part ('Payer') ends the city's row."""
    text = _rows(
        [
            [(120, "Patient name"), (560, "DAVIS, MARIA")],
            [(120, "Street address"), (560, "4404 Asylum Ave")],
            [(120, "City"), (560, "Hartford"), (1010, "Payer"), (1240, "CT 06103")],
        ]
    )
    assert [c for c in candidates(text, labelled_hits(text)) if c.path == "member.address"] == []


def test_a_speck_read_as_a_word_does_not_lower_the_page_reads_confidence() -> None:
    """The page read of '359 Cedar Lane ' Springfield' (a speck at 18 between the street and the city
    lines of a standard-resolution fax) is as sure as its least sure word with a letter or digit."""
    words = [Word("359", 96, 0, 0, 30, 20), Word("'", 18, 40, 0, 5, 20), Word("Cedar", 91, 50, 0, 50, 20)]
    assert conf_of(words) == 0.91
    assert conf_of([Word("'", 18, 40, 0, 5, 20)]) == 0.18


def test_a_speck_before_the_state_and_zip_right_of_their_caption_is_no_part_of_them() -> None:
    """'State / ZIP.   . CT 06103': a leader's last dot read before the state is no word of the address."""
    text = _rows(
        [
            [(120, "Patient name"), (560, "DAVIS, MARIA")],
            [(120, "Street address"), (560, "2460 Cedar Lane")],
            [(120, "City"), (560, "Hartford"), (1010, "State / ZIP."), (1220, ". CT 06103 ,")],
        ]
    )
    found = [c for c in candidates(text, labelled_hits(text)) if c.path == "member.address"]
    assert [c.value for c in found] == [AddressValue("2460 Cedar Lane", None, "Hartford", "CT", "06103")]


def _row(tokens: list[tuple[str, int]], top: int) -> list[Word]:
    return [Word(t, 90.0, left, top, 11 * len(t), 20, line_key=(1, 1, top)) for t, left in tokens]


def _address_of(rows: list[list[Word]]) -> list[object]:
    page = Page(number=1, width=1734, height=2244, words=[w for row in rows for w in row])
    lines, segments = page_segments(page)
    text = PageText(page, lines, segments)
    return [c.value for c in candidates(text, labelled_hits(text)) if c.path == "member.address"]


PATIENT = _row([("PATIENT", 100)], 60)
STREET = _row([("Street", 100), ("address", 176), ("1006", 300), ("Cedar", 354), ("Lane", 420)], 100)


def test_a_city_line_whose_parts_caption_ocr_garbled_is_read_under_the_street_s_value() -> None:
    """'Caty, State, 7lP Providence, RI 02903': the caption's words stand left of the street's value, each
    a garbled part's name or a word no city holds ('7lP'); the city line's value starts under the street's."""
    city = _row([("Caty,", 100), ("State,", 165), ("7lP", 240), ("Providence,", 302), ("RI", 436), ("02903", 468)], 140)
    assert _address_of([PATIENT, STREET, city]) == [AddressValue("1006 Cedar Lane", None, "Providence", "RI", "02903")]


def test_a_word_left_of_the_street_s_value_that_may_be_the_city_s_keeps_the_line_unread() -> None:
    """'Caty, State, New Haven, CT 06511' with 'Haven' under the street's value: 'New' may be the city's own word,
    so the city is not cut to 'Haven'."""
    split = _row([("Caty,", 100), ("State,", 165), ("New", 235), ("Haven,", 280), ("CT", 358), ("06511", 390)], 140)
    assert _address_of([PATIENT, STREET, split]) == []
