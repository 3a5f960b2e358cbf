"""A mark no organisation's name holds, inside or at the end of a word, is a misread letter."""

from __future__ import annotations

from parsers.fax.values import read_org


def test_an_exclamation_mark_ending_a_word_of_a_name_is_a_misread_l() -> None:
    assert read_org("ABC Home Medica!") is None  # 'Medical' with its l read as '!'
    assert read_org("Va!ley Home Health") is None
    found = read_org("ABC Home Medical")
    assert found is not None and found.value == "ABC Home Medical"


def test_a_word_in_lower_case_amid_capitalised_ones_leaves_the_name_unread() -> None:
    assert read_org("CarePoint infusion") is None  # its capital I read as a small i
    for name in ("Home Care of Hartford", "Bayview Respiratory & Medical", "ABC Home Medical", "eHealth Supply"):
        found = read_org(name)
        assert found is not None and found.value == name
