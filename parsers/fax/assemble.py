"""From confirmed candidates to the referral record: one value per field, or null with a finding."""

from __future__ import annotations

import datetime as dt
import re

from parsers.fax import address_text, checkbox, codecheck, priority
from parsers.fax.model import PageText
from parsers.fax.modifier_gap import modifier_unread
from parsers.fax.reading import FaxRead, ink_image
from parsers.fax.record_builder import Builder
from parsers.fax.row_marks import MODIFIERS
from parsers.fax.services import CodeRead, ServiceRead
from referrals.domain import (
    Address,
    Diagnosis,
    Member,
    NamedProvider,
    OrderingProvider,
    Payer,
    Referral,
    Service,
    ServiceType,
    Severity,
    Signature,
    Source,
    SourceKind,
    record_id,
)

# 'urgent' also with a look-alike glyph OCR makes of its r, e or n ('Uigent', 'Urgcnt', 'Urgerit': ocr_distance.py).
# Never 'expedited' alone: a plan's form defines it in prose ('Expedited: the standard time frame could
# seriously jeopardize ...') on orders that are not urgent.
URGENT_WORDS = re.compile(r"\b(stat|u[ri]g[eco](?:n|ri|rr|ti)t|asap|rush)\b", re.IGNORECASE)
SERVICE_PREFIX = {
    "E": "dme",
    "K": "dme",
    "A": "dme",
    "B": "dme",
    "L": "dme",
    "J": "home_infusion",
    "S95": "home_infusion",
    "S94": "home_infusion",
    "G01": "home_health",
    "G02": "home_health",
    "G03": "home_health",
    "G04": "home_health",
}


def diagnoses(builder: Builder) -> list[Diagnosis]:
    out: list[Diagnosis] = []
    state = builder.state
    for read in state.diagnoses:
        code = read.correction.value
        path = f"diagnoses[{len(out)}].code"
        if code is None:
            state.finding(
                "diagnoses",
                "icd10_unreadable",
                f"A diagnosis code read as {read.raw!r} {_readings(read.correction.readings)}; "
                "check the page and enter the code.",
                page=read.page,
            )
            continue
        if code in {d.code for d in out} or _corrected_on_text_layer(state, read):
            continue
        if not _code_confirmed(state, read):
            state.finding(
                path,
                "unconfirmed_value",
                f"A diagnosis code read as {read.raw!r} {_unsure_as(read, code)}, and a second read did not "
                "confirm it; check the page and enter the code.",
                page=read.page,
            )
            continue
        if codecheck.icd10_not_billable(code, state.ctx.code_sets):
            state.finding(
                path,
                "icd10_not_billable",
                f"Diagnosis {code} is a category header, not a billable "
                "ICD-10-CM code; ask the ordering office for the full code.",
                page=read.page,
            )
        word = read.word
        builder.where(path, read.page, (word.left, word.top, word.right, word.bottom), "code_set")
        builder.confidence[path] = 1.0 - (1.0 - word.conf / 100.0) * 0.4
        out.append(Diagnosis(code=code))
    return out


def _corrected_on_text_layer(state: FaxRead, read: CodeRead) -> bool:
    """A code only OCR's look-alike corrections make of a text layer's characters ('8 cm H2O' as H20): a text
    layer's characters are the sender's own, so what they spell is no code."""
    return read.correction.corrected and read.page in state.text_layer_pages


def _code_confirmed(state: FaxRead, read: CodeRead) -> bool:
    """In the code set exactly as read and read surely, on a text layer, or agreed by a second read."""
    if read.page in state.text_layer_pages:
        return True
    return read.as_read(state.ctx.ocr_confidence_threshold) or id(read) in state.confirmed_codes


def _unsure_as(read: CodeRead, code: str) -> str:
    if read.correction.corrected:
        return f"could be {code} only after correcting look-alike characters"
    return f"gives {code} but was read unsurely"


def _readings(readings: tuple[str, ...]) -> str:
    if not readings:
        return "is no ICD-10-CM code, even with the usual OCR confusions"
    if len(readings) == 1:  # a code read in pieces ('J96 11'), left open for its re-reads, which did not settle it
        return f"may be {readings[0]}, but no second read confirmed it"
    return f"could be any of {', '.join(readings)}"


def services(builder: Builder) -> list[Service]:
    out: list[Service] = []
    state = builder.state
    layer = state.text_layer_pages
    for read in state.services:
        path = f"services[{len(out)}]"
        if _corrected_on_text_layer(state, read.code):
            continue
        code, quantity = state.confirmed_rows.get(id(read), (read.code.correction.value, read.quantity))
        trusted = read.row.page in layer or id(read) in state.confirmed_rows
        if code is None or quantity is None or not trusted or modifier_unread(read):
            state.finding(
                "services",
                "service_line_unreadable",
                "A service line could not be read reliably "
                f"(code read as {read.code.raw!r}); check the page and enter it.",
                page=read.row.page,
            )
            continue
        if _modifier_unknown(state, read) or _modifier_contested(state, read):
            continue
        out.append(_service(read, code, quantity))
        builder.where(path, read.row.page, _bbox(read), "table")
        builder.confidence[path] = round(min(w.conf for w in read.row.words) / 100.0, 3)
    return out


def _modifier_unknown(state: FaxRead, read: ServiceRead) -> bool:
    """A modifier joined to the code that is none an order prints ('E0260-2R' for E0260-RR): a misread
    modifier, and a line with a wrong modifier is a wrong line; it is left for a person, with a finding."""
    unknown = [m for m in read.modifiers if m not in MODIFIERS]
    if unknown:
        state.finding(
            "services",
            "service_line_unreadable",
            f"A service line's modifier read as {unknown[0]!r} is no known modifier; check the page and enter it.",
            page=read.row.page,
        )
    return bool(unknown)


def _modifier_contested(state: FaxRead, read: ServiceRead) -> bool:
    """A modifier a second read showed as other letters (verify_modifiers.py): the line is left for a person."""
    contested = id(read) in state.contested_modifiers
    if contested:
        state.finding(
            "services",
            "service_line_unreadable",
            f"A service line's modifier ({', '.join(read.modifiers)}) read differently on a second look; "
            "check the page and enter it.",
            page=read.row.page,
        )
    return contested


def _bbox(read: ServiceRead) -> tuple[int, int, int, int]:
    words = read.row.words
    return (
        min(w.left for w in words),
        min(w.top for w in words),
        max(w.right for w in words),
        max(w.bottom for w in words),
    )


def _service(read: ServiceRead, code: str, quantity: int) -> Service:
    system = "CPT" if code[0].isdigit() else "HCPCS"
    return Service(
        code=code,
        system=system,
        modifiers=read.modifiers,
        quantity=float(quantity),
        description=read.description,
    )


def service_type(b: Builder, found: list[Service]) -> ServiceType | None:
    """From the ticked box and from the codes: both must agree when both speak."""
    kinds = {next((v for k, v in SERVICE_PREFIX.items() if s.code.startswith(k)), None) for s in found}
    by_codes = kinds.pop() if len(kinds) == 1 else None
    ticked = b.state.ticked
    by_box = ticked.value if ticked is not None else None
    if by_codes and by_box and by_codes != by_box:
        b.state.finding(
            "service_type",
            "service_type_conflict",
            f"The order ticks {by_box} but its service codes are {by_codes}; ask the ordering office which is meant.",
            page=ticked.page if ticked else None,
        )
        return None
    if ticked is not None and by_box is not None:
        b.where("service_type", ticked.page, ticked.bbox, "checkbox")
    chosen = by_box or by_codes
    return ServiceType(chosen) if chosen is not None else None


def _said_urgent(state: FaxRead, text: PageText) -> bool:
    """An urgency word ticked or standing alone, no 'Routine' ticked beside it (the page's ink is looked
    at only where an urgency word stands)."""
    if not URGENT_WORDS.search(" ".join(line.text for line in text.lines)):
        return False
    image, dpi = ink_image(state, text.page), state.steps.target_dpi
    return checkbox.said(text, URGENT_WORDS, image, dpi) and not priority.routine_ticked(text, image, dpi)


def source(state: FaxRead) -> Source:
    """The fax's source; its receipt time is `FaxRead.received_at` (the fax header's, else the file's)."""
    sender = next((h.sender_fax for h in state.headers if h.sender_fax), None)
    return Source(
        kind=SourceKind.FAX,
        filename=state.ctx.filename,
        sha256=state.ctx.sha256,
        pages=len(state.pages),
        received_at=state.received_at,
        sender_fax=sender,
    )  # an extra field, allowed by the contract


def is_urgent(state: FaxRead, received: dt.datetime, dates: list[dt.date | None]) -> bool:
    for text in state.order_texts:
        if _said_urgent(state, text):
            return True
        if priority.routine_left_unticked(text, ink_image(state, text.page), state.steps.target_dpi):
            return True
    soon = (received + dt.timedelta(hours=24)).date()
    return any(d is not None and d <= soon for d in dates)


def build(state: FaxRead) -> Referral:
    """The referral: every field from its confirmed candidate or null, with findings and provenance."""
    b = Builder(state)
    found_services = services(b)
    src = source(state)
    referral = Referral(
        id=record_id(state.ctx.sha256, "fax"),
        status="ready",
        source=src,
        member=_member(b),
        payer=Payer(name=b.field("payer.name")),
        ordering_provider=_ordering_provider(b),
        servicing_provider=NamedProvider(
            name=b.field("servicing_provider.name"), npi=b.field("servicing_provider.npi")
        ),
        diagnoses=diagnoses(b),
        services=found_services,
        service_type=service_type(b, found_services),
        order_date=b.field("order_date"),
        requested_start_date=b.field("requested_start_date"),
        discharge_date=b.field("discharge_date"),
        signature=_signature(b),
    )
    dates = [referral.requested_start_date, referral.discharge_date]
    referral.urgent = is_urgent(state, src.received_at or state.ctx.received_at, dates)
    _required(state, referral)
    referral.findings = list(state.findings)
    referral.confidence, referral.provenance = b.confidence, b.provenance
    return referral


def _member(b: Builder) -> Member:
    first, last = _name(b, "member")
    return Member(
        first_name=first,
        last_name=last,
        dob=b.field("member.dob"),
        sex=b.field("member.sex"),
        member_id=b.field("member.member_id"),
        phone=b.field("member.phone"),
        address=_address(b),
    )


def _address(b: Builder) -> Address | None:
    """The delivery address, all parts from one confirmed reading (each part points at it)."""
    read = b.field("member.address")
    if not isinstance(read, address_text.AddressValue):
        return None
    for part in ("line1", "line2", "city", "state", "zip"):
        if getattr(read, part) is not None:
            b.provenance[f"member.address.{part}"] = b.provenance["member.address"]
            b.confidence[f"member.address.{part}"] = b.confidence["member.address"]
    del b.confidence["member.address"], b.provenance["member.address"]
    return Address(line1=read.line1, line2=read.line2, city=read.city, state=read.state, zip=read.zip)


def _ordering_provider(b: Builder) -> OrderingProvider:
    first, last = _name(b, "ordering_provider")
    return OrderingProvider(
        first_name=first,
        last_name=last,
        npi=b.field("ordering_provider.npi"),
        phone=b.field("ordering_provider.phone"),
        fax=b.field("ordering_provider.fax"),
    )


def _name(b: Builder, party: str) -> tuple[str | None, str | None]:
    """A party's (first, last) name: from its whole name where one was read, else from a name asked
    for in parts ('Last Name | First Name'), each part confirmed on its own (a doubtful one stays null)."""
    if any(c.path == f"{party}.name" for c in b.state.candidates):
        whole = b.field(f"{party}.name")
        _split_name(b, party)
        return (whole[0], whole[1]) if whole else (None, None)
    return b.field(f"{party}.first_name"), b.field(f"{party}.last_name")


def _split_name(b: Builder, party: str) -> None:
    """The whole name's provenance and confidence, moved onto the party's first and last name."""
    path = f"{party}.name"
    if path in b.provenance:
        for part in ("first_name", "last_name"):
            b.provenance[f"{party}.{part}"] = b.provenance[path]
            b.confidence[f"{party}.{part}"] = b.confidence[path]
        del b.provenance[path], b.confidence[path]


def _signature(b: Builder) -> Signature:
    read = b.state.signature
    if read is None:
        return Signature()
    b.where("signature.present", read.page, read.bbox, read.method)
    return Signature(present=read.present, date=b.field("signature.date"))


def _required(state: FaxRead, referral: Referral) -> None:
    if referral.member.first_name is None or referral.member.last_name is None:
        state.finding(
            "member.last_name",
            "member_name_missing",
            "The patient's name could not be read; check the page and enter it.",
        )
    if referral.signature.present is not True:
        state.finding(
            "signature.present",
            "signature_missing",
            "No signature was found on the signature line; ask the ordering clinician to sign the order.",
        )
    if not referral.services:
        state.finding(
            "services",
            "services_missing",
            "No service or item could be read from the order; check the page and enter what is ordered.",
        )
    if referral.order_date is None and referral.signature.date is None:
        state.finding(
            "order_date",
            "order_date_missing",
            "The order date could not be read; check the page.",
            severity=Severity.WARNING,
        )
