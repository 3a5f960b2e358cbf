"""837P / 837I transaction sets to claim records, one per CLM loop, emitted as each completes.

Fields by loop: billing provider 2010AA, subscriber 2010BA (member id), payer 2010BB,
patient 2010CA (when the patient is not the subscriber), claim 2300 (CLM, REF*G1, REF*9F, HI),
rendering provider 2310B (837P) / 2310D or attending 2310A (837I), lines 2400 (SV1/SV2, DTP*472,
line REF*G1). Every field keeps its provenance (loop, segment, line, element).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal, InvalidOperation

from parsers.context import ParseContext
from parsers.x12 import situational, values
from parsers.x12.claim_fields import field_for
from parsers.x12.engine import SegmentEvent
from parsers.x12.findings import finding_from_diagnostic
from parsers.x12.state import ClaimState, Party
from referrals.domain import (
    Claim,
    ClaimLine,
    Finding,
    NamedProvider,
    Record,
    Severity,
    Source,
    SourceKind,
    Status,
    record_id,
)

DIAGNOSIS_QUALIFIERS_ICD10 = {"ABK", "ABF", "ABJ", "APR", "ABN"}
DIAGNOSIS_QUALIFIERS_ICD9 = {"BK", "BF", "BJ", "PR", "BN"}
RENDERING_ENTITY = {"x12_837p": ("82",), "x12_837i": ("82", "71")}


class ClaimBuilder:
    """Reads one 837 transaction set; `on_segment` yields a claim as soon as it is complete."""

    def __init__(self, ctx: ParseContext, st_event: SegmentEvent, kind: SourceKind) -> None:
        self.ctx, self.kind = ctx, kind
        self.state = ClaimState()
        self.control_number = st_event.value("ST02")
        self.version_note = _version_note(st_event)
        self.claim: Claim | None = None
        self.completed: list[Claim] = []
        self.claim_ordinal = 0
        self._handlers: dict[str, Callable[[SegmentEvent], None]] = {
            "HL": self._hl,
            "NM1": self._nm1,
            "N3": self._n3,
            "N4": self._n4,
            "DMG": self._dmg,
            "CLM": self._clm,
            "REF": self._ref,
            "HI": self._hi,
            "SV1": self._sv1,
            "SV2": self._sv2,
            "DTP": self._dtp,
            "LX": self._lx,
            "SBR": self._sbr,
        }

    def on_segment(self, event: SegmentEvent) -> Iterator[Record]:
        """Claims are held until their transaction set's SE: a set-level error (SE count, control
        number) belongs to every claim in the set, and the 999 rejects the set as a whole."""
        if event.segment_id in ("HL", "CLM", "SE"):
            self._close_claim()
        handler = self._handlers.get(event.segment_id)
        if handler is not None:
            handler(event)
        if event.segment_id == "SE":
            self._attach_set_diagnostics(event)
            yield from self.finish()
        else:
            self._attach_diagnostics(event)

    def finish(self) -> Iterator[Record]:
        self._close_claim()
        done, self.completed = self.completed, []
        yield from done

    # -- claims -----------------------------------------------------------------------------

    def _close_claim(self) -> None:
        claim, self.claim = self.claim, None
        if claim is None:
            return
        self.state.finish_claim(claim)
        claim.findings.extend(situational.check(self._facts(claim)))
        if self.version_note is not None:
            claim.findings.append(self.version_note)
        self.completed.append(claim)

    def _attach_set_diagnostics(self, ev: SegmentEvent) -> None:
        for diag in ev.diagnostics:
            finding = finding_from_diagnostic(diag, None)
            for claim in self.completed:
                claim.findings.append(finding)

    def _facts(self, claim: Claim) -> situational.ClaimFacts:
        subscriber = self.state.subscriber
        return situational.ClaimFacts(
            kind=self.kind.value,
            relationship=self.state.relationship,
            has_patient_loop=self.state.patient is not None,
            subscriber_has_dmg=subscriber is not None and subscriber.dmg_event is not None,
            frequency_code=self.state.frequency_code,
            has_payer_claim_number=self.state.has_payer_claim_number,
            line_count=len(claim.lines),
        )

    def _sbr(self, ev: SegmentEvent) -> None:
        if (ev.loop_id or "").startswith("2000B"):
            self.state.relationship = ev.value("SBR02")

    def _clm(self, ev: SegmentEvent) -> None:
        self.claim_ordinal += 1
        locator = f"{ev.envelope.isa_control}:{ev.envelope.gs_control}:{self.control_number}:{self.claim_ordinal}"
        source = Source(
            kind=self.kind,
            filename=self.ctx.filename,
            sha256=self.ctx.sha256,
            received_at=self.ctx.received_at,
            control_number=self.control_number,
        )
        self.claim = Claim(id=record_id(self.ctx.sha256, locator), status=Status.READY, source=source)
        self.state.start_claim(self.claim, self.kind)
        self._put(ev, "claim_id", "CLM01", ev.value("CLM01"))
        self._put(ev, "total_charge", "CLM02", _money(ev.value("CLM02")))
        self.state.frequency_code = ev.value("CLM05-3")
        self.claim.frequency_code = self.state.frequency_code  # type: ignore[attr-defined]  # extra field

    def _lx(self, ev: SegmentEvent) -> None:
        if self.claim is not None:
            self.state.line_open = False

    # -- parties ------------------------------------------------------------------------------

    def _hl(self, ev: SegmentEvent) -> None:
        self.state.on_hl(ev.value("HL03"))

    def _nm1(self, ev: SegmentEvent) -> None:
        party = Party.of(ev)
        entity, loop = ev.value("NM101"), ev.loop_id or ""
        if loop.startswith("2010AA") or entity == "85":
            self.state.billing = party
        elif loop.startswith("2010BA") or (entity == "IL" and not loop.startswith("2330")):
            self.state.subscriber = party
        elif loop.startswith("2010BB") or (entity == "PR" and not loop.startswith("2330")):
            self.state.payer = party
        elif loop.startswith("2010CA") or entity == "QC":
            self.state.patient = party
        elif self.claim is not None and entity in RENDERING_ENTITY.get(self.kind.value, ()):
            self._rendering(ev, party, entity or "")

    def _rendering(self, ev: SegmentEvent, party: Party, entity: str) -> None:
        assert self.claim is not None
        if self.state.line_open and self.claim.lines:
            self.claim.lines[-1].rendering_npi = party.npi  # type: ignore[attr-defined]
            return
        current = self.claim.rendering_provider
        if current is None or entity == "82":
            self.claim.rendering_provider = NamedProvider(name=party.display_name, npi=party.npi)
            self.claim.provenance["rendering_provider.npi"] = ev.provenance("NM109")
            shape = party.npi_shape_finding("rendering_provider.npi", "rendering provider")
            if shape is not None:
                self.claim.findings.append(shape)

    def _n3(self, ev: SegmentEvent) -> None:
        party = self.state.party_for_loop(ev.loop_id)
        if party is not None:
            party.address_line1, party.address_line2 = ev.value("N301"), ev.value("N302")

    def _n4(self, ev: SegmentEvent) -> None:
        party = self.state.party_for_loop(ev.loop_id)
        if party is not None:
            party.city, party.state, party.zip = ev.value("N401"), ev.value("N402"), values.zip_code(ev.value("N403"))

    def _dmg(self, ev: SegmentEvent) -> None:
        party = self.state.party_for_loop(ev.loop_id)
        if party is not None and ev.value("DMG01") == "D8":
            party.dob, party.dob_raw = values.x12_date(ev.value("DMG02")), ev.value("DMG02")
            party.sex = values.sex(ev.value("DMG03"))
            party.dmg_event = ev

    # -- claim and line details ------------------------------------------------------------

    def _ref(self, ev: SegmentEvent) -> None:
        if self.claim is None:
            return
        qualifier, value = ev.value("REF01"), ev.value("REF02")
        if qualifier == "G1" and self.state.line_open and self.claim.lines:
            self.claim.lines[-1].prior_authorization = value
        elif qualifier == "G1":
            self._put(ev, "prior_authorization", "REF02", value)
        elif qualifier == "9F":
            self._put(ev, "referral_number", "REF02", value)
        elif qualifier == "F8":
            self.state.has_payer_claim_number = True

    def _hi(self, ev: SegmentEvent) -> None:
        if self.claim is None:
            return
        for position in range(1, 13):
            qualifier = ev.value(f"HI{position:02d}-1")
            code = ev.value(f"HI{position:02d}-2")
            if qualifier and code:
                self._diagnosis(ev, qualifier, code, position)

    def _diagnosis(self, ev: SegmentEvent, qualifier: str, code: str, position: int) -> None:
        assert self.claim is not None
        if qualifier in DIAGNOSIS_QUALIFIERS_ICD10:
            index = len(self.claim.diagnoses)
            dx = values.diagnosis(code)
            if dx is None:
                self.claim.findings.append(_not_icd10(ev, position))
                return
            self.claim.diagnoses.append(dx)
            self.claim.provenance[f"diagnoses[{index}].code"] = ev.provenance(f"HI{position:02d}-2")
            if "." in code:
                self.claim.findings.append(_dotted_icd(ev, index, position))
        elif qualifier in DIAGNOSIS_QUALIFIERS_ICD9 and not self.state.icd9_reported:
            self.state.icd9_reported = True
            self.claim.findings.append(_icd9(ev, position))

    def _sv1(self, ev: SegmentEvent) -> None:
        self._line(ev, "SV101", ev.value("SV102"), ev.value("SV104"))

    def _sv2(self, ev: SegmentEvent) -> None:
        self._line(ev, "SV202", ev.value("SV203"), ev.value("SV205"), revenue_code=ev.value("SV201"))

    def _line(
        self, ev: SegmentEvent, composite: str, charge: str | None, units: str | None, revenue_code: str | None = None
    ) -> None:
        if self.claim is None:
            return
        code = ev.value(f"{composite}-2")
        modifiers = [m for m in (ev.value(f"{composite}-{i}") for i in range(3, 7)) if m]
        line = ClaimLine(
            code=code or revenue_code or "",
            system=values.procedure_system(code),
            modifiers=modifiers,
            charge=_money(charge),
            units=values.number(units),
        )
        if revenue_code:
            line.revenue_code = revenue_code  # type: ignore[attr-defined]
        index = len(self.claim.lines)
        self.claim.lines.append(line)
        self.state.line_open = True
        self.claim.provenance[f"lines[{index}].code"] = ev.provenance(f"{composite}-2")
        self.claim.provenance[f"lines[{index}].charge"] = ev.provenance(
            composite[:3] + ("02" if composite == "SV101" else "03")
        )

    def _dtp(self, ev: SegmentEvent) -> None:
        if self.claim is None:
            return
        qualifier, start = ev.value("DTP01"), values.period_start(ev.value("DTP02"), ev.value("DTP03"))
        if qualifier == "472" and self.state.line_open and self.claim.lines:
            self.claim.lines[-1].service_date = start
            self.claim.provenance[f"lines[{len(self.claim.lines) - 1}].service_date"] = ev.provenance("DTP03")
        elif qualifier in ("472", "434"):
            self.state.claim_service_date = start

    # -- helpers ---------------------------------------------------------------------------

    def _put(self, ev: SegmentEvent, path: str, element: str, value: object) -> None:
        assert self.claim is not None
        setattr(self.claim, path, value)
        self.claim.provenance[path] = ev.provenance(element)

    def _attach_diagnostics(self, ev: SegmentEvent) -> None:
        for diag in ev.diagnostics:
            index = len(self.claim.lines) - 1 if self.claim is not None else -1
            finding = finding_from_diagnostic(diag, field_for(diag, index))
            if self.claim is not None and (diag.loop_id or "").startswith(("23", "24")):
                self.claim.findings.append(finding)
            else:
                self.state.context_findings.append(finding)


def _version_note(st_event: SegmentEvent) -> Finding | None:
    env = st_event.envelope
    if not env.validated_as or env.validated_as == env.vriic:
        return None
    return Finding(
        field=None,
        code="x12_version_alias",
        severity=Severity.WARNING,
        message=(
            f"The file declares {env.vriic}, which has no map of its own here; it was checked against "
            f"{env.validated_as}, its base version (no structural difference); no action needed."
        ),
        segment="GS",
        element="GS08",
    )


def _money(raw: str | None) -> Decimal | None:
    if raw is None:
        return None
    try:
        return Decimal(raw).quantize(Decimal("0.01"))
    except InvalidOperation:
        return None


def _hi_finding(ev: SegmentEvent, position: int, field: str, code: str, message: str, component: int = 2) -> Finding:
    """A finding about one HI composite (HI01..HI12), placed at its line and element."""
    element = f"HI{position:02d}"
    return Finding(
        field=field,
        code=code,
        severity=Severity.ERROR,
        message=message.format(element=element, line=ev.line),
        loop_id=ev.loop_id,
        segment="HI",
        segment_ordinal=ev.ordinal,
        line=ev.line,
        element=f"{element}-{component}",
    )


def _dotted_icd(ev: SegmentEvent, index: int, position: int) -> Finding:
    message = (
        f"Diagnosis {index + 1} is written with a decimal point ({{element}}, line {{line}}); "
        "X12 requires ICD-10-CM codes without the dot; ask the sender to resend without it."
    )
    return _hi_finding(ev, position, f"diagnoses[{index}].code", "x12_icd10_dotted", message)


def _not_icd10(ev: SegmentEvent, position: int) -> Finding:
    message = "Diagnosis {element} (line {line}) is not an ICD-10-CM code; ask the billing office for the correct code."
    return _hi_finding(ev, position, "diagnoses", "icd10_format", message)


def _icd9(ev: SegmentEvent, position: int) -> Finding:
    message = (
        "The claim's diagnoses are ICD-9 codes ({element}, line {line}); claims for services since "
        "2015-10-01 need ICD-10-CM codes; ask the billing office to recode."
    )
    return _hi_finding(ev, position, "diagnoses", "diagnosis_icd9", message, component=1)


def professional_builder(ctx: ParseContext, st_event: SegmentEvent) -> ClaimBuilder:
    return ClaimBuilder(ctx, st_event, SourceKind.X12_837P)


def institutional_builder(ctx: ParseContext, st_event: SegmentEvent) -> ClaimBuilder:
    return ClaimBuilder(ctx, st_event, SourceKind.X12_837I)
