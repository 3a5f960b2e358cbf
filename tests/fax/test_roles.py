"""Whose a roleless label ('Phone', 'NPI') is: its column's block, unless another block began between."""

from __future__ import annotations

from parsers.fax.extract import PageText, candidates, labelled_hits
from parsers.fax.layout import page_segments
from parsers.fax.model import Page, Word


def _cells(rows: list[tuple[int, list[tuple[int, str]]]]) -> PageText:
    """A grid of caption and value cells: (top, [(left, text), ...]) per row, 12 px a character."""
    words = []
    for top, cells in rows:
        for left, text in cells:
            x = left
            for token in text.split():
                words.append(Word(token, 95.0, x, top, 12 * len(token), 22))
                x += 12 * len(token) + 10
    page = Page(number=1, width=1734, height=2244, words=words)
    lines, segments = page_segments(page)
    return PageText(page, lines, segments)


def _found(text: PageText) -> dict[str, object]:
    return {c.path: c.value for c in candidates(text, labelled_hits(text))}


def test_a_phone_under_another_name_row_is_not_the_members() -> None:
    """A ruled form whose provider row has no caption of ours ('Requesting Provider'), only a
    credentialed name in its value cell: the 'Phone' under it is not the member's, though the
    nearest name caption above it in its column is 'Member Name'."""
    text = _cells(
        [
            (370, [(114, "Member Name"), (435, "Smith, John"), (950, "Member ID"), (1190, "M947198865")]),
            (445, [(114, "Date of Birth"), (435, "05/18/1946")]),
            (750, [(114, "Requesting Provider"), (435, "Helen Carter, MD"), (950, "NPI"), (1190, "1245319599")]),
            (823, [(114, "Phone"), (435, "860-555-7632"), (950, "Fax"), (1190, "914-555-6563")]),
        ]
    )
    found = _found(text)
    assert found["member.name"] == ("John", "Smith")
    assert "member.phone" not in found


def test_a_name_row_in_the_other_half_of_the_page_does_not_break_a_block() -> None:
    """Two blocks side by side: the physician's name in the right half, a row lower than the
    patient's, leaves the left column's 'Phone' the patient's."""
    text = _cells(
        [
            (100, [(60, "Patient Name: Smith, John")]),
            (140, [(60, "DOB: 05/18/1946"), (900, "Physician: Jane Doe, MD")]),
            (180, [(60, "Phone: 860-555-0142"), (900, "NPI: 1245319599")]),
        ]
    )
    found = _found(text)
    assert found["member.phone"] == "8605550142"
    assert found["ordering_provider.npi"] == "1245319599"


def test_an_npi_on_a_name_captions_row_is_that_partys_though_another_block_heads_its_column() -> None:
    """Captions printed under their values: 'Prescriber Name ... NPI' on one row, the NPI's column
    headed higher up by an emergency contact's phone; a roleless 'Phone' under rows of several blocks
    stays a guess."""
    text = _cells(
        [
            (100, [(860, "(203) 555-0199")]),
            (140, [(860, "Emergency Contact Phone")]),
            (300, [(114, "PRESCRIBER")]),
            (360, [(114, "Dr. Samuel Okafor"), (860, "1245319599")]),
            (400, [(114, "Prescriber Name"), (860, "NPI")]),
            (600, [(860, "(914) 555-6905")]),
            (640, [(860, "Phone")]),
        ]
    )
    hits = {h.segment.text: h.role for h in labelled_hits(text)}
    assert hits["NPI"] == "provider"
    assert hits["Phone"] is None


def test_a_name_asked_for_in_parts_heads_its_column_as_the_patients() -> None:
    """'Last Name | First Name' captions under their lines, no patient heading read: the street
    address caption under them is the patient's."""
    text = _cells(
        [
            (100, [(114, "Garcia"), (620, "James")]),
            (140, [(114, "Last Name"), (620, "First Name")]),
            (300, [(114, "2068 Maple Avenue")]),
            (340, [(114, "Street Address")]),
        ]
    )
    hits = {h.segment.text: (h.kind, h.role) for h in labelled_hits(text)}
    assert hits["Last Name"] == ("name", "patient") and hits["First Name"] == ("name", "patient")
    assert hits["Street Address"] == ("address", "patient")


def test_the_letterheads_phone_beside_its_fax_is_the_ordering_offices() -> None:
    """An EHR's printed order heads the page with the practice: 'Phone: ...   Fax: ...' on one row."""
    letterhead = (100, [(144, "ELM CITY INTERNAL MEDICINE")])
    numbers = (140, [(144, "Phone: (914) 555-4262"), (560, "Fax: (860) 555-0186")])
    patient = (240, [(144, "Patient: WILSON, DOROTHY")])
    found = _found(_cells([letterhead, numbers, patient]))
    assert found["ordering_provider.phone"] == "9145554262"
    assert found["ordering_provider.fax"] == "8605550186"


def test_a_phone_beside_a_fax_under_a_partys_block_is_not_the_letterheads() -> None:
    patient = (100, [(144, "Patient: WILSON, DOROTHY")])
    numbers = (140, [(900, "Phone: (914) 555-4262"), (1300, "Fax: (860) 555-0186")])
    assert "ordering_provider.phone" not in _found(_cells([patient, numbers]))


def test_an_npi_under_the_plan_takes_the_clinician_named_on_its_own_row() -> None:
    """'Insurance: Aetna Medicare' heads the right column, but the 'NPI' under it stands on the row of
    'Ordering physician: Alan Brooks, MD': a plan has no NPI, so the NPI is the clinician's on its row."""
    text = _cells(
        [
            (300, [(114, "Patient: Maria Lopez"), (1000, "DOB: 03/14/1950")]),
            (360, [(114, "Member ID: W123456789"), (1000, "Insurance: Aetna Medicare")]),
            (420, [(114, "Ordering physician: Alan Brooks, MD"), (1000, "NPI: 1700074036")]),
        ]
    )
    found = _found(text)
    assert found["ordering_provider.npi"] == "1700074036"
    assert found["payer.name"] == "Aetna Medicare"


def test_a_phone_under_the_plan_with_no_name_on_its_row_is_nobodys() -> None:
    text = _cells(
        [
            (300, [(114, "Patient: Maria Lopez"), (1000, "DOB: 03/14/1950")]),
            (360, [(114, "Member ID: W123456789"), (1000, "Insurance: Aetna Medicare")]),
            (420, [(114, "Address: 12 Main St, Hartford, CT 06101"), (1000, "Phone: (860) 555-1234")]),
        ]
    )
    assert not any(path.endswith(".phone") for path in _found(text))


def test_a_bare_provider_name_caption_asking_for_a_persons_name_is_no_supplier() -> None:
    """'PROVIDER NAME (LAST, FIRST)' asks for a clinician ('Carter, Helen'), not the company that serves
    the order: its value and the NPI beside it are no servicing provider's."""
    text = _cells(
        [
            (300, [(114, "Requesting physician: Alan Brooks, MD")]),
            (732, [(110, "14 PROVIDER NAME (LAST, FIRST)"), (743, "15 NPI")]),
            (770, [(110, "Carter, Helen"), (743, "1853319519")]),
        ]
    )
    found = _found(text)
    assert "servicing_provider.name" not in found and "servicing_provider.npi" not in found


def test_a_name_order_hint_with_its_bracket_misread_still_asks_for_a_person() -> None:
    """OCR reads a caption's small '(' as '[' or '{' ('14 PROVIDER NAME [LAST, FIRST)'): the hint still
    asks for a clinician, so the name and the NPI beside it are no servicing provider's."""
    for bracket in "[{":
        text = _cells(
            [
                (300, [(114, "Requesting physician: Alan Brooks, MD")]),
                (732, [(110, f"14 PROVIDER NAME {bracket}LAST, FIRST)"), (743, "15 NPI")]),
                (770, [(110, "Carter, Helen"), (743, "1853319519")]),
            ]
        )
        found = _found(text)
        assert "servicing_provider.name" not in found and "servicing_provider.npi" not in found


def test_a_persons_provider_name_caption_on_a_page_naming_no_physician_is_the_orderers() -> None:
    """A plan's request form asks for 'PROVIDER NAME (LAST, FIRST)' and no caption of the page names the
    ordering physician (a sentence mentioning 'the requesting provider' captions nothing): the clinician
    named there is the orderer, and the NPI beside the caption is theirs."""
    text = _cells(
        [
            (732, [(110, "14 PROVIDER NAME (LAST, FIRST)"), (743, "15 NPI")]),
            (770, [(110, "Carter, Helen"), (743, "1853319519")]),
            (1500, [(110, "A decision is faxed to the requesting provider.")]),
        ]
    )
    found = _found(text)
    assert found.get("ordering_provider.npi") == "1853319519"
    assert found.get("ordering_provider.name") == ("Helen", "Carter")
    assert "servicing_provider.npi" not in found


def test_a_persons_provider_name_box_under_the_orderers_section_title_is_the_orderers() -> None:
    """The section title 'B. REQUESTING (ORDERING) PROVIDER' heads the block whose name box asks for
    'PROVIDER NAME (LAST, FIRST)': the title names the same person, so the box still gives the name."""
    text = _cells(
        [
            (690, [(115, "B. REQUESTING (ORDERING) PROVIDER")]),
            (732, [(110, "14 PROVIDER NAME (LAST, FIRST)"), (743, "15 NPI")]),
            (770, [(110, "Carter, Helen"), (743, "1853319519")]),
        ]
    )
    found = _found(text)
    assert found.get("ordering_provider.name") == ("Helen", "Carter")
    assert found.get("ordering_provider.npi") == "1853319519"


def test_a_fax_under_the_addressees_captions_is_not_the_row_names_of_a_roster_beside_it() -> None:
    """A practice's letter: its physicians listed down the left margin ('Michael R Stein MD'), the
    addressee's block in the middle ('Valley Home Health / Agency NPI ... / Fax ...'). The 'Fax' under the
    agency's NPI is not the roster name's on its row: with the column's own caption above it another
    party's, whose it is would be a guess."""
    text = _cells(
        [
            (341, [(100, "Jane Doe, MD"), (398, "Valley Home Health")]),
            (382, [(101, "Omar Haddad DO"), (398, "Attn. Home Health Intake")]),
            (419, [(101, "Gregory T Lund MD"), (398, "Agency NPI 1587978093")]),
            (463, [(102, "Michael R Stein MD"), (398, "Fax 1-866-555-0142")]),
        ]
    )
    assert "ordering_provider.fax" not in _found(text)


def test_an_npi_opening_an_aside_in_a_sentence_is_the_named_persons_not_the_blocks() -> None:
    """A letter under the agency's heading: '... he sees Dr M Whitfield (NPI 1700074036) for primary care'
    names another clinician's NPI, no field of ours; 'Ordered by: Alan Brooks, MD NPI: ...' (a caption's
    row, though 'by' and a name read in lower case look like a sentence) is the block's."""
    agency = (300, [(114, "Agency: Valley Home Health")])
    prose = (360, [(114, "He follows up in clinic in 6 weeks; he sees Dr M Whitfield (NPI 1700074036) for care.")])
    assert "servicing_provider.npi" not in _found(_cells([agency, prose]))
    assert "ordering_provider.npi" not in _found(_cells([agency, prose]))
    row = (360, [(114, "Ordered by: Alan brooks, MD NPI: 1700074036")])
    assert _found(_cells([agency, row])).get("ordering_provider.npi") == "1700074036"
