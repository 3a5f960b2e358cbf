"""A street's type word read in a case no form prints ('AVenue') is the word as spelled."""

from __future__ import annotations

from parsers.fax.address_text import AddressValue, read_address
from parsers.fax.street_case import street_cased


def test_a_type_word_in_mixed_case_is_capitalised() -> None:
    found = read_address("931 Maple AVenue, Springfield, MA 01103")
    assert found is not None and isinstance(found.value, AddressValue)
    assert found.value.line1 == "931 Maple Avenue"
    assert street_cased("12 Elm StReet") == "12 Elm Street"


def test_names_with_inner_capitals_and_words_in_capitals_stay_as_printed() -> None:
    assert street_cased("12 MacArthur Blvd") == "12 MacArthur Blvd"
    assert street_cased("12 OAK STREET") == "12 OAK STREET"
    assert street_cased("4 Lane Court") == "4 Lane Court"
