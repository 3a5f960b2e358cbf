"""Units of the fax reader that need no image: hOCR choices, header line, labels and roles, page count."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import replace

import pytest

from parsers.fax.address_text import AddressValue, read_address
from parsers.fax.confirm import agrees
from parsers.fax.extract import PageText, candidates, labelled_hits
from parsers.fax.header import header_from_words
from parsers.fax.layout import page_segments
from parsers.fax.model import Page, Word, bbox_of
from parsers.fax.ocr import hocr_words

HOCR = """<span class='ocr_line' id='line_1_1' title="bbox 0 0 300 50">
<span class='ocrx_word' id='word_1_1' title='bbox 15 15 163 53; x_wconf 79'>Waiter
<span class='ocrx_cinfo' id='lstm_choices_1_1_1'>
<span class='ocrx_cinfo' id='choice_1_1_1' title='x_confs 94.2'>W</span></span>
<span class='ocrx_cinfo' id='lstm_choices_1_1_3'>
<span class='ocrx_cinfo' id='choice_1_1_13' title='x_confs 84.5'>i</span>
<span class='ocrx_cinfo' id='choice_1_1_14' title='x_confs 77.8'>l</span></span></span>
<span class='ocrx_word' id='word_1_2' title='bbox 179 0 321 53; x_wconf 96'>Garcia
<span class='ocrx_cinfo' id='lstm_choices_1_2_1'>
<span class='ocrx_cinfo' id='choice_1_2_4' title='x_confs 95.2'>G</span>
<span class='ocrx_cinfo' id='choice_1_2_5' title='x_confs 60.0'>6</span></span></span>
"""


def test_hocr_close_same_kind_rival_makes_a_word_doubtful() -> None:
    words = hocr_words(HOCR)
    assert [w.text for w in words] == ["Waiter", "Garcia"]
    assert words[0].ambiguous  # 'i' with 'l' nearly as likely: Walter or Waiter
    assert not words[1].ambiguous  # a digit cannot stand for the capital G in a name


def _words(text: str, top: int = 20, conf: float = 95.0) -> list[Word]:
    out, left = [], 10
    for token in text.split():
        out.append(Word(token, conf, left, top, 12 * len(token), 20, line_key=(1, 1, top)))
        left += 12 * len(token) + 10
    return out


def test_header_line_with_dropped_colon() -> None:
    found = header_from_words(_words("NOV-21-2026 09 42AM FROM: OKAFOR OFFICE (860) 555 3362 PO01/002"), dt.UTC)
    assert found is not None
    assert found.sent_at == dt.datetime(2026, 11, 21, 9, 42, tzinfo=dt.UTC)
    assert found.sender_fax == "8605553362" and found.page_of == (1, 2)


def _page(lines: list[str]) -> PageText:
    words = [w for i, line in enumerate(lines) for w in _words(line, top=100 + 40 * i)]
    page = Page(number=1, width=1734, height=2244, words=words)
    all_lines, segments = page_segments(page)
    return PageText(page, all_lines, segments)


def test_unqualified_labels_take_the_role_of_the_name_above_them() -> None:
    text = _page(
        [
            "Patient Name: Smith, John",
            "Phone: 860-555-0142",
            "Ordering Physician: Jane Doe, MD",
            "NPI: 1234567893",
            "Phone: (203) 555-0100",
            "Supplier: ABC Home Medical",
            "NPI: 1245319599",
        ]
    )
    found = {c.path: c.value for c in candidates(text, labelled_hits(text))}
    assert found["member.name"] == ("John", "Smith")
    assert found["member.phone"] == "8605550142"
    assert found["ordering_provider.name"] == ("Jane", "Doe")
    assert found["ordering_provider.npi"] == "1234567893"
    assert found["ordering_provider.phone"] == "2035550100"
    assert found["servicing_provider.npi"] == "1245319599"


def test_prose_labels() -> None:
    text = _page(
        [
            "Re: John Smith, date of birth January 23, 1945",
            "who was discharged from hospital on Nov 20, 2026.",
        ]
    )
    found = {c.path: c.value for c in candidates(text, labelled_hits(text))}
    assert found["member.name"] == ("John", "Smith")
    assert found["member.dob"] == dt.date(1945, 1, 23)
    assert found["discharge_date"] == dt.date(2026, 11, 20)


def test_address_on_one_line_with_a_plain_label_is_the_patients() -> None:
    text = _page(["Patient Name: Smith, John", "Address: 12 Elm St, Hartford, CT 06103-1234", "Insurance: Acme"])
    found = {c.path: c.value for c in candidates(text, labelled_hits(text))}
    assert found["member.address"] == AddressValue("12 Elm St", None, "Hartford", "CT", "06103-1234")


def test_address_city_line_continues_on_the_unlabelled_line_below() -> None:
    text = _page(["Home address: 4612 Prospect St, Apt 204", "Stamford, CT 06901", "Primary insurance: Acme"])
    found = [c for c in candidates(text, labelled_hits(text)) if c.path == "member.address"]
    assert [c.value for c in found] == [AddressValue("4612 Prospect St", "Apt 204", "Stamford", "CT", "06901")]
    assert found[0].bbox[1] == 100 and found[0].bbox[3] == 160  # both lines: provenance covers the two


def test_street_and_city_state_zip_labels_on_two_lines() -> None:
    text = _page(["Patient: Smith, John", "Street: 12 Elm St", "City/State/ZIP: Hartford, CT 06103"])
    found = [c.value for c in candidates(text, labelled_hits(text)) if c.path == "member.address"]
    assert found == [AddressValue("12 Elm St", None, "Hartford", "CT", "06103")]


def test_street_without_a_city_line_gives_no_address() -> None:
    text = _page(["Delivery address: 4612 Prospect St", "Primary insurance: Acme Health"])
    assert not [c for c in candidates(text, labelled_hits(text)) if c.path == "member.address"]


def test_office_address_under_the_physician_is_not_the_members() -> None:
    text = _page(["Ordering Physician: Jane Doe, MD", "Address: 1 Main St, Hartford, CT 06103"])
    assert not [c for c in candidates(text, labelled_hits(text)) if c.path == "member.address"]


def test_second_read_of_a_two_line_address_joins_its_lines() -> None:
    first = AddressValue("2630 Main Street", None, "Yonkers", "NY", "10701")
    words = [*_words("2630 Main Street", top=10), *_words("Yonkers NY 10701", top=50)]
    words = [replace(w, line_key=(w.top,)) for w in words]
    assert agrees(first, words, lambda t: r.value if (r := read_address(t)) else None, ", ")
    doubtful = [replace(words[0], ambiguous=True), *words[1:]]
    assert not agrees(first, doubtful, lambda t: r.value if (r := read_address(t)) else None, ", ")


def test_cover_sheet_page_count_against_pages_received(tmp_path: object) -> None:
    from pathlib import Path

    from parsers.context import ParseContext
    from parsers.fax import reading
    from parsers.fax.ocr import TesseractEngine

    ctx = ParseContext(path=Path("x.tif"), sha256="0" * 64, received_at=dt.datetime(2026, 11, 25, tzinfo=dt.UTC))
    state = reading.FaxRead(ctx=ctx, engine=TesseractEngine(), kind="tiff")
    cover = _page(["FAX COVER SHEET", "To: ABC Home Medical", "Pages: 3 (including cover)"])
    order = _page(["Patient Name: Smith, John", "DOB: 01/23/1945", "Member ID: W123456789", "NPI: 1234567893"])
    order.page.number = 2
    state.pages, state.texts = [cover.page, order.page], [cover, order]
    state.hits = {1: labelled_hits(cover), 2: labelled_hits(order)}
    reading.classify(state)
    reading.check_page_count(state)
    assert [cover.page.kind, order.page.kind] == ["cover", "order"]
    assert [f.code for f in state.findings] == ["pages_missing"]


def test_a_garbled_address_is_null_with_a_finding_on_its_page() -> None:
    from pathlib import Path

    from parsers.context import ParseContext
    from parsers.fax import first_checks, reading
    from parsers.fax.ocr import TesseractEngine

    ctx = ParseContext(path=Path("x.tif"), sha256="0" * 64, received_at=dt.datetime(2026, 11, 25, tzinfo=dt.UTC))
    state = reading.FaxRead(ctx=ctx, engine=TesseractEngine(), kind="tiff")
    order = _page(
        ["Patient Name: Smith, John", "DOB: 01/23/1945", "Member ID: W123456789", "Address: 4612 Prospect St, Apt 2:04"]
    )
    order.page.number, order.page.kind = 2, "order"
    state.pages, state.texts, state.hits = [order.page], [order], {2: labelled_hits(order)}
    state.candidates = candidates(order, state.hits[2])
    first_checks.flag_unread_address(state)
    assert not [c for c in state.candidates if c.path == "member.address"]
    assert [(f.field, f.code, f.page) for f in state.findings] == [("member.address", "address_unreadable", 2)]


@pytest.mark.parametrize(
    ("token", "mangled"),
    [("GOISl", True), ("G0151", True), ("E0I39", True), ("Visit", False), ("nurse", False), ("HOME", False)],
)
def test_a_code_ocr_mangled_beyond_reading_still_marks_a_service_row(token: str, mangled: bool) -> None:
    from parsers.fax.code_pieces import mangled_code

    assert mangled_code(token) is mangled


def _doubtful(text: str, rivals: tuple[tuple[str, str], ...]) -> list[Word]:
    return [Word(text, 90.0, 0, 0, 100, 20, (1,), ambiguous=True, rivals=rivals)]


def test_a_rival_that_gives_no_valid_value_leaves_no_doubt() -> None:
    from parsers.fax.values import read_date

    def date(text: str) -> object:
        found = read_date(text)
        return found.value if found is not None else None

    first = dt.date(2026, 11, 20)
    assert agrees(first, _doubtful("11/20/2026", (("1", "3"),)), date)  # 13/20, 31/20: no dates
    assert not agrees(first, _doubtful("11/20/2026", (("1", "2"),)), date)  # 12/20/2026 is a date
    assert not agrees(first, _doubtful("11/20/2026", (("7", "1"),)), date)  # a choice not in the text
    assert not agrees(first, [replace(_doubtful("11/20/2026", ())[0])], date)  # rivals not kept
    assert agrees(first, _doubtful("11/20/2026", (("1", "2"),)), date, doubt_allowed=True)


def test_hocr_keeps_each_doubtful_characters_rival() -> None:
    words = hocr_words(HOCR)
    assert words[0].rivals == (("i", "l"),) and words[1].rivals == ()


@pytest.mark.parametrize(("second_page", "kind"), [("Referral (continued)", "order"), ("Progress notes", "other")])
def test_a_page_the_order_continues_onto_is_part_of_the_order(second_page: str, kind: str) -> None:
    from pathlib import Path

    from parsers.context import ParseContext
    from parsers.fax import reading
    from parsers.fax.ocr import TesseractEngine

    ctx = ParseContext(path=Path("x.tif"), sha256="0" * 64, received_at=dt.datetime(2026, 11, 25, tzinfo=dt.UTC))
    state = reading.FaxRead(ctx=ctx, engine=TesseractEngine(), kind="tiff")
    order = _page(["Patient Name: Smith, John", "DOB: 01/23/1945", "Member ID: W123456789", "NPI: 1234567893"])
    more = _page([second_page, "Start of Care: 11/20/2026", "Diagnoses I10"])
    more.page.number = 2
    state.pages, state.texts = [order.page, more.page], [order, more]
    state.hits = {1: labelled_hits(order), 2: labelled_hits(more)}
    reading.classify(state)
    assert [order.page.kind, more.page.kind] == ["order", kind]


def test_a_values_box_keeps_to_its_words_band_where_a_streak_stretched_one_word() -> None:
    """'CarePoint' 58 pixels tall beside 'Infusion' at 24: a fax streak ran down from its 'r'."""
    stretched = Word("CarePoint", 90, 1057, 573, 144, 58)
    beside = Word("Infusion", 96, 1214, 578, 117, 24)
    assert bbox_of([stretched, beside]) == (1057, 573, 1331, 608)  # the band 578..602, 6 pixels below it
    assert bbox_of([stretched]) == (1057, 573, 1201, 631)  # a word alone has no band to keep to
    assert bbox_of([Word("Elm", 90, 0, 0, 40, 30), beside]) == (0, 0, 1331, 602)  # no word far taller


def test_a_speck_beside_a_word_is_no_band_the_word_keeps_to() -> None:
    """'Telephone .': a leader's dot 5 pixels high beside the caption is no line of text; the caption
    is not a word a streak stretched, and its box is its own."""
    caption = Word("Telephone", 92, 123, 545, 113, 27)
    assert bbox_of([caption, Word(".", 85, 257, 562, 3, 5)]) == (123, 545, 260, 572)


def test_words_read_down_a_sideways_page_do_not_count_as_a_page_read() -> None:
    """Tesseract reads vertical lines too: on a page turned a quarter it returns sure words standing
    taller than wide. Those are no sign the page lies right; words along their lines are."""
    from parsers.fax.reading import MIN_WELL_READ, _well_read

    along = [Word("Patient", 96, 100 + 40 * i, 200, 120, 30) for i in range(MIN_WELL_READ)]
    down = [replace(w, width=30, height=120) for w in along]
    assert _well_read(along) == MIN_WELL_READ and _well_read(down) == 0


@pytest.mark.parametrize(
    ("line", "sent", "fax", "pages"),
    [
        ("11/17/2026 2:42:13 PM FROM: 203-555-8019 Page 1 of 3", (2026, 11, 17, 14, 42), "2035558019", (1, 3)),
        (
            "2026-11-17 14:42 From: (203) 555-8019 To: Valley Home Health Pg 2/3",
            (2026, 11, 17, 14, 42),
            "2035558019",
            (2, 3),
        ),
        ("Nov 17 2026 02:42PM HP LASERJET FAX 2035558019 p. 3 of 3", (2026, 11, 17, 14, 42), "2035558019", (3, 3)),
        ("RECEIVED 11/17/26 14:42:05 FROM 203.555.8019 PAGE 001/003", (2026, 11, 17, 14, 42), "2035558019", (1, 3)),
    ],
)
def test_fax_header_lines_of_other_fax_machines_and_servers(
    line: str, sent: tuple[int, ...], fax: str, pages: tuple[int, int]
) -> None:
    found = header_from_words(_words(line), dt.UTC)
    assert found is not None
    assert found.sent_at == dt.datetime(*sent, tzinfo=dt.UTC)
    assert found.sender_fax == fax and found.page_of == pages


@pytest.mark.parametrize(
    ("header", "kept"),
    [
        ("NOV-20-2626 09:42AM FROM: OKAFOR OFFICE (860) 555 3362 P.001/001", False),  # 2026 read as 2626
        ("JAN-01-2019 12:03AM FROM: OKAFOR OFFICE (860) 555 3362 P.001/001", False),  # a fax clock never set
        ("NOV-24-2026 09:42AM FROM: OKAFOR OFFICE (860) 555 3362 P.001/001", True),
    ],
)
def test_a_header_time_far_from_the_files_arrival_is_not_the_receipt_time(header: str, kept: bool) -> None:
    """The header's time is the receipt time only when it is near the file's own arrival (a misread
    year, or a fax machine whose clock was never set, would make every date look urgent or overdue);
    else the file's time stands, with a warning saying so."""
    from pathlib import Path

    from parsers.context import ParseContext
    from parsers.fax import reading
    from parsers.fax.ocr import TesseractEngine

    arrived = dt.datetime(2026, 11, 25, 8, 0, tzinfo=dt.UTC)
    ctx = ParseContext(path=Path("x.tif"), sha256="0" * 64, received_at=arrived)
    state = reading.FaxRead(ctx=ctx, engine=TesseractEngine(), kind="tiff")
    page = Page(number=1, width=1734, height=2244, words=_words(header, top=20))
    state.pages = [page]
    reading.read_headers(state)
    assert (state.received_at != arrived) is kept
    assert [f.code for f in state.findings] == ([] if kept else ["fax_header_time_ignored"])


def test_a_page_read_downwards_is_turned_a_quarter_first() -> None:
    from parsers.fax.reading import MIN_WELL_READ, _stand_up

    down = [Word("Pqtient", 20, 200, 100 + 130 * i, 30, 120) for i in range(MIN_WELL_READ)]  # sure or not
    assert _stand_up(down) and not _stand_up([replace(w, width=120, height=30) for w in down])


def test_a_captions_colon_read_as_a_question_or_exclamation_mark_still_ends_it() -> None:
    """'Patient? DAVIS, HENRY' and 'Address! 12 Elm St' (the colon read as '?' and '!'): the values after
    them, never the city line under the address taken for the patient's name."""
    text = _page(["Patient? DAVIS, HENRY DOB: 07/06/1940", "Address! 3497 Prospect St", "Springfield, MA 01103"])
    found = {c.path: c.value for c in candidates(text, labelled_hits(text))}
    assert found["member.name"] == ("HENRY", "DAVIS")


def test_a_captions_colon_read_as_a_quote_mark_still_ends_it() -> None:
    """'Referred to’ ABC Home Medical' (the colon read as a closing quote): the name after it."""
    text = _page(["Referred to’ ABC Home Medical", "Provider NPI: 1245319599"])
    found = {c.path: c.value for c in candidates(text, labelled_hits(text))}
    assert found["servicing_provider.name"] == "ABC Home Medical"


def test_a_caption_with_a_garbled_value_of_its_own_takes_none_from_the_line_under_it() -> None:
    """A chart label's 'DOB 64/20/1957 69Y F' (04/20/1957 garbled) over 'ADM 11/28/2026': the admission
    date under it is another caption's value, never the birth date."""
    text = _page(["DOB 64/20/1957 69Y F", "ADM 11/28/2026 ATT PATEL, PRIYA"])
    found = {c.path: c.value for c in candidates(text, labelled_hits(text))}
    assert "member.dob" not in found


def test_a_header_time_read_unsurely_is_not_the_receipt_time() -> None:
    """'NOV-22-2026' read at 58 for NOV-21: a day's digit misread passes every check and would move the
    order's urgency, so a time whose digits were read under the confidence threshold is set aside (the
    file's arrival time stands, with a warning); the words around it (the sender's name) do not count."""
    from pathlib import Path

    from parsers.context import ParseContext
    from parsers.fax import reading
    from parsers.fax.ocr import TesseractEngine

    words = _words("NOV-22-2026 09:42AM FROM: OKAFOR OFFICE (860) 555 3362 P.001/001")
    words[0] = dataclasses.replace(words[0], conf=58.0)
    words[3] = dataclasses.replace(words[3], conf=20.0)  # 'OKAFOR': no digit of the time in it
    unsure = header_from_words(words, dt.UTC, sure=80.0)
    assert unsure is not None and unsure.sent_at is None
    assert unsure.unsure_at == dt.datetime(2026, 11, 22, 9, 42, tzinfo=dt.UTC)
    sure = header_from_words([dataclasses.replace(w, conf=95.0) if w is words[0] else w for w in words], dt.UTC, 80.0)
    assert sure is not None and sure.sent_at == dt.datetime(2026, 11, 22, 9, 42, tzinfo=dt.UTC)

    arrived = dt.datetime(2026, 11, 21, 9, 42, tzinfo=dt.UTC)
    state = reading.FaxRead(
        ctx=ParseContext(path=Path("x.tif"), sha256="0" * 64, received_at=arrived),
        engine=TesseractEngine(),
        kind="tiff",
    )
    state.pages = [Page(number=1, width=1734, height=2244, words=words)]
    reading.read_headers(state)
    assert state.received_at == arrived
    assert [f.code for f in state.findings] == ["fax_header_time_ignored"]
    assert "could not be read surely" in state.findings[0].message
