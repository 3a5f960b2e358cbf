"""Date rules."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from referrals.domain import Address, Decision, Member, Signature
from validators import ValidationContext

from .conftest import codes_of, referral

MEMBER = dict(
    first_name="John",
    last_name="Smith",
    member_id="W1",
    phone="8605550142",
    address=Address(line1="12 Elm St", city="Hartford", state="CT", zip="06103"),
)


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"member": Member(**MEMBER, dob=dt.date(2027, 1, 1))}, ["dob_in_future"]),
        ({"member": Member(**MEMBER, dob=dt.date(1900, 1, 1))}, ["dob_implausible"]),
        ({"member": Member(**MEMBER, dob=dt.date(1901, 11, 26))}, []),  # 124 years old today
        (
            {
                "member": Member(**MEMBER, dob=dt.date(2026, 11, 1)),
                "order_date": dt.date(2026, 10, 1),
                "requested_start_date": dt.date(2026, 10, 2),
            },
            ["dob_after_service"],
        ),
        (
            {"order_date": dt.date(2026, 12, 1), "requested_start_date": dt.date(2026, 12, 2)},
            ["order_date_in_future"],
        ),
        ({"requested_start_date": dt.date(2026, 11, 19)}, ["start_before_order"]),
        ({"signature": Signature(present=True, date=dt.date(2026, 12, 24))}, ["signature_date_in_future"]),
        (
            {
                "decision": Decision(
                    action="certified", effective_from=dt.date(2026, 12, 1), effective_to=dt.date(2027, 2, 28)
                )
            },
            ["service_outside_authorization"],
        ),
        (
            {
                "decision": Decision(
                    action="certified", effective_from=dt.date(2026, 11, 1), effective_to=dt.date(2027, 2, 28)
                )
            },
            [],
        ),
    ],
)
def test_date_rules(overrides: dict[str, Any], expected: list[str], context: ValidationContext) -> None:
    assert codes_of(referral(**overrides), context) == expected
