"""A bare 'Name' box under a section title naming another party is that party's name box."""

from __future__ import annotations

from parsers.fax.headed_name import section_title
from parsers.fax.labels import hits_in
from parsers.fax.model import Segment
from tests.fax.test_roles import _cells, _found
from tests.fax.test_text_fields import _words


def test_a_bare_name_box_under_a_servicing_provider_title_is_the_suppliers() -> None:
    """'C. SERVICING PROVIDER / VENDOR' over '20 NAME | 21 NPI | 22 PHONE': the phone in that row is the
    vendor's, never the member's, and the name is the vendor's."""
    text = _cells(
        [
            (574, [(107, "11 MEMBER TELEPHONE")]),
            (611, [(119, "(617) 555-7857")]),
            (939, [(114, "C. SERVICING PROVIDER / VENDOR |")]),
            (982, [(110, "20 NAME"), (743, "21 NPI"), (1100, "22 PHONE")]),
            (1015, [(119, "Valley Home Health"), (753, "1253704641"), (1110, "1-877-555-0148")]),
        ]
    )
    found = _found(text)
    assert found.get("member.phone") == "6175557857"
    assert found.get("servicing_provider.name") == "Valley Home Health"
    assert found.get("servicing_provider.npi") == "1253704641"


def test_a_bare_name_box_far_under_a_title_or_under_another_caption_stays_the_patients() -> None:
    """A title with another caption between it and the 'Name' box heads something else."""
    text = _cells(
        [
            (300, [(114, "SERVICING PROVIDER")]),
            (340, [(114, "Agency name: Valley Home Health")]),
            (400, [(114, "Name"), (743, "DOB")]),
            (440, [(114, "Dorothy Rodriguez"), (743, "07/21/1955")]),
        ]
    )
    assert _found(text).get("member.name") == ("Dorothy", "Rodriguez")


def test_a_numbered_name_caption_is_no_section_title() -> None:
    """'24. Physician's Name and Address' is a box's caption (it asks for the name), not a block's title."""

    def titles(text: str) -> list[bool]:
        return [section_title(h) for h in hits_in(Segment(1, 0, tuple(_words(text))))]

    assert titles("24. Physician's Name and Address") == [False]
    assert titles("B. REQUESTING (ORDERING) PROVIDER") == [True]
    assert titles("Fax") == [False]  # a party's fax caption alone on its segment titles no block


def test_a_section_title_with_its_letter_and_slash_garbled_is_still_a_title() -> None:
    """'C. SERVICING PROVIDER / VENDOR' read as '€. SERVICING PROVIDER { VENDOR' in small print."""

    def titles(text: str) -> list[bool]:
        return [section_title(h) for h in hits_in(Segment(1, 0, tuple(_words(text))))]

    assert titles("€. SERVICING PROVIDER { VENDOR") == [True]


def test_a_garbled_name_caption_under_the_orderers_title_is_the_orderers_name_caption() -> None:
    """'PROVIDER NAME (LAST, FIRST)' read as '"JAPROVIOER NAME WAST RST)' right under 'B. REQUESTING
    (ORDERING) PROVIDER': the word NAME in a capitals caption under the title still asks for the orderer."""
    text = _cells(
        [
            (688, [(115, "B. REQUESTING (ORDERING) PROVIDER")]),
            (720, [(105, '"JAPROVIOER NAME WAST RST)')]),
            (765, [(120, "Carter, Helen")]),
        ]
    )
    assert _found(text).get("ordering_provider.name") == ("Helen", "Carter")


def test_a_value_holding_the_word_name_is_no_garbled_caption() -> None:
    """Lower case or digits: a value, not a caption ('Japrovioer NAME wast' under the title is none)."""
    text = _cells(
        [
            (688, [(115, "B. REQUESTING (ORDERING) PROVIDER")]),
            (720, [(105, "Japrovioer NAME wast")]),
            (765, [(120, "Carter, Helen")]),
        ]
    )
    assert "ordering_provider.name" not in _found(text)


def test_a_bare_name_under_a_caption_with_its_value_beside_it_stays_the_patients() -> None:
    """'Servicing Provider | Valley Home Health' is a caption and its value, no section title: the 'Name'
    box under it is not the vendor's."""
    text = _cells(
        [
            (300, [(114, "Servicing Provider"), (700, "Valley Home Health")]),
            (340, [(114, "Name"), (743, "DOB")]),
            (380, [(114, "Dorothy Rodriguez"), (743, "07/21/1955")]),
        ]
    )
    found = _found(text)
    assert found.get("member.name") == ("Dorothy", "Rodriguez")


def test_a_section_title_with_its_period_read_as_a_comma_or_its_slash_as_a_letter_is_still_a_title() -> None:
    """'C. SERVICING PROVIDER / VENDOR' read as 'C, SERVICING PROVIDER | VENDOR' (the period a comma),
    '© SERVICING PROVIDER / VENDOR' (the letter a ©) or 'C. SERVICING PROVIDER J VENDOR' (the slash a J)."""

    def titles(text: str) -> list[bool]:
        return [section_title(h) for h in hits_in(Segment(1, 0, tuple(_words(text))))]

    assert titles("C, SERVICING PROVIDER | VENDOR") == [True]
    assert titles("© SERVICING PROVIDER / VENDOR") == [True]
    assert titles("C. SERVICING PROVIDER J VENDOR") == [True]
    assert titles("C. SERVICING PROVIDER l SUPPLIER") == [True]
    assert titles("Servicing provider Jones Vendor") == [False]


def test_a_section_title_with_a_garbled_alternative_after_its_slash_is_still_a_title() -> None:
    """'C. SERVICING PROVIDER / VENDOR' read as '© SERVICING PROVIDER / ENDER': one word in capitals after
    the slash names the same party otherwise; a sentence or a caption's value after it makes no title."""

    def titles(text: str) -> list[bool]:
        return [section_title(h) for h in hits_in(Segment(1, 0, tuple(_words(text))))]

    assert titles("© SERVICING PROVIDER / ENDER") == [True]
    assert titles("REFERRING PHYSICIAN / PCP |")[0]
    assert titles("SERVICING PROVIDER / Valley Home Health") == [False]
    assert titles("SERVICING PROVIDER / ABC HOME MEDICAL") == [False]


def test_a_rule_read_as_a_bar_beside_the_title_leaves_it_a_title() -> None:
    """The title's row holds a rule OCR read as '|' apart from it: no value, so the title still heads
    the 'NAME' box under it (the vendor's name, not the patient's)."""
    text = _cells(
        [
            (939, [(114, "C SERVICING PROVIDER / VENDOR"), (604, "|")]),
            (982, [(110, "20 NAME"), (743, "21 NPI"), (1100, "22 PHONE")]),
            (1015, [(119, "Valley Home Health"), (753, "1253704641"), (1110, "1-877-555-0148")]),
        ]
    )
    found = _found(text)
    assert found.get("servicing_provider.name") == "Valley Home Health"
    assert "member.name" not in found and "member.phone" not in found


def test_a_section_title_with_its_slash_read_as_a_bracket_is_still_a_title() -> None:
    """'C SERVICING PROVIDER [ VENDOR': the thin slash read as '['."""

    def titles(text: str) -> list[bool]:
        return [section_title(h) for h in hits_in(Segment(1, 0, tuple(_words(text))))]

    assert titles("C SERVICING PROVIDER [ VENDOR") == [True]
