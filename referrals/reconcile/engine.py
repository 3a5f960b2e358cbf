"""The matching engine: pure, streaming, no I/O.

`Reconciler(authorizations).run(lines)` takes claim lines in billing order (`billing_order`:
service date, then receipt, then claim and line) and yields one `LineOutcome` per line. Memory
is bounded by the authorizations and the per-authorization unit counters, not by the lines:
lines stream through. Units are exhausted in billing order, so the line that first goes over
an authorization's quantity is the one flagged, and every earlier claim against the same
authorization counts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from referrals.reconcile import checks
from referrals.reconcile.model import (
    Authorization,
    BilledLine,
    Discrepancy,
    DiscrepancyKind,
    LineOutcome,
    MatchKind,
)

_FAR_PAST = dt.date.min
_EPOCH = dt.datetime.min.replace(tzinfo=dt.UTC)


def billing_order(line: BilledLine) -> tuple[dt.date, dt.datetime, str, int]:
    """The order lines are billed in: by service date, then when the claim arrived."""
    received = line.received_at or _EPOCH
    if received.tzinfo is None:
        received = received.replace(tzinfo=dt.UTC)
    return (line.service_date or _FAR_PAST, received, line.claim_record_id, line.line_index)


def normalize_number(number: str | None) -> str | None:
    """Authorization numbers compare without case, spaces or dashes (payers print them either way)."""
    if number is None:
        return None
    if number.isalnum():  # the common case, without the character-by-character pass
        return number.upper()
    cleaned = "".join(ch for ch in number.upper() if ch.isalnum())
    return cleaned or None


# CLM05-3 7 (replacement) and 8 (void) resubmit an earlier claim under its claim id: not a
# duplicate, and its units were already counted with the original (a replacement that changes the
# units is not re-counted: a known simplification).
RESUBMISSION_CODES = ("7", "8")


@dataclass
class AuthorizationIndex:
    """Authorizations by number, and by member + code for suggested matches."""

    by_number: dict[str, list[Authorization]] = field(default_factory=dict)
    by_member_code: dict[tuple[str, str], list[Authorization]] = field(default_factory=dict)
    by_member_any_code: dict[str, list[Authorization]] = field(default_factory=dict)

    @classmethod
    def of(cls, authorizations: Iterable[Authorization]) -> AuthorizationIndex:
        index = cls()
        for authorization in authorizations:
            index.add(authorization)
        return index

    def add(self, authorization: Authorization) -> None:
        number = normalize_number(authorization.number)
        if number is not None:
            self.by_number.setdefault(number, []).append(authorization)
        member = authorization.member_id
        if member is None:
            return
        if not authorization.service_codes:
            self.by_member_any_code.setdefault(member, []).append(authorization)
        for code in authorization.service_codes:
            self.by_member_code.setdefault((member, code), []).append(authorization)

    def for_number(self, number: str | None) -> list[Authorization]:
        key = normalize_number(number)
        return self.by_number.get(key, []) if key is not None else []

    def for_member_code(self, member: str | None, code: str) -> list[Authorization]:
        if member is None:
            return []
        coded = self.by_member_code.get((member, code), [])
        if not self.by_member_any_code:
            return coded
        return coded + self.by_member_any_code.get(member, [])


@dataclass
class _Ledger:
    """What the run has seen so far: units billed per authorization, claims and services billed."""

    units_used: dict[int, float] = field(default_factory=dict)  # by id(): one object per authorization
    claim_owner: dict[str, str] = field(default_factory=dict)  # claim id -> first claim record
    service_owner: dict[tuple[str, str, tuple[str, ...], dt.date], str] = field(default_factory=dict)

    def units_before(self, authorization: Authorization) -> float:
        return self.units_used.get(id(authorization), 0.0)

    def consume(self, authorization: Authorization, units: float) -> None:
        key = id(authorization)
        self.units_used[key] = self.units_used.get(key, 0.0) + units


class Reconciler:
    """One reconciliation run over a fixed set of authorizations."""

    def __init__(self, authorizations: Iterable[Authorization]) -> None:
        self.index = AuthorizationIndex.of(authorizations)
        self.ledger = _Ledger()

    def run(self, lines: Iterable[BilledLine]) -> Iterator[LineOutcome]:
        """Outcomes in the order given; give lines in `billing_order` for unit exhaustion to be right."""
        for line in lines:
            yield self.reconcile_line(line)

    def reconcile_line(self, line: BilledLine) -> LineOutcome:
        resubmission = line.frequency_code in RESUBMISSION_CODES
        duplicate = None if resubmission else self._duplicate(line)
        match, authorization, reason, lookup = self._match(line)
        found = [*lookup, *([duplicate] if duplicate else [])]
        before = 0.0
        counts_units = duplicate is None and not resubmission
        if authorization is not None:
            before = self.ledger.units_before(authorization)
            found.extend(checks.against_authorization(line, authorization, before, counts_units=counts_units))
            if counts_units:
                self.ledger.consume(authorization, line.units)
        return LineOutcome(line, match, authorization, reason, tuple(found), before)

    # -- matching ----------------------------------------------------------------------------

    def _match(self, line: BilledLine) -> tuple[MatchKind, Authorization | None, str, list[Discrepancy]]:
        if line.prior_authorization is not None:
            by_number = checks.best_by_number(line, self.index.for_number(line.prior_authorization))
            if by_number is not None:
                return MatchKind.BY_NUMBER, by_number, checks.number_reason(line, by_number), []
        suggestion = self._suggest(line)
        missing = checks.number_not_on_file(line) if line.prior_authorization is not None else None
        if suggestion is not None:
            reason = checks.suggestion_reason(line, suggestion)
            return MatchKind.SUGGESTED, suggestion, reason, [missing] if missing else []
        return MatchKind.NONE, None, "", [missing or checks.no_authorization(line, self._near_misses(line))]

    def _suggest(self, line: BilledLine) -> Authorization | None:
        candidates = [
            a
            for a in self.index.for_member_code(line.member_id, line.code)
            if a.covers_date(line.service_date) and a.covers_payer(line.payer_id)
        ]
        if len(candidates) <= 1:
            return candidates[0] if candidates else None
        return max(candidates, key=lambda a: checks.suggestion_rank(a, self.ledger.units_before(a), line))

    def _near_misses(self, line: BilledLine) -> int:
        return len(self.index.for_member_code(line.member_id, line.code))

    # -- duplicates ----------------------------------------------------------------------------

    def _duplicate(self, line: BilledLine) -> Discrepancy | None:
        by_claim = self._duplicate_claim_id(line)
        by_service = self._duplicate_service(line)
        return by_claim or by_service

    def _duplicate_claim_id(self, line: BilledLine) -> Discrepancy | None:
        if line.claim_id is None:
            return None
        owner = self.ledger.claim_owner.setdefault(line.claim_id, line.claim_record_id)
        if owner == line.claim_record_id:
            return None
        return Discrepancy(
            DiscrepancyKind.DUPLICATE_CLAIM,
            f"Claim {line.claim_id} was already billed in another 837 (record {owner}); "
            "void one of them before it goes out.",
            line.charge,
        )

    def _duplicate_service(self, line: BilledLine) -> Discrepancy | None:
        if line.member_id is None or line.service_date is None:
            return None
        key = (line.member_id, line.code, line.modifiers, line.service_date)
        owner = self.ledger.service_owner.setdefault(key, line.line_key)
        if owner == line.line_key:
            return None
        return Discrepancy(
            DiscrepancyKind.DUPLICATE_CLAIM,
            f"{line.code} on {line.service_date.isoformat()} for this member is already "
            f"billed (line {owner}); remove the repeat or add a modifier that says why.",
            line.charge,
        )
