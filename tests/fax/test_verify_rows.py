"""Service rows the fast crops left open, read by the standard model (verify_rows.py)."""

from __future__ import annotations

from typing import Any

import pytest

from parsers.fax import verify_rows
from parsers.fax.confirm import Region
from parsers.fax.model import Word
from parsers.fax.reading import FaxRead
from tests.fax.test_reread import Canned, _service_state


def _row(fast_codes: list[object | None], fast_qtys: list[object | None]) -> FaxRead:
    state = _service_state(Canned(), "E1390 RR 1 oxygen concentrator")
    state.prepared = {1: object()}  # type: ignore[dict-item]
    state.row_crops[id(state.services[0])] = (fast_codes, fast_qtys)
    return state


def _answers(monkeypatch: pytest.MonkeyPatch, texts: dict[str, str]) -> list[str]:
    models: list[str] = []

    def fake(regions: list[Region], images: Any, engine: Any, model: str = "") -> dict[str, list[Word]]:
        models.append(model)
        return {r.key: [Word(texts[r.key], 93, 0, 0, 40, 20, (1,))] for r in regions if r.key in texts}

    monkeypatch.setattr(verify_rows, "second_reads", fake)
    monkeypatch.setattr(verify_rows, "_images", lambda state: {})
    return models


AGREE = {"s0codea": "E1390", "s0codeb": "E1390", "s0qtya": "1", "s0qtyb": "1"}


def test_an_open_row_the_standard_model_reads_as_the_page_did_is_confirmed(monkeypatch: pytest.MonkeyPatch) -> None:
    state = _row([None, None], [None, 1])
    models = _answers(monkeypatch, AGREE)
    verify_rows.model_rows(state)
    assert state.confirmed_rows[id(state.services[0])] == ("E1390", 1)
    assert models == ["--model standard"]


def test_a_row_a_fast_crop_contradicts_is_not_read_again(monkeypatch: pytest.MonkeyPatch) -> None:
    state = _row(["E1399", None], [None, None])
    models = _answers(monkeypatch, AGREE)
    verify_rows.model_rows(state)
    assert not state.confirmed_rows and models == []


def test_standard_crops_that_differ_confirm_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    state = _row([None, None], [None, None])
    _answers(monkeypatch, AGREE | {"s0qtyb": "4"})
    verify_rows.model_rows(state)
    assert not state.confirmed_rows


def test_a_code_the_fast_crops_confirmed_and_a_quantity_the_standard_crops_confirmed_make_the_row(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each part of the row read again as the page read it, by one model or the other, none against it."""
    state = _row(["E1390", None], [None, None])
    _answers(monkeypatch, {"s0qtya": "1", "s0qtyb": "1"})
    verify_rows.model_rows(state)
    assert state.confirmed_rows[id(state.services[0])] == ("E1390", 1)


def _four(fast_codes: list[object | None], fast_qtys: list[object | None]) -> FaxRead:
    """'E0260 RR 4': a quantity holding a digit the fast model reads for a fixed-width face's '1'."""
    state = _service_state(Canned(), "E0260 RR 4 hospital bed semi-electric")
    state.prepared = {1: object()}  # type: ignore[dict-item]
    state.row_crops[id(state.services[0])] = (fast_codes, fast_qtys)
    return state


@pytest.mark.parametrize(
    ("standard", "confirmed"),
    [
        ({"s0codea": "E0260", "s0codeb": "E0260"}, False),  # the standard model could not read the count
        ({"s0codea": "E0260", "s0qtya": "1", "s0qtyb": "1"}, False),  # it reads the '1' the fast model took for 4
        ({"s0codea": "E0260", "s0qtya": "4", "s0qtyb": "4"}, True),
    ],
)
def test_a_quantity_the_fast_model_may_have_misread_for_a_one_needs_the_standard_models_read(
    monkeypatch: pytest.MonkeyPatch, standard: dict[str, str], confirmed: bool
) -> None:
    """The page read and a fast crop of 'E0260-RR / 1' in Courier both gave 4 (one misread, repeated by
    the same model on the same cell): the fast reads' agreement on a 4 or a 7 is no confirmation."""
    state = _four(["E0260", "E0260"], [None, 4])
    _answers(monkeypatch, standard)
    verify_rows.model_rows(state)
    assert (id(state.services[0]) in state.confirmed_rows) is confirmed


def test_the_fast_crops_alone_confirm_no_quantity_they_may_have_misread_for_a_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from parsers.fax import verify

    def fast(regions: list[Region], images: Any, engine: Any, model: str = "") -> dict[str, list[Word]]:
        texts = {"s0codea": "E0260", "s0codeb": "E0260", "s0qtya": "4", "s0qtyb": "4"}
        return {r.key: [Word(texts[r.key], 93, 0, 0, 40, 20, (1,))] for r in regions if r.key in texts}

    monkeypatch.setattr(verify, "second_reads", fast)
    state = _service_state(Canned(), "E0260 RR 4 hospital bed semi-electric")
    state.prepared = {}  # no page images: the crops' reads are canned
    verify.second_read(state)
    assert id(state.services[0]) not in state.confirmed_rows
    assert verify_rows._open(state, state.services[0])  # left for the standard model (model_rows)


@pytest.mark.parametrize("garbled", ["E1>90", "E1p90", "E13~0"])
def test_a_standard_crop_reading_one_place_of_the_code_as_no_character_of_it_confirms_nothing(
    monkeypatch: pytest.MonkeyPatch, garbled: str
) -> None:
    """A crop with the code's length and every other character of it, one place read as a mark that is no
    look-alike of the page read's character ('E1>90' for E1390), saw that place otherwise: it stands
    against the page read, so one fast crop agreeing confirms no row."""
    state = _row(["E1390", None], [None, 1])
    _answers(monkeypatch, {"s0codea": garbled, "s0qtya": "1", "s0qtyb": "1"})
    verify_rows.model_rows(state)
    assert not state.confirmed_rows


@pytest.mark.parametrize("alike", ["El390", "E139O", "E13", "E1paa"])
def test_a_standard_crop_differing_by_a_look_alike_or_garbled_whole_stands_against_nothing(
    monkeypatch: pytest.MonkeyPatch, alike: str
) -> None:
    state = _row(["E1390", None], [None, 1])
    _answers(monkeypatch, {"s0codea": alike, "s0qtya": "1", "s0qtyb": "1"})
    verify_rows.model_rows(state)
    assert state.confirmed_rows[id(state.services[0])] == ("E1390", 1)


def test_a_standard_crop_reading_the_series_letter_as_its_digit_look_alike_stands_against_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """'59500' for S9500: the series letter read as the digit it looks like is the same character."""
    state = _service_state(Canned(), "S9500 - 1 home infusion per diem")
    state.prepared = {1: object()}  # type: ignore[dict-item]
    state.row_crops[id(state.services[0])] = (["S9500", None], [None, 1])
    _answers(monkeypatch, {"s0codea": "59500", "s0qtya": "1", "s0qtyb": "1"})
    verify_rows.model_rows(state)
    assert state.confirmed_rows[id(state.services[0])] == ("S9500", 1)


def _doubted_answers(monkeypatch: pytest.MonkeyPatch, texts: dict[str, str], doubted: set[str]) -> None:
    def fake(regions: list[Region], images: Any, engine: Any, model: str = "") -> dict[str, list[Word]]:
        return {
            r.key: [Word(texts[r.key], 0 if r.key in doubted else 93, 0, 0, 40, 20, (1,), ambiguous=r.key in doubted)]
            for r in regions
            if r.key in texts
        }

    monkeypatch.setattr(verify_rows, "second_reads", fake)
    monkeypatch.setattr(verify_rows, "_images", lambda state: {})


def test_a_standard_crop_ocr_itself_doubts_stands_against_no_code_both_fast_crops_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """'E1>90' read at confidence 0 with a rival for a character: no read against the page read's E1390 that
    both fast crops gave; the quantity the page read and a sure standard crop agree on confirms the row."""
    state = _row(["E1390", "E1390"], [None, None])
    _doubted_answers(monkeypatch, {"s0codea": "E1>90", "s0qtya": "1"}, {"s0codea"})
    verify_rows.model_rows(state)
    assert state.confirmed_rows[id(state.services[0])] == ("E1390", 1)


def test_a_doubted_standard_crop_still_stands_against_a_code_one_fast_crop_alone_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    state = _row(["E1390", None], [None, None])
    _doubted_answers(monkeypatch, {"s0codea": "E1>90", "s0qtya": "1"}, {"s0codea"})
    verify_rows.model_rows(state)
    assert not state.confirmed_rows


def test_a_sure_standard_crop_stands_against_a_code_both_fast_crops_read(monkeypatch: pytest.MonkeyPatch) -> None:
    state = _row(["E1390", "E1390"], [None, None])
    _doubted_answers(monkeypatch, {"s0codea": "E1>90", "s0qtya": "1"}, set())
    verify_rows.model_rows(state)
    assert not state.confirmed_rows
