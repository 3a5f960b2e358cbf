"""Captions as real US home-care order forms word them (CMS-485, CMS-484, standard written orders,
payer prior-authorization and Medicaid forms, infusion referrals, face-to-face attestations): each is
the label of its field, in the right party's role; ambiguous ones only where their block decides."""

from __future__ import annotations

import datetime as dt

import pytest

from parsers.fax.extract import PageText, candidates, labelled_hits
from parsers.fax.labels import PATIENT, PAYER, PROVIDER, SUPPLIER
from parsers.fax.layout import page_segments
from parsers.fax.model import Page, Word
from tests.fax.test_reading_units import _page
from tests.fax.test_text_fields import _hits

NONE = "none"


@pytest.mark.parametrize(
    ("caption", "kind", "role"),
    [
        # patient: Medicaid's recipient, a Medicare plan's enrollee, a claim form's insured
        ("Recipient Name", "name", PATIENT),
        ("Recipient's Name", "name", PATIENT),
        ("Enrollee Name", "name", PATIENT),
        ("Recipient ID", "member_id", PATIENT),
        ("Recipient ID Number", "member_id", PATIENT),
        ("Enrollee ID", "member_id", PATIENT),
        ("Insured's ID Number", "member_id", PATIENT),
        ("Insured ID", "member_id", PATIENT),
        ("Member/Subscriber Number", "member_id", PATIENT),
        ("Subscriber/Policy #", "member_id", PATIENT),
        ("Subscriber Number", "member_id", PATIENT),
        ("Medicare Beneficiary Identifier", "member_id", PATIENT),
        ("Identification #", "member_id", PATIENT),
        ("Policy/ID #", "member_id", PATIENT),
        ("Member Information", "name", PATIENT),  # a payer form's heading over the member's block
        # someone else's: who refers (often a case manager) and the insured (often a spouse or parent)
        ("Referrer Name", "name", "other"),
        ("Referral Source", "name", "other"),
        ("Insured's Name", "name", "other"),
        ("Subscriber Name", "name", "other"),
        # ordering provider: CMS's 'allowed practitioner', a written order's printed-name box
        ("Allowed Practitioner", "name", PROVIDER),
        ("Allowed Practitioner's Name", "name", PROVIDER),
        ("Treating Practitioner's Printed Name and NPI", "name", PROVIDER),
        ("Practitioner Name", "name", PROVIDER),
        # supplier: who fills a prescription form's order
        ("Dispensing Pharmacy", "org", SUPPLIER),
        ("Dispensing Provider", "org", SUPPLIER),
        ("Pharmacy Name", "org", SUPPLIER),
        ("Specialty Pharmacy", "org", SUPPLIER),
        ("HHA Name", "org", SUPPLIER),
        ("Dispense through", "org", SUPPLIER),  # a prescription's: who fills it
        ("Dispensed by", "org", SUPPLIER),
        # dates
        ("Date of the Order", "order_date", None),
        ("Anticipated SOC", "start_date", None),
        ("Expected SOC Date", "start_date", None),
        ("Set-up on or after", "start_date", None),  # a DME prescription's earliest set-up day
        ("Set upon or after", "start_date", None),  # ... its words run together by OCR
        ("Set-up onoraher", "start_date", None),  # ... and its 'after' garbled in small print
        ("Deliver on or after", "start_date", None),
        # as OCR garbles a narrow face's captions
        ("Date of rth", "dob", PATIENT),  # birth's thin 'bi' lost
        ("Steet", "address", None),  # a letter of 'Street' lost
        ("Patent name", "name", PATIENT),  # patient's thin i lost
        ("Anticip. D/C", "discharge_date", None),  # an EHR's abbreviated captions
        ("Est. Discharge Date", "discharge_date", None),
        ("Exp. D/C", "discharge_date", None),
        # captions of what the record does not hold
        ("Payer ID", NONE, None),
        ("Date of Face-to-Face Encounter", NONE, None),
        ("F2F Encounter Date", NONE, None),
        ("Tax Identification #", NONE, None),
        ("Admission Date", NONE, None),
        ("Date of Admission", NONE, None),
    ],
)
def test_a_real_forms_caption_is_its_fields_label(caption: str, kind: str, role: str | None) -> None:
    assert [(k, r) for k, r, _ in _hits(caption)] == [(kind, role)]


def test_the_cms_484_hic_number_is_the_member_id_beside_the_patients_name_box() -> None:
    found = _hits("PATIENT NAME, ADDRESS, TELEPHONE and HIC NUMBER")
    assert [(k, r) for k, r, _ in found] == [("name", PATIENT), ("member_id", PATIENT)]


@pytest.mark.parametrize(
    ("caption", "kind", "role"),
    [  # already read: kept so a later change does not lose them
        ("Beneficiary Name", "name", PATIENT),
        ("Client Name", "name", PATIENT),
        ("Patient's HI Claim No.", "member_id", PATIENT),
        ("Health Insurance Claim Number", "member_id", PATIENT),
        ("Medicare ID", "member_id", PATIENT),
        ("Medicaid #", "member_id", PATIENT),
        ("Subscriber #", "member_id", PATIENT),
        ("Policy #", "member_id", PATIENT),
        ("Insurance ID #", "member_id", PATIENT),
        ("Gender", "sex", PATIENT),
        ("Sex (M/F)", "sex", PATIENT),
        ("Certifying Physician", "name", PROVIDER),
        ("Treating Practitioner", "name", PROVIDER),
        ("Requesting Provider Name", "name", PROVIDER),
        ("Prescribing Practitioner's Name", "name", PROVIDER),
        ("Rendering Provider", "org", SUPPLIER),
        ("Home Infusion Pharmacy", "org", SUPPLIER),
        ("Insurance Carrier", "org", PAYER),
        ("Date of Order", "order_date", None),
        ("Projected Discharge", "discharge_date", None),
        ("Anticipated D/C Date", "discharge_date", None),
        ("Start of Care Date", "start_date", None),
        ("Estimated Length of Need", NONE, None),
    ],
)
def test_a_real_forms_caption_the_reader_already_knew(caption: str, kind: str, role: str | None) -> None:
    assert [(k, r) for k, r, _ in _hits(caption)] == [(kind, role)]


@pytest.mark.parametrize(
    ("caption", "kinds"),
    [
        ("PHYSICIAN NAME, ADDRESS, TELEPHONE and UPIN or NPI #", ["name"]),
        ("SUPPLIER NAME, ADDRESS, TELEPHONE and NSC or NPI #", ["org"]),
        ("DOB/Age", ["dob"]),
        ("HICN/MBI", ["member_id", "member_id"]),
        ("Ordering/Referring Physician", ["name"]),
    ],
)
def test_a_box_caption_naming_several_things_is_read_as_its_parts(caption: str, kinds: list[str]) -> None:
    assert [k for k, _, _ in _hits(caption)] == kinds


@pytest.mark.parametrize("line", ["Patient's Signature", "Prescriber's Signature", "Physician's Signature"])
def test_a_partys_signature_line_is_no_caption_of_its_name(line: str) -> None:
    assert _hits(line) == []


def test_a_group_number_after_a_policy_slash_is_no_member_id() -> None:
    assert [k for k, _, _ in _hits("Policy/Group #")] == ["none"]


@pytest.mark.parametrize(
    "line",
    [
        "Nurse Practitioner: Jane Doe",  # who saw the patient, not necessarily who orders
        "Tax Identification # 12-3456789",  # the provider's, not the member's
        "Order Identification # 55512",
    ],
)
def test_an_ambiguous_word_is_no_caption_of_ours_outside_its_block(line: str) -> None:
    found = {k for k, _, _ in _hits(line)}
    assert not found & {"member_id", "name"}


def _fields(lines: list[str]) -> dict[str, object]:
    text = _page(lines)
    return {c.path: c.value for c in candidates(text, labelled_hits(text))}


def test_a_medicaid_forms_recipient_captions_give_the_members_name_and_id() -> None:
    found = _fields(["Recipient Name: John Smith", "Recipient ID: X456775120"])
    assert found["member.member_id"] == "X456775120"
    assert found["member.name"] == ("John", "Smith")


def test_a_member_information_heading_makes_the_name_under_it_the_members() -> None:
    assert _fields(["Member Information", "John Smith"])["member.name"] == ("John", "Smith")


def test_a_payer_id_is_not_the_members_id_nor_the_payers_name() -> None:
    found = _fields(["Payer ID: 60054"])
    assert "member.member_id" not in found
    assert "payer.name" not in found


@pytest.mark.parametrize("caption", ["Start / set-up date", "Set-up date", "Setup Date", "Start/Setup Date"])
def test_a_dme_suppliers_set_up_date_is_the_start_date(caption: str) -> None:
    """Home oxygen and DME orders ask when the equipment is set up in the home: the service's start."""
    assert [(k, r) for k, r, _ in _hits(caption)] == [("start_date", None)]


@pytest.mark.parametrize("caption", ["NP]", "NP] #", "Supplier NP]"])
def test_npi_with_its_i_read_as_a_bracket_is_the_npi_caption(caption: str) -> None:
    """OCR reads a serif capital I as ']' as often as '|' or 'l'."""
    assert [k for k, _, _ in _hits(caption)] == ["npi"]


def test_fax_with_its_a_read_as_u_is_a_caption_only_where_a_caption_stands() -> None:
    """'Fux' (the a of a small serif 'Fax' read as u) at its segment's start; inside a phrase it is no caption."""
    assert [k for k, _, _ in _hits("Fux")] == ["fax"]
    assert [k for k, _, _ in _hits("Fux: 203-555-2438")] == ["fax"]
    assert "fax" not in [k for k, _, _ in _hits("Acme Fux Supply")]


def test_a_sentence_wrapped_at_a_party_word_is_no_caption() -> None:
    """'... the / physician reviews them, answers Section IV': an instruction's sentence that wrapped
    at 'physician' names nobody's block; a caption in capitals, or with its colon, still does."""
    assert _hits("physician reviews them, answers Section IV and signs Section VI") == []
    assert _hits("patient must be seen within 48 hours") == []
    assert ("name", PROVIDER, "Physician") in _hits("Physician Jane Doe, MD")
    assert ("name", PROVIDER, "physician") in _hits("physician: jane doe")


def test_a_lower_case_caption_with_its_value_after_it_is_still_a_caption() -> None:
    """'patient cell 860-555-0142': a caption typed in lower case, its value after it: no sentence."""
    assert ("name", PATIENT, "patient") in _hits("patient cell 860-555-0142")


def _placed(page_words: list[tuple[str, int, int]]) -> PageText:
    """Words at (left, top), 12 px a character: a page whose captions stand where the test puts them."""
    words = [
        Word(token, 95.0, left + sum(12 * len(t) + 10 for t in text.split()[:i]), top, 12 * len(token), 20)
        for text, left, top in page_words
        for i, token in enumerate(text.split())
    ]
    page = Page(number=1, width=1734, height=2244, words=words)
    lines, segments = page_segments(page)
    return PageText(page, lines, segments)


def test_a_date_right_of_a_right_aligned_caption_is_its_value_though_another_caption_starts_there() -> None:
    # captions right-aligned against a gutter start anywhere along their rows: 'Sex' starts where the
    # set-up date's value does, and a segment that is only a date is no caption standing there
    text = _placed([("Sex Female", 398, 400), ("Start date", 206, 520), ("Nov 25, 2026", 400, 520)])
    found = {c.path: c.value for c in candidates(text, labelled_hits(text))}
    assert found["requested_start_date"] == dt.date(2026, 11, 25)


def test_an_unknown_caption_in_the_caption_column_is_still_no_value() -> None:
    text = _placed([("Sex Female", 398, 400), ("Start date", 206, 520), ("Remarks", 400, 520)])
    found = {c.path for c in candidates(text, labelled_hits(text))}
    assert "requested_start_date" not in found
