"""Dates no order can hold are misreads: null with a finding."""

from __future__ import annotations

import datetime as dt

import pytest

from parsers.fax.far_dates import drop_far_dates
from parsers.fax.model import Candidate
from tests.fax.test_verify import _state  # received 2026-11-25


def _date(path: str, value: dt.date) -> Candidate:
    return Candidate(path, value, 1, (10, 10, 90, 30), 0.99, "label", confirmed_by="second_read")


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("order_date", dt.date(2626, 11, 20)),  # a 0 read as 6
        ("requested_start_date", dt.date(2006, 11, 27)),
        ("signature.date", dt.date(2926, 11, 20)),
        ("member.dob", dt.date(1853, 4, 24)),  # no living patient's
    ],
)
def test_a_date_far_outside_what_its_field_allows_is_null_with_a_finding(path: str, value: dt.date) -> None:
    state = _state(_date(path, value))
    drop_far_dates(state)
    assert state.candidates == []
    assert [(f.field, f.code) for f in state.findings] == [(path, "date_implausible")]


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("order_date", dt.date(2026, 11, 20)),
        ("discharge_date", dt.date(2025, 12, 30)),
        ("signature.date", dt.date(2027, 1, 2)),
        ("member.dob", dt.date(1920, 10, 28)),
    ],
)
def test_a_date_its_field_can_hold_is_kept(path: str, value: dt.date) -> None:
    state = _state(_date(path, value))
    drop_far_dates(state)
    assert len(state.candidates) == 1 and state.findings == []


def test_a_far_reading_beside_a_plausible_one_goes_without_a_finding() -> None:
    state = _state(_date("order_date", dt.date(2626, 11, 20)), _date("order_date", dt.date(2026, 11, 20)))
    drop_far_dates(state)
    assert [c.value for c in state.candidates] == [dt.date(2026, 11, 20)] and state.findings == []
