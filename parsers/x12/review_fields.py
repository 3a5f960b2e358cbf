"""What a 278 walk collects before it becomes a referral: parties, the event, its services.

Places are known by the HL level code (HL03: 20 UMO, 21 requester, 22 subscriber, 23
dependent, EV patient event, SS service) and the NM1 entity code, not by loop ids, so a
278 walked without a map still reads the same.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from parsers.x12 import values
from parsers.x12.engine import SegmentEvent
from parsers.x12.party import NamedParty
from referrals.domain import Address, Finding

TRANSPORT_ENTITIES = {"45", "FS", "ND", "PW", "R3"}
SERVICING_ENTITIES = ("SJ", "FA", "77", "1T", "QV", "G3")
ICD10_QUALIFIERS = {"ABK", "ABF", "ABJ", "APR", "ABN"}
ICD9_QUALIFIERS = {"BK", "BF", "BJ", "PR", "BN"}
# UM03 service type codes (X12 1365) that say which desk handles the referral.
SERVICE_TYPE_GROUPS = {
    "12": "dme",
    "18": "dme",
    "DM": "dme",
    "42": "home_health",
    "44": "home_health",
    "43": "home_health",
    "A8": "home_health",
}
DECISIONS = {
    "A1": "certified",
    "A2": "modified",
    "A3": "denied",
    "A4": "pended",
    "A6": "modified",
    "C": "cancelled",
    "CT": "pended",
}


@dataclass
class Party(NamedParty):
    """One NM1 with the N3/N4/PER/DMG that follow it."""

    address: Address | None = None
    phone: str | None = None
    fax: str | None = None
    dob: dt.date | None = None
    sex: str | None = None
    dmg_event: SegmentEvent | None = None

    def take_address(self, ev: SegmentEvent) -> None:
        address = self.address or Address()
        if ev.segment_id == "N3":
            address.line1, address.line2 = ev.value("N301"), ev.value("N302")
        else:
            address.city, address.state, address.zip = (
                ev.value("N401"),
                values.state_code(ev.value("N402")),
                values.zip_code(ev.value("N403")),
            )
        self.address = address

    def take_contact(self, ev: SegmentEvent) -> None:
        for qualifier_ref, number_ref in (("PER03", "PER04"), ("PER05", "PER06"), ("PER07", "PER08")):
            qualifier, number = ev.value(qualifier_ref), ev.value(number_ref)
            if qualifier == "TE" and self.phone is None:
                self.phone = number
            elif qualifier == "FX" and self.fax is None:
                self.fax = number

    def take_demographics(self, ev: SegmentEvent) -> None:
        if ev.value("DMG01") == "D8":
            self.dob, self.sex, self.dmg_event = values.x12_date(ev.value("DMG02")), values.sex(ev.value("DMG03")), ev


@dataclass
class ServiceLine:
    """One 2000F service level."""

    hl_event: SegmentEvent
    code: str | None = None
    code_event: SegmentEvent | None = None
    code_element: str = ""
    modifiers: list[str] = field(default_factory=list)
    quantity: float | None = None
    quantity_event: SegmentEvent | None = None
    start: dt.date | None = None
    provider: Party | None = None
    action_code: str | None = None
    certification_number: str | None = None
    reason_codes: list[str] = field(default_factory=list)


@dataclass
class PatientEvent:
    """One 2000E patient event: what becomes one referral."""

    hl_event: SegmentEvent
    ordinal: int
    trace_numbers: list[dict[str, str | None]] = field(default_factory=list)
    review: dict[str, str | None] = field(default_factory=dict)
    um_event: SegmentEvent | None = None
    dates: dict[str, tuple[dt.date | None, dt.date | None, SegmentEvent]] = field(default_factory=dict)
    diagnosis_events: list[SegmentEvent] = field(default_factory=list)
    quantity: float | None = None
    home_health: bool = False
    providers: list[Party] = field(default_factory=list)
    services: list[ServiceLine] = field(default_factory=list)
    action_code: str | None = None
    certification_number: str | None = None
    hcr_event: SegmentEvent | None = None
    reason_codes: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    @property
    def service(self) -> ServiceLine | None:
        return self.services[-1] if self.services else None


@dataclass
class ReviewParties:
    """The levels above the patient events of one 278 transaction set."""

    payer: Party | None = None
    requester: Party | None = None
    subscriber: Party | None = None
    dependent: Party | None = None
    rejections: list[str] = field(default_factory=list)  # AAA03 above the event level
    context_findings: list[Finding] = field(default_factory=list)
