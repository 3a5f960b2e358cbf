"""The 278 Health Care Services Review, Request for Review and Response (005010X217), as a spec.

Reads top-down like the guide's transaction set listing: the envelope, the header (BHT), then
the HL hierarchy 2000A UMO > 2000B requester > 2000C subscriber > (2000D dependent) >
2000E patient event > 2000F service, each with its name loops (2010x). `transaction(rsp)`
gives the request (BHT02 13, rsp=False) or the response (BHT02 11, rsp=True); the two differ
in AAA (request validation), HCR (the decision), TRN (a response echoes the request's trace
numbers) and the certification dates. Written from the structure of the TR3 as publicly
described (companion guides) and the TR3-style examples in ../shared/corpus/x12/278; where
we were not certain of a restriction, the spec is the more permissive one (noted inline).
"""

from __future__ import annotations

from parsers.x12 import x217_segments as sg
from parsers.x12.x217_model import Loop, N, R, S, Segment, el, loop, seg

VERSION = "005010X217"
PROVIDER_ENTITIES = "1T 71 72 73 77 AAJ DD DK DN FA G3 P3 QB QV SJ"


def _optional(rsp: bool, *segments: Segment) -> tuple[Segment, ...]:
    """Segments that only the response carries."""
    return segments if rsp else ()


def umo_level(rsp: bool, below: Loop) -> Loop:
    name = loop(
        "2010A",
        "Utilization Management Organization (UMO) Name",
        R,
        1,
        sg.nm1("Utilization Management Organization (UMO) Name", "2B 36 40 FA PR X3", R, person_names=S),
        *_optional(rsp, sg.per("UMO Contact Information", 3), sg.aaa("UMO Request Validation")),
    )
    return loop(
        "2000A",
        "Utilization Management Organization (UMO) Level",
        R,
        1,
        sg.hl("20", "1", parent=N),
        *_optional(rsp, sg.aaa("UMO Request Validation")),
        name,
        below,
    )


def requester_level(rsp: bool, below: Loop) -> Loop:
    name = loop(
        "2010B",
        "Requester Name",
        R,
        1,
        sg.nm1("Requester Name", "1P 2B 36 80 FA X3", R),
        sg.ref("Requester Supplemental Identification", "0B 1G 1J EI N5 N7 SY ZH", 9),
        sg.n3("Requester Address"),
        sg.n4("Requester City, State, ZIP Code"),
        sg.per("Requester Contact Information"),
        *_optional(rsp, sg.aaa("Requester Request Validation")),
        sg.prv("Requester Provider Information"),
    )
    return loop("2000B", "Requester Level", R, 1, sg.hl("21", "1"), name, below)


def _member_name(lid: str, name: str, rsp: bool, entity: str, id_usage: str, ref_codes: str, ref_max: int) -> Loop:
    tail = (sg.ins(),) if lid == "2010D" else ()
    return loop(
        lid,
        name,
        R,
        1,
        sg.nm1(name, entity, id_usage, "MI", entity_type="1"),
        sg.ref(f"{name} Supplemental Identification", ref_codes, ref_max),
        sg.n3(f"{name} Address"),
        sg.n4(f"{name} City, State, ZIP Code"),
        *_optional(rsp, sg.aaa(f"{name} Request Validation")),
        sg.dmg(f"{name} Demographic Information"),
        *tail,
    )


def subscriber_level(rsp: bool) -> Loop:
    name = _member_name("2010C", "Subscriber Name", rsp, "IL", R, "1L 1W 3H 6P A6 EJ F6 HJ IG N6 NQ SY", 9)
    dependent = loop(
        "2000D",
        "Dependent Level",
        S,
        1,
        sg.hl("23", "1"),
        _member_name("2010D", "Dependent Name", rsp, "QC", S, "A6 EJ SY", 3),
        patient_event_level(rsp, R),
    )
    # Under the subscriber the event is situational: required when the patient is the subscriber.
    return loop(
        "2000C",
        "Subscriber Level",
        R,
        1,
        sg.hl("22", "1"),
        name,
        dependent,
        patient_event_level(rsp, S),
    )


def _event_dates(rsp: bool) -> tuple[Segment, ...]:
    dates = (
        sg.dtp("Accident Date", "439"),
        sg.dtp("Last Menstrual Period Date", "484"),
        sg.dtp("Estimated Date of Birth", "ABC"),
        sg.dtp("Onset of Current Symptoms or Illness Date", "431"),
        sg.dtp("Event Date", "AAH", "D8 RD8"),
        sg.dtp("Admission Date", "435", "D8 RD8"),
        sg.dtp("Discharge Date", "096"),
    )
    return dates + _optional(rsp, *_certification_dates())


def _certification_dates() -> tuple[Segment, ...]:
    return (
        sg.dtp("Certification Issue Date", "102"),
        sg.dtp("Certification Expiration Date", "036"),
        sg.dtp("Certification Effective Date", "007", "D8 RD8"),
    )


def _conditions() -> tuple[Segment, ...]:
    return (
        sg.crc("Ambulance Certification Information", "07"),
        sg.crc("Chiropractic Certification Information", "08"),
        sg.crc("Durable Medical Equipment Information", "09"),
        sg.crc("Oxygen Therapy Certification Information", "11"),
        sg.crc("Functional Limitations Information", "75"),
        sg.crc("Activities Permitted Information", "76"),
        sg.crc("Mental Status Information", "77"),
    )


def _review_references() -> tuple[Segment, ...]:
    return (
        sg.ref("Previous Review Authorization Number", "BB"),
        sg.ref("Previous Review Administrative Reference Number", "NT"),
    )


def _provider_name(lid: str, name: str, rsp: bool, repeat: int) -> Loop:
    return loop(
        lid,
        name,
        S,
        repeat,
        sg.nm1(name, PROVIDER_ENTITIES, S, "24 34 46 XX"),
        sg.ref(f"{name} Supplemental Information", "1G 1J EI N5 N7 SY ZH", 7),
        sg.n3(f"{name} Address"),
        sg.n4(f"{name} City, State, ZIP Code"),
        sg.per(f"{name} Contact Information"),
        *_optional(rsp, sg.aaa(f"{name} Request Validation")),
        sg.prv(f"{name} Information"),
    )


def _event_contact(rsp: bool) -> Loop:
    return loop(
        "2010EB",
        "Additional Patient Information Contact Name",
        S,
        1,
        sg.nm1("Additional Patient Information Contact Name", "1P 2B ABG FA PR X3", S),
        sg.n3("Contact Address"),
        sg.n4("Contact City, State, ZIP Code"),
        sg.per("Contact Information", 3),
    )


def _transport() -> Loop:
    name = seg(
        "NM1",
        "Patient Event Transport Information",
        R,
        1,
        el(98, R, "45 FS ND PW R3"),
        el(1065, R, "2"),
        el(1035, S, name="Location Name"),
        *(el(d, N) for d in (1036, 1037, 1038, 1039, 66, 67, 706, 98, 1035)),
    )
    return loop(
        "2010EC",
        "Patient Event Transport Information",
        S,
        5,
        name,
        sg.n3("Transport Location Address", R),
        sg.n4("Transport Location City, State, ZIP Code", R),
    )


def patient_event_level(rsp: bool, usage: str) -> Loop:
    """2000E: one review (an admission, a referral, a home health episode): UM, diagnoses, dates."""
    return loop(
        "2000E",
        "Patient Event Level",
        usage,
        1,
        sg.hl("EV", "0 1"),
        sg.trn("Patient Event Tracking Number", rsp),
        *_optional(rsp, sg.aaa("Patient Event Request Validation")),
        sg.um("Health Care Services Review Information", "AR HS IN SC", R, S),
        *_optional(rsp, sg.hcr("Health Care Services Review")),
        *_review_references(),
        *_event_dates(rsp),
        sg.hi(),
        sg.hsd(),
        *_conditions(),
        sg.cl1(),
        sg.cr1(),
        sg.cr2(),
        sg.cr5(),
        sg.cr6(),
        sg.pwk(),
        sg.msg(),
        _provider_name("2010EA", "Patient Event Provider Name", rsp, 12),
        _event_contact(rsp),
        _transport(),
        service_level(rsp),
    )


def service_level(rsp: bool) -> Loop:
    """2000F: one service requested for the event (SV1 professional, SV2 institutional, SV3 dental)."""
    dates = (sg.dtp("Service Date", "472", "D8 RD8"), *_optional(rsp, *_certification_dates()))
    return loop(
        "2000F",
        "Service Level",
        S,
        ">1",
        sg.hl("SS", "0"),
        sg.trn("Service Trace Number", rsp),
        *_optional(rsp, sg.aaa("Service Request Validation")),
        sg.um("Health Care Services Review Information", "HS SC", S, S),
        *_optional(rsp, sg.hcr("Health Care Services Review", S)),  # S: the TR3 examples omit it
        *_review_references(),
        *dates,
        sg.sv1(),
        sg.sv2(),
        sg.sv3(),
        sg.too(),
        sg.hsd(),
        sg.pwk(),
        sg.msg(),
        _provider_name("2010F", "Service Provider Name", rsp, 12),
        pos=2800,
    )


def beginning(rsp: bool) -> Segment:
    return seg(
        "BHT",
        "Beginning of Hierarchical Transaction",
        R,
        1,
        el(1005, R, "0007"),
        el(353, R, "11" if rsp else "01 13 36"),
        el(127, R, name="Submitter Transaction Identifier"),
        el(373, R, name="Transaction Set Creation Date"),
        el(337, R, name="Transaction Set Creation Time"),
        el(640, S, "18 19 AT RU" if rsp else "RU"),
        pos=200,
    )


def transaction(rsp: bool) -> Loop:
    """The ST..SE loop of a 278 request (rsp=False) or response (rsp=True)."""
    detail = umo_level(rsp, requester_level(rsp, subscriber_level(rsp)))
    return loop(
        "ST_LOOP",
        "Transaction Set Header",
        R,
        ">1",
        seg("ST", "Transaction Set Header", R, 1, el(143, R, "278"), el(329, R), el(1705, R, VERSION), pos=50),
        loop("HEADER", "Table 1 - Header", R, 1, beginning(rsp), pos=100, kind="wrapper"),
        loop("DETAIL", "Table 2 - Detail", R, 1, detail, pos=200, kind="wrapper"),
        seg("SE", "Transaction Set Trailer", R, 1, el(96, R), el(329, R), pos=5550),
        pos=20,
        kind="explicit",
    )


def title(rsp: bool) -> str:
    what = "Response" if rsp else "Request for Review"
    return f"HIPAA Health Care Services Review: {what} 005010X217 278"
