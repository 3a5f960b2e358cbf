"""Storing a run's outcomes incrementally: only lines whose outcome changed are written.

Each stored result has a `signature` (outcome, authorization, discrepancy kinds, money at risk);
a re-run compares against it and writes only what changed, saying how (`change`): `new`,
`newly_matched` (was unmatched, now matches an authorization), `new_discrepancy` (was clean),
`resolved` (had discrepancies, now clean) or `changed`.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlmodel import Session

from referrals.reconcile.bulk import upsert_rows
from referrals.reconcile.model import ZERO, DiscrepancyKind, LineOutcome, MatchKind, Outcome
from referrals.reconcile.persist import CENTS, PreviousOutcome
from referrals.reconcile.tables import LineResultRow

FLUSH_EVERY = 5000


_KIND_LETTER = {kind: chr(ord("a") + i) for i, kind in enumerate(DiscrepancyKind)}


def signature_of(result: LineOutcome) -> str:
    """A short text that changes whenever what the report shows for the line changes."""
    auth_id = result.authorization.id if result.authorization else ""
    kinds = "".join(_KIND_LETTER[d.kind] for d in result.discrepancies)
    return f"{result.match.value[0]}{auth_id}|{kinds}|{result.amount_at_risk}|{result.units_billed_before:g}"


def change_of(result: LineOutcome, previous: PreviousOutcome | None) -> str:
    if previous is None:
        return "new"
    if previous.match_kind == MatchKind.NONE.value and result.match is not MatchKind.NONE:
        return "newly_matched"
    was_clean = previous.outcome != Outcome.DISCREPANCY.value
    if was_clean and result.outcome is Outcome.DISCREPANCY:
        return "new_discrepancy"
    if not was_clean and result.outcome is not Outcome.DISCREPANCY:
        return "resolved"
    return "changed"


@dataclass
class ResultWriter:
    """Collects changed outcomes and upserts them in batches; counts what it saw."""

    session: Session
    run_id: int
    now: dt.datetime
    pending: list[tuple[Any, ...]] = field(default_factory=list)
    seen: int = 0
    at_risk: Decimal = ZERO
    changes: dict[str, int] = field(default_factory=dict)

    def add(self, result: LineOutcome, previous: PreviousOutcome | None) -> None:
        """Count the outcome; queue it for writing when it differs from what was stored."""
        self.seen += 1
        if result.discrepancies:
            self.at_risk += result.amount_at_risk
        signature = signature_of(result)
        if previous is not None and previous.signature == signature:
            return
        change = change_of(result, previous)
        self.changes[change] = self.changes.get(change, 0) + 1
        self.pending.append(self._row(result, signature, change, previous))
        if len(self.pending) >= FLUSH_EVERY:
            self.flush()

    def flush(self) -> None:
        if self.pending:
            table = LineResultRow.__table__  # type: ignore[attr-defined]
            upsert_rows(self.session, table, RESULT_COLUMNS, self.pending, ("claim_record_id", "line_index"))
            self.pending = []

    def _row(
        self, result: LineOutcome, signature: str, change: str, previous: PreviousOutcome | None
    ) -> tuple[Any, ...]:
        """One result row, in `RESULT_COLUMNS` order."""
        auth, found = result.authorization, result.discrepancies
        return (
            result.line.claim_record_id,
            result.line.line_index,
            result.outcome.value,
            result.match.value,
            auth.id if auth else None,
            auth.number if auth else None,
            result.match_reason,
            " ".join(d.kind.value for d in found),
            _discrepancies_json(result) if found else "[]",
            int(result.amount_at_risk * CENTS),
            result.units_billed_before,
            signature,
            change,
            previous.outcome if previous else None,
            previous.first_seen_at if previous else self.now,
            self.now,
            self.run_id,
        )


RESULT_COLUMNS = (
    "claim_record_id",
    "line_index",
    "outcome",
    "match_kind",
    "authorization_id",
    "authorization_number",
    "match_reason",
    "kinds",
    "discrepancies",
    "at_risk_cents",
    "units_billed_before",
    "signature",
    "change",
    "previous_outcome",
    "first_seen_at",
    "updated_at",
    "run_id",
)


def _discrepancies_json(result: LineOutcome) -> str:
    return json.dumps(
        [
            {"kind": d.kind.value, "message": d.message, "amount_at_risk": f"{d.amount_at_risk:.2f}"}
            for d in result.discrepancies
        ]
    )
