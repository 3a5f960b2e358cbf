"""The reconciliation pipeline: take in records, match every billed line, store what changed.

    with session_scope(engine) as session:
        take_records(session, records)        # claims -> billed lines, 278s/referrals -> authorizations
        summary = reconcile_stored(session)   # every line against every authorization; changes stored

A run always recomputes every line (unit exhaustion depends on every claim billed against an
authorization, in billing order) but writes only the lines whose outcome changed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from sqlmodel import Session

from referrals.domain import Claim, Record, Referral
from referrals.reconcile.engine import Reconciler
from referrals.reconcile.model import Authorization, BilledLine
from referrals.reconcile.persist import (
    CENTS,
    drop_lines_beyond,
    lines_in_billing_order,
    load_authorizations,
    save_authorizations,
    save_billed_lines,
    utcnow,
)
from referrals.reconcile.results import ResultWriter
from referrals.reconcile.sources import authorizations_of_referral, billed_lines_of_claim
from referrals.reconcile.tables import RunRow


@dataclass(frozen=True)
class TakenRecords:
    claims: int
    lines: int
    authorizations: int


@dataclass
class RunSummary:
    run_id: int
    lines: int
    at_risk: Decimal
    changes: dict[str, int] = field(default_factory=dict)

    @property
    def changed(self) -> int:
        return sum(self.changes.values())


def take_records(session: Session, records: Iterable[Record]) -> TakenRecords:
    """Store the billed lines of claims and the authorizations of referrals (others are ignored).

    A claim read again (corrected by intake) replaces its lines; lines it no longer has are
    dropped with their results.
    """
    lines: list[BilledLine] = []
    authorizations: list[Authorization] = []
    line_counts: list[tuple[str, int]] = []
    for record in records:
        if isinstance(record, Claim):
            line_counts.append((record.id, len(record.lines)))
            lines.extend(billed_lines_of_claim(record))
        elif isinstance(record, Referral):
            authorizations.extend(authorizations_of_referral(record))
    drop_lines_beyond(session, line_counts)
    return TakenRecords(
        len(line_counts), save_billed_lines(session, lines), save_authorizations(session, authorizations)
    )


def reconcile_stored(session: Session) -> RunSummary:
    """Match every stored billed line against the stored authorizations; store the changes."""
    run = _start_run(session)
    assert run.id is not None
    writer = ResultWriter(session, run.id, utcnow())
    reconciler = Reconciler(load_authorizations(session))
    for line, previous in lines_in_billing_order(session):
        writer.add(reconciler.reconcile_line(line), previous)
    writer.flush()
    return _finish_run(session, run, writer)


def _start_run(session: Session) -> RunRow:
    run = RunRow(started_at=utcnow())
    session.add(run)
    session.flush()
    return run


def _finish_run(session: Session, run: RunRow, writer: ResultWriter) -> RunSummary:
    run.finished_at = utcnow()
    run.lines = writer.seen
    run.changed = sum(writer.changes.values())
    run.newly_matched = writer.changes.get("newly_matched", 0)
    run.at_risk_cents = int(writer.at_risk * CENTS)
    session.add(run)
    session.flush()
    assert run.id is not None
    return RunSummary(run.id, writer.seen, writer.at_risk, dict(writer.changes))
