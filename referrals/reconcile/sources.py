"""Where authorizations and billed lines come from: contract records (278 responses, released
referrals, 837 claims). CSV rows are in `csv_import`.

- A 278 response's referral carries the payer's `decision`: numbered by HCR02 (the certification
  number), for the referral's service codes, with the event's authorized quantity (2000E HSD).
- A released referral without a decision but with an `authorization_number` that intake entered
  is an authorization certified for its services from the requested start (no end known).
- Without an event-level quantity, when every service has its own quantity (2000F SV1/HSD, or
  the order's quantities), there is one authorization per service code: each code's units are
  counted against its own quantity, all under the same number.
- A claim gives one `BilledLine` per line; the line's REF*G1 wins over the claim's.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from referrals.domain import Claim, ClaimLine, Referral, Status
from referrals.reconcile.model import (
    ZERO,
    Authorization,
    AuthorizationSourceKind,
    AuthorizationStatus,
    BilledLine,
)


def authorizations_of_referral(referral: Referral) -> list[Authorization]:
    """The authorizations a referral record stands for (none when it is not one)."""
    if referral.decision is not None:
        whole = _from_decision(referral)
    elif referral.authorization_number and referral.status is Status.READY:
        whole = _from_released(referral)
    else:
        return []
    if whole.authorized_quantity is not None:
        return [whole]
    return _per_service(referral, whole)


def _per_service(referral: Referral, whole: Authorization) -> list[Authorization]:
    services = [s for s in referral.services if s.code]
    if not services or any(s.quantity is None for s in services):
        return [whole]
    return [
        dataclasses.replace(
            whole,
            service_codes=frozenset({_code(s.code)}),
            authorized_quantity=s.quantity,
            source_id=f"{whole.source_id}#{index}",
        )
        for index, s in enumerate(services)
    ]


def _from_decision(referral: Referral) -> Authorization:
    decision = referral.decision
    assert decision is not None
    return Authorization(
        number=decision.certification_number or referral.authorization_number,
        member_id=referral.member.member_id,
        payer_id=referral.payer.payer_id,
        service_codes=_codes(referral),
        authorized_quantity=decision.authorized_quantity,
        effective_from=decision.effective_from,
        effective_to=decision.effective_to,
        servicing_npi=_servicing_npi(referral),
        status=AuthorizationStatus(decision.action),
        source_kind=AuthorizationSourceKind.X12_278,
        source_id=referral.id,
        source_document=referral.source.sha256,
        recorded_at=referral.source.received_at,
    )


def _from_released(referral: Referral) -> Authorization:
    return Authorization(
        number=referral.authorization_number,
        member_id=referral.member.member_id,
        payer_id=referral.payer.payer_id,
        service_codes=_codes(referral),
        authorized_quantity=None,
        effective_from=referral.requested_start_date,
        effective_to=None,
        servicing_npi=_servicing_npi(referral),
        status=AuthorizationStatus.CERTIFIED,
        source_kind=AuthorizationSourceKind.REFERRAL,
        source_id=referral.id,
        source_document=referral.source.sha256,
        recorded_at=referral.source.received_at,
    )


def _code(code: str) -> str:
    return code.strip().upper()


def _codes(referral: Referral) -> frozenset[str]:
    return frozenset(_code(s.code) for s in referral.services if s.code)


def _servicing_npi(referral: Referral) -> str | None:
    return referral.servicing_provider.npi if referral.servicing_provider else None


# -- claims -----------------------------------------------------------------------------------


def billed_lines_of_claim(claim: Claim) -> list[BilledLine]:
    return [_billed_line(claim, index, line) for index, line in enumerate(claim.lines)]


def _billed_line(claim: Claim, index: int, line: ClaimLine) -> BilledLine:
    claim_rendering = claim.rendering_provider.npi if claim.rendering_provider else None
    rendering = getattr(line, "rendering_npi", None) or claim_rendering
    return BilledLine(
        claim_record_id=claim.id,
        line_index=index,
        claim_id=claim.claim_id,
        member_id=claim.member.member_id,
        payer_id=claim.payer.payer_id,
        code=(line.code or "").strip().upper(),
        modifiers=tuple(line.modifiers),
        charge=line.charge if line.charge is not None else ZERO,
        units=line.units if line.units is not None else 1.0,
        service_date=line.service_date or _claim_date(claim),
        prior_authorization=line.prior_authorization or claim.prior_authorization,
        billing_npi=claim.billing_provider.npi,
        rendering_npi=rendering,
        source_document=claim.source.sha256,
        received_at=claim.source.received_at,
        authorization_on_line=line.prior_authorization is not None,
        frequency_code=getattr(claim, "frequency_code", None),
    )


def _claim_date(claim: Claim) -> dt.date | None:
    extra = getattr(claim, "service_date", None)
    return extra if isinstance(extra, dt.date) else None
