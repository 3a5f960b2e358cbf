"""Three reads word by word (vote.py): each word of the standard/fast third read borne out by another read,
every read of another word there unsure of it."""

from __future__ import annotations

import dataclasses

from parsers.fax import address_text, values, vote
from parsers.fax.model import Candidate, Word
from tests.fax.test_verify import _cand

TRUE = "270 Elm St Springfield, MA 01103"


def _words(text: str, unsure: tuple[str, ...] = (), doubtful: tuple[str, ...] = ()) -> list[Word]:
    out = []
    for i, part in enumerate(text.split()):
        conf = 10.0 if part in unsure else 92.0
        out.append(Word(part, conf, 10 + 60 * i, 10, 50, 20, (1,), ambiguous=part in doubtful))
    return out


def _address(page: str) -> Candidate:
    found = address_text.read_address(page)
    assert found is not None
    return dataclasses.replace(_cand("member.address", found.value), raw=page, words=tuple(_words(page)))


def test_each_read_misread_in_another_place_gives_the_value_all_three_bear_out() -> None:
    cand = _address("270 Eim St Springfield, MA 01103")  # 'Eim': no word where the others read 'Elm'
    second = _words("270 Elm St seengteh MA 01103", unsure=("seengteh",))
    found = vote.voted(cand, second, _words(TRUE))
    assert found is not None and found.confirmed_by == "second_read"
    assert isinstance(found.value, address_text.AddressValue) and found.value.line1 == "270 Elm St"


def test_a_sure_read_of_another_word_holds_the_value() -> None:
    cand = _address("270 Eim St Springfield, MA 01103")
    second = _words("270 Elm St Springdale, MA 01103")  # a sure read of another (known) word
    assert vote.voted(cand, second, _words(TRUE)) is None


def test_a_word_no_other_read_gives_holds_the_value() -> None:
    cand = _address("270 Eim St Springfield, MA 01103")
    second = _words("270 Eim St seengteh MA 01103", unsure=("seengteh",))  # 'Elm' only in the third read
    assert vote.voted(cand, second, _words(TRUE)) is None


def test_a_doubtful_third_read_or_one_of_other_length_settles_nothing() -> None:
    cand = _address("270 Eim St Springfield, MA 01103")
    second = _words("270 Elm St seengteh MA 01103", unsure=("seengteh",))
    assert vote.voted(cand, second, _words(TRUE, doubtful=("Elm",))) is None
    assert vote.voted(cand, _words("270 Elm St MA 01103"), _words(TRUE)) is None


def test_a_digit_value_with_an_unsure_second_read() -> None:
    cand = dataclasses.replace(
        _cand("ordering_provider.phone", "9145550774"), words=tuple(_words("(914) 555-0774")), raw="(914) 555-0774"
    )
    assert vote.voted(cand, _words("(914) 554-0774", doubtful=("554-0774",)), _words("(914) 555-0774")) is not None
    assert vote.voted(cand, _words("(914) 554-0774"), _words("(914) 555-0774")) is None


def test_two_known_words_are_two_values_however_read() -> None:
    page = "Blue Harbor Medicare"
    cand = dataclasses.replace(_cand("payer.name", page), raw=page, words=tuple(_words(page)))
    second = _words("Blue Harbor Medicate", unsure=("Medicate",))
    assert vote.voted(cand, _words("Blue Harbor Medicate"), _words("Blue Harbor Medicate")) is None
    assert vote.voted(cand, second, _words("Blue Harbor Medicare")) is None  # an unsure read of a word still counts


def test_a_fast_third_read_outvotes_the_page_read_only_where_it_misread_letter_for_letter() -> None:
    cand = _address("270 Eim St Springfield, MA 01103")
    second = _words("270 Elm St seengteh MA 01103", unsure=("seengteh",))
    assert vote.voted(cand, second, _words(TRUE), strict=True) is not None
    page = "Blue Harbor Medica''e"
    payer = dataclasses.replace(_cand("payer.name", page), raw=page, words=tuple(_words(page, unsure=("Medica''e",))))
    fast = _words("Blue Harbor Medicare")
    assert vote.voted(payer, fast, fast) is not None
    assert vote.voted(payer, fast, fast, strict=True) is None  # the page's unsure garble: no letter-for-letter misread


def test_a_doubtful_or_weak_read_of_digits_bears_nothing_out() -> None:
    cand = dataclasses.replace(
        _cand("order_date", "x"), words=tuple(_words("2026-12-18", unsure=("2026-12-18",))), raw="2026-12-18"
    )
    third = _words("2026-11-18")
    assert vote.voted(cand, _words("2026-11-18", doubtful=("2026-11-18",)), third) is None
    assert vote.voted(cand, _words("2026-11-18", unsure=("2026-11-18",)), third) is None
    assert vote.voted(cand, _words("2026-11-18"), third) is not None  # two sure reads against one unsure


def _name(page: str, unsure: tuple[str, ...] = ()) -> Candidate:
    found = values.read_name(page)
    assert found is not None
    return dataclasses.replace(_cand("member.name", found.value), raw=page, words=tuple(_words(page, unsure)))


def test_a_name_word_the_page_read_unsurely_is_outvoted_by_two_sure_reads_of_another() -> None:
    """'Mara' read at 67 where the second read and the standard model's read both give 'Maria' surely
    (a thin letter a standard-resolution fax lost in one read of three)."""
    found = vote.voted(_name("Davis, Mara", unsure=("Mara",)), _words("Davis, Maria"), _words("Davis, Maria"))
    assert found is not None and found.value == ("Maria", "Davis")


def test_a_name_is_not_outvoted_when_its_page_read_was_sure_or_another_read_doubtful() -> None:
    assert vote.voted(_name("Davis, Mara"), _words("Davis, Maria"), _words("Davis, Maria")) is None
    page = _name("Davis, Mara", unsure=("Mara",))
    assert vote.voted(page, _words("Davis, Maria", doubtful=("Maria",)), _words("Davis, Maria")) is None
    assert vote.voted(page, _words("Davis, Maria", unsure=("Maria",)), _words("Davis, Maria")) is None
    assert vote.voted(page, _words("Davis, Maria"), _words("Davis, Maria", unsure=("Maria",))) is None


def test_a_name_is_outvoted_only_by_the_standard_model() -> None:
    """The fast model's third read of the grey page is too like the second read to outvote a name."""
    page = _name("Davis, Mara", unsure=("Mara",))
    assert vote.voted(page, _words("Davis, Maria"), _words("Davis, Maria"), strict=True) is None


def test_a_mark_at_a_word_the_page_read_has_without_it_holds_the_value() -> None:
    """A speck after a word on the grey page, read as a comma by both grey reads, the cleaned page read
    without it: the vote settles words, and a mark the page read does not bear out is no word to outvote."""
    page = "Northside DME Supply"
    cand = dataclasses.replace(_cand("servicing_provider.name", page), raw=page, words=tuple(_words(page)))
    grey = _words("Northside, DME Supply")
    assert vote.voted(cand, grey, grey) is None
    lost = "Northside, DME Supply"
    comma = dataclasses.replace(_cand("servicing_provider.name", lost), raw=lost, words=tuple(_words(lost)))
    assert vote.voted(comma, _words(page), _words(page)) is None


def test_a_second_read_that_ran_two_words_together_reads_both() -> None:
    page = "2466 Cedar Lane Hartford, CT 06103"
    cand = _address(page)
    found = vote.voted(cand, _words("2466 CedarLane ~ Hartford, CT 06103"), _words(page))
    assert found is not None and found.confirmed_by == "second_read"
    assert vote.voted(cand, _words("2466 CedarLake Hartford, CT 06103"), _words(page)) is None  # other letters


def test_a_second_read_that_lost_the_value_s_end_neither_bears_nor_contradicts_it() -> None:
    page = "3928 Maple Avenue Yonkers, NY 10701"
    cand = _address(page)
    found = vote.voted(cand, _words("3928 Maple Avenue Yonkers,"), _words(page))
    assert found is not None and found.value == cand.value
    assert vote.voted(cand, _words("3928 Maple Avenue"), _words("3928 Maple Avenue Yonkers, NY 10707")) is None
    assert vote.voted(cand, _words("3928 Mapel Avenue"), _words(page)) is None  # the words it has must agree
    unsure = dataclasses.replace(cand, words=tuple(_words(page, unsure=("10701",))))
    assert vote.voted(unsure, _words("3928 Maple Avenue Yonkers,"), _words(page)) is None  # one unsure read only


def test_a_short_word_read_weakly_with_rivals_is_a_garble_of_a_far_longer_known_word() -> None:
    page = "2803 Asylum Ave Providence, RI 02903"
    cand = _address(page)
    second = _words("2803 we Ave Providence, RI 02903", unsure=("we",), doubtful=("we",))
    found = vote.voted(cand, second, _words(page))
    assert found is not None and found.value == cand.value
    sure = _words("2803 we Ave Providence, RI 02903", doubtful=("we",))  # read at 92: a read of another word
    assert vote.voted(cand, sure, _words(page)) is None
    near = _words("2803 Asylem Ave Providence, RI 02903", unsure=("Asylem",), doubtful=("Asylem",))
    assert vote.voted(cand, near, _words(page)) is not None  # (as before: no word, same length)
