"""An address its second read did not confirm, settled by the standard model's read word for word
(settle_address.py): every word of that read shown by the page read or the second read, and every word
either of them reads otherwise a misread (no word, no digits), never another value."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from parsers.fax import address_text, settle_address, verify_model
from parsers.fax.confirm import Region
from parsers.fax.model import Candidate, Word
from parsers.fax.record_builder import confidence
from tests.fax.test_verify import _cand, _state


def _words(text: str, doubt: dict[str, tuple[tuple[str, str], ...]] | None = None) -> list[Word]:
    doubt = doubt or {}
    return [
        Word(t, 90.0, 20 + 80 * i, 10, 70, 20, (1,), ambiguous=t in doubt, rivals=doubt.get(t, ()))
        for i, t in enumerate(text.split())
    ]


class StandardReads:
    """Stands in for confirm.second_reads: the standard model's words for the crop, and the model asked for."""

    def __init__(self, words: list[Word]) -> None:
        self.words = words
        self.models: list[str] = []

    def __call__(self, regions: list[Region], images: Any, engine: Any, model: str = "") -> dict[str, list[Word]]:
        self.models.append(model)
        return {r.key: list(self.words) for r in regions}


def _settle(
    monkeypatch: pytest.MonkeyPatch,
    page: str,
    second: str,
    standard: list[Word],
    second_doubt: dict[str, tuple[tuple[str, str], ...]] | None = None,
) -> Candidate:
    found = address_text.read_address(page)
    assert found is not None
    cand = dataclasses.replace(_cand("member.address", found.value), words=tuple(_words(page)), raw=page)
    state = _state(cand)
    state.second_words[id(cand)] = _words(second, second_doubt)
    monkeypatch.setattr(verify_model, "second_reads", StandardReads(standard))  # standard_reads
    settle_address.settle_by_standard(state)
    return state.candidates[0]


def _city_street(cand: Candidate) -> tuple[str | None, str | None, str | None]:
    value = cand.value
    return getattr(value, "line1", None), getattr(value, "city", None), getattr(value, "zip", None)


def test_a_page_misread_word_that_the_second_and_standard_reads_show_gives_way(monkeypatch: pytest.MonkeyPatch) -> None:
    """Page 'Mapie', second read 'Maple' with its state garbled ('a'), standard read 'Maple' whose
    rival makes no word: every word read alike twice, the others misreads."""
    found = _settle(
        monkeypatch,
        "4283 Mapie Avenue Stamford, CT 06901",
        "4283 Maple Avenue Stamford, a 06901",
        _words("4283 Maple Avenue Stamford, CT 06901", {"Maple": (("l", "i"),)}),
    )
    assert found.confirmed_by == "second_read"
    assert _city_street(found) == ("4283 Maple Avenue", "Stamford", "06901")


def test_a_word_split_by_a_lost_letter_and_a_garbled_number_are_misreads(monkeypatch: pytest.MonkeyPatch) -> None:
    found = _settle(
        monkeypatch,
        "2112 Maple Avenue, Apt 204, Spr ngfield, MA 01103",
        "coh Maple Avenue, Apt 204, Springfield, MA 01103",
        _words("2112 Maple Avenue, Apt 204, Springfield, MA 01103"),
    )
    assert found.confirmed_by == "second_read" and _city_street(found)[1] == "Springfield"


def test_the_page_read_confirmed_by_the_standard_read_when_the_second_split_a_number(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """'191 7 Asylum Ave': the same characters, spaced otherwise; the standard read is the page read's."""
    found = _settle(
        monkeypatch,
        "1917 Asylum Ave Yonkers, NY 10701",
        "191 7 Asylum Ave Yonkers, NY 10701",
        _words("1917 Asylum Ave Yonkers, NY 10701"),
    )
    assert found.confirmed_by == "second_read" and _city_street(found)[0] == "1917 Asylum Ave"


def test_a_zip_look_alike_on_the_page_is_no_other_value(monkeypatch: pytest.MonkeyPatch) -> None:
    found = _settle(
        monkeypatch,
        "4178 Qak Ridge Rd New Haven, CT @6511",
        "4178 Oak Ridge Rd New Haven, CT 06511",
        _words("4178 Oak Ridge Rd New Haven, CT 06511", {"Oak": (("O", "Q"),)}),
    )
    assert found.confirmed_by == "second_read" and _city_street(found)[0] == "4178 Oak Ridge Rd"


def test_a_read_giving_other_digits_or_another_word_blocks_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """Page ZIP 06902, second and standard 06901: two reads against one, yet the page read is another
    value, not a misread; 'Hearth' where the others read 'Heath' is a word; nothing is taken."""
    zip_found = _settle(
        monkeypatch,
        "2026 Prospect St, Stamford, CT 06902",
        "2026 Prospect St, Stamford, CT 06901",
        _words("2026 Prospect St, Stamford, CT 06901"),
    )
    assert zip_found.confirmed_by is None and _city_street(zip_found)[2] == "06902"
    word_found = _settle(
        monkeypatch,
        "12 Heath Rd, Stamford, CT 06901",
        "12 Hearth Rd, Stamford, CT 06901",
        _words("12 Heath Rd, Stamford, CT 06901"),
    )
    assert word_found.confirmed_by is None


def test_a_word_no_other_read_shows_or_a_doubtful_standard_read_settles_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # 'Cedar' only in the standard read: the page read 'beta' (a word) and the second 'Eedar'
    alone = _settle(
        monkeypatch,
        "3769 beta Lane, Stamford, CT 06901",
        "3769 Eedar Lane, Stamford, CT 06901",
        _words("3769 Cedar Lane, Stamford, CT 06901"),
    )
    assert alone.confirmed_by is None
    # the standard read's ZIP with a rival digit that gives another ZIP
    doubtful = _settle(
        monkeypatch,
        "4283 Mapie Avenue Stamford, CT 06901",
        "4283 Maple Avenue Stamford, a 06901",
        _words("4283 Maple Avenue Stamford, CT 06901", {"06901": (("1", "4"),)}),
    )
    assert doubtful.confirmed_by is None
    # a ZIP outside its state (MA 61103): no address
    misfit = _settle(
        monkeypatch,
        "4428 Asylum Ave Sprangfireld, MA 61103",
        "4428 Asylum Ave Springfield, MA 61103",
        _words("4428 Asylum Ave Springfield, MA 61103"),
    )
    assert misfit.confirmed_by is None


def test_each_word_read_alike_twice_counts_both_reads_confidence(monkeypatch: pytest.MonkeyPatch) -> None:
    """The standard read weak (41) but every word also read by another at 90: the value is as sure as two
    agreeing reads of each word (not held for the standard read's weakness); a bar glued between two
    words on the page ('Providence,|RI') parts them."""
    weak = [dataclasses.replace(w, conf=41.0) for w in _words("1808 Main Street, Providence, RI 02903")]
    found = _settle(
        monkeypatch, "1808 Main Street, Providence,|RI 02903", "1808 Main Street a Providence, RI 02903", weak
    )
    assert found.confirmed_by == "second_read" and confidence(found) >= 0.9


def test_borne_out_needs_every_word_shown_and_no_other_value() -> None:
    value = [("12", 0.9), ("elm", 0.9), ("st", 0.9)]
    assert settle_address.borne_out(value, [[("12", 0.5), ("elm", 0.5), ("st", 0.5)]]) == pytest.approx(0.95)
    assert settle_address.borne_out(value, [[("12", 0.5), ("eim", 0.5), ("st", 0.5)]]) is None  # 'elm' unshown
    assert (
        settle_address.borne_out(value, [[("12", 0.5), ("eim", 0.5), ("st", 0.5)], [("13", 0.9), ("elm", 0.9)]]) is None
    )


def test_the_page_read_borne_out_word_for_word_when_neither_later_read_is_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Page read whole; the second read garbles a street word ('Wiilow') and the standard read the state
    ('RT', a near tie, no state code): each of the page read's words is read alike by one of the two, and
    what they read otherwise is no word, so the page read's value stands."""
    found = _settle(
        monkeypatch,
        "845 Willow Rd, Unit 7, Providence, RI 02906",
        "845 Wiilow Rd, Unit 7, Providence, RI 02906.",
        _words("845 Willow Rd, Unit 7, Providence, RT 02906", {"RT": (("T", "I"),)}),
    )
    assert found.confirmed_by == "second_read"
    assert _city_street(found) == ("845 Willow Rd", "Providence", "02906")
    assert confidence(found) >= 0.8


def test_a_digit_inside_a_word_of_letters_is_a_misread() -> None:
    assert settle_address.misread_word("tren7on", ["trenton"])
    assert not settle_address.misread_word("12b", ["12"])  # a house number with its letter: a value
    assert not settle_address.misread_word("08609", ["08608"])


def test_the_page_read_not_taken_on_doubtful_or_missing_support(monkeypatch: pytest.MonkeyPatch) -> None:
    """The page read's ZIP read alike only by a read whose digit rivals another ZIP's (the standard read
    lost it): no confirmation; a street word no other read shows: none either."""
    doubted = _settle(
        monkeypatch,
        "61 Pine St, Trenton, NJ 08608",
        "61 Pine St, Trenton, NJ 08608",
        _words("61 Pine St, Trenton, NJ"),
        second_doubt={"08608": (("6", "5"),)},
    )
    assert doubted.confirmed_by is None
    unshown = _settle(
        monkeypatch,
        "61 Pine St, Trenton, NJ 08608",
        "61 Pime St, Trenton, NJ 08608",
        _words("61 Pirne St, Trenton, NJ 08608"),
    )
    assert unshown.confirmed_by is None


def test_a_state_code_whose_rival_makes_no_state_is_no_doubt(monkeypatch: pytest.MonkeyPatch) -> None:
    """The second read's 'RI' with an I rivalling T ('RT', no state) still shows RI; one rivalling A
    ('RA' is none either) too; 'MA' whose M rivals 'W' ('WA', a state) shows nothing."""
    assert not settle_address._doubtful(Word("RI", 70.0, 0, 0, 10, 10, (1,), ambiguous=True, rivals=(("I", "T"),)))
    assert settle_address._doubtful(Word("MA", 70.0, 0, 0, 10, 10, (1,), ambiguous=True, rivals=(("M", "W"),)))
