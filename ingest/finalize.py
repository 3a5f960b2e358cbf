"""Validation stage: add the validators' findings to a parsed record and set its status."""

from __future__ import annotations

from referrals.domain import (
    Finding,
    Provenance,
    Record,
    Referral,
    RejectedDocument,
    Status,
    status_from_findings,
)
from validators import ValidationContext, assess_urgency, validate_record


def finalize_record(record: Record, context: ValidationContext) -> Record:
    """The record with every finding (parser's and validators'), placed, and its status set."""
    if isinstance(record, RejectedDocument):
        record.status = Status.REJECTED
        return record
    already = {f.field for f in record.findings if f.is_error and f.field}
    found = [_placed(f, record.provenance) for f in validate_record(record, context) if f.field not in already]
    record.findings = _deduplicated([*record.findings, *found])
    if record.status is not Status.REJECTED:
        record.status = status_from_findings(record.findings)
    if isinstance(record, Referral):
        _set_urgency(record, context)
    return record


def _set_urgency(referral: Referral, context: ValidationContext) -> None:
    """Urgent (discharge or start within the urgent window, or marked STAT) and the due time."""
    urgency = assess_urgency(referral, context)
    referral.urgent = referral.urgent or urgency.urgent
    referral.due_at = urgency.due_at


def _placed(finding: Finding, provenance: dict[str, Provenance]) -> Finding:
    """Copy where the field came from (loop, segment, line / page) onto the finding."""
    where = _provenance_for(finding.field, provenance)
    if where is None:
        return finding
    extra = {k: v for k, v in where.model_dump().items() if v is not None and k in Finding.model_fields}
    return finding.model_copy(update={k: v for k, v in extra.items() if getattr(finding, k) is None})


def _provenance_for(field: str | None, provenance: dict[str, Provenance]) -> Provenance | None:
    while field:
        if field in provenance:
            return provenance[field]
        field = field.rpartition(".")[0] or None
    return None


def _deduplicated(findings: list[Finding]) -> list[Finding]:
    seen: set[tuple[str | None, str]] = set()
    out = []
    for finding in findings:
        key = (finding.field, finding.code)
        if key not in seen:
            seen.add(key)
            out.append(finding)
    return out
