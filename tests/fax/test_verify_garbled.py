"""An organisation's second read that garbled a known word gets a standard-model read (verify._garbled)."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from parsers.fax import verify
from parsers.fax.confirm import Region
from parsers.fax.model import Candidate, Word
from tests.fax.test_verify import FakeReads, _cand, _state, _word


class ModelReads(FakeReads):
    """FakeReads that also keeps the model each call asked for."""

    def __init__(self, *answers: dict[str, Word]) -> None:
        super().__init__(*answers)
        self.models: list[str] = []

    def __call__(self, regions: list[Region], images: Any, engine: Any, model: str = "") -> dict[str, list[Word]]:
        self.models.append(model)
        return super().__call__(regions, images, engine)


def _agency(raw: str = "Valley Home Health") -> Candidate:
    return dataclasses.replace(_cand("servicing_provider.name", raw), raw=raw)


def _run(monkeypatch: pytest.MonkeyPatch, cand: Candidate, fake: ModelReads) -> Candidate:
    state = _state(cand)
    monkeypatch.setattr(verify, "second_reads", fake)
    verify.second_read(state)
    return state.candidates[0]


def test_a_known_word_garbled_into_no_word_is_read_again_by_the_standard_model(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = ModelReads({"c0": _word("Valley Home Heaith")}, {"g0": _word("Valley Home Health")})
    assert _run(monkeypatch, _agency(), fake).confirmed_by == "second_read"
    assert fake.models == ["", "--model standard"]


def test_an_accent_on_a_plain_letter_is_a_garble_too(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = ModelReads({"c0": _word("Northsidé DME Supply")}, {"g0": _word("Northside DME Supply")})
    assert _run(monkeypatch, _agency("Northside DME Supply"), fake).confirmed_by == "second_read"


def test_a_garbled_read_confirms_nothing_without_an_agreeing_standard_read(monkeypatch: pytest.MonkeyPatch) -> None:
    for third in (_word("Valley Home Heaith"), _word("Valley Home Health", doubtful=True)):
        fake = ModelReads({"c0": _word("Valley Home Heaith")}, {"g0": third})
        assert _run(monkeypatch, _agency(), fake).confirmed_by is None


def test_a_read_of_other_words_or_of_a_person_is_no_garble(monkeypatch: pytest.MonkeyPatch) -> None:
    # 'Hearth' is a word: another value, not a misread of 'Health'
    fake = ModelReads({"c0": _word("Valley Home Hearth")}, {"g0": _word("Valley Home Health")})
    assert _run(monkeypatch, _agency(), fake).confirmed_by is None and fake.models == [""]
    name = dataclasses.replace(_cand("member.name", ("Walter", "Garcia")), raw="Walter Garcia")
    fake = ModelReads({"c0": _word("Waiter Garcia")}, {"g0": _word("Walter Garcia")})
    assert _run(monkeypatch, name, fake).confirmed_by is None and fake.models == [""]


MISREAD = "50 Maple Avenue, Springfielc, MA 01103"
READ = "50 Maple Avenue, Springfield, MA 01103"


def _page_misread(monkeypatch: pytest.MonkeyPatch, second: Word, fake: ModelReads) -> Candidate:
    from parsers.fax import address_text, verify_standard

    found = address_text.read_address(MISREAD)
    assert found is not None
    cand = dataclasses.replace(_cand("member.address", found.value), raw=MISREAD)
    state = _state(cand)
    state.second_words[id(cand)] = [second]
    monkeypatch.setattr(verify_standard, "second_reads", fake)
    verify_standard.misread_page_read(state)
    return state.candidates[0]


def test_a_page_read_that_misread_a_word_gives_way_to_two_agreeing_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = ModelReads({"m0": _word(READ)})
    found = _page_misread(monkeypatch, _word(READ), fake)
    assert found.confirmed_by == "second_read" and getattr(found.value, "city", None) == "Springfield"
    assert fake.models == ["--model standard"]


def test_the_second_read_stands_only_when_the_standard_read_agrees_without_doubt(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for third in (_word(MISREAD), _word(READ, doubtful=True)):
        found = _page_misread(monkeypatch, _word(READ), ModelReads({"m0": third}))
        assert found.confirmed_by is None and getattr(found.value, "city", None) == "Springfielc"


def test_a_doubtful_second_read_or_other_words_are_not_read_again(monkeypatch: pytest.MonkeyPatch) -> None:
    for second in (_word(READ, doubtful=True), _word("50 Maple Avenue, Springfield, MA 01104")):
        fake = ModelReads({"m0": _word(READ)})
        assert _page_misread(monkeypatch, second, fake).confirmed_by is None and not fake.models


def test_a_page_read_a_letter_short_and_a_second_read_whose_rival_makes_no_word_are_misread_and_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """'Springheld' ('fi' read as 'h'): a known word misread a letter short. A second read whose only
    doubt is a rival making no word ('Springfield' whose 'd' rivals 'a': 'Springfiela') is no doubt,
    nor is a speck read as a lone quote mark between its words."""
    from parsers.fax import address_text, verify_standard

    misread = "50 Maple Avenue, Springheld, MA 01103"
    found = address_text.read_address(misread)
    assert found is not None
    words = [_word(w) for w in READ.split()]
    rival = [dataclasses.replace(w, ambiguous=True, rivals=(("d", "a"),)) if "field" in w.text else w for w in words]
    speck = [*words[:3], _word("‘"), *words[3:]]
    unsure = [dataclasses.replace(w, ambiguous=True, rivals=(("M", "N"),)) if w.text == "MA" else w for w in words]
    for second, taken in ((rival, True), (speck, True), (words, True), (unsure, False)):
        cand = dataclasses.replace(_cand("member.address", found.value), raw=misread)
        state = _state(cand)
        state.second_words[id(cand)] = second
        monkeypatch.setattr(verify_standard, "second_reads", ModelReads({"m0": _word(READ)}))
        verify_standard.misread_page_read(state)
        assert (getattr(state.candidates[0].value, "city", None) == "Springfield") is taken
    assert not verify_standard.near_misread("Valley Home Hearth", "Valley Home Heath")  # both are words
    assert not verify_standard.near_misread("Springfield", "Spring")  # too far to be one misread


def test_the_misread_words_alone_read_by_the_standard_model_when_it_read_the_whole_crop_otherwise(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Page 'Springheld,', second read 'Springfield,', the standard model's whole crop '4990 Em St ...':
    the misread word's crop alone, read 'Springfield,' by the standard model, settles it (every word
    then read alike twice); read otherwise, nothing is taken."""
    from parsers.fax import address_text, verify_standard

    page = [
        Word(t, 90.0, 20 + 80 * i, 10 if i < 3 else 40, 70, 20, (1 if i < 3 else 2,))
        for i, t in enumerate(["4990", "Elm", "St", "Springheld,", "MA", "01103"])
    ]
    second = [dataclasses.replace(w, text="Springfield,") if w.text == "Springheld," else w for w in page]
    found = address_text.read_address("4990 Elm St, Springheld, MA 01103")
    assert found is not None
    for word, taken in ((_word("Springfield,"), True), (_word("Springfeld,"), False)):
        cand = dataclasses.replace(_cand("member.address", found.value), words=tuple(page))
        state = _state(cand)
        state.second_words[id(cand)] = second
        fake = ModelReads({"m0": _word("4990 Em St Springfield, MA 01103")}, {"w0": word})
        monkeypatch.setattr(verify_standard, "second_reads", fake)
        verify_standard.misread_page_read(state)
        assert (getattr(state.candidates[0].value, "city", None) == "Springfield") is taken


def test_a_stray_word_the_second_read_made_of_a_speck_is_no_word_of_the_value(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Page '3902 Cedar Lane Springfieid MA 01103', second read '... Lane Lo Springfield MA 01103' with
    'Lo' at 17 (a speck): without the stray the second read is the page read's words, one misread; the
    standard model's read of that word settles it. A word read surely is no stray."""
    from parsers.fax import address_text, verify_standard

    page = [Word(t, 90.0, 20 + 80 * i, 10, 70, 20, (1,)) for i, t in enumerate(MISREAD_LINE.split())]
    found = address_text.read_address(MISREAD_LINE)
    assert found is not None
    for conf, taken in ((17.0, True), (60.0, False)):
        stray = Word("Lo", conf, 250, 10, 20, 20, (1,))
        second = [*page[:3], stray, dataclasses.replace(page[3], text="Springfield"), *page[4:]]
        cand = dataclasses.replace(_cand("member.address", found.value), words=tuple(page))
        state = _state(cand)
        state.second_words[id(cand)] = second
        fake = ModelReads({"m0": _word("3902 Cedar Lane Co Springfield MA 01103")}, {"w0": _word("Springfield")})
        monkeypatch.setattr(verify_standard, "second_reads", fake)
        verify_standard.misread_page_read(state)
        assert (getattr(state.candidates[0].value, "city", None) == "Springfield") is taken


MISREAD_LINE = "3902 Cedar Lane Springfieid MA 01103"


def test_an_id_whose_page_read_has_a_stray_mark_for_a_digit_takes_two_agreeing_reads(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from parsers.fax import verify_standard

    for third, want in (("W730248721", "W730248721"), ("W730248727", "W73024872")):
        cand = dataclasses.replace(_cand("member.member_id", "W73024872"), raw="W73024872]")
        state = _state(cand)
        state.second_words[id(cand)] = [_word("W730248721")]
        monkeypatch.setattr(verify_standard, "second_reads", ModelReads({"m0": _word(third)}))
        verify_standard.misread_page_read(state)
        assert state.candidates[0].value == want
    assert not verify_standard._damaged("W730248727", "W730248721")  # a digit for a digit: another value
    assert not verify_standard._damaged("Walter", "Waiter") and verify_standard._damaged("W73024872]", "W730248721")


def _leaning(text: str, rivals: tuple[tuple[str, str], ...]) -> Word:
    return dataclasses.replace(_word(text, doubtful=True), rivals=rivals)


def test_a_second_read_leaning_to_the_page_read_is_settled_by_the_standard_model(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """'559-5084' whose 9 rivals 5 leans to the page's 555-5084: an agreeing standard read confirms it."""
    phone = dataclasses.replace(_cand("ordering_provider.phone", "6175555084"), raw="(617) 555-5084")
    fake = ModelReads({"c0": _leaning("(617) 559-5084", (("9", "5"),))}, {"g0": _word("(617) 555-5084")})
    assert _run(monkeypatch, phone, fake).confirmed_by == "second_read"
    assert fake.models == ["", "--model standard"]


def test_a_second_read_whose_rival_does_not_give_the_page_read_is_not_settled(monkeypatch: pytest.MonkeyPatch) -> None:
    phone = dataclasses.replace(_cand("ordering_provider.phone", "6175555084"), raw="(617) 555-5084")
    for second in (_leaning("(617) 559-5084", (("9", "3"),)), _word("(617) 559-5084")):
        fake = ModelReads({"c0": second}, {"g0": _word("(617) 555-5084")})
        assert _run(monkeypatch, phone, fake).confirmed_by is None and fake.models == [""]
    name = dataclasses.replace(_cand("member.name", ("Walter", "Garcia")), raw="Walter Garcia")
    fake = ModelReads({"c0": _leaning("Waiter Garcia", (("i", "l"),))}, {"g0": _word("Walter Garcia")})
    assert _run(monkeypatch, name, fake).confirmed_by is None and fake.models == [""]  # names: no third read


def test_a_date_whose_second_read_lost_a_character_at_the_crops_edge_is_settled_by_the_standard_model(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """'1/21/2026' for the page's 11/21/2026: the second read lost the first 1 at its crop's edge (a date of
    January, but the same characters less one at an end): it neither agrees nor contradicts, and a standard
    read agreeing with no doubt confirms the date; one that disagrees, or a second read that differs inside
    ('11/27/2026'), does not."""
    import datetime as dt

    order = dataclasses.replace(_cand("order_date", dt.date(2026, 11, 21)), raw="11/21/2026")
    fake = ModelReads({"c0": _word("1/21/2026")}, {"e0": _word("11/21/2026")})
    assert _run(monkeypatch, order, fake).confirmed_by == "second_read"
    assert fake.models == ["", "--model standard"]
    for second, third in (("1/21/2026", "1/21/2026"), ("11/27/2026", "11/21/2026"), ("1/21/202", "11/21/2026")):
        fake = ModelReads({"c0": _word(second)}, {"e0": _word(third)})
        assert _run(monkeypatch, order, fake).confirmed_by is None, (second, third)


def test_a_second_read_that_misreads_another_word_too_is_not_taken(monkeypatch: pytest.MonkeyPatch) -> None:
    """Page 'Vailey Home Heaith', second read 'Valley Home Heaith' (the page's 'Vailey' a misread of its
    'Valley', but 'Heaith' one letter from Health in both): the standard model agreeing with the second
    read word for word still takes no value with a word that is a misread of a known one."""
    from parsers.fax import verify_standard

    page = [Word(t, 85.0, 20 + 90 * i, 10, 80, 20, (1,)) for i, t in enumerate(["Vailey", "Home", "Heaith"])]
    for second_text, taken in (("Valley Home Health", True), ("Valley Home Heaith", False)):
        second = [dataclasses.replace(w, text=t) for w, t in zip(page, second_text.split(), strict=True)]
        cand = dataclasses.replace(_agency("Vailey Home Heaith"), words=tuple(page))
        state = _state(cand)
        state.second_words[id(cand)] = second
        monkeypatch.setattr(verify_standard, "second_reads", ModelReads({"m0": _word(second_text)}))
        verify_standard.misread_page_read(state)
        assert (state.candidates[0].value == "Valley Home Health") is taken
        assert (state.candidates[0].confirmed_by is not None) is taken
