"""The rules that compare one claim line with one authorization, and how candidates are ranked.

Each rule returns a `Discrepancy` with a sentence a biller can act on (authorization numbers,
codes and dates only: never names or member ids) and the money it puts at risk: the line's
whole charge, except units over the quantity, which risk the share of the charge for the
units beyond it.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from referrals.reconcile.model import (
    Authorization,
    AuthorizationStatus,
    BilledLine,
    Discrepancy,
    DiscrepancyKind,
)

CENT = Decimal("0.01")
_EPOCH = dt.datetime.min.replace(tzinfo=dt.UTC)


def against_authorization(
    line: BilledLine, auth: Authorization, units_before: float, *, counts_units: bool = True
) -> list[Discrepancy]:
    """Every discrepancy between the line and the authorization it bills against.

    A duplicate line does not count against the quantity (`counts_units=False`): it is flagged
    as a duplicate instead, and the units check is skipped for it.
    """
    found = [
        _status(line, auth),
        _member(line, auth),
        _code(line, auth),
        _window(line, auth),
        _provider(line, auth),
        _units(line, auth, units_before) if counts_units else None,
    ]
    return [d for d in found if d is not None]


def _status(line: BilledLine, auth: Authorization) -> Discrepancy | None:
    if auth.status in (AuthorizationStatus.DENIED, AuthorizationStatus.CANCELLED):
        return Discrepancy(
            DiscrepancyKind.AUTHORIZATION_DENIED,
            f"Authorization {_name(auth)} was {auth.status.value} by the payer; "
            "do not bill against it without a new authorization or an appeal.",
            line.charge,
        )
    if auth.status is AuthorizationStatus.PENDED:
        return Discrepancy(
            DiscrepancyKind.AUTHORIZATION_PENDED,
            f"Authorization {_name(auth)} is pended (no decision yet); hold the line until the payer certifies it.",
            line.charge,
        )
    return None


def _member(line: BilledLine, auth: Authorization) -> Discrepancy | None:
    if line.member_id is None or auth.member_id is None or line.member_id == auth.member_id:
        return None
    return Discrepancy(
        DiscrepancyKind.MEMBER_MISMATCH,
        f"Authorization {_name(auth)} is for a different member than the claim; check the "
        "member id on the claim and the authorization number.",
        line.charge,
    )


def _code(line: BilledLine, auth: Authorization) -> Discrepancy | None:
    if auth.covers_code(line.code):
        return None
    allowed = ", ".join(sorted(auth.service_codes))
    return Discrepancy(
        DiscrepancyKind.CODE_NOT_AUTHORIZED,
        f"{line.code} is not among the codes authorization {_name(auth)} covers ({allowed}); "
        "ask the payer to add it or bill the authorized code.",
        line.charge,
    )


def _window(line: BilledLine, auth: Authorization) -> Discrepancy | None:
    if auth.covers_date(line.service_date):
        return None
    day = line.service_date.isoformat() if line.service_date else "?"
    return Discrepancy(
        DiscrepancyKind.OUTSIDE_WINDOW,
        f"Service date {day} is outside authorization {_name(auth)}'s window "
        f"{_window_text(auth)}; ask the payer to extend it.",
        line.charge,
    )


def _provider(line: BilledLine, auth: Authorization) -> Discrepancy | None:
    if auth.servicing_npi is None or auth.servicing_npi in (line.billing_npi, line.rendering_npi):
        return None
    return Discrepancy(
        DiscrepancyKind.PROVIDER_MISMATCH,
        f"Neither the billing NPI {line.billing_npi or '?'} nor the rendering NPI "
        f"{line.rendering_npi or '?'} is the servicing provider {auth.servicing_npi} that "
        f"authorization {_name(auth)} names; bill under that provider or get it changed.",
        line.charge,
    )


def _units(line: BilledLine, auth: Authorization, units_before: float) -> Discrepancy | None:
    quantity = auth.authorized_quantity
    if quantity is None or units_before + line.units <= quantity:
        return None
    over = min(line.units, units_before + line.units - max(quantity, units_before))
    return Discrepancy(
        DiscrepancyKind.UNITS_OVER,
        f"{_num(units_before)} units already billed against authorization {_name(auth)}; "
        f"this line's {_num(line.units)} units exceed the {_num(quantity)} authorized by "
        f"{_num(over)}.",
        share_of_charge(line, over),
    )


def share_of_charge(line: BilledLine, units: float) -> Decimal:
    if line.units <= 0:
        return line.charge
    share = line.charge * Decimal(str(units)) / Decimal(str(line.units))
    return share.quantize(CENT, rounding=ROUND_HALF_UP)


# -- missing authorizations ------------------------------------------------------------------


def number_not_on_file(line: BilledLine) -> Discrepancy:
    return Discrepancy(
        DiscrepancyKind.NO_AUTHORIZATION,
        f"The claim names authorization {line.prior_authorization}, which is not on file; "
        "check the number, or import the authorization.",
        line.charge,
    )


def no_authorization(line: BilledLine, near_misses: int) -> Discrepancy:
    day = line.service_date.isoformat() if line.service_date else "an unknown date"
    hint = (
        f" {near_misses} authorization(s) for this member and code exist, none covering {day}." if near_misses else ""
    )
    return Discrepancy(
        DiscrepancyKind.NO_AUTHORIZATION,
        f"No authorization on file covers {line.code} on {day} for this member.{hint}",
        line.charge,
    )


# -- ranking and reasons --------------------------------------------------------------------


def best_by_number(line: BilledLine, candidates: list[Authorization]) -> Authorization | None:
    """Several authorizations can carry one number (a 278 and a CSV row): take the best fit."""
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    return max(candidates, key=lambda a: _number_rank(a, line))


Rank = tuple[bool, ...]


def _number_rank(auth: Authorization, line: BilledLine) -> tuple[Rank, dt.datetime]:
    fits = (
        auth.member_id == line.member_id,
        auth.covers_payer(line.payer_id),
        auth.covers_code(line.code),
        auth.covers_date(line.service_date),
        auth.status.is_active,
    )
    return fits, _recorded(auth)


def suggestion_rank(auth: Authorization, units_before: float, line: BilledLine) -> tuple[Rank, dt.datetime]:
    quantity = auth.authorized_quantity
    has_room = quantity is None or units_before + line.units <= quantity
    return (auth.status.is_active, has_room), _recorded(auth)


def number_reason(line: BilledLine, auth: Authorization) -> str:
    level = "line" if line.authorization_on_line else "claim"
    return f"REF*G1 {line.prior_authorization} on the {level} is authorization {_name(auth)}"


def suggestion_reason(line: BilledLine, auth: Authorization) -> str:
    day = line.service_date.isoformat() if line.service_date else "?"
    why = (
        f"the claim's REF*G1 {line.prior_authorization} is not on file"
        if line.prior_authorization
        else "the claim has no authorization number (REF*G1)"
    )
    fix = f"put REF*G1 {auth.number} on the claim" if auth.number else "ask the payer for the number"
    return (
        f"{why}; authorization {_name(auth)} is for the same member and payer and covers {line.code} "
        f"on {day} ({_window_text(auth)}); {fix}"
    )


def _recorded(auth: Authorization) -> dt.datetime:
    when = auth.recorded_at or _EPOCH
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


def _name(auth: Authorization) -> str:
    return auth.number or f"(no number, {auth.source_kind.value})"


def _window_text(auth: Authorization) -> str:
    start = auth.effective_from.isoformat() if auth.effective_from else "open"
    end = auth.effective_to.isoformat() if auth.effective_to else "open"
    return f"{start} to {end}"


def _num(value: float) -> str:
    return f"{value:g}"
