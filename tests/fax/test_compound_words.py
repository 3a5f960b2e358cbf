"""Organisations' compound names ('Northside', 'Westbrook'): a rival letter that turns one into no
word and no compound ('Narthside') is no doubt in an agreeing second read."""

from __future__ import annotations

from parsers.fax import verify
from parsers.fax.address_text import read_address
from parsers.fax.confirm import agrees
from parsers.fax.lexicon import known_or_compound, near_miss
from parsers.fax.model import Candidate, Word


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


def test_a_non_word_one_letter_from_a_word_is_a_misread_even_when_two_reads_agree() -> None:
    assert near_miss("Springtield,") and not near_miss("Springfield") and not near_miss("Northside")
    assert not near_miss("Apt") and not near_miss("06103")
    found = read_address("359 Cedar Lane, Springtield, MA 01103")
    assert found is not None
    cand = Candidate("member.address", found.value, 1, (0, 0, 130, 20), 0.95, "label")
    words = [Word(t, 95, 10 * i, 0, 9, 20, (1,)) for i, t in enumerate(["359", "Cedar", "Lane"])]
    words += [Word(t, 95, 10 * i, 30, 9, 20, (2,)) for i, t in enumerate(["Springtield,", "MA", "01103"])]
    assert verify.agreement(cand, words) is None  # the same misread twice confirms nothing


def test_a_four_letter_non_word_one_letter_from_a_word_is_a_misread() -> None:
    """'Biue Harbor Medicare': two reads of the same pixels agreed on 'Biue' (the l read as an i), and
    the plan's name went out in a ready record. Four letters are enough to call it a misread."""
    assert near_miss("Biue") and near_miss("Hiil") and not near_miss("Blue") and not near_miss("Acme")
