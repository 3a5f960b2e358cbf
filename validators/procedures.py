"""HCPCS Level II and CPT rules: formats always; membership and dates when a code set is imported;
DME rental/purchase modifiers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from referrals.domain import Finding
from validators.codes import MODIFIER_FORMAT, day_number, procedure_system
from validators.codesets import CodeSetVersion, StoredCodeSets
from validators.registry import finding

MAX_MODIFIERS = 4
RENTAL_PURCHASE_MODIFIERS = frozenset({"RR", "NU", "UE"})


def check_procedure(
    field: str,
    code: str,
    system: str | None,
    modifiers: list[str],
    service_date: dt.date,
    codesets: StoredCodeSets,
) -> Iterator[Finding]:
    """Every finding about one service line's code and modifiers (`field` is the line's path)."""
    actual = procedure_system(code)
    if actual is None:
        yield finding("procedure_code_format", f"{field}.code", code=code)
    elif system is not None and system != actual:
        yield finding("procedure_system_mismatch", f"{field}.system", code=code, given=system, actual=actual)
    yield from _modifiers(field, code, modifiers)
    if actual == "HCPCS":
        yield from _hcpcs(field, code, modifiers, service_date, codesets.hcpcs_for(service_date))
    elif actual == "CPT":
        yield from _cpt(field, code, codesets.cpt_for(service_date))


def _modifiers(field: str, code: str, modifiers: list[str]) -> Iterator[Finding]:
    if len(modifiers) > MAX_MODIFIERS:
        yield finding("too_many_modifiers", f"{field}.modifiers", count=len(modifiers), code=code)
    for index, modifier in enumerate(modifiers):
        if not MODIFIER_FORMAT.match(modifier):
            yield finding("modifier_format", f"{field}.modifiers[{index}]", modifier=repr(modifier), code=code)


def _hcpcs(
    field: str, code: str, modifiers: list[str], service_date: dt.date, version: CodeSetVersion | None
) -> Iterator[Finding]:
    if version is None:
        return
    dates = version.codes.get(code)
    if dates is None:
        yield finding("hcpcs_unknown", f"{field}.code", code=code, version=version.label)
        return
    added, _acted, ended, rentable = dates
    day = day_number(service_date)
    if ended and day > ended:
        yield finding(
            "hcpcs_terminated",
            f"{field}.code",
            code=code,
            term_date=_iso(ended),
            service_date=service_date.isoformat(),
        )
    elif added and day < added:
        yield finding(
            "hcpcs_not_yet_effective",
            f"{field}.code",
            code=code,
            effective=_iso(added),
            service_date=service_date.isoformat(),
        )
    if rentable and RENTAL_PURCHASE_MODIFIERS.isdisjoint(modifiers):
        yield finding("dme_rental_modifier_missing", f"{field}.modifiers", code=code)


def _cpt(field: str, code: str, version: CodeSetVersion | None) -> Iterator[Finding]:
    if version is not None and code not in version.codes:
        yield finding("cpt_unknown", f"{field}.code", code=code, version=version.label)


def _iso(day: int) -> str:
    return f"{day // 10000:04d}-{day // 100 % 100:02d}-{day % 100:02d}"
