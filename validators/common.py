"""Rules shared by claims and referrals: NPIs (codes and dates have their own modules)."""

from __future__ import annotations

from collections.abc import Iterator

from referrals.domain import Finding
from validators.npi import describe_character, npi_issue
from validators.registry import finding

_FORMAT_PROBLEMS = {
    "length": "has {detail} digits instead of 10",
    "first_digit": "starts with {detail}, not 1 or 2",
}


def check_npi(field: str, npi: str | None, who: str, required: bool = True) -> Iterator[Finding]:
    if not npi:
        if required:
            yield finding("npi_missing", field, who=who)
        return
    issue = npi_issue(npi)
    if issue is None:
        return
    if issue.kind == "character":
        yield finding("npi_character", field, who=who, npi=repr(npi), char_name=describe_character(issue.detail))
    elif issue.kind == "checksum":
        yield finding("npi_checksum", field, who=who, npi=npi, expected=issue.detail)
    else:
        yield finding(
            "npi_format",
            field,
            who=who,
            npi=npi,
            problem=_FORMAT_PROBLEMS[issue.kind].format(detail=issue.detail),
        )
