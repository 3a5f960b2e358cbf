"""The record contract as pydantic models (see ../shared/contract/RECORDS.md).

A record is what `intake parse`, the API and the outbox emit: a referral, a claim, or a
rejected document. Field names here are the wire names; `Record.to_json()` gives the wire form.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer

Money = Annotated[Decimal, PlainSerializer(lambda v: f"{v:.2f}", return_type=str)]
Timestamp = Annotated[dt.datetime, PlainSerializer(lambda v: v.isoformat(timespec="seconds"), return_type=str)]


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


class Status(StrEnum):
    READY = "ready"
    NEEDS_CLARIFICATION = "needs_clarification"
    REJECTED = "rejected"


class SourceKind(StrEnum):
    FAX = "fax"
    X12_278 = "x12_278"
    X12_837P = "x12_837p"
    X12_837I = "x12_837i"
    X12 = "x12"
    UNKNOWN = "unknown"


class ServiceType(StrEnum):
    DME = "dme"
    HOME_HEALTH = "home_health"
    HOME_INFUSION = "home_infusion"
    OTHER = "other"


class _Model(BaseModel):
    model_config = ConfigDict(extra="allow", validate_assignment=False)


def _unknown(value: object) -> bool:
    return value is None


def _optional(default: Any = None) -> Any:
    """An optional location key: left out of the wire form while unknown (None)."""
    return Field(default=default, exclude_if=_unknown)


class Finding(_Model):
    """One thing wrong (error) or worth a look (warning), about one field or the document."""

    field: str | None
    code: str
    severity: Severity
    message: str
    # Where in the source: all optional, all extra to the contract, left out when unknown.
    loop_id: str | None = _optional()
    segment: str | None = _optional()
    segment_ordinal: int | None = _optional()
    line: int | None = _optional()
    element: str | None = _optional()
    page: int | None = _optional()

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


class Provenance(_Model):
    """Where a field's value came from: a page region (fax) or a segment and element (X12)."""

    page: int | None = _optional()
    bbox: list[float] | None = _optional()
    loop_id: str | None = _optional()
    segment: str | None = _optional()
    segment_ordinal: int | None = _optional()
    line: int | None = _optional()
    element: str | None = _optional()
    method: str | None = _optional()


class Address(_Model):
    line1: str | None = None
    line2: str | None = None
    city: str | None = None
    state: str | None = None
    zip: str | None = None


class Member(_Model):
    first_name: str | None = None
    last_name: str | None = None
    dob: dt.date | None = None
    sex: Literal["M", "F", "U"] | None = None
    member_id: str | None = None
    phone: str | None = None
    address: Address | None = None


class Payer(_Model):
    name: str | None = None
    payer_id: str | None = None


class OrderingProvider(_Model):
    first_name: str | None = None
    last_name: str | None = None
    organization: str | None = None
    npi: str | None = None
    phone: str | None = None
    fax: str | None = None


class NamedProvider(_Model):
    """A billing, rendering or servicing provider: a display name and an NPI."""

    name: str | None = None
    npi: str | None = None


class Diagnosis(_Model):
    code: str
    system: Literal["ICD-10-CM"] = "ICD-10-CM"


class Service(_Model):
    code: str
    system: Literal["HCPCS", "CPT"]
    modifiers: list[str] = Field(default_factory=list)
    quantity: float | None = None
    description: str | None = None


class Signature(_Model):
    present: bool | None = None
    date: dt.date | None = None


class Decision(_Model):
    action: Literal["certified", "denied", "pended", "modified", "cancelled"]
    certification_number: str | None = None
    effective_from: dt.date | None = None
    effective_to: dt.date | None = None
    authorized_quantity: float | None = None
    reason_codes: list[str] = Field(default_factory=list)


class Source(_Model):
    kind: SourceKind
    filename: str
    sha256: str
    pages: int | None = None
    received_at: Timestamp | None = None
    control_number: str | None = None


class _RecordBase(_Model):
    record_type: str  # each record class narrows it; declared here so it is the first key on the wire
    id: str
    status: Status
    source: Source
    findings: list[Finding] = Field(default_factory=list)
    provenance: dict[str, Provenance] = Field(default_factory=dict)

    def to_json(self) -> str:
        """The wire form as one line of JSON, `record_type`, `id` and `status` first."""
        return self.model_dump_json()

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = self.model_dump(mode="json")
        return data

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.is_error]


class Referral(_RecordBase):
    record_type: Literal["referral"] = "referral"
    member: Member = Field(default_factory=Member)
    payer: Payer = Field(default_factory=Payer)
    ordering_provider: OrderingProvider = Field(default_factory=OrderingProvider)
    servicing_provider: NamedProvider | None = None
    service_type: ServiceType | None = None
    diagnoses: list[Diagnosis] = Field(default_factory=list)
    services: list[Service] = Field(default_factory=list)
    order_date: dt.date | None = None
    requested_start_date: dt.date | None = None
    discharge_date: dt.date | None = None
    signature: Signature = Field(default_factory=Signature)
    authorization_number: str | None = None
    decision: Decision | None = None
    urgent: bool = False
    due_at: Timestamp | None = None
    confidence: dict[str, float] = Field(default_factory=dict)


class ClaimLine(_Model):
    code: str
    system: Literal["HCPCS", "CPT"] | None = None
    modifiers: list[str] = Field(default_factory=list)
    charge: Money | None = None
    units: float | None = None
    service_date: dt.date | None = None
    prior_authorization: str | None = None


class Claim(_RecordBase):
    record_type: Literal["claim"] = "claim"
    claim_id: str | None = None
    total_charge: Money | None = None
    member: Member = Field(default_factory=Member)
    payer: Payer = Field(default_factory=Payer)
    billing_provider: NamedProvider = Field(default_factory=NamedProvider)
    rendering_provider: NamedProvider | None = None
    prior_authorization: str | None = None
    referral_number: str | None = None
    diagnoses: list[Diagnosis] = Field(default_factory=list)
    lines: list[ClaimLine] = Field(default_factory=list)


class RejectedDocument(_RecordBase):
    record_type: Literal["document"] = "document"
    status: Status = Status.REJECTED


Record = Referral | Claim | RejectedDocument


def record_id(sha256: str, locator: str) -> str:
    """A stable record id: the same file and the same place in it always give the same id."""
    digest = hashlib.sha256(f"{sha256}:{locator}".encode()).hexdigest()
    return f"rec_{digest[:24]}"


def status_from_findings(findings: list[Finding]) -> Status:
    """Any error finding makes a record need clarification; warnings alone do not."""
    return Status.NEEDS_CLARIFICATION if any(f.is_error for f in findings) else Status.READY


def parse_record(data: dict[str, Any]) -> Record:
    """Rebuild a record from its wire form (the outbox, the store and the API read records back)."""
    kind = data.get("record_type")
    if kind == "referral":
        return Referral.model_validate(data)
    if kind == "claim":
        return Claim.model_validate(data)
    return RejectedDocument.model_validate(data)
