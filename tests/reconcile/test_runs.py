"""Unit exhaustion across claims and files, and incremental re-runs."""

from __future__ import annotations

from decimal import Decimal

import pytest

from .support import Billing, auth, claim, kinds, line


def test_units_exhausted_across_claims_in_billing_order(billing: Billing) -> None:
    billing.authorizations(auth("PA2101", quantity=10))
    billing.claims(claim("C1", line(units=4, on=2, charge="40.00"), prior_authorization="PA2101"))
    billing.claims(claim("C2", line(units=4, on=9, charge="40.00"), prior_authorization="PA2101"))
    billing.claims(
        claim("C3", line(units=4, on=16, charge="40.00"), prior_authorization="PA2101"),
        claim("C4", line(units=3, on=23, charge="30.00"), prior_authorization="PA2101"),
    )
    lines = billing.lines()
    assert [kinds(lines[(c, 1)]) for c in ("C1", "C2")] == [set(), set()]
    third = lines[("C3", 1)]
    assert kinds(third) == {"units_over_authorized"}
    assert third.units_billed_before == 8
    assert third.amount_at_risk == Decimal("20.00"), "2 of its 4 units are over: half its charge"
    fourth = lines[("C4", 1)]
    assert fourth.units_billed_before == 12 and fourth.amount_at_risk == Decimal("30.00")


def test_a_late_earlier_claim_moves_the_exhaustion(billing: Billing) -> None:
    """Exhaustion follows service dates, not arrival: an earlier service billed later takes units first."""
    billing.authorizations(auth("PA2201", quantity=5))
    billing.claims(claim("C1", line(units=5, on=10), prior_authorization="PA2201"))
    assert kinds(billing.lines()[("C1", 1)]) == set()
    billing.claims(claim("C0", line(units=2, on=3), prior_authorization="PA2201"))
    lines = billing.lines()
    assert kinds(lines[("C0", 1)]) == set()
    assert kinds(lines[("C1", 1)]) == {"units_over_authorized"}
    assert lines[("C1", 1)].change == "new_discrepancy"


def test_duplicates_do_not_use_up_units(billing: Billing) -> None:
    billing.authorizations(auth("PA2301", quantity=4))
    billing.claims(claim("C1", line(units=4, on=2), prior_authorization="PA2301"))
    billing.claims(claim("C1", line(units=4, on=2), prior_authorization="PA2301"))
    billing.claims(claim("C2", line(units=1, on=3), prior_authorization="PA2301"))
    lines = sorted(billing.reconcile().lines, key=lambda ln: (ln.service_date, ln.claim_record_id))
    assert sorted(sorted(kinds(ln)) for ln in lines[:2]) == [[], ["duplicate_claim"]]
    assert kinds(lines[2]) == {"units_over_authorized"}
    assert lines[2].units_billed_before == 4


def test_unmatched_claim_says_it_now_matches(billing: Billing) -> None:
    billing.claims(claim("C1", line(on=4), prior_authorization="PA2401"), claim("C2", line("A4604", on=4)))
    first = billing.lines()
    assert kinds(first[("C1", 1)]) == {"no_authorization"}
    assert first[("C1", 1)].change == "new"
    billing.authorizations(auth("PA2401"))
    second = billing.lines()
    assert second[("C1", 1)].outcome == "matched"
    assert (second[("C1", 1)].change, second[("C1", 1)].previous_outcome) == ("newly_matched", "discrepancy")
    assert second[("C2", 1)].change == "new", "C2 still has no authorization: not rewritten"
    assert billing.runs[-1].changes == {"newly_matched": 1}


def test_rerun_without_news_writes_nothing(billing: Billing) -> None:
    billing.authorizations(auth("PA2501"))
    billing.claims(claim("C1", line(), prior_authorization="PA2501"))
    billing.reconcile()
    billing.reconcile()
    assert billing.runs[-1].changes == {}
    assert billing.runs[-1].lines == 1


def test_reimported_authorization_replaces_its_row(billing: Billing) -> None:
    billing.authorizations(auth("PA2601", quantity=2))
    billing.claims(claim("C1", line(units=3), prior_authorization="PA2601"))
    assert kinds(billing.lines()[("C1", 1)]) == {"units_over_authorized"}
    if billing.source == "csv":
        billing.authorizations(auth("PA2601", quantity=5))
        result = billing.lines()[("C1", 1)]
        assert (result.outcome, result.change) == ("matched", "resolved")


def test_report_filters_by_date_and_payer(billing: Billing) -> None:
    from referrals.reconcile.report import ReportFilter

    from .support import day

    billing.authorizations(auth("PA2701"))
    billing.claims(
        claim("C1", line(on=2), prior_authorization="PA2701"),
        claim("C2", line(on=20), prior_authorization="PA2701"),
        claim("C3", line(on=21), payer_id="99999"),
    )
    dated = billing.reconcile(ReportFilter(date_from=day(10), date_to=day(25)))
    assert sorted(ln.claim_id or "" for ln in dated.lines) == ["C2", "C3"]
    assert dated.totals.lines == 2
    by_payer = billing.reconcile(ReportFilter(payer_id="99999"))
    assert [ln.claim_id for ln in by_payer.lines] == ["C3"]
    assert by_payer.totals.with_discrepancies == 1


def test_per_service_quantities_of_a_278_count_per_code(billing: Billing) -> None:
    if billing.source == "csv":
        pytest.skip("a CSV row has one quantity for its codes; per-service quantities come from 278s")
    billing.authorizations(auth("PA2801", codes=("E0601", "A4604"), service_quantities=(1, 10)))
    billing.claims(claim("C1", line("E0601", units=1), line("A4604", units=6), prior_authorization="PA2801"))
    billing.claims(
        claim("C2", line("E0601", units=1, on=3), line("A4604", units=4, on=3), prior_authorization="PA2801")
    )
    lines = billing.lines()
    assert kinds(lines[("C1", 1)]) == set() and kinds(lines[("C1", 2)]) == set()
    assert kinds(lines[("C2", 1)]) == {"units_over_authorized"}, "the rental's 1 unit is used up"
    assert kinds(lines[("C2", 2)]) == set(), "supplies: 6 + 4 of 10"


def test_a_corrected_claim_replaces_its_lines(billing: Billing) -> None:
    """Intake corrects a claim (same record id): a line it no longer has leaves the report."""
    from referrals.reconcile.run import take_records

    billing.authorizations(auth("PA2901"))
    (parsed,) = billing.claims(claim("C1", line("E0601"), line("A4604", on=3), prior_authorization="PA2901"))
    assert len(billing.lines()) == 2
    corrected = parsed.model_copy(update={"lines": parsed.lines[:1]})
    take_records(billing.session, [corrected])
    assert list(billing.lines()) == [("C1", 1)]
