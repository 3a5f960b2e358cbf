"""Text fields and numbered-box forms: label synonyms, caption words, the third read, joint confidence."""

from __future__ import annotations

from dataclasses import replace

import pytest

from parsers.fax.address_text import AddressValue
from parsers.fax.confirm import joint_confidence
from parsers.fax.extract import PageText, candidates, labelled_hits
from parsers.fax.first_checks import mark_repeated
from parsers.fax.labels import PATIENT, PAYER, PROVIDER, SUPPLIER, fuzzy_caption, hits_in
from parsers.fax.layout import page_segments
from parsers.fax.model import Candidate, Page, Segment, Word
from parsers.fax.ocr import hocr_words
from parsers.fax.prose import payer_in_prose, plan_over_title, sex_in_prose
from parsers.fax.values import read_name, read_org
from parsers.fax.verify import _third_read_may
from tests.fax.test_reading_units import _page, _words


def _hits(text: str) -> list[tuple[str, str | None, str]]:
    segment = Segment(page=1, index=0, words=tuple(_words(text)))
    return [(h.kind, h.label.role, text[h.start : h.end]) for h in hits_in(segment)]


@pytest.mark.parametrize(
    ("caption", "kind", "role"),
    [
        ("1. Patient's HI Claim No.", "member_id", PATIENT),
        ("Beneficiary ID", "member_id", PATIENT),
        ("6 Patient s Name and Address", "name", PATIENT),  # the apostrophe lost by OCR
        ("Patients Name, Address and Telephone", "name", PATIENT),
        ("24. Physician’s Name and Address", "name", PROVIDER),
        ("Servicing Provider", "org", SUPPLIER),
        ("Primary Payer", "org", PAYER),
        ("Primary Insurance Name", "org", PAYER),
        ("Patient Telephone", "phone", PATIENT),
        ("Génder: F", "sex", PATIENT),  # an accent OCR put on a plain letter
        ("6a. Patient address", "address", PATIENT),
        ("(4) Insurance", "org", PAYER),
        ("Box 7 Supplier", "org", SUPPLIER),
        ("Item 12: Sex", "sex", PATIENT),
        ("Patient Gender", "sex", PATIENT),
    ],
)
def test_numbered_box_captions_and_synonyms(caption: str, kind: str, role: str) -> None:
    found = _hits(caption)
    assert [(k, r) for k, r, _ in found] == [(kind, role)]


def test_a_long_prose_phrase_garbled_by_ocr_is_still_its_label() -> None:
    assert _hits("who was disciarged from hospital on November 21, 2026.") == [
        ("discharge_date", None, "disciarged from hospital on")
    ]
    assert _hits("who was admitted to hospital on November 21, 2026.") == []


def test_a_date_caption_with_its_d_read_as_o_is_still_the_caption() -> None:
    assert [(k, r) for k, r, _ in _hits("23 Order Oate")] == [("order_date", None)]
    assert [k for k, _, _ in _hits("Discharge Oate: 11/20/2026")] == ["discharge_date"]


def test_a_date_caption_with_its_e_read_as_l_is_still_the_caption() -> None:
    """Small capitals lose the E's middle and foot bars: '25 DATL OF REQUEST' is the 'Date of Request' box."""
    assert [(k, r) for k, r, _ in _hits("25 DATL OF REQUEST")] == [("order_date", None)]


def test_npi_with_its_p_read_as_f_is_a_caption_only_where_weak_captions_count() -> None:
    assert [(k, r) for k, r, _ in _hits("NFI: 1860630783")] == [("npi", None)]
    assert _hits("see the NFI rules") == []


def test_a_bare_providers_name_is_the_agency_only_where_the_physician_has_a_label_of_its_own() -> None:
    cms = _page(["7) Provider's Name and NPI", "Northside DME Supply", "24. Physician's Name and Address", "Jane Doe"])
    found = {c.path: c.value for c in candidates(cms, labelled_hits(cms))}
    assert found["servicing_provider.name"] == "Northside DME Supply"
    assert found["ordering_provider.name"] == ("Jane", "Doe")
    alone = _page(["Provider Name: Jane Doe", "Patient Name: John Smith"])
    assert "servicing_provider.name" not in {c.path for c in candidates(alone, labelled_hits(alone))}


def test_a_secondary_insurance_is_not_the_payer() -> None:
    assert _hits("Secondary Insurance: Acme Health") == []


def test_a_credentialed_person_is_no_organisation() -> None:
    assert read_org("Jane Doe, MD") is None and read_org("Carter Helen DO") is None


@pytest.mark.parametrize("text", ["Dr. Helen Carter", "Dr Jane Doe", "Dt. Jane Doe", "Doctor Ann Lee"])
def test_a_clinicians_title_before_a_name_is_a_person_not_an_organisation(text: str) -> None:
    assert read_org(text) is None  # a supplier's form faxed 'TO: Dr. Helen Carter' names its recipient
    assert read_org("Doctors Medical Supply") is not None and read_org("Dray Home Care") is not None


@pytest.mark.parametrize("text", ["/ supplier", "Agency / Supplier", "Vendor name", "& Associates Inc"])
def test_a_captions_rest_or_its_words_are_no_organisation(text: str) -> None:
    assert read_org(text) is None  # 'Agency / supplier' read as 'Agency' and its value '/ supplier'
    assert read_org("1st Choice Medical") is not None


def test_a_name_label_takes_its_tail_so_no_caption_word_is_a_value() -> None:
    assert _hits("Ordering Provider Name and NPI") == [("name", PROVIDER, "Ordering Provider Name and NPI")]
    assert _hits("NP! 1891879466")[0][0] == "npi"  # 'I' misread as '!'


@pytest.mark.parametrize("text", ["Name and Address", "to remain safely at home", "and NPI", "Date Signed"])
def test_captions_and_prose_are_no_names(text: str) -> None:
    assert read_name(text) is None


def test_caption_words_are_no_organisation_and_stray_marks_are_no_part_of_a_name() -> None:
    assert read_org("and NPI") is None
    assert read_org("Northside DME Supply").value == "Northside DME Supply"  # type: ignore[union-attr]
    found = read_name("‘GARCIA, ROBERT|")
    assert found is not None and found.value == ("ROBERT", "GARCIA")


def test_name_and_address_box_gives_the_name_and_the_lines_under_it_as_the_address() -> None:
    text = _page(["6. Patient's Name and Address", "GARCIA, ROBERT", "105 Maple Avenue", "Providence, RI 02903"])
    found = {c.path: c.value for c in candidates(text, labelled_hits(text))}
    assert found["member.name"] == ("ROBERT", "GARCIA")
    assert found["member.address"] == AddressValue("105 Maple Avenue", None, "Providence", "RI", "02903")


def test_the_physicians_name_and_address_box_gives_no_member_address() -> None:
    text = _page(["24. Physician's Name and Address", "Jane Doe, MD", "1 Main St", "Hartford, CT 06103"])
    found = {c.path: c.value for c in candidates(text, labelled_hits(text))}
    assert found.get("ordering_provider.name") == ("Jane", "Doe")
    assert "member.address" not in found


def test_value_under_a_label_is_the_one_sharing_its_column() -> None:
    words = [
        *_words("9 Sex", top=100),
        *[replace(w, left=w.left + 400) for w in _words("Patient Telephone", top=100)],
        *[replace(w, left=w.left + 400) for w in _words("914-555-9399", top=140)],
        *[replace(w, left=w.left + 10) for w in _words("M", top=141)],
    ]
    page = Page(number=1, width=1734, height=2244, words=words)
    lines, segments = page_segments(page)
    text = PageText(page, lines, segments)
    found = {c.path: c.value for c in candidates(text, labelled_hits(text))}
    assert found["member.sex"] == "M"


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("for my patient, a male under my care,", "M"),
        ("She is a 72-year-old woman with COPD", "F"),
        ("my patient is an 81 year old female", "F"),
    ],
)
def test_sex_in_a_letters_prose(line: str, want: str) -> None:
    assert [c.value for c in sex_in_prose(_page([line]))] == [want]


def test_an_item_for_men_is_not_the_patients_sex() -> None:
    assert not list(sex_in_prose(_page(["A4326 male external catheter, quantity 30"])))


HOCR_TIE = """<span class='ocr_line' id='line_1_1' title="bbox 0 0 300 50">
<span class='ocrx_word' id='word_1_1' title='bbox 15 15 163 53; x_wconf 79'>Waiter
<span class='ocrx_cinfo' id='lstm_choices_1_1_3'>
<span class='ocrx_cinfo' id='choice_1_1_13' title='x_confs 85.5'>i</span>
<span class='ocrx_cinfo' id='choice_1_1_14' title='x_confs 80.8'>l</span></span></span>
<span class='ocrx_word' id='word_1_2' title='bbox 179 0 321 53; x_wconf 94'>Health
<span class='ocrx_cinfo' id='lstm_choices_1_2_9'>
<span class='ocrx_cinfo' id='choice_1_2_9' title='x_confs 91.3'>l</span>
<span class='ocrx_cinfo' id='choice_1_2_10' title='x_confs 47.1'>i</span></span></span>
"""


def test_a_near_tie_is_marked_apart_from_a_weaker_rival() -> None:
    waiter, health = hocr_words(HOCR_TIE)
    assert waiter.ambiguous and waiter.tied
    assert health.ambiguous and not health.tied


def test_a_doubtful_name_gets_a_third_read_unless_its_doubt_is_a_near_tie() -> None:
    words = _words("Valley Home Health")
    org = Candidate("servicing_provider.name", "Valley Home Health", 1, (10, 10, 300, 40), 0.95, "label")
    name = Candidate("member.name", ("Walter", "Garcia"), 1, (10, 10, 300, 40), 0.87, "label")
    assert _third_read_may(org, [*words[:2], replace(words[2], ambiguous=True)])
    assert not _third_read_may(org, [*words[:2], replace(words[2], ambiguous=True, tied=True)])
    assert not _third_read_may(name, [replace(w, ambiguous=True, tied=True) for w in _words("Waiter Garcia")])
    dob = Candidate("member.dob", "1961-01-02", 1, (10, 10, 300, 40), 0.9, "label")
    assert not _third_read_may(dob, _words("01/02/1961"))  # a birth date's doubt stays a finding


def test_joint_confidence_counts_each_character_in_both_reads() -> None:
    first = tuple(_words("148 Main Street", conf=96.0))
    second = [*_words("148 Main", conf=96.0), *_words("Street", conf=18.0)]
    assert joint_confidence(first, second) == pytest.approx(1 - 0.04 * 0.82)
    weak_twice = [*_words("148 Main", conf=96.0), *_words("Street", conf=30.0)]
    assert joint_confidence(tuple([*first[:2], replace(first[2], conf=30.0)]), weak_twice) == pytest.approx(0.51)
    assert joint_confidence(first, _words("148 Main Streot")) is None  # letters that differ: no pairing


def test_two_readings_of_overlapping_pixels_are_not_a_repeat() -> None:
    from parsers.fax import reading

    state = reading.FaxRead.__new__(reading.FaxRead)
    one = Candidate("ordering_provider.name", ("Samuel", "Okafor"), 1, (10, 10, 200, 40), 0.3, "below")
    two = replace(one, bbox=(10, 10, 160, 40), method="pattern")
    elsewhere = replace(one, bbox=(10, 900, 200, 930), method="label")
    state.candidates = [one, two]
    mark_repeated(state)
    assert all(c.confirmed_by is None for c in state.candidates)
    state.candidates = [one, elsewhere]
    mark_repeated(state)
    assert all(c.confirmed_by == "repeated" for c in state.candidates)


@pytest.mark.parametrize(
    ("caption", "kind"),
    [
        ("Patent Telephc ne", "phone"),
        ("Patient Talephone", "phone"),
        ("8. Date of Brith", "dob"),
        ("Dischrage Date:", "discharge_date"),
        ("Patiant (Last, First)", "name"),  # a name-order hint says 'name'
        ("Hospital Orscharge Date", "discharge_date"),
        ("Member Phane", "phone"),  # a health plan's form: 'Member Phone'
        ("Member Addrass", "address"),
    ],
)
def test_a_caption_ocr_garbled_is_the_label_it_is_nearest_to(caption: str, kind: str) -> None:
    assert [k for k, _, _ in _hits(caption)] == [kind]


@pytest.mark.parametrize(
    "text",
    [
        *("Primary Health Insurance", "Jennifer Patterson", "Northside DME Supply", "Supplies", "Insura"),
        *("Patient Smith John", "Patiant (M/F)", "Smith (Last, First) John"),
    ],
)
def test_values_and_short_or_far_captions_are_no_garbled_caption(text: str) -> None:
    assert fuzzy_caption(Segment(page=1, index=0, words=tuple(_words(text)))) is None


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("Member ID W123456789, Acme Health Plan, phone (203) 555-8256", "Acme Health Plan"),
        ("Member # A12345, Blue Cross of Ohio;", "Blue Cross of Ohio"),
        ("She is covered by Summit Advantage for this equipment.", "Summit Advantage"),
        ("The patient is insured with Northwind Mutual.", "Northwind Mutual"),
    ],
)
def test_a_payer_stated_in_a_letters_prose(line: str, want: str) -> None:
    assert [c.value for c in payer_in_prose(_page([line]).lines)] == [want]


@pytest.mark.parametrize(
    "line",
    [
        "Member ID W123456789, John Smith, date of birth May 1, 1950",  # a person, no plan word
        "Member ID W123456789, phone (203) 555-8256",
        "covered by the plan on file",
        "Plan Member # W136281643",
        "Member ID W123456789, Sunrise Home Care, will start on Monday",  # the agency, not the plan
        "covered by Northside DME Supply for the rental",
    ],
)
def test_no_payer_without_a_plan_named_after_its_cue(line: str) -> None:
    assert not list(payer_in_prose(_page([line]).lines))


def _found(words: list[Word]) -> dict[str, object]:
    page = Page(number=1, width=1734, height=2244, words=words)
    lines, segments = page_segments(page)
    text = PageText(page, lines, segments)
    return {c.path: c.value for c in candidates(text, labelled_hits(text))}


@pytest.mark.parametrize("line", ["Sex [ ] Male [X] Female", "Gender M / F", "Sex: M F"])
def test_a_sex_offering_both_options_on_its_segment_is_no_answer(line: str) -> None:
    assert "member.sex" not in _found(_words(line))


def test_a_sex_whose_other_option_stands_across_a_gap_is_no_answer() -> None:
    words = [*_words("Sex [[] Male"), *[replace(w, left=w.left + 380) for w in _words("Female")]]
    assert "member.sex" not in _found(words)
    assert _found(_words("Sex Female"))["member.sex"] == "F"


def test_a_number_a_sentence_leads_to_is_not_the_captions_value() -> None:
    assert "ordering_provider.fax" not in _found(_words("Fax completed referral and both pages to (800) 555-0143"))
    assert _found(_words("Physician Fax: (860) 555-0143"))["ordering_provider.fax"] == "8605550143"


@pytest.mark.parametrize(
    "line",
    [
        "Fax completed form to (888) 555-1917",
        "Fax to: (888) 555-1917",
        "Fax completed form to UM: 1-888-555-1917",  # the recipient named after 'to'
        "Fax to the plan at 1-888-555-1917",
        "Fax completed torm ta UM 1 888 555 1917",  # small print: its 'to' read as 'ta'
    ],
)
def test_a_number_the_caption_sends_something_to_is_not_the_senders(line: str) -> None:
    """Where the form is to be faxed (the plan's or the agency's number) is never the sender's own fax."""
    assert "ordering_provider.fax" not in _found(_words(line))
    assert _found(_words("Fax: (860) 555-0143  Tomorrow"))["ordering_provider.fax"] == "8605550143"


def _fields(line: str) -> dict[str, object]:
    text = _page([line])
    return {c.path: c.value for c in candidates(text, labelled_hits(text))}


def test_a_payer_run_into_a_caption_opening_with_a_plan_word_is_unsure() -> None:
    """'Insurance: Evergreen Medicaid ID: X4567': 'Medicaid' may end the plan's name or begin the
    member id's caption, so the payer is null (never 'Evergreen'); the member id is the same either way."""
    found = _fields("Insurance: Evergreen Medicaid ID: X456775120")
    assert "payer.name" not in found
    assert found["member.member_id"] == "X456775120"
    # a comma ends the name, and a caption opening with no plan word leaves no doubt where it ends
    assert _fields("Insurance: Evergreen Medicaid, Medicaid ID: X456775120")["payer.name"] == "Evergreen Medicaid"
    assert _fields("Insurance: Evergreen Health Member ID: X456775120")["payer.name"] == "Evergreen Health"


@pytest.mark.parametrize(
    ("caption", "kind"), [("PT NAME", "name"), ("Pt. Name:", "name"), ("PT PHONE", "phone"), ("Pt Address:", "address")]
)
def test_a_charts_pt_abbreviation_is_the_patients_caption(caption: str, kind: str) -> None:
    assert [(k, r) for k, r, _ in _hits(caption)] == [(kind, PATIENT)]


def test_a_charts_ins_abbreviation_is_the_payers_caption_only_where_its_segment_starts() -> None:
    assert [(k, r) for k, r, _ in _hits("INS")] == [("org", PAYER)]
    assert [(k, r) for k, r, _ in _hits("Ins. Co.: Summit Advantage")] == [("org", PAYER)]
    assert not _hits("Mercy Ins Group")


@pytest.mark.parametrize("caption", ["OFFICE #", "Office No.", "Office Number:"])
def test_an_office_number_caption_is_the_physicians_phone(caption: str) -> None:
    assert [(k, r) for k, r, _ in _hits(caption)] == [("phone", PROVIDER)]


@pytest.mark.parametrize("read", ["‘Blue Harbor Medicare", "“Blue Harbor Medicare", "' Blue Harbor Medicare"])
def test_a_quote_mark_before_an_organisations_name_is_a_speck(read: str) -> None:
    found = read_org(read)
    assert found is not None and found.value == "Blue Harbor Medicare"


@pytest.mark.parametrize("caption", ["Start of Therapy", "Start of Service:", "Start of Infusion"])
def test_a_start_of_therapy_caption_is_the_requested_start(caption: str) -> None:
    assert [(k, t) for k, _, t in _hits(caption)] == [("start_date", caption.rstrip(":"))]


@pytest.mark.parametrize("caption", ["Pharmacy NPI", "Infusion Pharmacy NPI:"])
def test_a_pharmacys_npi_is_the_suppliers(caption: str) -> None:
    assert [(k, r) for k, r, _ in _hits(caption)] == [("npi", SUPPLIER)]


def test_a_letters_re_is_a_caption_only_with_its_colon() -> None:
    assert [(k, r) for k, r, _ in _hits("Re: John Smith")] == [("name", PATIENT)]
    assert _hits("re") == [] and _hits("re Syme") == []  # specks OCR read as letters


@pytest.mark.parametrize("caption", ["Servicing Provider/Vendor", "Rendering Provider / Supplier Name"])
def test_a_servicing_caption_naming_the_vendor_too_is_one_caption(caption: str) -> None:
    assert _fields(f"{caption}: Valley Home Health")["servicing_provider.name"] == "Valley Home Health"


def _row(*cells: tuple[int, str]) -> list[Word]:
    """One row of cells, each (left edge, text) on the page."""
    return [replace(w, left=w.left + left) for left, cell in cells for w in _words(cell)]


def test_a_to_column_right_of_a_from_column_ends_a_date_range() -> None:
    header = _row((0, "CPT/HCPCS"), (620, "From"), (860, "To"), (1100, "Description"))
    assert "servicing_provider.name" not in _found(header)
    assert _found(_row((0, "To"), (300, "Valley Home Health")))["servicing_provider.name"] == "Valley Home Health"


def test_an_ehr_orders_ordered_by_and_send_to_lines_name_the_provider_and_the_supplier() -> None:
    found = _fields("Ordered by: Priya Patel, MD  NPI: 1547543250")
    assert found["ordering_provider.name"] == ("Priya", "Patel")
    assert found["ordering_provider.npi"] == "1547543250"
    found = _fields("Send to: Northside DME Supply  NPI: 1407761091")
    assert found["servicing_provider.name"] == "Northside DME Supply"
    assert found["servicing_provider.npi"] == "1407761091"
    assert "servicing_provider.name" not in _fields("Please send to the patient's home the following")


def test_a_wide_gap_after_a_plan_word_ends_the_payers_name() -> None:
    """A printout sets its fields apart by two spaces: 'Insurance: Evergreen Medicaid  ID: X456775120'
    (word gaps of 10 px, 22 px before 'ID:'): the plan word ends the name; with even gaps it stays unsure."""
    found = _found(_row((0, "Insurance: Evergreen Medicaid"), (366, "ID: X456775120")))
    assert found["payer.name"] == "Evergreen Medicaid"
    assert found["member.member_id"] == "X456775120"
    assert "payer.name" not in _found(_row((0, "Insurance: Evergreen"), (260, "Medicaid ID: X456775120")))


def test_a_value_a_streak_made_taller_than_its_caption_is_still_right_of_it() -> None:
    """A fax streak through a digit joined to the value's box: '1975742044' 56 px tall from the
    caption's top beside its 20 px caption, across a wide gap (the next ruled cell)."""
    caption = _row((0, "Supplier NPI"))
    value = [replace(w, top=w.top - 2, height=56) for w in _row((400, "1975742044"))]
    assert _found([*caption, *value])["servicing_provider.npi"] == "1975742044"
    below = [replace(w, top=w.top + 30, height=56) for w in _row((400, "1975742044"))]  # starts under the caption
    assert "servicing_provider.npi" not in _found([*caption, *below])


@pytest.mark.parametrize("caption", ["Servicing NPI", "Rendering NPI", "Vendor NPI"])
def test_a_servicing_npi_caption_is_the_suppliers_npi(caption: str) -> None:
    assert _fields(f"{caption}: 1975742044")["servicing_provider.npi"] == "1975742044"


def _plan_form(plan: str, title: str, *rest: str) -> list[Candidate]:
    text = _page([plan, title, *rest])
    return list(plan_over_title(text, labelled_hits(text), []))


def test_a_plans_name_over_its_prior_authorization_forms_title_is_the_payer() -> None:
    found = _plan_form("Blue Harbor Medicare", "Utilization Management - Prior Authorization Request")
    assert [c.value for c in found] == ["Blue Harbor Medicare"]
    # a provider's letterhead (no plan's word, or a provider's), another document, or a payer caption: none
    assert not _plan_form("Valley Health Associates", "Prior Authorization Request")
    assert not _plan_form("Medicare Home Health Services", "Prior Authorization Request")
    assert not _plan_form("Blue Harbor Medicare", "Home Health Referral")
    assert not _plan_form("Blue Harbor Medicare", "Prior Authorization Request", "Insurance: Evergreen Health")


@pytest.mark.parametrize(
    "caption", ["B. REQUESTING (ORDERING) PROVIDER", "Referring/Ordering Physician", "Requesting [Ordering] Provider"]
)
def test_a_signing_role_with_a_second_one_in_brackets_or_after_a_slash_names_the_orderer(caption: str) -> None:
    """A plan's form heads the orderer's block 'REQUESTING (ORDERING) PROVIDER': both words name the orderer."""
    assert [(kind, role) for kind, role, _ in _hits(caption)] == [("name", PROVIDER)]


def test_a_supplier_name_caption_ocr_ran_its_li_together_is_still_its_caption() -> None:
    """'Suppher name' for 'Supplier name' (its 'li' read as one 'h'): the supplier's name caption."""
    assert _hits("Suppher name") == [("org", "supplier", "Suppher name")]


def test_an_npi_caption_with_its_i_read_as_a_brace_or_a_t_is_the_npi_caption() -> None:
    """'NP} 1143662173' (a thin I read as '}'), 'NPT: 1160133397' (as T, before its colon only)."""
    assert _hits("NP} 1143662173") == [("npi", None, "NP}")]
    assert ("npi", None, "NPT") in _hits("Send to: ABC Home Medical NPT: 1160133397")
    assert _hits("NPT 1160133397") == []


def test_an_office_phone_whose_office_ocr_garbled_is_still_the_offices() -> None:
    """'Offic2 phone:' (its e read as 2): the ordering office's phone, as 'Office phone' is."""
    assert _hits("Offic2 phone: 860-555-7288") == [("phone", "provider", "phone")]


def test_a_send_to_caption_with_its_o_read_as_a_is_the_supplier_caption() -> None:
    """'Send ta: Northside DME Supply NPI: ...' (a fax's o read as a): whom the order goes to, so its
    NPI is the supplier's, not a second ordering NPI; a sentence's 'send ta' is none (segment start only)."""
    found = _fields("Send ta: Northside DME Supply  NPI: 1407761091")
    assert found["servicing_provider.name"] == "Northside DME Supply"
    assert found["servicing_provider.npi"] == "1407761091"
    assert "servicing_provider.name" not in _fields("Please send ta the patient's home the following")


def test_a_caption_whose_of_ocr_ran_into_the_next_word_is_still_the_caption() -> None:
    """'Date oforder', 'Date ofrequest' (the space after 'of' lost): the caption, as OCR reads it."""
    assert [(k, r) for k, r, _ in _hits("Date oforder")] == [("order_date", None)]
    assert [(k, r) for k, r, _ in _hits("Date ofrequest")] == [("order_date", None)]
