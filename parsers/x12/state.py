"""What an 837 walk knows outside the claim: the parties of the HL hierarchy above it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from parsers.x12 import values
from parsers.x12.engine import SegmentEvent
from parsers.x12.party import NamedParty
from referrals.domain import (
    Address,
    Claim,
    Finding,
    Member,
    NamedProvider,
    Payer,
    Provenance,
    SourceKind,
)

HL_LEVELS = {"20": 1, "22": 2, "23": 3}  # 0 is the header (1000A/1000B); billing, subscriber, patient


@dataclass
class Party(NamedParty):
    """An 837 party with the N3/N4 and DMG that follow its NM1."""

    address_line1: str | None = None
    address_line2: str | None = None
    city: str | None = None
    state: str | None = None
    zip: str | None = None
    dob: dt.date | None = None
    dob_raw: str | None = None
    sex: str | None = None
    dmg_event: SegmentEvent | None = None

    def address(self) -> Address | None:
        parts = (self.address_line1, self.city, self.state, self.zip)
        if not any(parts):
            return None
        return Address(
            line1=self.address_line1,
            line2=self.address_line2,
            city=self.city,
            state=values.state_code(self.state),
            zip=self.zip,
        )

    def provenance(self, element: str, event: SegmentEvent | None = None) -> Provenance:
        return (event or self.event).provenance(element)


@dataclass
class ClaimState:
    billing: Party | None = None
    subscriber: Party | None = None
    payer: Party | None = None
    patient: Party | None = None
    level: int = 0
    findings_by_level: list[list[Finding]] = field(default_factory=lambda: [[], [], [], []])
    line_open: bool = False
    claim_service_date: dt.date | None = None
    icd9_reported: bool = False
    relationship: str | None = None  # SBR02 of the subscriber loop
    frequency_code: str | None = None  # CLM05-3 of the open claim
    has_payer_claim_number: bool = False

    @property
    def context_findings(self) -> list[Finding]:
        return self.findings_by_level[self.level]

    def on_hl(self, level_code: str | None) -> None:
        self.level = HL_LEVELS.get(level_code or "", 3)
        for deeper in range(self.level, 4):
            self.findings_by_level[deeper] = []
        if self.level <= 1:
            self.billing = None
        if self.level <= 2:
            self.subscriber, self.payer, self.relationship = None, None, None
        self.patient = None

    def party_for_loop(self, loop_id: str | None) -> Party | None:
        loop = (loop_id or "")[:6]
        return {"2010AA": self.billing, "2010BA": self.subscriber, "2010BB": self.payer, "2010CA": self.patient}.get(
            loop
        )

    def start_claim(self, claim: Claim, kind: SourceKind) -> None:
        self.line_open, self.claim_service_date, self.icd9_reported = False, None, False
        self.frequency_code, self.has_payer_claim_number = None, False

    def finish_claim(self, claim: Claim) -> None:
        """Fill the claim's parties from the hierarchy above it and copy that level's findings."""
        self._fill_member(claim)
        if self.payer is not None:
            claim.payer = Payer(name=self.payer.last_or_org, payer_id=self.payer.identifier)
            claim.provenance["payer.payer_id"] = self.payer.provenance("NM109")
        if self.billing is not None:
            claim.billing_provider = NamedProvider(name=self.billing.display_name, npi=self.billing.npi)
            claim.provenance["billing_provider.npi"] = self.billing.provenance("NM109")
            shape = self.billing.npi_shape_finding("billing_provider.npi", "billing provider")
            if shape is not None:
                claim.findings.append(shape)
        for line in claim.lines:
            if line.service_date is None:
                line.service_date = self.claim_service_date
        context = [f for level in self.findings_by_level[: self.level + 1] for f in level]
        claim.findings = [*context, *claim.findings]

    def _fill_member(self, claim: Claim) -> None:
        person = self.patient or self.subscriber
        if person is None:
            return
        member_id = self.subscriber.identifier if self.subscriber is not None else None
        claim.member = Member(
            first_name=person.first,
            last_name=person.last_or_org,
            dob=person.dob,
            sex=person.sex,
            member_id=member_id,
            address=person.address(),
        )
        if self.subscriber is not None:
            claim.provenance["member.member_id"] = self.subscriber.provenance("NM109")
        if person.dmg_event is not None:
            claim.provenance["member.dob"] = person.provenance("DMG02", person.dmg_event)
