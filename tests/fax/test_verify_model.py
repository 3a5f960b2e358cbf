"""A value whose second read agreed but for a doubtful digit, settled by the standard model's read."""

from __future__ import annotations

import datetime as dt

import pytest
from PIL import Image

from parsers.fax import verify_model
from parsers.fax.confirm import Region
from parsers.fax.model import Candidate, Word
from parsers.fax.preprocess import Prepared
from parsers.fax.reading import FaxRead
from tests.fax.test_verify import ORDER, _cand, _state, _word


class FakeModel:
    """Stands in for confirm.second_reads: answers each region with the word canned for its key."""

    def __init__(self, answer: dict[str, Word]) -> None:
        self.answer = answer
        self.calls: list[tuple[list[str], str]] = []

    def __call__(self, regions: list[Region], images: object, engine: object, model: str = "") -> dict[str, list[Word]]:
        self.calls.append(([r.key for r in regions], model))
        return {r.key: [self.answer[r.key]] if r.key in self.answer else [] for r in regions}


def _with_page(*pairs: tuple[Candidate, Word]) -> FaxRead:
    state = _state(*(c for c, _ in pairs))
    page = Image.new("L", (200, 100), 255)
    state.prepared[1] = Prepared(page, page, 0.0)
    state.second_words = {id(c): [w] for c, w in zip(state.candidates, (w for _, w in pairs), strict=True)}
    return state


def _run(monkeypatch: pytest.MonkeyPatch, state: FaxRead, fake: FakeModel) -> dict[str, Candidate]:
    monkeypatch.setattr(verify_model, "second_reads", fake)
    verify_model.model_read(state)
    return {c.path: c for c in state.candidates}


def test_a_doubtful_agreeing_date_is_confirmed_by_the_standard_models_clean_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    state = _with_page((_cand("order_date", ORDER), _word("11/19/2026", doubtful=True)))
    fake = FakeModel({"m0": _word("11/19/2026", conf=88)})
    found = _run(monkeypatch, state, fake)
    assert found["order_date"].confirmed_by == "second_read" and found["order_date"].second_conf == 0.88
    assert fake.calls == [(["m0"], verify_model.REREAD_MODEL)]


@pytest.mark.parametrize("model_word", [_word("11/18/2026"), _word("11/19/2026", doubtful=True), None])
def test_a_model_read_that_disagrees_doubts_or_reads_nothing_confirms_nothing(
    monkeypatch: pytest.MonkeyPatch, model_word: Word | None
) -> None:
    state = _with_page((_cand("order_date", ORDER), _word("11/19/2026", doubtful=True)))
    found = _run(monkeypatch, state, FakeModel({"m0": model_word} if model_word else {}))
    assert found["order_date"].confirmed_by is None


def test_no_model_read_for_a_name_or_a_second_read_that_disagreed(monkeypatch: pytest.MonkeyPatch) -> None:
    state = _with_page(
        (_cand("member.name", ("Walter", "Garcia")), _word("Walter Garcia", doubtful=True)),
        (_cand("order_date", ORDER), _word("12/19/2026", doubtful=True)),
        (_cand("member.member_id", "M548923266"), _word("M548923286", doubtful=True)),
    )
    fake = FakeModel({})
    found = _run(monkeypatch, state, fake)
    assert fake.calls == [] and all(c.confirmed_by is None for c in found.values())


def test_a_doubtful_agreeing_id_or_birth_date_is_confirmed_by_the_standard_models_read_of_the_cleaned_crop(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    state = _with_page(
        (_cand("member.dob", dt.date(1961, 3, 2)), _word("03/02/1961", doubtful=True)),
        (_cand("member.member_id", "M548923266"), _word("M548923266", doubtful=True)),
    )
    fake = FakeModel({"i0": _word("03/02/1961", conf=91), "i1": _word("M548923266", conf=87)})
    found = _run(monkeypatch, state, fake)
    assert found["member.dob"].confirmed_by == "second_read" and found["member.dob"].second_conf == 0.91
    assert found["member.member_id"].confirmed_by == "second_read"
    assert fake.calls == [(["i0", "i1"], verify_model.REREAD_MODEL)]  # one extra pass, only for these


@pytest.mark.parametrize(
    "model_word", [_word("M548923286"), _word("M548923266", doubtful=True), _word("M548923266", tied=True), None]
)
def test_an_ids_model_read_that_disagrees_doubts_or_reads_nothing_confirms_nothing(
    monkeypatch: pytest.MonkeyPatch, model_word: Word | None
) -> None:
    state = _with_page((_cand("member.member_id", "M548923266"), _word("M548923266", doubtful=True)))
    found = _run(monkeypatch, state, FakeModel({"i0": model_word} if model_word else {}))
    assert found["member.member_id"].confirmed_by is None


def test_the_id_read_is_of_the_cleaned_page_with_the_dates_the_grey_read_left_open(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[Region] = []

    def fake(regions: list[Region], images: object, engine: object, model: str = "") -> dict[str, list[Word]]:
        seen.extend(regions)
        return {}

    state = _with_page(
        (_cand("order_date", ORDER), _word("11/19/2026", doubtful=True)),
        (_cand("member.dob", dt.date(1961, 3, 2)), _word("03/02/1961", doubtful=True)),
    )
    monkeypatch.setattr(verify_model, "second_reads", fake)
    verify_model.model_read(state)
    assert [(r.key, r.source) for r in seen] == [("m0", "straight"), ("i0", "clean"), ("i1", "clean")]


class SeqModel:
    """Answers each pass from the next canned {key: word}."""

    def __init__(self, *answers: dict[str, Word]) -> None:
        self.answers = list(answers)
        self.calls: list[list[str]] = []

    def __call__(self, regions: list[Region], images: object, engine: object, model: str = "") -> dict[str, list[Word]]:
        self.calls.append([r.key for r in regions])
        answer = self.answers.pop(0)
        return {r.key: [answer[r.key]] if r.key in answer else [] for r in regions}


@pytest.mark.parametrize("grey", [_word("11/19/2026", doubtful=True), None])
def test_a_date_the_grey_model_read_left_in_doubt_is_confirmed_by_its_read_of_the_cleaned_crop(
    monkeypatch: pytest.MonkeyPatch, grey: Word | None
) -> None:
    state = _with_page((_cand("order_date", ORDER), _word("11/19/2026", doubtful=True)))
    fake = SeqModel({"m0": grey} if grey else {}, {"i0": _word("11/19/2026", conf=90)})
    monkeypatch.setattr(verify_model, "second_reads", fake)
    verify_model.model_read(state)
    assert state.candidates[0].confirmed_by == "second_read" and fake.calls == [["m0"], ["i0"]]


def test_a_date_the_grey_model_read_otherwise_gets_no_clean_read(monkeypatch: pytest.MonkeyPatch) -> None:
    state = _with_page((_cand("order_date", ORDER), _word("11/19/2026", doubtful=True)))
    fake = SeqModel({"m0": _word("11/18/2026")}, {"i0": _word("11/19/2026", conf=90)})
    monkeypatch.setattr(verify_model, "second_reads", fake)
    verify_model.model_read(state)
    assert state.candidates[0].confirmed_by is None and fake.calls == [["m0"]]
