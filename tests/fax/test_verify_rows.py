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
