"""A mark no organisation's name holds, inside or at the end of a word, is a misread letter."""

from __future__ import annotations

from parsers.fax.values import read_org


def test_an_exclamation_mark_ending_a_word_of_a_name_is_a_misread_l() -> None:
    assert read_org("ABC Home Medica!") is None  # 'Medical' with its l read as '!'
    assert read_org("Va!ley Home Health") is None
    found = read_org("ABC Home Medical")
    assert found is not None and found.value == "ABC Home Medical"


def test_a_word_in_lower_case_amid_capitalised_ones_leaves_the_name_unread() -> None:
    assert read_org("Valley home Health") is None  # an h is no small copy of its capital: unsure
    assert read_org("CarePoint imfusion") is None  # no English word once capitalised
    for name in ("Home Care of Hartford", "Bayview Respiratory & Medical", "ABC Home Medical", "eHealth Supply"):
        found = read_org(name)
        assert found is not None and found.value == name


def test_a_rule_read_as_a_bar_is_no_part_of_an_organisation_name() -> None:
    """A box's edge read as '|' after or before the name is no part of it; a bar inside the name (a rule
    crossing it, or another cell run into it) leaves where the name ends unsure: unread."""
    for text in ("Evergreen Medicaid |", "| Evergreen Medicaid", "Evergreen Medicaid|"):
        found = read_org(text)
        assert found is not None and found.value == "Evergreen Medicaid", text
    for text in ("Summit | Advantage", "Northside| DME Supply", "Summit |Advantage"):
        assert read_org(text) is None, text


def test_a_known_word_whose_capital_ocr_read_small_is_capitalised_as_the_names_other_words() -> None:
    """'CarePoint infusion': its capital I read as a small i (a letter whose small form OCR takes for the
    capital), in an English word amid capitalised ones: the name as printed, marked corrected."""
    found = read_org("CarePoint infusion")
    assert found is not None and found.value == "CarePoint Infusion" and found.corrected
    found = read_org("Northside DME supply")
    assert found is not None and found.value == "Northside DME Supply"
