"""Service codes read weakly on the page that both crops read as another code (reread_outvoted.py)."""

from __future__ import annotations

import dataclasses

from parsers.fax.reading import FaxRead
from parsers.fax.reread_outvoted import outvoted, reread_outvoted
from tests.fax.test_reread import Canned, _service_state


def _weak_row(engine: Canned, conf: float = 60) -> FaxRead:
    """'A4258 1 RR ...' (A4253 with its 3 read as an 8), its code word read at `conf`. (An A read as a 4,
    '44253', is open on the page read itself: codecheck.SERIES_LETTER.)"""
    state = _service_state(engine, "A4258 1 RR glucose test strips", "Code Qty Mod Description")
    row = state.services[0]
    word = dataclasses.replace(row.code.word, conf=conf)
    state.services = [dataclasses.replace(row, code=dataclasses.replace(row.code, word=word))]
    return state


def test_a_weak_page_code_both_crops_read_otherwise_is_taken_when_the_re_reads_agree() -> None:
    state = _weak_row(Canned("A4253", "A4253"))
    row = state.services[0]
    assert outvoted(state, row, ["A4253", "A4253"], [1, None]) == ("A4253", 1)
    state.outvoted[id(row)] = ("A4253", 1)
    reread_outvoted(state)
    assert state.confirmed_rows[id(row)] == ("A4253", 1)


def test_re_reads_that_do_not_give_the_crops_code_confirm_nothing() -> None:
    state = _weak_row(Canned("A4253", "A4258", "A4258", "A4258", "A4258"))
    state.outvoted[id(state.services[0])] = ("A4253", 1)
    reread_outvoted(state)
    assert not state.confirmed_rows


def test_a_sure_page_read_crops_that_differ_or_a_quantity_against_it_are_no_outvoting() -> None:
    state = _weak_row(Canned(), conf=95)
    assert outvoted(state, state.services[0], ["A4253", "A4253"], [1, 1]) is None  # read surely on the page
    state = _weak_row(Canned())
    row = state.services[0]
    assert outvoted(state, row, ["A4253", None], [1, 1]) is None  # one crop only
    assert outvoted(state, row, ["A4253", "A4255"], [1, 1]) is None  # crops that differ
    assert outvoted(state, row, ["A4258", "A4258"], [1, 1]) is None  # the page read's own code
    assert outvoted(state, row, ["A4253", "A4253"], [1, 7]) is None  # a quantity against the page's
    assert outvoted(state, row, ["A4253", "A4253"], [None, None]) is None  # no quantity seen
