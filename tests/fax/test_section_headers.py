"""An EHR printout's dashed section headers ('-- CASE MANAGER -----'): each names whose block follows."""

from __future__ import annotations

from parsers.fax.extract import candidates, labelled_hits
from tests.fax.test_grid import _page


def test_a_dashed_section_header_names_whose_numbers_follow() -> None:
    """The case manager's fax under its dashed header is not the ordering physician's."""
    text = _page(
        [
            ("-- ORDERING PHYSICIAN ---------------------------------", 105, 100, None),
            ("Physician : Helen Carter, MD", 104, 140, None),
            ("Office fax : 914 555-9165", 858, 140, None),
            ("-- CASE MANAGER ---------------------------------------", 105, 220, None),
            ("Peter Hall, LCSW", 104, 260, None),
            ("Direct 860-555-0133", 390, 260, None),
            ("Fax 860-555-0134", 723, 260, None),
        ]
    )
    faxes = [c.value for c in candidates(text, labelled_hits(text)) if c.path == "ordering_provider.fax"]
    assert faxes == ["9145559165"]


def test_a_section_header_is_a_caption_between_rules_as_ocr_reads_them() -> None:
    from parsers.fax.labels import hits_in
    from parsers.fax.roles import section_header

    header = _page([("-- CASE MANAGER ----+----~----++------- denen cranes Fe eee", 105, 100, None)]).segments[0]
    assert [section_header(h) for h in hits_in(header)] == [True]
    caption = _page([("Case manager: Peter Hall", 105, 100, None)]).segments[0]
    assert [section_header(h) for h in hits_in(caption)] == [False]


def test_a_section_header_names_the_bare_captions_of_its_block_in_both_columns() -> None:
    """'-- REFERRED TO ---' then 'Provider : CarePoint Infusion    NPI : 1790603561': the supplier's,
    though a follow-up PCP's row stands above the NPI in its column."""
    text = _page(
        [
            ("-- ORDERING PHYSICIAN ---------------------------------", 105, 100, None),
            ("Physician : Helen Carter, MD", 104, 140, None),
            ("NPI : 1815134188", 858, 140, None),
            ("Follow-up PCP : Dr. M. Whitfield", 104, 180, None),
            ("PCP tel : (860) 555-0161", 858, 180, None),
            ("-- REFERRED TO ----------------------------------------", 105, 260, None),
            ("Provider : CarePoint Infusion", 104, 300, None),
            ("NPI : 1790603561", 858, 300, None),
        ]
    )
    found = [(c.path, c.value) for c in candidates(text, labelled_hits(text))]
    assert ("servicing_provider.name", "CarePoint Infusion") in found
    assert ("servicing_provider.npi", "1790603561") in found
    assert [v for p, v in found if p == "ordering_provider.npi"] == ["1815134188"]


def test_a_bare_provider_caption_outside_a_suppliers_block_names_nobody() -> None:
    text = _page([("Insurance : Summit Advantage", 104, 100, None), ("Provider : Acme Home Medical", 104, 140, None)])
    found = [(c.path, c.value) for c in candidates(text, labelled_hits(text))]
    assert found == [("payer.name", "Summit Advantage")]
    text = _page([("Supplier : Acme Home Medical", 104, 100, None), ("Provider : Bayview Clinic", 104, 140, None)])
    found = [(c.path, c.value) for c in candidates(text, labelled_hits(text))]
    assert found == [("servicing_provider.name", "Acme Home Medical")]  # no section header heads the block


def _certificate(beneficiary_caption: str, supplier_caption: str) -> dict[str, object]:
    """A CMS-484-like certificate: numbered sections naming each party, captions in one column at
    the left and the payer's caption right of the member id; the captions garbled as given."""
    text = _page(
        [
            ("SECTION I - BENEFICIARY", 103, 248, None),
            (f"{beneficiary_caption} (last, first) WILSON, PATRICIA", 123, 302, None),
            ("Medicare MBI / member no H828258658", 122, 401, None),
            ("Payer Blue Harbor Medicare", 1011, 401, None),
            ("Street address 3221 Elm St", 123, 449, None),
            ("Telephone 617 555 4901", 122, 547, None),
            ("SECTION Il - ORDERING PHYSICIAN", 103, 619, None),
            ("Physician name Jane Doe, MD", 123, 674, None),
            ("NPI 1245319599", 1010, 674, None),
            ("SECTION HI SUPPLIER", 103, 796, None),
            (f"{supplier_caption} Northside DME Supply", 123, 850, None),
            (f"{supplier_caption.split()[0]} NPI 1234567893", 123, 899, None),
        ]
    )
    return {c.path: c.value for c in candidates(text, labelled_hits(text))}


def test_a_numbered_section_naming_a_party_heads_its_block_when_the_captions_under_it_are_garbled() -> None:
    """'SECTION I - BENEFICIARY', 'SECTION III SUPPLIER' (their numerals as OCR reads them): the
    patient's telephone and the supplier's NPI under them are theirs, not the payer's or the
    physician's, when OCR garbled the name captions that would say so ('Benefiriary', 'Suppher')."""
    found = _certificate("Benefiriary name", "Suppher name")
    assert found.get("member.phone") == "6175554901"
    assert found.get("servicing_provider.npi") == "1234567893"
    assert found.get("ordering_provider.npi") == "1245319599"
    clear = _certificate("Beneficiary name", "Supplier name")
    assert clear.get("member.phone") == "6175554901" and clear.get("servicing_provider.npi") == "1234567893"


def test_a_numbered_section_naming_more_than_a_party_is_no_party_heading() -> None:
    """'Section 4 Supplier Attestation', 'Section 2 Beneficiary Rights Notice': a section about
    something of the party's; its next word is no supplier's or patient's name."""
    for heading in ("Section 4 Supplier Attestation", "Section 2 Beneficiary Rights Notice", "Beneficiary Rights"):
        text = _page([(heading, 103, 248, None), ("Northside DME Supply", 123, 300, None)])
        found = {c.path for c in candidates(text, labelled_hits(text))}
        assert not found & {"servicing_provider.name", "member.name"}, heading


def test_a_supplier_caption_opening_a_section_title_gives_no_supplier_name() -> None:
    """'Supplier Attestation', 'Agency Use Only', 'Vendor Instructions': a section of the form about
    the party, no company's name after its caption."""
    for title in ("Supplier Attestation", "Agency Use Only", "Vendor Instructions", "Supplier Acknowledgement"):
        text = _page([(title, 103, 248, None)])
        assert [c.path for c in candidates(text, labelled_hits(text))] == [], title
    text = _page([("Supplier Valley Home Health", 103, 248, None)])
    assert [c.value for c in candidates(text, labelled_hits(text))] == ["Valley Home Health"]


def test_a_patient_caption_run_into_a_section_title_gives_no_patient_name() -> None:
    """'Patient Rights Notice', 'Patient Goals Met': a section's title opening with the party's word,
    no caption of a name; a name after the bare word stands apart from it (a ':' or '#', the gap
    before a blank, 'LAST, First', capitals after a caption that is not)."""
    for title in ("Patient Rights Notice", "Patient Goals Met", "Patient Education Provided", "Patient Care Team"):
        text = _page([(title, 103, 248, None)])
        assert "member.name" not in {c.path for c in candidates(text, labelled_hits(text))}, title
    for line in ("Patient: Maria Lopez", "Patient Lopez, Maria", "Patient MARIA LOPEZ", "Patient. Maria Lopez"):
        text = _page([(line, 103, 248, None)])
        names = [c.value for c in candidates(text, labelled_hits(text)) if c.path == "member.name"]
        assert [(first.title(), last.title()) for first, last in names] == [("Maria", "Lopez")], line
    text = _page([("PATIENT INFORMATION", 103, 200, None), ("Maria Lopez", 103, 248, None)])
    assert [c.value for c in candidates(text, labelled_hits(text)) if c.path == "member.name"] == [("Maria", "Lopez")]
