"""Party captions OCR garbled in one glyph on standard-resolution pages, each still its caption: an
address's D read as O in a name box's tail ('SUPPLIER NAME, ADORESS, TELEPHONE'), a capital N read as M
('PATIENT MAME, ADDRESS'), a section header's O read as Q ('-- REFERRED TQ ----'), a c read as a cent
sign ('Physi¢ian s Name'), a garbled 'Beneficiary name', a mark before a plan form's garbled NAME
('MEMBER ‘AME (FIRST LAST)')."""

from __future__ import annotations

import pytest

from parsers.fax.labels import hits_in
from parsers.fax.synonyms import PATIENT, PROVIDER, SUPPLIER
from tests.fax.test_garbled_captions import _hits, _segment


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "SUPPLIER NAME, ADORESS, TELEPHONE and NPI #",
            [("org", SUPPLIER, "SUPPLIER NAME, ADORESS, TELEPHONE and NPI #")],
        ),
        (
            "PATIENT MAME, ADDRESS, TELEPHONE and HICN",
            [("name", PATIENT, "PATIENT MAME, ADDRESS, TELEPHONE"), ("member_id", PATIENT, "HICN")],
        ),
        ("Member Mame", [("name", PATIENT, "Member Mame")]),
        ("Physi¢ian s Name and Address", [("name", PROVIDER, "Physi¢ian s Name and Address")]),
        ("Beneficzary name (last, first)", [("name", PATIENT, "Beneficzary name")]),
        ("3MeMBER ‘AME (FiRST LAST)", [("name", PATIENT, "MeMBER ‘AME (FiRST LAST)")]),
    ],
)
def test_garbled_party_caption_found(text: str, expected: list[tuple[str, str | None, str]]) -> None:
    assert _hits(text) == expected


def test_a_section_header_with_its_o_read_as_q_names_the_supplier() -> None:
    hits = hits_in(_segment("=~ REFERRED TQ ~----+-2--0-"))
    assert [(h.kind, h.label.role) for h in hits] == [("org", SUPPLIER)]


@pytest.mark.parametrize("text", ["Mame", "Mame: Ada Lovell"])
def test_a_garbled_name_word_without_its_party_is_no_caption(text: str) -> None:
    assert [h for h in hits_in(_segment(text)) if h.kind == "name"] == []


def test_a_garbled_caption_ending_in_name_before_its_name_order_hint_is_matched_once() -> None:
    """'MEMBLR NAME (FIRST (57)': the hint says 'name', and the caption already says it."""
    assert _hits("3 MEMBLR NAME (FIRST (57)") == [("name", PATIENT, "MEMBLR NAME")]
