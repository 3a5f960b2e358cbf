"""What billing reconciliation works on and what it says: authorizations, billed lines, outcomes.

Plain frozen dataclasses (slots) so the matching engine stays pure and cheap for 100,000 lines:
`Authorization` (one authorization on file, with its source), `BilledLine` (one 837 claim line,
flattened with what it needs from its claim), `LineOutcome` (the verdict for one line, with
every `Discrepancy` and the money each puts at risk).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

ZERO = Decimal("0.00")


class AuthorizationStatus(StrEnum):
    CERTIFIED = "certified"
    MODIFIED = "modified"
    DENIED = "denied"
    PENDED = "pended"
    CANCELLED = "cancelled"

    @property
    def is_active(self) -> bool:
        return self in (AuthorizationStatus.CERTIFIED, AuthorizationStatus.MODIFIED)


class AuthorizationSourceKind(StrEnum):
    X12_278 = "x12_278"  # a 278 response's decision
    REFERRAL = "referral"  # a released referral with the authorization number intake entered
    CSV = "csv"  # `intake authorizations import FILE`


@dataclass(frozen=True, slots=True)
class Authorization:
    """One authorization on file; (source kind, source id, number) is unique in the store, so
    re-reading a 278 or re-importing a CSV replaces it, never doubles it."""

    number: str | None
    member_id: str | None
    payer_id: str | None
    service_codes: frozenset[str]
    authorized_quantity: float | None
    effective_from: dt.date | None
    effective_to: dt.date | None
    servicing_npi: str | None
    status: AuthorizationStatus
    source_kind: AuthorizationSourceKind
    source_id: str  # record id (278 / referral) or `file-sha256:row` (CSV)
    source_document: str | None = None  # sha256 of the file it came from
    recorded_at: dt.datetime | None = None
    id: int | None = None  # the store's row id, once stored

    def covers_date(self, day: dt.date | None) -> bool:
        if day is None:
            return True
        if self.effective_from is not None and day < self.effective_from:
            return False
        return not (self.effective_to is not None and day > self.effective_to)

    def covers_payer(self, payer_id: str | None) -> bool:
        """Another payer's authorization never covers a claim (unknown on either side: no objection)."""
        return self.payer_id is None or payer_id is None or self.payer_id == payer_id

    def covers_code(self, code: str) -> bool:
        """An authorization that names no codes (a CSV row left blank) does not restrict them."""
        return not self.service_codes or code in self.service_codes


@dataclass(frozen=True, slots=True)
class BilledLine:
    """One claim line with its claim's context; `line_key` is unique and stable across runs."""

    claim_record_id: str
    line_index: int
    claim_id: str | None
    member_id: str | None
    payer_id: str | None
    code: str
    modifiers: tuple[str, ...]
    charge: Decimal
    units: float
    service_date: dt.date | None
    prior_authorization: str | None  # the line's REF*G1, else the claim's
    billing_npi: str | None
    rendering_npi: str | None  # the line's rendering provider, else the claim's
    source_document: str | None = None
    received_at: dt.datetime | None = None
    authorization_on_line: bool = False  # REF*G1 came from the line (2400), not the claim (2300)
    frequency_code: str | None = None  # the claim's CLM05-3: 1 original, 7 replacement, 8 void

    @property
    def line_key(self) -> str:
        return f"{self.claim_record_id}:{self.line_index}"


class MatchKind(StrEnum):
    BY_NUMBER = "by_number"  # the claim's REF*G1 names the authorization
    SUGGESTED = "suggested"  # no usable number: member id + service code + date window
    NONE = "none"


class DiscrepancyKind(StrEnum):
    NO_AUTHORIZATION = "no_authorization"
    OUTSIDE_WINDOW = "service_date_outside_window"
    UNITS_OVER = "units_over_authorized"
    CODE_NOT_AUTHORIZED = "service_code_not_authorized"
    MEMBER_MISMATCH = "member_mismatch"
    PROVIDER_MISMATCH = "provider_not_authorized"
    DUPLICATE_CLAIM = "duplicate_claim"
    AUTHORIZATION_DENIED = "authorization_denied"
    AUTHORIZATION_PENDED = "authorization_pended"


@dataclass(frozen=True, slots=True)
class Discrepancy:
    kind: DiscrepancyKind
    message: str  # a sentence a biller can act on; ids and codes only, never patient data
    amount_at_risk: Decimal


class Outcome(StrEnum):
    MATCHED = "matched"  # matched and no discrepancy
    SUGGESTED = "suggested"  # suggested match and no discrepancy
    DISCREPANCY = "discrepancy"


@dataclass(frozen=True, slots=True)
class LineOutcome:
    line: BilledLine
    match: MatchKind
    authorization: Authorization | None
    match_reason: str
    discrepancies: tuple[Discrepancy, ...] = ()
    units_billed_before: float = 0.0  # units of earlier lines against the same authorization

    @property
    def outcome(self) -> Outcome:
        if self.discrepancies:
            return Outcome.DISCREPANCY
        return Outcome.MATCHED if self.match is MatchKind.BY_NUMBER else Outcome.SUGGESTED

    @property
    def amount_at_risk(self) -> Decimal:
        """The most any one discrepancy puts at risk: a line's charge is never counted twice."""
        return max((d.amount_at_risk for d in self.discrepancies), default=ZERO)


@dataclass
class Totals:
    lines: int = 0
    matched: int = 0
    suggested: int = 0
    with_discrepancies: int = 0
    charge: Decimal = ZERO
    at_risk: Decimal = ZERO
    at_risk_by_kind: dict[str, Decimal] = field(default_factory=dict)
    lines_by_kind: dict[str, int] = field(default_factory=dict)

    def add(self, result: LineOutcome) -> None:
        self.lines += 1
        self.charge += result.line.charge
        self.at_risk += result.amount_at_risk
        outcome = result.outcome
        self.matched += outcome is Outcome.MATCHED
        self.suggested += outcome is Outcome.SUGGESTED
        self.with_discrepancies += outcome is Outcome.DISCREPANCY
        for discrepancy in result.discrepancies:
            kind = discrepancy.kind.value
            self.at_risk_by_kind[kind] = self.at_risk_by_kind.get(kind, ZERO) + discrepancy.amount_at_risk
            self.lines_by_kind[kind] = self.lines_by_kind.get(kind, 0) + 1
