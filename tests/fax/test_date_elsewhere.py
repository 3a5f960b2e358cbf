"""A date its reads agree on but for a doubt, confirmed by the same date confirmed elsewhere (date_elsewhere.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from parsers.fax.date_elsewhere import confirm_by_other_date
from parsers.fax.model import Candidate, Word
from parsers.fax.reading import FaxRead

DAY = dt.date(2025, 3, 14)


def _word(text: str, ambiguous: bool, y: int) -> Word:
    rivals = (("1", "2"),) if ambiguous else ()
    return Word(text, 90, 100, y, 120, 20, (1,), ambiguous, False, rivals)


def _cand(path: str, value: dt.date, y: int, confirmed: str | None = None) -> Candidate:
    return Candidate(path, value, 1, (100, y, 220, y + 20), 0.9, "label", "03/14/2025", confirmed_by=confirmed)


def _state(cands: list[Candidate], second: dict[int, list[Word]]) -> FaxRead:
    none: Any = None
    state = FaxRead(ctx=none, engine=none, kind="tiff")
    state.candidates = cands
    state.second_words = second
    return state


def test_a_doubted_date_another_field_confirmed_elsewhere_is_confirmed() -> None:
    signed = _cand("signature.date", DAY, 900)
    state = _state(
        [_cand("order_date", DAY, 100, "second_read"), signed], {id(signed): [_word("03/14/2025", True, 900)]}
    )
    confirm_by_other_date(state)
    assert state.candidates[1].confirmed_by == "repeated"


def test_reads_that_disagree_or_another_date_confirm_nothing() -> None:
    signed = _cand("signature.date", DAY, 900)
    other = _cand("order_date", dt.date(2025, 3, 13), 100, "second_read")
    for cands, second in (
        ([_cand("order_date", DAY, 100, "second_read"), signed], [_word("08/14/2025", False, 900)]),  # reads differ
        ([other, signed], [_word("03/14/2025", True, 900)]),  # no equal date elsewhere
        ([_cand("order_date", DAY, 100), signed], [_word("03/14/2025", True, 900)]),  # unconfirmed itself
        ([_cand("order_date", DAY, 895, "second_read"), signed], [_word("03/14/2025", True, 900)]),  # same box
    ):
        state = _state(cands, {id(signed): second})
        confirm_by_other_date(state)
        assert state.candidates[1].confirmed_by is None
