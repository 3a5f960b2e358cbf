"""278 (005010X217) transaction sets to referral records, one per patient event (2000E).

A request (BHT02 13) gives the referral as asked for: member (2010C/2010D), payer (2010A),
ordering provider (2010B), servicing provider (2010F, else 2010EA), diagnoses (HI), service
type and urgency (UM), dates (DTP), services (2000F SV1/SV2/SV3 with HSD quantities).
A response (BHT02 11) gives the same referral with its `decision` (HCR, AAA, certification
dates, HSD). Both carry the TRN trace numbers as `trace_numbers`, the extra field by which a
response is matched to its request (with the member id); that matching belongs to the store.
Referrals are held until SE, so a set-level error (SE count) reaches each of them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from parsers.context import ParseContext
from parsers.x12 import values
from parsers.x12.diagnostics import Diagnostic
from parsers.x12.engine import SegmentEvent
from parsers.x12.findings import finding_from_diagnostic
from parsers.x12.review_fields import (
    ICD9_QUALIFIERS,
    ICD10_QUALIFIERS,
    TRANSPORT_ENTITIES,
    Party,
    PatientEvent,
    ReviewParties,
    ServiceLine,
)
from parsers.x12.review_record import rejected_set, to_referral
from referrals.domain import Finding, Record, Severity

LEVEL_ROLES = {"20": "payer", "21": "requester", "22": "subscriber", "23": "dependent"}
LEVEL_FIELDS = {"20": "payer", "21": "ordering_provider", "22": "member", "23": "member"}
SEGMENT_FIELDS = {
    "HI": "diagnoses",
    "UM": "service_type",
    "HCR": "decision",
    "DTP": "requested_start_date",
    "NM1": "servicing_provider",
    "DMG": "member.dob",
}


class ReviewBuilder:
    """Reads one 278 transaction set; yields its referrals when the set ends (SE)."""

    def __init__(self, ctx: ParseContext, st_event: SegmentEvent) -> None:
        self.ctx, self.st_event = ctx, st_event
        self.parties = ReviewParties()
        self.events: list[PatientEvent] = []
        self.level: str | None = None
        self.party: Party | None = None  # the NM1 that N3/N4/PER/DMG belong to
        self.purpose: str | None = None
        if st_event.envelope.map_missing:
            self.parties.context_findings.append(_not_validated(st_event))
        self._handlers: dict[str, Callable[[SegmentEvent], None]] = {
            "BHT": self._bht,
            "HL": self._hl,
            "NM1": self._nm1,
            "N3": self._address,
            "N4": self._address,
            "PER": self._per,
            "DMG": self._dmg,
            "TRN": self._trn,
            "UM": self._um,
            "HCR": self._hcr,
            "AAA": self._aaa,
            "REF": self._ref,
            "DTP": self._dtp,
            "HI": self._hi,
            "HSD": self._hsd,
            "CR6": self._cr6,
            "SV1": self._sv1,
            "SV2": self._sv2,
            "SV3": self._sv3,
        }

    def on_segment(self, event: SegmentEvent) -> Iterator[Record]:
        handler = self._handlers.get(event.segment_id)
        if handler is not None:
            handler(event)
        self._attach(event.diagnostics, set_level=event.segment_id == "SE")
        if event.segment_id == "SE":
            yield from self.finish()

    def finish(self) -> Iterator[Record]:
        events, self.events = self.events, []
        if not events and self.parties.context_findings:
            yield rejected_set(self.ctx, self.st_event, self.parties.context_findings)
        for event in events:
            yield to_referral(self.ctx, self.st_event, self.parties, event, self.purpose)
        self.parties.context_findings = []

    # -- levels and parties -----------------------------------------------------------------

    def _bht(self, ev: SegmentEvent) -> None:
        self.purpose = ev.value("BHT02")

    def _hl(self, ev: SegmentEvent) -> None:
        self.level, self.party = ev.value("HL03"), None
        if self.level == "EV":
            self.events.append(PatientEvent(hl_event=ev, ordinal=len(self.events)))
        elif self.level == "SS" and self.events:
            self.events[-1].services.append(ServiceLine(hl_event=ev))
        elif self.level == "22":
            self.parties.dependent = None

    def _nm1(self, ev: SegmentEvent) -> None:
        party = self.party = Party.of(ev)
        role = LEVEL_ROLES.get(self.level or "")
        service = self._service()
        if role is not None:
            setattr(self.parties, role, party)
        elif self.level == "EV" and self.events and party.entity not in TRANSPORT_ENTITIES:
            self.events[-1].providers.append(party)
        elif service is not None:
            service.provider = service.provider or party
        else:
            self.party = None

    def _address(self, ev: SegmentEvent) -> None:
        if self.party is not None:
            self.party.take_address(ev)

    def _per(self, ev: SegmentEvent) -> None:
        if self.party is not None:
            self.party.take_contact(ev)

    def _dmg(self, ev: SegmentEvent) -> None:
        if self.party is not None:
            self.party.take_demographics(ev)

    # -- the patient event and its services ------------------------------------------------------

    def _event(self) -> PatientEvent | None:
        return self.events[-1] if self.events and self.level in ("EV", "SS") else None

    def _service(self) -> ServiceLine | None:
        event = self._event()
        return event.service if event is not None and self.level == "SS" else None

    def _trn(self, ev: SegmentEvent) -> None:
        event = self._event()
        if event is not None:
            kind = {"1": "current", "2": "referenced"}.get(ev.value("TRN01") or "", ev.value("TRN01"))
            event.trace_numbers.append(
                {"type": kind, "number": ev.value("TRN02"), "assigned_by": ev.value("TRN03"), "level": self.level}
            )

    def _um(self, ev: SegmentEvent) -> None:
        event = self._event()
        if event is None or self.level != "EV":
            return
        event.um_event = ev
        event.review.update(
            request_category=ev.value("UM01"),
            certification_type=ev.value("UM02"),
            service_type_code=ev.value("UM03"),
            facility_code=ev.value("UM04-1"),
            level_of_service=ev.value("UM06"),
        )

    def _hcr(self, ev: SegmentEvent) -> None:
        target = self._service() or self._event()
        if target is None:
            return
        target.action_code, target.certification_number = ev.value("HCR01"), ev.value("HCR02")
        if isinstance(target, PatientEvent):
            target.hcr_event = ev
        if ev.value("HCR03"):
            target.reason_codes.append(ev.value("HCR03") or "")

    def _aaa(self, ev: SegmentEvent) -> None:
        code = ev.value("AAA03")
        if code is None:
            return
        event = self._event()
        (event.reason_codes if event is not None else self.parties.rejections).append(code)

    def _ref(self, ev: SegmentEvent) -> None:
        event = self._event()
        if event is not None and self.level == "EV" and ev.value("REF01") in ("BB", "NT"):
            key = "previous_authorization" if ev.value("REF01") == "BB" else "administrative_reference"
            event.review[key] = ev.value("REF02")

    def _dtp(self, ev: SegmentEvent) -> None:
        qualifier, fmt, raw = ev.value("DTP01"), ev.value("DTP02"), ev.value("DTP03")
        start, end = values.period_start(fmt, raw), values.period_end(fmt, raw)
        service, event = self._service(), self._event()
        if service is not None and qualifier == "472":
            service.start = start
        elif event is not None and qualifier:
            event.dates[qualifier] = (start, end, ev)

    def _hi(self, ev: SegmentEvent) -> None:
        event = self._event()
        if event is not None:
            event.diagnosis_events.append(ev)

    def _hsd(self, ev: SegmentEvent) -> None:
        quantity = values.number(ev.value("HSD02"))
        service, event = self._service(), self._event()
        if service is not None:
            service.quantity = service.quantity if service.quantity is not None else quantity
            service.quantity_event = service.quantity_event or ev
        elif event is not None:
            event.quantity = quantity

    def _cr6(self, ev: SegmentEvent) -> None:
        event = self._event()
        if event is not None:
            event.home_health = True

    def _sv1(self, ev: SegmentEvent) -> None:
        self._procedure(ev, "SV101", ev.value("SV104"))

    def _sv2(self, ev: SegmentEvent) -> None:
        self._procedure(ev, "SV202", ev.value("SV205"))

    def _sv3(self, ev: SegmentEvent) -> None:
        self._procedure(ev, "SV301", ev.value("SV306"))

    def _procedure(self, ev: SegmentEvent, composite: str, units: str | None) -> None:
        service = self._service()
        if service is None:
            return
        service.code, service.code_event = ev.value(f"{composite}-2"), ev
        service.code_element = f"{composite}-2"
        service.modifiers = [m for m in (ev.value(f"{composite}-{i}") for i in range(3, 7)) if m]
        if units is not None:
            service.quantity, service.quantity_event = values.number(units), ev

    # -- diagnostics -----------------------------------------------------------------------------

    def _attach(self, diagnostics: list[Diagnostic], set_level: bool) -> None:
        for diag in diagnostics:
            finding = finding_from_diagnostic(diag, self._field_for(diag))
            event = self._event()
            if set_level:
                for each in self.events:
                    each.findings.append(finding)
                self.parties.context_findings.append(finding)
            elif event is not None:
                event.findings.append(finding)
            else:
                self.parties.context_findings.append(finding)

    def _field_for(self, diag: Diagnostic) -> str | None:
        if diag.level not in ("seg", "ele"):
            return None
        if self.level in LEVEL_FIELDS:
            return LEVEL_FIELDS[self.level]
        event = self._event()
        if event is not None and self.level == "SS" and diag.segment_id in ("SV1", "SV2", "SV3", "HSD"):
            return f"services[{len(event.services) - 1}]"  # 2000F index (services without a code are skipped)
        return SEGMENT_FIELDS.get(diag.segment_id or "")


def diagnosis_findings(ev: SegmentEvent, position: int, qualifier: str) -> Finding | None:
    """A finding for a diagnosis the record cannot hold (ICD-9, or not ICD-10-CM shaped)."""
    if qualifier in ICD9_QUALIFIERS:
        text = (
            "is an ICD-9 code; reviews for services since 2015-10-01 need ICD-10-CM codes; ask the requester to recode"
        )
        code = "diagnosis_icd9"
    elif qualifier in ICD10_QUALIFIERS:
        text, code = "is not an ICD-10-CM code; ask the requester for the correct code", "icd10_format"
    else:
        return None
    return Finding(
        field="diagnoses",
        code=code,
        severity=Severity.ERROR,
        message=f"Diagnosis HI{position:02d} (line {ev.line}) {text}.",
        loop_id=ev.loop_id,
        segment="HI",
        segment_ordinal=ev.ordinal,
        line=ev.line,
        element=f"HI{position:02d}-2",
    )


def _not_validated(st_event: SegmentEvent) -> Finding:
    return Finding(
        field=None,
        code="x12_not_validated",
        severity=Severity.WARNING,
        message=(
            f"This 278 ({st_event.envelope.vriic}) was read without its implementation-guide map, "
            "so its structure was not checked; review the referral against the file."
        ),
        segment="ST",
        line=st_event.line,
    )


def review_builder(ctx: ParseContext, st_event: SegmentEvent) -> ReviewBuilder:
    return ReviewBuilder(ctx, st_event)
