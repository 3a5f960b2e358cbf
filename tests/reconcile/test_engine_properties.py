"""Properties of the pure matching engine over generated authorizations and lines (no parsing, no database)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from referrals.reconcile.engine import Reconciler, billing_order
from referrals.reconcile.model import (
    Authorization,
    AuthorizationSourceKind,
    AuthorizationStatus,
    BilledLine,
    DiscrepancyKind,
    MatchKind,
    Outcome,
)

START = dt.date(2026, 11, 1)
MEMBERS, CODES, NUMBERS = ("W1", "W2"), ("E0601", "A4604"), ("PA1", "PA2", "PA3")


@st.composite
def authorizations(draw: st.DrawFn) -> list[Authorization]:
    result = []
    for index, number in enumerate(draw(st.lists(st.sampled_from(NUMBERS), max_size=3, unique=True))):
        first = START + dt.timedelta(days=draw(st.integers(0, 10)))
        result.append(
            Authorization(
                number=number,
                member_id=draw(st.sampled_from(MEMBERS)),
                payer_id="60054",
                service_codes=frozenset(draw(st.lists(st.sampled_from(CODES), min_size=1, unique=True))),
                authorized_quantity=draw(st.sampled_from([None, 2.0, 5.0])),
                effective_from=first,
                effective_to=first + dt.timedelta(days=draw(st.integers(0, 20))),
                servicing_npi=None,
                status=draw(st.sampled_from(list(AuthorizationStatus))),
                source_kind=AuthorizationSourceKind.CSV,
                source_id=f"s{index}",
            )
        )
    return result


@st.composite
def lines(draw: st.DrawFn) -> list[BilledLine]:
    count = draw(st.integers(0, 12))
    return [
        BilledLine(
            claim_record_id=f"rec{draw(st.integers(0, 6))}",
            line_index=i,
            claim_id=f"C{draw(st.integers(0, 6))}",
            member_id=draw(st.sampled_from(MEMBERS)),
            payer_id="60054",
            code=draw(st.sampled_from(CODES)),
            modifiers=(),
            charge=Decimal(draw(st.integers(0, 50000))).scaleb(-2),
            units=float(draw(st.integers(1, 4))),
            service_date=START + dt.timedelta(days=draw(st.integers(0, 35))),
            prior_authorization=draw(st.sampled_from([None, "PA1", "pa-2", "PA3", "PA9"])),
            billing_npi=None,
            rendering_npi=None,
        )
        for i in range(count)
    ]


@settings(max_examples=150, deadline=None)
@given(authorizations(), lines())
def test_every_line_gets_one_consistent_outcome(auths: list[Authorization], billed: list[BilledLine]) -> None:
    ordered = sorted(billed, key=billing_order)
    outcomes = list(Reconciler(auths).run(ordered))
    assert [o.line for o in outcomes] == ordered
    used: dict[int, float] = defaultdict(float)
    for outcome in outcomes:
        assert Decimal(0) <= outcome.amount_at_risk <= outcome.line.charge
        assert (outcome.outcome is Outcome.DISCREPANCY) == bool(outcome.discrepancies)
        assert (outcome.authorization is None) == (outcome.match is MatchKind.NONE)
        kinds = {d.kind for d in outcome.discrepancies}
        if outcome.authorization is None:
            assert DiscrepancyKind.NO_AUTHORIZATION in kinds
            continue
        auth = outcome.authorization
        assert outcome.units_billed_before == used[id(auth)], "every earlier line against it counts"
        quantity = auth.authorized_quantity
        over = quantity is not None and outcome.units_billed_before + outcome.line.units > quantity
        duplicate = DiscrepancyKind.DUPLICATE_CLAIM in kinds
        assert (DiscrepancyKind.UNITS_OVER in kinds) == (over and not duplicate)
        if not duplicate:
            used[id(auth)] += outcome.line.units
        if outcome.match is MatchKind.SUGGESTED:
            assert auth.covers_date(outcome.line.service_date) and auth.member_id == outcome.line.member_id
