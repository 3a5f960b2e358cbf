"""A 278 response's decision, recorded on the request it answers.

A response (BHT02 11) carries `trace_numbers` of type `referenced`: the trace number the
requester gave its patient event (TRN02) and who gave it (TRN03). The request's referral carries
the same pair as type `current`. When either arrives and the other is already stored for the same
member id, the request gets the response's `decision` (and its authorization number when the
payer certified or modified it), the response names the request it answers (`answers`), and the
change is an audit event by the service. Requests and responses may arrive in either order.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlmodel import Session, col, select

from referrals.domain import Referral, SourceKind, parse_record
from referrals.store.models import AuditEvent, RecordRow
from referrals.store.records import fill_row

ACTOR = "service:278-response"
AUTHORIZING = ("certified", "modified")
Trace = tuple[str, str | None]


def traces(record: Referral, kind: str) -> set[Trace]:
    """(number, assigned by) of the record's trace numbers of one kind (`current`, `referenced`)."""
    found = getattr(record, "trace_numbers", None) or []
    return {(t["number"], t.get("assigned_by")) for t in found if t.get("type") == kind and t.get("number")}


def link_decisions(session: Session, new_records: list[Any], now: dt.datetime) -> int:
    """Match each new 278 referral with its stored counterpart; the number of requests decided."""
    decided = 0
    for record in new_records:
        if not may_link(record):
            continue
        for other_row, other in _stored_278s(session, record):
            request, response = (other, record) if record.decision is not None else (record, other)
            request_row = other_row if request is other else _row(session, record.id)
            if request_row is not None and _answers(response, request):
                decided += _apply(session, request_row, request, response, now)
    return decided


def may_link(record: Any) -> bool:
    """Whether a new record can be a request or a response to match: a 278 referral with a member id."""
    return _is_278_referral(record) and bool(record.member.member_id)


def _is_278_referral(record: Any) -> bool:
    return isinstance(record, Referral) and record.source.kind is SourceKind.X12_278


def _stored_278s(session: Session, record: Referral) -> list[tuple[RecordRow, Referral]]:
    query = select(RecordRow).where(
        col(RecordRow.member_id) == record.member.member_id,
        col(RecordRow.record_type) == "referral",
        col(RecordRow.id) != record.id,
    )
    found = []
    for row in session.exec(query).all():
        other = parse_record(json.loads(row.data))
        if _is_278_referral(other):
            found.append((row, other))
    return found  # type: ignore[return-value]


def _row(session: Session, record_id: str) -> RecordRow | None:
    return session.get(RecordRow, record_id)


def _answers(response: Referral, request: Referral) -> bool:
    if response.decision is None or request.decision is not None:
        return False
    return bool(traces(response, "referenced") & traces(request, "current"))


def _apply(session: Session, row: RecordRow, request: Referral, response: Referral, now: dt.datetime) -> int:
    before = request.decision
    request.decision = response.decision
    if response.decision is not None and response.decision.action in AUTHORIZING:
        request.authorization_number = request.authorization_number or response.decision.certification_number
    request.answered_by = response.id  # type: ignore[attr-defined]  # extra field of the contract
    fill_row(row, request, now)
    row.version += 1
    session.add(row)
    _link_response(session, response, request.id, now)
    session.add(
        AuditEvent(
            at=now,
            actor=ACTOR,
            action="decision",
            record_id=request.id,
            field="decision",
            before=json.dumps(before),
            after=json.dumps(request.decision.model_dump(mode="json") if request.decision else None),
            note=f"from 278 response record {response.id}",
        )
    )
    return 1


def _link_response(session: Session, response: Referral, request_id: str, now: dt.datetime) -> None:
    response.answers = request_id  # type: ignore[attr-defined]  # extra field of the contract
    row = session.get(RecordRow, response.id)
    if row is not None:
        fill_row(row, response, now)
        session.add(row)
