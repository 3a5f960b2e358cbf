"""A member id its fast reads left unsettled, settled by two reads of the standard model (settle_id.py)."""

from __future__ import annotations

import dataclasses

import pytest
from PIL import Image

from parsers.fax import settle_id
from parsers.fax.model import Candidate, Word
from parsers.fax.preprocess import Prepared
from parsers.fax.values import read_date, read_member_id
from tests.fax.test_verify import FakeReads, _cand, _state, _word

ID = "K520417386"


def _rival(text: str, chosen: str, rival: str) -> Word:
    return dataclasses.replace(_word(text, doubtful=True), rivals=((chosen, rival),))


def _run(
    monkeypatch: pytest.MonkeyPatch,
    grey: Word | None,
    clean: Word | None,
    page: str = ID,
    conf: float = 0.91,
    second: Word | None = None,
) -> Candidate:
    cand = dataclasses.replace(_cand("member.member_id", page, conf=conf), raw=page, words=(_word(page),))
    state = _state(cand)
    image = Image.new("L", (100, 40), 255)
    state.prepared[1] = Prepared(image, image, 0.0)
    state.second_words[id(cand)] = [second] if second is not None else []
    answer = {key: word for key, word in (("sstraight0", grey), ("sclean0", clean)) if word is not None}
    monkeypatch.setattr(settle_id, "second_reads", FakeReads(answer))
    settle_id.settle_ids(state)
    return state.candidates[0]


def test_a_page_read_both_standard_reads_give_is_confirmed_though_the_second_read_lost_a_character(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    found = _run(monkeypatch, _word(ID), _word(ID), second=_word("K52041738", conf=0))
    assert found.value == ID and found.confirmed_by == "second_read" and found.second_conf == 0.9


def test_a_standard_read_whose_first_choice_is_the_value_or_that_reads_a_mark_does_not_stand_against_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    second = _word("K52041//386", conf=12)
    assert _run(monkeypatch, _word(ID), _rival(ID, "5", "6"), second=second).confirmed_by == "second_read"
    assert _run(monkeypatch, _word("K520417[386", conf=0), _word(ID), second=second).confirmed_by == "second_read"
    assert _run(monkeypatch, _word("K520417[386", doubtful=True), _word(ID), second=second).confirmed_by is None


def test_an_unsure_page_read_gives_way_to_the_value_every_other_read_gives(monkeypatch: pytest.MonkeyPatch) -> None:
    second = _rival(ID, "3", "8")
    found = _run(monkeypatch, _word(ID), _word(ID), page="K520417886", conf=0.56, second=second)
    assert found.value == ID and found.confirmed_by == "second_read"


def test_a_sure_read_of_another_value_keeps_the_id_held(monkeypatch: pytest.MonkeyPatch) -> None:
    sure_page = _run(monkeypatch, _word(ID), _word(ID), page="K520417886", conf=0.86, second=_word(ID))
    assert sure_page.value == "K520417886" and sure_page.confirmed_by is None
    sure_second = _run(monkeypatch, _word(ID), _word(ID), second=_word("K520417886", conf=90))
    assert sure_second.confirmed_by is None


def test_standard_reads_that_disagree_doubt_the_value_or_are_missing_settle_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert _run(monkeypatch, _word(ID), _word("K520417886")).confirmed_by is None
    assert _run(monkeypatch, _rival(ID, "5", "6"), _rival(ID, "2", "7")).confirmed_by is None
    assert _run(monkeypatch, _word(ID), None).confirmed_by == "second_read"  # one read nothing: no rival
    assert _run(monkeypatch, None, None).confirmed_by is None


def test_no_value_whose_start_a_read_lost_two_characters_of(monkeypatch: pytest.MonkeyPatch) -> None:
    """'H941263720' read '11941263720' on the page and by both standard reads, '941263720' by one read:
    the two 1s may be one wide letter, so the value stays held."""
    found = _run(monkeypatch, _word("11941263720"), _word("11941263720"), page="11941263720", second=_word("941263720"))
    assert found.confirmed_by is None


def test_an_id_whose_start_was_read_apart_is_not_read_from_its_end() -> None:
    assert read_member_id("W493 190093") is None
    assert read_member_id("W493190093") is not None and read_member_id("W493190093, Medicare") is not None


def test_a_failed_id_is_re_read_only_as_the_page_reads_own_letters_and_digits() -> None:
    """reread_fields: the re-reads settle where a split or mark-glued id ends, never a character of it."""
    from parsers.fax.reread_fields import _id_reader

    split = _id_reader("K5204173 86")
    assert split("K520417386") == ("K520417386", True)
    assert split("K5204173 86") is None and split("K520417886") is None
    glued = _id_reader("=K520417386")
    assert glued("K520417386") == ("K520417386", True) and glued("IK520417386") is None


def _run_dob(
    monkeypatch: pytest.MonkeyPatch, grey: str, clean: str, page: str, second: str = "", conf: float = 0.82
) -> Candidate:
    value = read_date(page)
    cand = Candidate("member.dob", value.value if value else None, 1, (10, 10, 90, 30), conf, "label", raw=page)
    cand = dataclasses.replace(cand, words=(_word(page),))
    state = _state(cand)
    image = Image.new("L", (100, 40), 255)
    state.prepared[1] = Prepared(image, image, 0.0)
    state.second_words[id(cand)] = [_word(second, conf=40)] if second else []
    monkeypatch.setattr(settle_id, "second_reads", FakeReads({"sstraight0": _word(grey), "sclean0": _word(clean)}))
    settle_id.settle_ids(state)
    return state.candidates[0]


def test_a_date_of_birth_both_standard_reads_give_is_settled_as_an_id_is(monkeypatch: pytest.MonkeyPatch) -> None:
    """A date has no check digit either: its page read, its second read and the standard model's two reads
    agreeing confirm it (the date's printed digits, not its ISO form, compared for a lost glyph)."""
    found = _run_dob(monkeypatch, "03/21/1948", "03/21/1948", page="03/21/1948")
    assert found.confirmed_by == "second_read" and str(found.value) == "1948-03-21"
    lost = _run_dob(monkeypatch, "12/21/1948", "12/21/1948", page="2/21/1948", second="12/21/1948", conf=0.3)
    assert str(lost.value) == "1948-12-21" and lost.confirmed_by == "second_read"


def test_a_date_of_birth_the_standard_reads_differ_on_stays_held(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _run_dob(monkeypatch, "03/21/1948", "08/21/1948", page="03/21/1948").confirmed_by is None
    sure_page = _run_dob(monkeypatch, "08/21/1948", "08/21/1948", page="03/21/1948", second="03/21/1948")
    assert sure_page.confirmed_by is None
