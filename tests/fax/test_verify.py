"""Second and third reads of critical values (verify.second_read), with the OCR of crops faked."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from parsers.context import ParseContext
from parsers.fax import verify, verify_codes
from parsers.fax.address_text import AddressValue
from parsers.fax.confirm import Region
from parsers.fax.model import Candidate, Word
from parsers.fax.reading import FaxRead
from parsers.fax.record_builder import confidence

ORDER = dt.date(2026, 11, 19)


def _word(text: str, doubtful: bool = False, conf: float = 90, tied: bool = False) -> Word:
    return Word(
        text=text, conf=conf, left=0, top=0, width=80, height=20, line_key=(1,), ambiguous=doubtful or tied, tied=tied
    )


class FakeReads:
    """Stands in for confirm.second_reads: each call answers from the next canned {key prefix: word}."""

    def __init__(self, *answers: dict[str, Word]) -> None:
        self.answers = list(answers)
        self.calls: list[list[str]] = []

    def __call__(self, regions: list[Region], images: object, engine: object, model: str = "") -> dict[str, list[Word]]:
        self.calls.append([r.key for r in regions])
        answer = self.answers.pop(0) if self.answers else {}
        return {r.key: [answer[r.key]] if r.key in answer else [] for r in regions}


def _state(*cands: Candidate) -> FaxRead:
    ctx = ParseContext(
        path=Path("x.tif"),
        sha256="0" * 64,
        filename="x.tif",
        received_at=dt.datetime(2026, 11, 25, tzinfo=dt.UTC),
    )
    state = FaxRead(ctx=ctx, engine=object(), kind="tiff")  # type: ignore[arg-type]
    state.candidates = list(cands)
    return state


def _cand(path: str, value: object, conf: float = 0.9, confirmed_by: str | None = None) -> Candidate:
    return Candidate(path, value, 1, (10, 10, 90, 30), conf, "label", confirmed_by=confirmed_by)


def _run(monkeypatch: pytest.MonkeyPatch, state: FaxRead, fake: FakeReads) -> dict[str, Candidate]:
    monkeypatch.setattr(verify, "second_reads", fake)
    verify.second_read(state)
    return {c.path: c for c in state.candidates}


def test_a_doubtful_second_read_of_a_date_is_settled_by_an_agreeing_third_read(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeReads({"c0": _word("11/19/2026", doubtful=True)}, {"t0": _word("11/19/2026")})
    found = _run(monkeypatch, _state(_cand("order_date", ORDER)), fake)
    assert found["order_date"].confirmed_by == "second_read" and found["order_date"].second_conf == 0.9


def test_a_third_read_that_disagrees_or_is_doubtful_itself_confirms_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    for third in (_word("11/18/2026"), _word("11/19/2026", doubtful=True)):
        fake = FakeReads({"c0": _word("11/19/2026", doubtful=True)}, {"t0": third})
        assert _run(monkeypatch, _state(_cand("order_date", ORDER)), fake)["order_date"].confirmed_by is None


def test_no_third_read_for_a_birth_date_or_a_name_whose_doubt_is_a_near_tie(monkeypatch: pytest.MonkeyPatch) -> None:
    state = _state(_cand("member.dob", dt.date(1961, 3, 2)), _cand("member.name", ("Walter", "Garcia")))
    fake = FakeReads({"c0": _word("03/02/1961", doubtful=True), "c1": _word("Walter Garcia", tied=True)})
    found = _run(monkeypatch, state, fake)
    assert len(fake.calls) == 1 and all(c.confirmed_by is None for c in found.values())


def test_a_name_with_a_weaker_rival_is_settled_by_an_agreeing_third_read(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeReads({"c0": _word("Walter Garcia", doubtful=True)}, {"t0": _word("Walter Garcia")})
    found = _run(monkeypatch, _state(_cand("member.name", ("Walter", "Garcia"))), fake)
    assert found["member.name"].confirmed_by == "second_read" and len(fake.calls) == 2


def test_a_second_read_that_disagrees_gets_no_third_read(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeReads({"c0": _word("11/18/2026", doubtful=True)}, {"t0": _word("11/19/2026")})
    assert _run(monkeypatch, _state(_cand("order_date", ORDER)), fake)["order_date"].confirmed_by is None
    assert len(fake.calls) == 1


def test_an_unsure_npi_whose_check_digit_holds_is_lifted_only_by_an_agreeing_second_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    npi = "1571753502"
    unsure = _cand("ordering_provider.npi", npi, conf=0.3, confirmed_by="check_digit")
    assert confidence(unsure) < 0.8
    found = _run(monkeypatch, _state(unsure), FakeReads({"c0": _word(npi)}))
    assert found["ordering_provider.npi"].second_conf == 0.9 and confidence(found["ordering_provider.npi"]) >= 0.8
    other = _run(monkeypatch, _state(unsure), FakeReads({"c0": _word("1571753510")}))
    assert other["ordering_provider.npi"].second_conf is None


def test_a_sure_npi_whose_check_digit_holds_is_not_read_again(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeReads()
    _run(monkeypatch, _state(_cand("ordering_provider.npi", "1571753502", 0.95, "check_digit")), fake)
    assert fake.calls == []


def test_a_rule_at_the_edge_of_a_quantity_crop_shows_no_quantity() -> None:
    assert verify_codes._quantity_of("1|") is None and verify_codes._quantity_of("|1") is None
    assert verify_codes._quantity_of("1") == 1 and verify_codes._quantity_of("12.") == 12


def test_a_second_read_that_differs_only_in_punctuation_confirms_a_date(monkeypatch: pytest.MonkeyPatch) -> None:
    start = dt.date(2026, 11, 20)
    cand = dataclasses.replace(_cand("requested_start_date", start), raw="2026-11-20")
    found = _run(monkeypatch, _state(cand), FakeReads({"c0": _word("2026}11-20")}))
    assert found["requested_start_date"].confirmed_by == "second_read"
    for other in (_word("2026}11-20", doubtful=True), _word("2026}11-29")):  # doubtful, or another digit
        fake = FakeReads({"c0": other})
        assert _run(monkeypatch, _state(cand), fake)["requested_start_date"].confirmed_by is None


def test_a_second_read_giving_no_value_gets_a_grey_read_that_must_agree(monkeypatch: pytest.MonkeyPatch) -> None:
    cand = dataclasses.replace(_cand("order_date", ORDER), raw="11/19/2026")
    fake = FakeReads({"c0": _word("1119/2026")}, {"u0": _word("11/19/2026")})  # runs joined: no agreement by itself
    assert _run(monkeypatch, _state(cand), fake)["order_date"].confirmed_by == "second_read"
    for third in (_word("11/18/2026"), _word("11/19/2026", doubtful=True)):
        fake = FakeReads({"c0": _word("1119/2026")}, {"u0": third})
        assert _run(monkeypatch, _state(cand), fake)["order_date"].confirmed_by is None


def test_no_grey_read_for_a_name_or_birth_date_whose_second_read_gave_no_value(monkeypatch: pytest.MonkeyPatch) -> None:
    name = dataclasses.replace(_cand("member.name", ("Walter", "Garcia")), raw="Walter Garcia")
    dob = dataclasses.replace(_cand("member.dob", dt.date(1961, 3, 2)), raw="03/02/1961")
    fake = FakeReads({"c0": _word("Wa1ter Garcia"), "c1": _word("0302/1961")})
    found = _run(monkeypatch, _state(name, dob), fake)
    assert len(fake.calls) == 1 and all(c.confirmed_by is None for c in found.values())


def test_a_name_re_read_with_a_small_first_letter_or_edge_marks_agrees() -> None:
    name = _cand("ordering_provider.name", ("Jane", "Doe"))
    for first, last in (("jane", "Doe,"), ("‘Jane’", "Doe,"), ("Jane", "Doe]"), ("“Jane", "[Doe"), ("‘Jane:", "Doe,")):
        assert verify.agreement(name, [_word(first), _word(last)]) == 0.9


def test_a_name_re_read_with_other_letters_or_a_lost_word_does_not_agree() -> None:
    name = _cand("ordering_provider.name", ("Jane", "Doe"))
    for words in (["jene", "Doe"], ["Jane", "Dae]"], ["‘Jane’"], ["Jane", "Doe", "Smith"]):
        assert verify.agreement(name, [_word(w) for w in words]) is None
    part = _cand("member.first_name", "Walter")
    assert verify.agreement(part, [_word("walter]")]) == 0.9
    assert verify.agreement(part, [_word("waiter")]) is None


def _doubtful(text: str, *rivals: tuple[str, str]) -> Word:
    return dataclasses.replace(_word(text, doubtful=True), rivals=rivals)


def _address_words(street: Word, state: Word) -> list[Word]:
    return [street, _word("Prospect"), _word("St,"), _word("Providence,"), state, _word("02903-2608")]


def test_a_rival_letter_counts_only_in_the_word_it_was_read_for() -> None:
    """'Ri' whose i rivals l: 'Rl' is no state, so the re-read agrees; the i of 'Providence' (read
    with no doubt of its own) is not put as l."""
    value = AddressValue("2242 Prospect St", None, "Providence", "RI", "02903-2608")
    cand = _cand("member.address", value)
    assert verify.agreement(cand, _address_words(_word("2242"), _doubtful("Ri", ("i", "l")))) == 0.9
    assert verify.agreement(cand, _address_words(_doubtful("2242", ("4", "1")), _word("RI"))) is None


def test_a_rival_digit_that_moves_an_orders_date_centuries_away_is_no_doubt() -> None:
    """'11/19/2026' whose 0 rivals 6: '2626' is no date an order received in 2026 can hold (far_dates.py
    would drop it), so the re-read agrees; a rival giving another day of the same years still counts."""
    cand = _cand("discharge_date", ORDER)
    assert verify.agreement(cand, [_doubtful("11/19/2026", ("0", "6"))]) == 0.9
    assert verify.agreement(cand, [_doubtful("11/19/2026", ("9", "8"))]) is None
    birth = _cand("member.dob", dt.date(1941, 3, 17))  # a birth date's rival years stay doubtful
    assert verify.agreement(birth, [_doubtful("3-17-1941", ("9", "1"))]) is None


def test_a_name_the_fast_model_doubts_twice_is_settled_by_the_standard_models_sure_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    doubted = _word("Ada Lovell", doubtful=True)
    fake = FakeReads({"c0": doubted}, {"t0": doubted}, {"g0": _word("Ada Lovell")})
    found = _run(monkeypatch, _state(_cand("member.name", ("Ada", "Lovell"))), fake)
    assert found["member.name"].confirmed_by == "second_read" and fake.calls[-1] == ["g0"]


def test_a_name_the_standard_model_doubts_or_reads_otherwise_stays_unconfirmed(monkeypatch: pytest.MonkeyPatch) -> None:
    doubted = _word("Ada Lovell", doubtful=True)
    for last in (doubted, _word("Ada Lovall")):
        fake = FakeReads({"c0": doubted}, {"t0": doubted}, {"g0": last})
        found = _run(monkeypatch, _state(_cand("member.name", ("Ada", "Lovell"))), fake)
        assert found["member.name"].confirmed_by is None


def test_a_date_the_fast_model_doubts_twice_gets_no_standard_read_here(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeReads({"c0": _word("11/19/2026", doubtful=True)}, {"t0": _word("11/19/2026", doubtful=True)})
    assert _run(monkeypatch, _state(_cand("order_date", ORDER)), fake)["order_date"].confirmed_by is None
    assert len(fake.calls) == 2
