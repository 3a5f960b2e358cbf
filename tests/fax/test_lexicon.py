"""A word list settles a rival letter in an organisation's or address's word (confirm.nonword)."""

from __future__ import annotations

from parsers.fax.confirm import agrees, nonword
from parsers.fax.lexicon import known
from parsers.fax.model import Word
from parsers.fax.values import read_org


def _org(text: str) -> object:
    found = read_org(text)
    return found.value if found is not None else None


def _words(*texts: str, doubtful: str = "", rivals: tuple[tuple[str, str], ...] = ()) -> list[Word]:
    return [
        Word(
            t,
            90.0,
            100 * i,
            0,
            90,
            20,
            (1,),
            ambiguous=t == doubtful,
            tied=t == doubtful,
            rivals=rivals * (t == doubtful),
        )
        for i, t in enumerate(texts)
    ]


def test_known_words_drop_edge_punctuation_and_hold_place_names() -> None:
    assert known("Health") and known("Springfield,") and known("stamford")
    assert not known("Heaith") and not known("CarePoint") and not known("06901") and not known("a")


def test_a_rival_that_turns_a_known_word_into_none_is_no_doubt() -> None:
    assert nonword("Health", "l", "i", known)  # 'Heaith'
    assert nonword("Springfield,", "g", "o", known)  # 'Sprinofield'
    assert not nonword("Walter", "l", "i", known)  # 'Waiter' is a word too
    assert not nonword("CarePoint", "r", "p", known)  # the word as read is in no list: nothing to go by
    assert not nonword("2303", "3", "8", known)  # digits are never settled by a word list
    # a choice the word did not keep (it took a third letter there): the rival in any place of it
    assert nonword("Asylum", "i", "t", known)  # 'Atylum', 'Asytum', ...: no words
    assert not nonword("Walter", "x", "i", known)  # 'Waiter' is a word too
    assert not nonword("Health", "x", "3", known)  # digits are never settled by a word list
    # the beam search kept the letter the step's top choice was not ('Valley' where 'i' topped 'l')
    assert nonword("Valley", "i", "l", known)  # 'Vaiiey', 'Valiey', 'Vailey': no words
    assert not nonword("Walter", "i", "l", known)  # 'Waiter' is a word too


def test_a_near_tie_in_a_known_word_agrees_only_with_the_word_list() -> None:
    first = "Acme Health Plan"
    tied = _words("Acme", "Health", "Plan", doubtful="Health", rivals=(("l", "i"), ("e", "é")))
    assert agrees(first, tied, _org, known=known)
    assert not agrees(first, tied, _org)
    walter = _words("Walter", "Supply", doubtful="Walter", rivals=(("l", "i"),))
    assert not agrees("Walter Supply", walter, _org, known=known)  # 'Waiter Supply' is a valid reading too
    unkept = [Word("Health", 90.0, 0, 0, 90, 20, (1,), ambiguous=True)]
    assert not agrees("Health", unkept, _org, known=known)  # a doubt whose rivals were not kept still counts


def test_a_mark_standing_alone_in_a_read_is_no_word_of_it() -> None:
    """'Acme Health Plan ,' (a rule's remnant read as a comma) reads the words 'Acme Health Pian' misread."""
    from parsers.fax.lexicon import misread

    assert misread("Acme Health Plan ,", "Acme Health Pian")
    assert not misread("Acme Health Plan ,", "Acme Health Plan Two")


def test_in_an_address_a_street_abbreviation_is_known_and_a_word_one_letter_off_it_is_none() -> None:
    """'Ave' whose 'v' rivals 'y' ('Aye'): in an address that is no word but a misread suffix; 'Or' for
    'Dr' likewise. A full word ('Lake' one letter from 'Lane') stays the word it is."""
    from parsers.fax.lexicon import known_in_address

    assert known_in_address("Ave,") and known_in_address("Dr")
    assert not known_in_address("Aye") and not known_in_address("Or")
    assert nonword("Ave,", "v", "y", known_in_address)
    assert not nonword("Ave,", "v", "y", known)  # 'Aye' is an English word
    assert known_in_address("Lake") and known_in_address("Hartford")


def test_a_compound_name_read_with_a_digit_and_a_wrong_letter_is_its_misread() -> None:
    """'A1rWeli' for 'AirWell' (Air + Well, as suppliers name themselves): no word, the same length."""
    from parsers.fax.lexicon import misread

    assert misread("AirWell Home Oxygen", "A1rWeli Home Oxygen")
    assert not misread("AirWell Home Oxygen", "AirWell Home Oxygen")
    assert not misread("Bayview Medical", "Baywood Medical")  # both words: another name, no misread


def test_a_known_word_read_with_a_letter_split_in_two_or_in_another_case_is_misread() -> None:
    """'Provitience' (its d read as 'ti') is no word one letter longer than 'Providence': a misread, as is
    'Piovidence' beside 'Ri' for 'RI' (a state code in another case is the same code). A read that differs
    in case only is no misread, and a known word one letter off is another word ('Home' and 'Homes')."""
    from parsers.fax.lexicon import misread

    assert misread("1431 Cedar Lane, Providence, RI 02903", "1431 Cedar Lane, Provitience, RI 02903")
    assert misread("3650 Oak Ridge Rd, Providence, RI 02903", "3650 Oak Ridge Rd, Piovidence, Ri 02903")
    assert not misread("Providence, RI 02903", "Providence, Ri 02903")
    assert not misread("Valley Home Health", "Valley Homes Health")


def test_the_trades_abbreviations_are_known_words_and_a_read_of_one_as_no_word_is_a_misread() -> None:
    from parsers.fax import lexicon

    assert lexicon.known("DME") and lexicon.known("VNA,")
    assert lexicon.misread("Lakeside DME Supply", "Lakeside OME Supply")
    assert not lexicon.known("OME")
