"""Urgency and due time."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from referrals.domain import Service
from validators import ValidationContext, assess, assess_urgency

from .conftest import RECEIVED, referral

# RECEIVED is 2026-11-25 18:00 UTC.


@pytest.mark.parametrize(
    ("overrides", "urgent"),
    [
        ({}, False),  # start 2026-11-30
        ({"requested_start_date": dt.date(2026, 11, 26)}, True),  # 6 h after receipt
        ({"requested_start_date": dt.date(2026, 11, 27)}, False),  # 30 h after
        ({"requested_start_date": dt.date(2026, 11, 24), "order_date": dt.date(2026, 11, 20)}, True),  # past
        ({"discharge_date": dt.date(2026, 11, 25)}, True),
        ({"discharge_date": dt.date(2026, 11, 20)}, False),
        ({"urgent": True}, True),  # the parser read STAT on the order
        (
            {
                "services": [
                    Service(
                        code="E1390",
                        system="HCPCS",
                        modifiers=["RR"],
                        quantity=1,
                        description="O2 concentrator STAT",
                    )
                ]
            },
            True,
        ),
        ({"priority": "Urgent"}, True),
        ({"services": [Service(code="E1390", system="HCPCS", quantity=1, description="status post")]}, False),
    ],
)
def test_urgent(overrides: dict[str, Any], urgent: bool) -> None:
    result = assess(referral(**overrides), RECEIVED)
    assert result.urgent is urgent
    assert result.due_at == RECEIVED + dt.timedelta(hours=24 if urgent else 72)


def test_hours_are_configurable_through_the_context() -> None:
    context = ValidationContext(today=RECEIVED.date(), urgent_hours=4, standard_hours=48)
    assert assess_urgency(referral(), context).due_at == RECEIVED + dt.timedelta(hours=48)
    assert assess_urgency(referral(urgent=True), context).due_at == RECEIVED + dt.timedelta(hours=4)


def test_naive_receipt_time_is_utc() -> None:
    result = assess(referral(), dt.datetime(2026, 11, 25, 18, 0))
    assert result.due_at.tzinfo is not None
