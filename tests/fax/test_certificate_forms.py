"""Certificate-of-medical-necessity style forms: upper-case captions over multi-line boxes, several
values on one line, MM/DD/YY dates; each rule one an unseen form would need too."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

import pytest
from PIL import Image, ImageDraw

from parsers.fax.address_text import AddressValue
from parsers.fax.boxes import box_ids, box_phones
from parsers.fax.century import resolve_centuries
from parsers.fax.checkbox import ticked_sex, titled_service_type
from parsers.fax.extract import PageText, candidates, labelled_hits
from parsers.fax.header import body_words, header_words
from parsers.fax.labels import PATIENT, PAYER, PROVIDER, SUPPLIER
from parsers.fax.layout import page_segments
from parsers.fax.model import Candidate, Page, Word
from parsers.fax.values import read_date, read_name
from tests.fax.test_grid import WIDTH, _found, _page
from tests.fax.test_reading_units import _words
from tests.fax.test_text_fields import _hits
from tests.fax.test_verify import _state


def test_supplier_and_physician_boxes_name_their_ids_in_the_caption() -> None:
    assert [(k, r) for k, r, _ in _hits("SUPPLIER NAME, ADDRESS, TELEPHONE and NSC or NPI #")] == [("org", SUPPLIER)]
    assert [(k, r) for k, r, _ in _hits("PHYSICIAN NAME, ADDRESS, TELEPHONE and UPIN or NPI #")] == [("name", PROVIDER)]
    assert [(k, r) for k, r, _ in _hits("Vendor Name")] == [("org", SUPPLIER)]


def test_a_name_of_something_else_is_no_patient_caption() -> None:
    assert _hits("NAME and ADDRESS of FACILITY if applicable") == []
    assert [(k, r) for k, r, _ in _hits("Name and Address: John Smith")] == [("name", PATIENT)]


def test_insurer_and_abbreviated_hospital_discharge_captions() -> None:
    assert [(k, r) for k, r, _ in _hits("INSURER")] == [("org", PAYER)]
    assert [k for k, _, _ in _hits("HOSP. DISCHARGE: 11/19/26")] == ["discharge_date"]
    assert [k for k, _, _ in _hits("HOSP, DISCHARGE 11/19/26")] == ["discharge_date"]


def test_a_supplier_box_gives_the_supplier_and_its_npi() -> None:
    found = _found(
        _at(
            [
                ("PATIENT NAME, ADDRESS, TELEPHONE and HICN", 117, 257, 0),
                ("SUPPLIER NAME, ADDRESS, TELEPHONE and NPI #", 869, 258, 1),
                ("WALTER MARTINEZ", 124, 310, 0),
                ("Northside DME Supply", 878, 311, 1),
                ("NPI # 1716781145", 877, 409, 1),
            ]
        )
    )
    assert found["member.name"] == ("WALTER", "MARTINEZ")
    assert found["servicing_provider.name"] == "Northside DME Supply"
    assert found["servicing_provider.npi"] == "1716781145"


def test_a_name_ends_at_its_last_name_word() -> None:
    """A credential OCR garbled ('ML:' for MD) is no part of the name's span, nor of its confidence."""
    text = "JANE DOE, ML:"
    read = read_name(text)
    assert read is not None and read.value == ("JANE", "DOE") and text[read.start : read.end] == "JANE DOE"
    read = read_name("Smith, John Q., MD")
    assert read is not None and read.value == ("John", "Smith") and read.end == len("Smith, John Q")


Item = tuple[str, int, int, int | None]  # text, left, top, ruled cell (None: unruled)


def _at(items: Sequence[Item]) -> PageText:
    """A page of `items` (tests.fax.test_grid's builder, for any sequence of them)."""
    return _page(list(items))


def _box_phones(items: Sequence[Item]) -> dict[str, object]:
    text = _at(items)
    return {c.path: c.value for c in box_phones(text, labelled_hits(text))}


def test_the_one_unlabelled_phone_in_a_box_whose_caption_announces_it_is_that_persons() -> None:
    patient = [
        ("PATIENT NAME, ADDRESS, TELEPHONE and HICN", 117, 257, 0),
        ("WALTER MARTINEZ", 124, 310, 0),
        ("270 Elm St", 126, 359, 0),
        ("Springfield, MA 01103", 125, 407, 0),
        ("(617) 555-5084 HICN H679630000", 125, 456, 0),
    ]
    assert _box_phones(patient) == {"member.phone": "6175555084"}
    unruled = [(t, x, y, None) for t, x, y, _ in patient]
    assert _box_phones(unruled) == {"member.phone": "6175555084"}


def test_a_box_caption_garbled_between_its_name_and_its_telephone_still_announces_it() -> None:
    # 'ADDRESS' read as no word ('ADORESS') splits the caption: its name caption, then its telephone's
    patient = [
        ("PATIENT NAME, ADORESS, TELEPHONE and HICN", 117, 257, 0),
        ("WALTER MARTINEZ", 124, 310, 0),
        ("270 Elm St", 126, 359, 0),
        ("Springfield, MA 01103", 125, 407, 0),
        ("(617) 555-5084 HICN H679630000", 125, 456, 0),
    ]
    assert _box_phones(patient) == {"member.phone": "6175555084"}
    # a value between the name caption and the telephone's is no garbled caption word
    valued = [("PATIENT NAME: Walter Martinez, TELEPHONE", 117, 257, 0), ("(617) 555-5084", 125, 310, 0)]
    assert _box_phones(valued) == {}


def test_no_box_phone_without_the_caption_saying_so_or_with_two_numbers() -> None:
    no_phone = [("PATIENT NAME AND ADDRESS", 117, 257, 0), ("JOHN SMITH", 124, 310, 0), ("(617) 555-5084", 125, 359, 0)]
    assert _box_phones(no_phone) == {}
    two = [
        ("PHYSICIAN NAME, ADDRESS, TELEPHONE", 117, 257, 0),
        ("JANE DOE, MD", 124, 310, 0),
        ("(914) 555-0774 (860) 555-2724", 125, 359, 0),
    ]
    assert _box_phones(two) == {}
    other_cell = [(*item[:3], 1) if "555" in item[0] else item for item in two[:2]] + [("(914) 555-0774", 125, 359, 1)]
    assert _box_phones(other_cell) == {}


def test_a_labelled_phone_in_the_box_is_left_to_its_label() -> None:
    doctor = [
        ("PHYSICIAN NAME, ADDRESS, TELEPHONE and NPI #", 117, 634, 6),
        ("JANE DOE, MD", 121, 698, 6),
        ("TEL (914) 555-0774 FAX (860) 555-2724", 123, 795, 6),
    ]
    assert _box_phones(doctor) == {}
    assert _found(_at(doctor))["ordering_provider.phone"] == "9145550774"


def _dated(path: str, raw: str) -> Candidate:
    read = read_date(raw, two_digit_birth=path == "member.dob")
    assert read is not None
    return Candidate(path, read.value, 1, (10, 10, 90, 30), 0.95, "label", raw=raw, confirmed_by="second_read")


@pytest.mark.parametrize(
    ("path", "raw", "want"),
    [
        ("member.dob", "10/28/54", dt.date(1954, 10, 28)),
        ("member.dob", "03/01/10", dt.date(2010, 3, 1)),  # 1910 would be 116 years ago
        ("member.dob", "12/01/26", dt.date(1926, 12, 1)),  # 2026-12-01 is after the receipt
        ("order_date", "11/17/26", dt.date(2026, 11, 17)),
        ("discharge_date", "12/30/99", dt.date(1999, 12, 30)),  # not 2099
        ("signature.date", "01/02/27", dt.date(2027, 1, 2)),
        ("member.dob", "10/28/1920", dt.date(1920, 10, 28)),  # four digits: as printed
    ],
)
def test_a_two_digit_year_takes_the_century_its_field_allows(path: str, raw: str, want: dt.date) -> None:
    state = _state(_dated(path, raw))
    resolve_centuries(state)
    assert [c.value for c in state.candidates] == [want] and state.findings == []


def test_a_birth_year_two_centuries_allow_is_null_with_one_finding() -> None:
    state = _state(_dated("member.dob", "03/01/24"), _dated("member.dob", "DOB 03/01/24"))  # 2024 or 1924
    resolve_centuries(state)
    assert state.candidates == []
    assert [(f.field, f.code) for f in state.findings] == [("member.dob", "date_century_unclear")]


@pytest.mark.parametrize(
    ("caption", "field"),
    [
        ("5 Insura ice", ("org", PAYER)),  # one letter off 'Insurance'
        ("Caltback #", ("phone", None)),
        ("Telephane:", ("phone", None)),
    ],
)
def test_a_one_word_caption_one_letter_off_is_that_caption(caption: str, field: tuple[str, str | None]) -> None:
    assert [(k, r) for k, r, _ in _hits(caption)] == [field]


def test_a_word_one_letter_off_a_caption_that_is_a_word_itself_is_none() -> None:
    assert _hits("Supplies") == []  # an English word, not a garbled 'Supplier'
    assert _hits("Physicians") == []  # a word one letter off "Physician" that the synonyms do not match


def test_an_id_caption_with_its_i_misread() -> None:
    assert [(k, r) for k, r, _ in _hits("Member (D: M860756968")] == [("member_id", PATIENT)]
    assert [k for k, _, _ in _hits("Subscriber lD: M860756968")] == ["member_id"]


def test_a_garbled_party_word_gives_an_npi_or_phone_its_role() -> None:
    assert [(k, r) for k, r, _ in _hits("8 Physiciin NPI")] == [("npi", PROVIDER)]
    assert [(k, r) for k, r, _ in _hits("Pacient Phone: 860-555-4216")] == [("phone", PATIENT)]
    assert [(k, r) for k, r, _ in _hits("Patent Phone: 860-555-4216")] == [("phone", None)]  # a word: no guess


@pytest.mark.parametrize(
    ("caption", "field"),
    [
        ("Treating Physician: Jane Doe, MD", ("name", PROVIDER)),
        ("Prescribing Provider Name: Jane Doe", ("name", PROVIDER)),
        ("Rx Date: 11/17/2026", ("order_date", None)),
        ("Date of Request: 11/17/2026", ("order_date", None)),
        ("Date Needed: 11/20/2026", ("start_date", None)),
    ],
)
def test_more_caption_synonyms_real_orders_use(caption: str, field: tuple[str, str | None]) -> None:
    assert [(k, r) for k, r, _ in _hits(caption)][:1] == [field]


def test_an_emergency_contacts_block_gives_none_of_the_patients_fields() -> None:
    text = _at(
        [
            ("Patient Name: John Smith", 117, 230, None),
            ("Phone: (860) 555-0142", 117, 270, None),
            ("Emergency Contact: Mary Smith", 117, 310, None),
            ("Phone: (203) 555-0199", 117, 350, None),
            ("Caregiver Name: Ann Lee", 117, 390, None),
            ("Phone: (203) 555-0123", 117, 430, None),
        ]
    )
    found = [(c.path, c.value) for c in candidates(text, labelled_hits(text))]
    assert found == [("member.name", ("John", "Smith")), ("member.phone", "8605550142")]


@pytest.mark.parametrize(
    ("caption", "field"),
    [
        ("Primary Ins: Medicare", ("org", PAYER)),
        ("Ins. ID: 1EG4TE5MK73", ("member_id", PATIENT)),
        ("Ordering MD: Jane Doe", ("name", PROVIDER)),
        ("Attending MD: Jane Doe", ("name", PROVIDER)),
    ],
)
def test_abbreviated_captions(caption: str, field: tuple[str, str | None]) -> None:
    assert [(k, r) for k, r, _ in _hits(caption)] == [field]


@pytest.mark.parametrize(
    "caption",
    ["Facility Name: St. Mary Hospital", "Contact Name: Ann Lee", "Bill To: Medicare", "Sec Insurance: Aetna"],
)
def test_a_name_or_to_caption_after_a_qualifier_or_a_secondary_plan_is_not_ours(caption: str) -> None:
    assert [role for _, role, _ in _hits(caption) if role in (PATIENT, SUPPLIER, PAYER)] == []
    assert [k for k, _, _ in _hits("Name: John Smith")] == ["name"]


def test_a_primary_care_physicians_block_is_not_the_ordering_providers() -> None:
    text = _at(
        [
            ("Ordering Physician: Jane Doe, MD", 117, 230, None),
            ("NPI: 1234567893", 117, 270, None),
            ("PCP: Dr. Alan Lee", 117, 310, None),
            ("NPI: 1245319599", 117, 350, None),
            ("Phone: (203) 555-0199", 117, 390, None),
        ]
    )
    found = [(c.path, c.value) for c in candidates(text, labelled_hits(text))]
    assert found == [("ordering_provider.name", ("Jane", "Doe")), ("ordering_provider.npi", "1234567893")]


def test_a_small_caption_atop_a_tall_ruled_box_takes_the_value_low_in_its_box() -> None:
    tall = [("INSURER", 949, 524, 5), ("Blue Harbor Medicare", 958, 640, 5), ("PLACE OF SERVICE", 116, 640, 2)]
    assert _found(_at(tall))["payer.name"] == "Blue Harbor Medicare"
    unruled = [(t, x, y, None) for t, x, y, _ in tall]
    assert "payer.name" not in _found(_at(unruled))  # far under a caption with no box round them: no value


def test_a_caption_of_something_the_record_does_not_hold_is_never_a_value() -> None:
    ruled = [("Member ID", 117, 230, 0), ("MRN 4455667", 117, 275, 0)]
    assert "member.member_id" not in _found(_at(ruled))  # the record number is no member id
    assert "member.member_id" not in _found(_at([("Member ID", 117, 230, 0), ("Acct # 4455667", 117, 275, 0)]))
    assert [k for k, _, _ in _hits("EST. LENGTH OF NEED (# OF MONTHS): 99")] == ["none"]


def test_a_partys_heading_over_unlabelled_lines_gives_its_name_address_and_phone() -> None:
    block = [
        ("PATIENT INFORMATION", 117, 150, None),
        ("John Smith", 117, 190, None),
        ("12 Oak St", 117, 225, None),
        ("Hartford, CT 06103", 117, 260, None),
        ("(860) 555-0142", 117, 295, None),
    ]
    found = _found(_at(block))
    assert found["member.name"] == ("John", "Smith")
    assert found["member.address"] == AddressValue("12 Oak St", None, "Hartford", "CT", "06103")
    assert _box_phones(block) == {"member.phone": "8605550142"}


def test_a_heading_over_labelled_lines_or_a_bare_name_caption_announces_no_block() -> None:
    labelled = [
        ("PATIENT", 145, 231, None),
        ("Name: Dorothy Wilson", 145, 302, None),
        ("(860) 555-0142", 145, 340, None),
    ]
    assert _box_phones(labelled) == {}
    bare = [("Name", 117, 150, None), ("John Smith", 117, 190, None), ("(860) 555-0142", 117, 225, None)]
    assert _box_phones(bare) == {}


def test_captions_printed_under_their_fill_in_lines_take_the_value_over_them() -> None:
    under = [
        ("John Smith", 117, 200, None),
        ("01/02/1950", 900, 200, None),
        ("Patient Name", 117, 230, None),
        ("Date of Birth", 900, 230, None),
        ("11/17/2026", 900, 290, None),
        ("Order Date", 900, 320, None),
    ]
    found = _found(_at(under))
    assert found["member.name"] == ("John", "Smith")
    assert found["member.dob"] == dt.date(1950, 1, 2)  # not the order date under its caption
    assert found["order_date"] == dt.date(2026, 11, 17)


def test_a_value_between_two_stacked_captions_is_the_nearer_ones() -> None:
    stacked = [
        ("Order Date", 117, 200, None),
        ("11/17/2026", 117, 226, None),
        ("Discharge Date", 117, 260, None),  # left blank, close under the order date's value
        ("Start Date", 117, 380, None),
    ]
    found = _found(_at(stacked))
    assert found["order_date"] == dt.date(2026, 11, 17)
    assert "discharge_date" not in found


def test_an_address_whose_parts_have_captions_of_their_own() -> None:
    want = AddressValue("12 Oak St", None, "Hartford", "CT", "06103")
    name = ("Patient Name: John Smith", 117, 160, None)
    one_line = [name, ("Address: 12 Oak St City: Hartford State: CT Zip: 06103", 117, 200, None)]
    assert _found(_at(one_line))["member.address"] == want
    across_gaps = [
        name,
        ("Street Address: 12 Oak St", 117, 200, None),
        ("City: Hartford", 700, 200, None),
        ("State: CT", 1000, 200, None),
        ("Zip Code: 06103", 1250, 200, None),
    ]
    assert _found(_at(across_gaps))["member.address"] == want


def test_a_title_close_under_the_fax_header_line_is_the_pages() -> None:
    header = _words("NOV-17-2026 09 42AM FROM DOE MEDICAL OFFICE (860) 555-2724 P001/001", top=28)
    title = [replace(w, height=31) for w in _words("CERTIFICATE OF MEDICAL NECESSITY", top=77)]
    page = Page(number=1, width=1728, height=2244, words=[*header, *title])
    assert [w.text for w in header_words(page)] == [w.text for w in header]
    assert [w.text for w in body_words(page)] == [w.text for w in title]


@pytest.mark.parametrize(
    ("title", "want"),
    [
        ("CERTIFICATE OF MEDICAL NECESSITY", "dme"),
        ("DURABLE MEDICAL EQUIPMENT ORDER", "dme"),
        ("HOME HEALTH CERTIFICATION AND PLAN OF CARE", "home_health"),
        ("Home Infusion Referral Form", "home_infusion"),
        ("Sunrise Home Health Agency", None),  # a letterhead, no document's title
    ],
)
def test_an_orders_title_names_its_service_type(title: str, want: str | None) -> None:
    found = titled_service_type(_at([(title, 400, 120, None), ("Patient Name: John Smith", 117, 300, None)]))
    assert (found.value if found else None) == want


def test_a_title_under_a_letterhead_of_three_lines_names_the_service_type() -> None:
    """An EHR's printout: practice name, address, phones, a rule, then 'ORDER - DURABLE MEDICAL EQUIPMENT'
    about 1.4 inches down the page."""
    letterhead = [
        ("ELM CITY INTERNAL MEDICINE", 144, 117, None),
        ("77 Whitney Ave, New Haven, CT 06510", 144, 158, None),
    ]
    items = [
        *letterhead,
        ("ORDER - DURABLE MEDICAL EQUIPMENT", 144, 300, None),
        ("Patient: SMITH, JOHN", 144, 400, None),
    ]
    found = titled_service_type(_at(items))
    assert found is not None and found.value == "dme"


def _sex_form(ticked: set[str]) -> tuple[PageText, Image.Image]:
    """'Sex:  [ ] Male  [ ] Female' drawn at 300 dpi, the boxes of `ticked` options marked with an X."""
    items = [("Sex:", 117, 200, None), ("Male", 400, 200, None), ("Female", 700, 200, None)]
    image = Image.new("L", (WIDTH, 400), 255)
    draw = ImageDraw.Draw(image)
    for option, left in (("Male", 400), ("Female", 700)):
        box = (left - 80, 188, left - 35, 233)
        draw.rectangle(box, outline=0, width=3)
        if option in ticked:
            draw.line(box, fill=0, width=6)
            draw.line((box[0], box[3], box[2], box[1]), fill=0, width=6)
    return _at(items), image


@pytest.mark.parametrize(
    ("ticked", "want"), [({"Female"}, ["F"]), ({"Male"}, ["M"]), (set(), []), ({"Male", "Female"}, [])]
)
def test_a_sex_given_by_ticking_one_of_its_options(ticked: set[str], want: list[str]) -> None:
    text, image = _sex_form(ticked)
    assert [c.value for c in ticked_sex(text, labelled_hits(text), image, 300)] == want
    assert "member.sex" not in _found(text)  # both options printed: no reading of the words alone


@pytest.mark.parametrize(
    "caption",
    ["Tax ID #: 06-1234567", "UPIN: X12345", "DEA #: AB1234563", "Provider ID #: 5566778", "Patient ID: 4455"],
)
def test_a_providers_or_hospitals_id_is_no_member_id(caption: str) -> None:
    assert [k for k, _, _ in _hits(caption)] == ["none"]


def test_a_bare_id_caption_is_the_members_only_where_its_segment_starts() -> None:
    assert [(k, r) for k, r, _ in _hits("ID #: H348225971")] == [("member_id", PATIENT)]
    assert _hits("Order ID #: 5566778") == []


def test_the_referring_hospitals_staff_and_phone_are_not_the_patients() -> None:
    text = _at(
        [
            ("Patient Name: John Smith", 117, 230, None),
            ("Referring Facility: St. Mary Hospital", 117, 270, None),
            ("Case Manager: Ann Lee", 117, 310, None),
            ("Phone: (203) 555-0199", 117, 350, None),
            ("DME Provider: ABC Home Medical", 117, 390, None),
        ]
    )
    found = [(c.path, c.value) for c in candidates(text, labelled_hits(text))]
    assert found == [("member.name", ("John", "Smith")), ("servicing_provider.name", "ABC Home Medical")]


def test_the_one_unlabelled_medicare_number_in_a_box_captioned_with_it_is_the_member_id() -> None:
    box = [
        ("PATIENT NAME, ADDRESS, TELEPHONE and HICN", 117, 257, 0),
        ("WALTER MARTINEZ", 124, 310, 0),
        ("270 Elm St", 126, 359, 0),
        ("Springfield, MA 01103", 125, 407, 0),
        ("(617) 555-5084 1EG4-TE5-MK73", 125, 456, 0),
    ]
    text = _at(box)
    assert [(c.path, c.value) for c in box_ids(text, labelled_hits(text))] == [("member.member_id", "1EG4TE5MK73")]
    no_id = _at([*box[:4], ("(617) 555-5084", 125, 456, 0)])  # a phone, a ZIP, a street number: none is one
    assert list(box_ids(no_id, labelled_hits(no_id))) == []


def test_a_title_over_one_blank_caption_is_not_its_value() -> None:
    page = [("DURABLE MEDICAL EQUIPMENT ORDER", 117, 200, None), ("Insurance", 117, 228, None)]
    assert "payer.name" not in _found(_at(page))


def test_a_block_ends_at_a_blank_line_or_a_credentialed_name() -> None:
    patient = [
        ("PATIENT INFORMATION", 117, 150, None),
        ("John Smith", 117, 190, None),
        ("12 Oak St", 117, 225, None),
        ("Hartford, CT 06103", 117, 260, None),
    ]
    doctor = [("Jane Doe, MD", 117, 295, None), ("(860) 555-1000", 117, 330, None)]
    assert _box_phones(patient + doctor) == {}  # the physician's phone under her name is not the patient's
    after_blank = [("(860) 555-1000", 117, 310, None)]  # twice the block's line gap: a blank line, another block
    assert _box_phones(patient + after_blank) == {}
    assert _box_phones([*patient, ("(860) 555-0142", 117, 295, None)]) == {"member.phone": "8605550142"}


def test_a_small_caption_under_its_line_takes_the_value_a_line_above_it() -> None:
    """A 7 pt caption under the line an 11 pt value is written on: the gap is more than a caption's
    height, less than the value's own height and a half."""
    under = _at(
        [
            ("John Smith", 117, 200, None),
            ("01/02/1950", 900, 200, None),
            ("Patient Name", 117, 248, None),
            ("Date of Birth", 900, 248, None),
        ]
    )
    small = [replace(w, height=12) if w.top == 248 else w for w in under.page.words]
    found = _found(_at_words(small))
    assert found["member.name"] == ("John", "Smith")
    assert found["member.dob"] == dt.date(1950, 1, 2)


def _at_words(words: list[Word]) -> PageText:
    page = Page(number=1, width=WIDTH, height=2244, words=words)
    lines, segments = page_segments(page)
    return PageText(page, lines, segments)


def test_an_address_in_fields_of_its_own_captioned_under_their_lines() -> None:
    from tests.fax.test_standard_resolution import ADDRESS_ROW

    row = [
        *ADDRESS_ROW,
        ("Apt / Unit", 700, 238, None),
        ("City", 900, 238, None),
        ("State", 1250, 238, None),
        ("ZIP", 1400, 238, None),
    ]
    assert _found(_at(row))["member.address"] == AddressValue("12 Oak St", "Apt 3", "Hartford", "CT", "06103")
    no_state = [item for item in row if item[0] not in ("CT", "State")]
    assert "member.address" not in _found(_at(no_state))


def test_a_page_of_a_fax_whose_other_page_prints_captions_under_the_lines_does_too() -> None:
    from dataclasses import replace as replaced

    page = _at([("12-15-1958", 900, 200, None), ("Date of Birth", 900, 238, None)])
    assert "member.dob" not in _found(page)  # one caption with a value over it is no such form ...
    assert _found(replaced(page, captions_under=True))["member.dob"] == dt.date(1958, 12, 15)  # ... another page is


def test_a_number_after_a_caption_we_do_not_know_is_no_unlabelled_phone_of_the_box() -> None:
    """'REFERRING PROVIDER' over 'Or.: Brooks, Alan' and 'NPt #: 1648021123' (its NPI caption garbled): the
    number is that caption's value (an NPI), never the provider's phone."""
    box = [
        ("REFERRING PROVIDER", 918, 230, None),
        ("Or.: Brooks, Alan", 918, 265, None),
        ("NPt #: 1648021123", 918, 300, None),
    ]
    assert _box_phones(box) == {}
    assert _box_phones([*box[:2], ("914-555-0774", 918, 300, None)]) == {"ordering_provider.phone": "9145550774"}


def test_ten_digits_run_together_that_check_out_as_an_npi_are_no_unlabelled_phone() -> None:
    """'NPt # 1937239774' in a physician's box (its NPI caption garbled, no colon): the bare number checks out
    as an NPI, so it is no phone of the box; a phone written as one still is."""
    box = [
        ("PHYSICIAN NAME, ADDRESS, TELEPHONE and NPI #", 115, 646, None),
        ("HELEN CARTER", 122, 681, None),
        ("NPt # 1937239774", 122, 716, None),
    ]
    assert _box_phones(box) == {}
    assert _box_phones([*box[:2], ("(914) 555-6475", 122, 716, None)]) == {"ordering_provider.phone": "9145556475"}
