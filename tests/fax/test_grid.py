"""Two-column forms whose captions sit left of their values: ruled grids and unruled gaps."""

from __future__ import annotations

import datetime as dt

import pytest
from PIL import Image, ImageDraw

from parsers.fax.address_text import read_address
from parsers.fax.cells import CELL_LINE_BASE
from parsers.fax.extract import PageText, candidates, labelled_hits
from parsers.fax.labels import PATIENT, PAYER, PROVIDER, SUPPLIER, hits_in
from parsers.fax.layout import page_segments
from parsers.fax.model import Page, Segment, Word
from parsers.fax.signature import find_signature

WIDTH = 1734


def _placed(text: str, left: int, top: int, cell: int | None = None) -> list[Word]:
    """Words of `text` from `left` on the line at `top`; in ruled cell `cell` when given."""
    out = []
    for token in text.split():
        key = (CELL_LINE_BASE + cell, 1, 1, top) if cell is not None else (1, 1, top)
        out.append(Word(token, 95.0, left, top, 12 * len(token), 20, line_key=key))
        left += 12 * len(token) + 10
    return out


def _page(items: list[tuple[str, int, int, int | None]]) -> PageText:
    words = [w for text, left, top, cell in items for w in _placed(text, left, top, cell)]
    page = Page(number=1, width=WIDTH, height=2244, words=words)
    lines, segments = page_segments(page)
    return PageText(page, lines, segments)


def _found(text: PageText) -> dict[str, object]:
    return {c.path: c.value for c in candidates(text, labelled_hits(text))}


def _grid(rows: list[tuple[str, str, str, str]]) -> PageText:
    """A ruled grid: each row four cells (caption, value, caption, value), one cell each."""
    items: list[tuple[str, int, int, int | None]] = []
    for r, row in enumerate(rows):
        for c, (text, left) in enumerate(zip(row, (117, 408, 882, 1173), strict=True)):
            if text:
                items.append((text, left, 230 + 85 * r, 4 * r + c))
    return _page(items)


def test_a_caption_alone_in_its_cell_takes_the_value_in_the_cell_right_of_it() -> None:
    found = _found(
        _grid(
            [
                ("Patient (Last, First)", "Rodriguez, Linda", "Birthdate", "9-4-1932"),
                ("Gender", "Female", "Contact Phone", "203.555.3324"),
                ("Health Plan", "Summit Advantage", "Plan Member #", "M516815792"),
                ("Attending", "Helen Carter, MD", "Attending NP!", "1911227324"),
            ]
        )
    )
    assert found["member.name"] == ("Linda", "Rodriguez")
    assert found["member.dob"] == dt.date(1932, 9, 4)
    assert found["member.sex"] == "F"
    assert found["member.phone"] == "2035553324"  # the right column's role from the row above
    assert found["payer.name"] == "Summit Advantage"
    assert found["member.member_id"] == "M516815792"
    assert found["ordering_provider.npi"] == "1911227324"


def test_an_unruled_caption_takes_the_value_across_a_wide_gap_on_its_line() -> None:
    found = _found(_page([("Date of Birth", 100, 200, None), ("01/23/1945", 520, 200, None)]))
    assert found["member.dob"] == dt.date(1945, 1, 23)


def test_no_value_is_taken_across_another_caption() -> None:
    found = _found(_grid([("Gender", "", "Birthdate", "F")]))
    assert "member.sex" not in found  # the cell right of 'Gender' is the next caption, not a value
    unknown = _found(_page([("Sex", 100, 200, None), ("Relationship:", 400, 200, None), ("M", 700, 200, None)]))
    assert "member.sex" not in unknown


def test_a_value_too_far_right_is_not_the_captions() -> None:
    assert "member.dob" not in _found(_page([("Date of Birth", 100, 200, None), ("01/23/1945", 1200, 200, None)]))


def test_a_value_under_its_caption_in_its_own_cell_comes_before_the_next_cell() -> None:
    found = _found(_page([("Patient Name", 117, 230, 0), ("John Smith", 117, 262, 0), ("Mary Jones", 600, 230, 1)]))
    assert found["member.name"] == ("John", "Smith")


def test_a_weak_caption_word_run_into_the_next_caption_qualifies_it() -> None:
    segment = Segment(1, 0, tuple(_placed("Plan Member #", 10, 20)))
    assert [(h.kind, h.label.role) for h in hits_in(segment)] == [("member_id", PATIENT)]


def test_a_payers_name_ending_in_health_plan_is_one_value() -> None:
    assert _found(_page([("Insurance: Acme Health Plan", 100, 200, None)]))["payer.name"] == "Acme Health Plan"


@pytest.mark.parametrize(
    ("caption", "kind", "role"),
    [
        ("Anticipated D/C", "discharge_date", None),
        ("Expected discharge date", "discharge_date", None),
        ("Date of Referral", "order_date", None),
        ("Accepting Agency", "org", SUPPLIER),
        ("Discharge Address", "address", PATIENT),
        ("Callback #", "phone", None),
        ("Attending NP!", "npi", PROVIDER),
        ("Health Plan", "org", PAYER),
    ],
)
def test_discharge_referral_captions(caption: str, kind: str, role: str | None) -> None:
    segment = Segment(1, 0, tuple(_placed(caption, 10, 20)))
    assert [(h.kind, h.label.role) for h in hits_in(segment)] == [(kind, role)]


@pytest.mark.parametrize(
    ("text", "state", "corrected"),
    [
        ("105 Maple Avenue, Providence, R! 02903", "RI", True),
        ("12 Elm St, Chicago, 1L 60601", "IL", True),
        ("12 Elm St, Hartford, CT 06103", "CT", False),
        ("2637 Asylum Ave, New Haven, ‘CT 06511-9775", "CT", False),  # a stray quote mark before it
    ],
)
def test_a_state_codes_i_misread_as_a_bar_or_one_is_the_state(text: str, state: str, corrected: bool) -> None:
    read = read_address(text)
    assert read is not None and read.value.state == state and read.corrected is corrected  # type: ignore[attr-defined]


@pytest.mark.parametrize("text", ["12 Elm St, Unit 11 06103", "12 Elm St, Hartford, X! 06103"])
def test_no_state_is_made_of_digits_or_of_an_unknown_pair(text: str) -> None:
    assert read_address(text) is None


def test_tel_with_its_l_misread_is_a_phone_caption_only_at_the_start_or_before_a_colon() -> None:
    found = _found(_page([("Dr: Okafor, Samuel", 917, 300, None), ("Tet: 860.555.5520", 917, 370, None)]))
    assert found["ordering_provider.phone"] == "8605555520"
    assert _hits("Fred Tet 860.555.5520") == []


def _hits(text: str) -> list[tuple[str, str | None]]:
    return [(h.kind, h.label.role) for h in hits_in(Segment(1, 0, tuple(_placed(text, 10, 20))))]


@pytest.mark.parametrize(
    ("caption", "kind", "role"),
    [
        ("9 Physician phorie", "phone", PROVIDER),
        ("Start of Cane", "start_date", None),
        ("Date of Referal", "order_date", None),
    ],
)
def test_more_captions_ocr_garbled_are_the_caption_they_are_nearest_to(
    caption: str, kind: str, role: str | None
) -> None:
    assert _hits(caption) == [(kind, role)]


def _signature_page(signer_line: str, typed: str | None, ink: bool) -> tuple[PageText, Image.Image]:
    items: list[tuple[str, int, int, int | None]] = [
        ("I certify this patient is under my care", 100, 1400, None),
        (signer_line, 100, 1500, None),
        ("Date/Time: 11/19/2026 14:20", 1080, 1500, None),
    ]
    if typed:
        items.append((typed, 600, 1500, None))
    image = Image.new("L", (WIDTH, 2244), 255)
    if ink:
        ImageDraw.Draw(image).line([(600, 1510), (700, 1490), (800, 1515), (900, 1495)], fill=0, width=6)
    return _page(items), image


def test_the_signers_line_under_an_attestation_is_the_signature_line() -> None:
    text, image = _signature_page("Discharging physician:", None, ink=True)
    read = find_signature(text, image, 300)
    assert read is not None and read.present is True and read.date == dt.date(2026, 11, 19)
    text, image = _signature_page("Discharging physician:", None, ink=False)
    assert (read := find_signature(text, image, 300)) is not None and read.present is False


def test_a_typed_name_on_the_signers_line_is_no_signature() -> None:
    text, image = _signature_page("Discharging physician:", "Helen Carter", ink=True)
    read = find_signature(text, image, 300)
    assert read is not None and read.present is None


def test_a_physician_caption_with_no_attestation_above_is_no_signature_line() -> None:
    text = _page([("Physician: Helen Carter", 100, 1500, None), ("Date: 11/19/2026", 1080, 1500, None)])
    assert find_signature(text, Image.new("L", (WIDTH, 2244), 0), 300) is None


def test_an_unknown_caption_in_the_captions_column_is_no_value_for_the_caption_left_of_it() -> None:
    found = _found(
        _page(
            [
                ("Patient Name", 117, 230, 0),
                ("Emergency Contact", 600, 230, 2),
                ("John Doe", 850, 230, 3),
                ("Gender", 117, 315, 4),
                ("Female", 330, 315, 5),
                ("Birthdate", 600, 315, 6),
                ("9-4-1932", 850, 315, 7),
            ]
        )
    )
    assert "member.name" not in found  # 'Emergency Contact' stands where 'Birthdate' does: a caption
    assert found["member.sex"] == "F"
    unknown = _found(_page([("Patient Name", 100, 200, None), ("Relationship: Spouse", 400, 200, None)]))
    assert "member.name" not in unknown


def test_a_right_column_caption_takes_the_role_of_its_rows_name_read_after_it() -> None:
    found = _found(
        _page(
            [
                ("Patient Name", 117, 230, 0),
                ("Linda Rodriguez", 408, 230, 1),
                ("Attending", 117, 318, 2),
                ("Helen Carter, MD", 408, 318, 3),
                ("Phone", 882, 314, 4),  # a little higher than 'Attending': read first
                ("203-555-9028", 1173, 314, 5),
            ]
        )
    )
    assert found["ordering_provider.phone"] == "2035559028"
    assert "member.phone" not in found


def test_a_label_inside_a_title_takes_no_value_right_of_it() -> None:
    found = _found(_page([("HOSPITAL DISCHARGE REFERRAL", 400, 130, None), ("11/19/2026", 1200, 130, None)]))
    assert "discharge_date" not in found
    hint = _found(_page([("Birthdate (MM/DD/YYYY):", 100, 200, None), ("01/23/1945", 560, 200, None)]))
    assert hint["member.dob"] == dt.date(1945, 1, 23)


def test_a_format_hint_after_a_caption_is_no_value() -> None:
    """'Sex (M/F)' printed on the form is no answer: the value is what follows the hint, or elsewhere."""
    assert _found(_page([("SEX (M/F) F", 100, 200, None)]))["member.sex"] == "F"
    alone = _found(_page([("SEX (M/F)", 100, 200, None), ("F", 560, 200, None)]))
    assert alone["member.sex"] == "F"
    blank = _found(_page([("SEX (M/F)", 100, 200, None)]))
    assert "member.sex" not in blank
    phone = _found(_page([("Patient Phone: (617) 555-0123", 100, 200, None)]))
    assert phone["member.phone"] == "6175550123"


def _under_line_signature(typed_over: str | None) -> tuple[PageText, Image.Image]:
    """'Prescriber Signature' printed small under its line, the date under its own line right of it."""
    items: list[tuple[str, int, int, int | None]] = [
        ("Prescriber Signature (no stamps)", 100, 1500, None),
        ("Date (mm-dd-yyyy)", 1100, 1500, None),
        ("11-20-2026", 1110, 1440, None),
    ]
    if typed_over:
        items.append((typed_over, 180, 1440, None))
    image = Image.new("L", (WIDTH, 2244), 255)
    ImageDraw.Draw(image).line([(180, 1470), (300, 1430), (420, 1475), (520, 1435)], fill=0, width=6)
    return _page(items), image


def test_a_signature_over_its_caption_is_the_ink_over_it_with_the_date_over_its_caption() -> None:
    read = find_signature(*_under_line_signature(None), 300)
    assert read is not None and read.present is True and read.date == dt.date(2026, 11, 20)


def test_printed_text_over_a_signature_caption_is_no_signature() -> None:
    read = find_signature(*_under_line_signature("Attending physician statement"), 300)
    assert read is not None and read.present is False


def test_a_caption_run_into_the_next_caption_has_no_value_of_its_own() -> None:
    text = _page(
        [
            ("REFER TO", 144, 1376, None),
            ("Northside DME Supply", 551, 1371, None),
            ("REFER TO NPI", 144, 1430, None),
            ("1495738217", 551, 1428, None),
            ("SERVICE", 145, 1486, None),  # a caption not of ours under it, with its value right of it
            ("DME", 551, 1484, None),
        ]
    )
    found = [(c.path, c.value) for c in candidates(text, labelled_hits(text)) if c.path.startswith("servicing")]
    assert found == [("servicing_provider.name", "Northside DME Supply"), ("servicing_provider.npi", "1495738217")]


def test_an_emergency_contacts_phone_is_not_the_patients_when_ocr_garbled_contact() -> None:
    text = _page(
        [
            ("Patient Name: John Smith", 117, 200, None),
            ("Home Phone: (860) 555-0142", 117, 240, None),
            ("Emergency Contec Phone: (203) 555-0199", 900, 240, None),
        ]
    )
    phones = [c.value for c in candidates(text, labelled_hits(text)) if c.path == "member.phone"]
    assert phones == ["8605550142"]


def test_a_caption_word_inside_a_captions_value_makes_no_caption_column_of_the_values() -> None:
    """'INS   Acinte Health Plan' (the plan's name garbled, 'Health Plan' read as its caption): the value
    right of a bare caption is no caption that puts the values' column among the captions'."""
    found = _found(
        _page(
            [
                ("PT NAME", 145, 436, None),
                ("John Miller", 551, 436, None),
                ("PT PHONE", 145, 602, None),
                ("860.555.0444", 551, 602, None),
                ("INS", 145, 837, None),
                ("Acinte Health Plan", 551, 835, None),
                ("SUBSCRIBER ID", 145, 891, None),
                ("X761191679", 551, 891, None),
            ]
        )
    )
    assert found["member.name"] == ("John", "Miller")
    assert found["member.phone"] == "8605550444"
    assert found["member.member_id"] == "X761191679"
    assert "payer.name" not in found  # whether 'Health Plan' is its caption or a part of its name: unsure


def test_a_row_of_captions_keeps_its_columns_of_captions() -> None:
    """Captions over their values, side by side ('4 MEMBER ID NUMBER   5 DATE OF BIRTH'): each stands right
    of a caption with no value of its own, and its column is still one of captions (a garbled caption
    there is no value of the caption left of it)."""
    found = _found(
        _page(
            [
                ("4 MEMUER ID NUMBER", 740, 385, None),
                ("S DATE OF BIRTH (MANRIY YY Y)", 1096, 385, None),  # its box number '5' read as 'S'
                ("| 12 HEALTH PLAN", 528, 566, None),
                ("23 CROUP J DMPLOYLH NO", 1097, 566, None),
            ]
        )
    )
    assert "payer.name" not in found


def test_a_caption_whose_row_names_another_party_across_the_page_than_its_column_has_no_role() -> None:
    """'Accepting Agency | CarePoint | Aaenty NPI | ...' under 'Attending | ... | Attending NPt | ...' (both
    NPI captions garbled): the column says the attending's, the row the agency's; whose it is is a guess."""
    found = _found(
        _grid(
            [
                ("Attending", "Priya Patel, MD", "Attending NPt", "1440239287"),
                ("Accepting Agency", "CarePoint Infusion", "Aaenty NPI", "1214637302"),
            ]
        )
    )
    assert "ordering_provider.npi" not in found and "servicing_provider.npi" not in found
    assert found["servicing_provider.name"] == "CarePoint Infusion"


def test_a_caption_under_an_anchor_whose_party_is_unsure_has_no_role() -> None:
    """'7 Provider s Narne and NPt' (a CMS-485 box: the agency's name and NPI, its caption garbled, whose
    party is unsure): the 'NPI' under it is nobody's, never the ordering physician's by default."""
    found = _found(
        _page(
            [
                ("6 Patents Name and Address", 113, 260, None),
                ("7 Provider s Narne and NPt", 867, 260, None),
                ("ANDERSON, PATRICIA", 124, 310, None),
                ("Valley Home Health", 877, 310, None),
                ("NPI 1420435103", 876, 353, None),
            ]
        )
    )
    assert "ordering_provider.npi" not in found
