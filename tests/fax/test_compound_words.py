"""Organisations' compound names ('Northside', 'Westbrook'): a rival letter that turns one into no
word and no compound ('Narthside') is no doubt in an agreeing second read."""

from __future__ import annotations

from parsers.fax.confirm import agrees
from parsers.fax.lexicon import known_or_compound
from parsers.fax.model import Word


def test_two_known_words_run_together_are_a_compound() -> None:
    assert known_or_compound("Northside") and known_or_compound("Westbrook,")
    assert not known_or_compound("Narthside") and not known_or_compound("Heaith")


def test_a_compound_one_letter_from_a_known_word_is_a_misread_of_it() -> None:
    assert not known_or_compound("Hartfond") and not known_or_compound("Haftford")  # Hartford's rivals


def test_a_compound_names_rival_making_no_word_is_no_doubt() -> None:
    words = [
        Word("Northside", 90, 0, 0, 100, 20, (1,), ambiguous=True, tied=True, rivals=(("o", "a"),)),
        Word("Supply", 95, 110, 0, 60, 20, (1,)),
    ]
    read = lambda text: text  # noqa: E731
    assert agrees("Northside Supply", words, read, known=known_or_compound)
    assert not agrees("Northside Supply", words, read)  # without a word list the rival stays a doubt
