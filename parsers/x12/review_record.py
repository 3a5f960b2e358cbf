"""A collected 278 patient event as a `Referral` record (fields, provenance, findings)."""

from __future__ import annotations

from typing import Any

from parsers.base import rejected_document
from parsers.context import ParseContext
from parsers.x12 import values
from parsers.x12.engine import SegmentEvent
from parsers.x12.review_fields import (
    DECISIONS,
    ICD10_QUALIFIERS,
    SERVICE_TYPE_GROUPS,
    SERVICING_ENTITIES,
    Party,
    PatientEvent,
    ReviewParties,
    ServiceLine,
)
from referrals.domain import (
    Decision,
    Finding,
    Member,
    NamedProvider,
    OrderingProvider,
    Payer,
    Record,
    Referral,
    Service,
    ServiceType,
    Severity,
    Source,
    SourceKind,
    Status,
    record_id,
)

RESPONSE = "11"
URGENT_LEVELS = ("03", "U")  # UM06: emergency, urgent


def _locator(st_event: SegmentEvent, suffix: str) -> str:
    env = st_event.envelope
    return f"278:{env.isa_control}:{env.gs_control}:{env.st_control}:{suffix}"


def _source(ctx: ParseContext, st_event: SegmentEvent) -> Source:
    return Source(
        kind=SourceKind.X12_278,
        filename=ctx.filename,
        sha256=ctx.sha256,
        received_at=ctx.received_at,
        control_number=st_event.value("ST02"),
    )


def rejected_set(ctx: ParseContext, st_event: SegmentEvent, findings: list[Finding]) -> Record:
    """A 278 set with no patient event: nothing to refer, the findings say why."""
    record = rejected_document(
        ctx,
        SourceKind.X12_278,
        "x12_278_no_patient_event",
        f"278 transaction set {st_event.value('ST02')} has no patient event (2000E) to read a referral "
        "from; ask the sender to correct and resend it.",
        locator=_locator(st_event, "set"),
    )
    record.source.control_number = st_event.value("ST02")
    record.findings.extend(findings)
    return record


def to_referral(
    ctx: ParseContext, st_event: SegmentEvent, parties: ReviewParties, event: PatientEvent, purpose: str | None
) -> Referral:
    referral = Referral(
        id=record_id(ctx.sha256, _locator(st_event, str(event.ordinal))),
        status=Status.READY,
        source=_source(ctx, st_event),
    )
    _fill_parties(referral, parties)
    _fill_event(referral, event)
    if purpose == RESPONSE:
        _fill_decision(referral, event, parties)
    referral.trace_numbers = event.trace_numbers  # type: ignore[attr-defined]
    referral.review = {"purpose": purpose, **event.review}  # type: ignore[attr-defined]
    referral.findings = [*parties.context_findings, *referral.findings, *event.findings]
    return referral


def _fill_parties(referral: Referral, parties: ReviewParties) -> None:
    _fill_member(referral, parties)
    if parties.payer is not None:
        referral.payer = Payer(name=parties.payer.last_or_org, payer_id=parties.payer.identifier)
        referral.provenance["payer.payer_id"] = parties.payer.event.provenance("NM109")
    if parties.requester is not None:
        _fill_ordering(referral, parties.requester)


def _fill_member(referral: Referral, parties: ReviewParties) -> None:
    person, subscriber = parties.dependent or parties.subscriber, parties.subscriber
    if person is None:
        return
    referral.member = Member(
        first_name=person.first,
        last_name=person.last_or_org,
        dob=person.dob,
        sex=person.sex,
        member_id=subscriber.identifier if subscriber else None,
        address=person.address,
    )
    if subscriber is not None:
        referral.provenance["member.member_id"] = subscriber.event.provenance("NM109")
    referral.provenance["member.last_name"] = person.event.provenance("NM103")
    if person.dmg_event is not None:
        referral.provenance["member.dob"] = person.dmg_event.provenance("DMG02")


def _fill_ordering(referral: Referral, requester: Party) -> None:
    person = requester.is_person
    referral.ordering_provider = OrderingProvider(
        first_name=requester.first if person else None,
        last_name=requester.last_or_org if person else None,
        organization=None if person else requester.last_or_org,
        npi=requester.npi,
        phone=requester.phone,
        fax=requester.fax,
    )
    referral.provenance["ordering_provider.npi"] = requester.event.provenance("NM109")
    _npi_shape(referral, requester, "ordering_provider.npi", "ordering provider")


def _npi_shape(referral: Referral, party: Party, field: str, who: str) -> None:
    finding = party.npi_shape_finding(field, who)
    if finding is not None:
        referral.findings.append(finding)


def _fill_event(referral: Referral, event: PatientEvent) -> None:
    _fill_servicing(referral, event)
    referral.service_type = _service_type(event)
    if event.um_event is not None:
        referral.provenance["service_type"] = event.um_event.provenance("UM03")
        referral.urgent = event.review.get("level_of_service") in URGENT_LEVELS
    _fill_diagnoses(referral, event)
    _fill_services(referral, event)
    _fill_dates(referral, event)


def _servicing_party(event: PatientEvent) -> Party | None:
    for service in event.services:
        if service.provider is not None:
            return service.provider
    for entity in SERVICING_ENTITIES:
        for party in event.providers:
            if party.entity == entity:
                return party
    return None


def _fill_servicing(referral: Referral, event: PatientEvent) -> None:
    party = _servicing_party(event)
    if party is None:
        return
    referral.servicing_provider = NamedProvider(name=party.display_name, npi=party.npi)
    referral.provenance["servicing_provider.npi"] = party.event.provenance("NM109")
    _npi_shape(referral, party, "servicing_provider.npi", "servicing provider")


def _service_type(event: PatientEvent) -> ServiceType | None:
    code = event.review.get("service_type_code")
    if code in SERVICE_TYPE_GROUPS:
        return ServiceType(SERVICE_TYPE_GROUPS[code])
    if event.home_health:
        return ServiceType.HOME_HEALTH
    return ServiceType.OTHER if code else None


def _fill_diagnoses(referral: Referral, event: PatientEvent) -> None:
    from parsers.x12.review import diagnosis_findings

    reported: set[str] = set()
    for ev in event.diagnosis_events:
        for position in range(1, min(len(ev.segment.elements), 12) + 1):
            qualifier, code = ev.value(f"HI{position:02d}-1"), ev.value(f"HI{position:02d}-2")
            if not (qualifier and code):
                continue
            dx = values.diagnosis(code) if qualifier in ICD10_QUALIFIERS else None
            if dx is not None:
                index = len(referral.diagnoses)
                referral.diagnoses.append(dx)
                referral.provenance[f"diagnoses[{index}].code"] = ev.provenance(f"HI{position:02d}-2")
                continue
            finding = diagnosis_findings(ev, position, qualifier)
            if finding is not None and finding.code not in reported:
                reported.add(finding.code)
                referral.findings.append(finding)


def _fill_services(referral: Referral, event: PatientEvent) -> None:
    for line in event.services:
        service = _service(referral, line)
        if service is None:
            continue
        index = len(referral.services)
        referral.services.append(service)
        if line.code_event is not None:
            referral.provenance[f"services[{index}].code"] = line.code_event.provenance(line.code_element)
        if line.quantity_event is not None:
            referral.provenance[f"services[{index}].quantity"] = line.quantity_event.provenance("quantity")


def _service(referral: Referral, line: ServiceLine) -> Service | None:
    if line.code is None:
        return None
    system = values.procedure_system(line.code)
    if system is None:
        ev = line.code_event or line.hl_event
        referral.findings.append(
            Finding(
                field="services",
                code="procedure_code_format",
                severity=Severity.ERROR,
                message=(
                    f"The service code at line {ev.line} ({line.code_element}) is neither CPT nor HCPCS; "
                    "ask the requester for the procedure code."
                ),
                loop_id=ev.loop_id,
                segment=ev.segment_id,
                segment_ordinal=ev.ordinal,
                line=ev.line,
                element=line.code_element,
            )
        )
        return None
    service = Service(code=line.code, system=system, modifiers=line.modifiers, quantity=line.quantity)
    if line.action_code is not None:
        service.decision = {  # type: ignore[attr-defined]  # an extra field of the contract
            "action": DECISIONS.get(line.action_code),
            "action_code": line.action_code,
            "certification_number": line.certification_number,
        }
    if line.start is not None:
        service.service_date = line.start.isoformat()  # type: ignore[attr-defined]
    return service


def _fill_dates(referral: Referral, event: PatientEvent) -> None:
    for qualifier in ("AAH", "435"):
        if qualifier in event.dates and event.dates[qualifier][0] is not None:
            start, _end, ev = event.dates[qualifier]
            referral.requested_start_date = start
            referral.provenance["requested_start_date"] = ev.provenance("DTP03")
            break
    else:
        starts = [s.start for s in event.services if s.start is not None]
        referral.requested_start_date = min(starts) if starts else None
    if "096" in event.dates:
        referral.discharge_date, _end, ev = event.dates["096"]
        referral.provenance["discharge_date"] = ev.provenance("DTP03")


def _fill_decision(referral: Referral, event: PatientEvent, parties: ReviewParties) -> None:
    reasons = list(
        dict.fromkeys([*parties.rejections, *event.reason_codes, *(c for s in event.services for c in s.reason_codes)])
    )
    action = DECISIONS.get(event.action_code or "")
    if action is None:
        referral.findings.append(_no_decision(event, reasons))
        return
    start, end = _authorized_period(event)
    referral.decision = Decision(
        action=action,
        certification_number=event.certification_number,
        effective_from=start,
        effective_to=end,
        authorized_quantity=event.quantity,
        reason_codes=reasons,
    )
    referral.authorization_number = event.certification_number
    if event.hcr_event is not None:
        referral.provenance["decision.action"] = event.hcr_event.provenance("HCR01")


def _authorized_period(event: PatientEvent) -> tuple[Any, Any]:
    """Certification effective (007) / expiration (036) dates, else the event's dates as returned."""
    dates = event.dates
    start = dates["007"][0] if "007" in dates else None
    end = dates["036"][0] if "036" in dates else (dates["007"][1] if "007" in dates else None)
    for qualifier in ("AAH", "435"):
        if start is None and qualifier in dates:
            start, end = dates[qualifier][0], end or dates[qualifier][1]
    return start, end


def _no_decision(event: PatientEvent, reasons: list[str]) -> Finding:
    ev = event.hcr_event or event.hl_event
    why = f" (reason codes {', '.join(reasons)})" if reasons else ""
    if event.action_code == "NA":
        return Finding(
            field="decision",
            code="x12_278_no_action_required",
            severity=Severity.WARNING,
            message="The payer answered that no review is required for this event; no decision to record.",
            loop_id=ev.loop_id,
            segment="HCR",
            line=ev.line,
            element="HCR01",
        )
    return Finding(
        field="decision",
        code="x12_278_no_decision",
        severity=Severity.ERROR,
        message=f"The 278 response gives no review decision for this patient event{why}; "
        "call the payer for the status.",
        loop_id=ev.loop_id,
        line=ev.line,
    )
