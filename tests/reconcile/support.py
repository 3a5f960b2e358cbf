"""Scenario helpers: generated X12 -> the real parsers -> reconciliation -> report lines by claim.

Authorizations come from generated 278 responses through the real 278 parser (`source="x278"`)
or from the same specs written as CSV through `intake authorizations import`'s reader
(`source="csv"`). Claims always come from generated 837Ps through the real 837 parser.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from types import ModuleType

from sqlmodel import Session

from ingest.parse import records_of_file
from referrals.domain import Claim, Record, Referral
from referrals.reconcile.csv_import import read_authorizations_csv
from referrals.reconcile.persist import save_authorizations
from referrals.reconcile.report import Report, ReportFilter, ReportLine, build_report
from referrals.reconcile.run import RunSummary, reconcile_stored, take_records
from validators import ValidationContext

GENERATOR_PATH = Path(__file__).resolve().parents[1] / "fixtures" / "x12" / "generate_billing.py"


def _load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("generate_billing", GENERATOR_PATH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["generate_billing"] = module
    spec.loader.exec_module(module)
    return module


gen = _load_generator()
NOV = dt.date(2026, 11, 1)
SERVICING_NPI = "1245319599"
OTHER_NPI = gen.npi_with_check_digit("198765432")


def day(n: int) -> dt.date:
    return NOV + dt.timedelta(days=n - 1)


def line(code: str = "E0601", units: float = 1, on: int = 2, charge: str = "100.00", **kw: object) -> object:
    return gen.LineSpec(code=code, charge=Decimal(charge), units=units, service_date=day(on), **kw)


def claim(claim_id: str, *lines: object, member: str = "W100", **kw: object) -> object:
    return gen.ClaimSpec(claim_id=claim_id, member_id=member, lines=tuple(lines), **kw)


def auth(
    number: str | None,
    member: str = "W100",
    codes: Sequence[str] = ("E0601",),
    quantity: float = 10,
    start: int = 1,
    end: int = 30,
    **kw: object,
) -> object:
    return gen.AuthSpec(
        number=number,
        member_id=member,
        codes=tuple(codes),
        quantity=quantity,
        effective_from=day(start),
        effective_to=day(end),
        **kw,
    )


def parse_text(tmp_path: Path, name: str, text: str) -> list[Record]:
    path = tmp_path / name
    path.write_text(text, encoding="ascii")
    return list(records_of_file(path, ValidationContext(today=dt.date(2026, 11, 25))))


def parse_278(tmp_path: Path, name: str, auths: list[object], control: int = 900) -> list[Referral]:
    records = parse_text(tmp_path, name, gen.responses_278(auths, control=control))
    return [r for r in records if isinstance(r, Referral)]


def parse_837(tmp_path: Path, name: str, claims: list[object], control: int = 1) -> list[Claim]:
    records = parse_text(tmp_path, name, gen.claims_837p(claims, control=control))
    return [r for r in records if isinstance(r, Claim)]


@dataclass
class Billing:
    """One database, fed file by file like the service would be, reconciled on demand."""

    session: Session
    tmp_path: Path
    source: str  # "x278" | "csv"
    files: int = 0
    runs: list[RunSummary] = field(default_factory=list)

    def authorizations(self, *auths: object) -> None:
        self.files += 1
        if self.source == "csv":
            path = self.tmp_path / f"auths-{self.files}.csv"
            path.write_text(gen.authorizations_csv(list(auths)), encoding="utf-8")
            parsed = read_authorizations_csv(path)
            assert not parsed.problems, parsed.problems
            save_authorizations(self.session, parsed.authorizations)
            return
        referrals = parse_278(self.tmp_path, f"resp-{self.files}.x12", list(auths), control=900 + self.files)
        assert len(referrals) == len(auths), "the 278 parser gave a referral per patient event"
        take_records(self.session, referrals)

    def claims(self, *claims: object) -> list[Claim]:
        self.files += 1
        parsed = parse_837(self.tmp_path, f"claims-{self.files}.x12", list(claims), control=self.files)
        assert len(parsed) == len(claims)
        take_records(self.session, parsed)
        return parsed

    def reconcile(self, flt: ReportFilter | None = None) -> Report:
        self.runs.append(reconcile_stored(self.session))
        self.session.flush()
        return build_report(self.session, flt or ReportFilter())

    def lines(self, flt: ReportFilter | None = None) -> dict[tuple[str, int], ReportLine]:
        """Report lines by (claim id, line number from 1)."""
        report = self.reconcile(flt)
        return {(ln.claim_id or "", ln.line_index + 1): ln for ln in report.lines}


def kinds(report_line: ReportLine) -> set[str]:
    return {d.kind for d in report_line.discrepancies}
