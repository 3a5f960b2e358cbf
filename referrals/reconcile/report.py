"""The reconciliation report: one row per claim line, with totals, filtered by date and payer.

The same data shape (`ReportLine`, `ReportTotals`, `Report`) serves the CLI table, the CSV and
JSON exports and the API (`GET /api/reconciliation`), so every view shows the same numbers.
Totals are always over every filtered line, even when only a page of rows is returned.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, Field
from sqlalchemy import Select, select
from sqlmodel import Session

from referrals.domain import Money
from referrals.reconcile.persist import as_utc
from referrals.reconcile.tables import AuthorizationRow, BilledLineRow, LineResultRow

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class ReportFilter:
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    payer_id: str | None = None
    outcome: str | None = None  # matched | suggested | discrepancy
    kind: str | None = None  # one discrepancy kind


class AuthorizationRef(BaseModel):
    """Drill-down target: the authorization and the record/document it came from."""

    id: int
    number: str | None
    status: str
    service_codes: list[str]
    authorized_quantity: float | None
    effective_from: dt.date | None
    effective_to: dt.date | None
    servicing_npi: str | None
    source_kind: str
    source_id: str
    source_record_id: str | None  # the 278 response / referral record (link target); None for CSV rows
    source_document: str | None  # sha256 of the file it came from


class ReportDiscrepancy(BaseModel):
    kind: str
    message: str
    amount_at_risk: Money


class ReportLine(BaseModel):
    claim_record_id: str
    line_index: int
    claim_id: str | None
    payer_id: str | None
    member_id: str | None
    code: str
    modifiers: list[str]
    service_date: dt.date | None
    units: float
    charge: Money
    prior_authorization: str | None
    outcome: str
    match: str
    match_reason: str
    authorization: AuthorizationRef | None
    discrepancies: list[ReportDiscrepancy]
    amount_at_risk: Money
    units_billed_before: float
    change: str
    previous_outcome: str | None
    updated_at: dt.datetime | None


class ReportTotals(BaseModel):
    lines: int = 0
    matched: int = 0
    suggested: int = 0
    with_discrepancies: int = 0
    charge: Money = ZERO
    amount_at_risk: Money = ZERO
    at_risk_by_kind: dict[str, Money] = Field(default_factory=dict)
    lines_by_kind: dict[str, int] = Field(default_factory=dict)

    def add_counts(self, outcome: str, charge_cents: int, at_risk_cents: int, discrepancies: str) -> None:
        """Count one line from its stored columns (money in cents, discrepancies as JSON)."""
        self.lines += 1
        self.matched += outcome == "matched"
        self.suggested += outcome == "suggested"
        self.with_discrepancies += outcome == "discrepancy"
        self.charge += Decimal(charge_cents).scaleb(-2)
        self.amount_at_risk += Decimal(at_risk_cents).scaleb(-2)
        if discrepancies == "[]":
            return
        for item in json.loads(discrepancies):
            kind, amount = item["kind"], Decimal(item["amount_at_risk"])
            self.at_risk_by_kind[kind] = self.at_risk_by_kind.get(kind, ZERO) + amount
            self.lines_by_kind[kind] = self.lines_by_kind.get(kind, 0) + 1


class Report(BaseModel):
    filters: dict[str, str | None]
    totals: ReportTotals
    lines: list[ReportLine]
    truncated: bool = False


def build_report(session: Session, flt: ReportFilter, limit: int | None = None, offset: int = 0) -> Report:
    """Totals over every filtered line (computed from four columns); `lines` is one page of rows."""
    totals = report_totals(session, flt)
    rows = list(iter_report_lines(session, flt, limit=limit, offset=offset))
    truncated = totals.lines > offset + len(rows)
    return Report(filters=_filters_text(flt), totals=totals, lines=rows, truncated=truncated)


def iter_report_lines(
    session: Session, flt: ReportFilter, limit: int | None = None, offset: int = 0
) -> Iterator[ReportLine]:
    statement = _query(flt).offset(offset)
    if limit is not None:
        statement = statement.limit(limit)
    for row in session.execute(statement.execution_options(yield_per=2000)):
        yield _report_line(row._mapping)


def report_line(session: Session, claim_record_id: str, line_index: int) -> ReportLine | None:
    """One line, for the drill-down from the table to its authorization and source."""
    lines = _columns(BilledLineRow)
    statement = _query(ReportFilter()).where(
        (lines.claim_record_id == claim_record_id) & (lines.line_index == line_index)
    )
    row = session.execute(statement).first()
    return _report_line(row._mapping) if row is not None else None


def report_totals(session: Session, flt: ReportFilter) -> ReportTotals:
    lines, results = _columns(BilledLineRow), _columns(LineResultRow)
    statement = _filtered(
        select(results.outcome, lines.charge_cents, results.at_risk_cents, results.discrepancies).join_from(
            BilledLineRow, LineResultRow, _same_line(lines, results)
        ),
        flt,
        lines,
        results,
    )
    totals = ReportTotals()
    for outcome, charge_cents, at_risk_cents, discrepancies in session.execute(
        statement.execution_options(yield_per=5000)
    ):
        totals.add_counts(outcome, charge_cents, at_risk_cents, discrepancies)
    return totals


def _columns(model: type[Any]) -> Any:
    return model.__table__.c


def _same_line(lines: Any, results: Any) -> Any:
    return (results.claim_record_id == lines.claim_record_id) & (results.line_index == lines.line_index)


def _query(flt: ReportFilter) -> Select[Any]:
    lines, results, auths = _columns(BilledLineRow), _columns(LineResultRow), _columns(AuthorizationRow)
    statement = (
        select(
            lines,
            *[c.label(f"result_{c.name}") for c in results],
            *[c.label(f"auth_{c.name}") for c in auths],
        )
        .join_from(BilledLineRow, LineResultRow, _same_line(lines, results))
        .outerjoin(AuthorizationRow, auths.id == results.authorization_id)
        .order_by(lines.service_date, lines.claim_record_id, lines.line_index)
    )
    return _filtered(statement, flt, lines, results)


def _filtered(statement: Select[Any], flt: ReportFilter, lines: Any, results: Any) -> Select[Any]:
    if flt.date_from is not None:
        statement = statement.where(lines.service_date >= flt.date_from)
    if flt.date_to is not None:
        statement = statement.where(lines.service_date <= flt.date_to)
    if flt.payer_id:
        statement = statement.where(lines.payer_id == flt.payer_id)
    if flt.outcome:
        statement = statement.where(results.outcome == flt.outcome)
    if flt.kind:
        statement = statement.where(results.kinds.contains(flt.kind))
    return statement


def _report_line(row: Any) -> ReportLine:
    return ReportLine(
        claim_record_id=row["claim_record_id"],
        line_index=row["line_index"],
        claim_id=row["claim_id"],
        payer_id=row["payer_id"],
        member_id=row["member_id"],
        code=row["code"],
        modifiers=row["modifiers"].split(),
        service_date=row["service_date"],
        units=row["units"],
        charge=Decimal(row["charge_cents"]).scaleb(-2),
        prior_authorization=row["prior_authorization"],
        outcome=row["result_outcome"],
        match=row["result_match_kind"],
        match_reason=row["result_match_reason"],
        authorization=_authorization_ref(row),
        discrepancies=[ReportDiscrepancy.model_validate(d) for d in json.loads(row["result_discrepancies"])],
        amount_at_risk=Decimal(row["result_at_risk_cents"]).scaleb(-2),
        units_billed_before=row["result_units_billed_before"],
        change=row["result_change"],
        previous_outcome=row["result_previous_outcome"],
        updated_at=as_utc(row["result_updated_at"]),
    )


def _authorization_ref(row: Any) -> AuthorizationRef | None:
    if row["auth_id"] is None:
        return None
    return AuthorizationRef(
        id=row["auth_id"],
        number=row["auth_number"],
        status=row["auth_status"],
        service_codes=row["auth_service_codes"].split(),
        authorized_quantity=row["auth_authorized_quantity"],
        effective_from=row["auth_effective_from"],
        effective_to=row["auth_effective_to"],
        servicing_npi=row["auth_servicing_npi"],
        source_kind=row["auth_source_kind"],
        source_id=row["auth_source_id"],
        source_record_id=_record_of_source(row["auth_source_kind"], row["auth_source_id"]),
        source_document=row["auth_source_document"],
    )


def _record_of_source(kind: str, source_id: str) -> str | None:
    """278 and referral authorizations are keyed `record id` or `record id#service`; CSV rows by number."""
    if kind == "csv":
        return None
    return source_id.partition("#")[0]


def _filters_text(flt: ReportFilter) -> dict[str, str | None]:
    return {
        "from": flt.date_from.isoformat() if flt.date_from else None,
        "to": flt.date_to.isoformat() if flt.date_to else None,
        "payer": flt.payer_id,
        "outcome": flt.outcome,
        "kind": flt.kind,
    }
