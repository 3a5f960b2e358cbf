"""NPI: 10 ASCII digits, first digit 1 or 2, Luhn check digit over the prefix 80840.

Written here on purpose: the one PyPI package for it rejects every valid NPI whose check digit is 0.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Literal

from referrals.codes import NPI_PREFIX, luhn_check_digit, npi_check_digit  # the check digit is the domain's

__all__ = [
    "NPI_PREFIX",
    "IssueKind",
    "NpiIssue",
    "describe_character",
    "is_valid_npi",
    "issue_sentence",
    "luhn_check_digit",
    "npi_check_digit",
    "npi_issue",
    "npi_problem",
]

_ASCII_DIGITS = frozenset("0123456789")

IssueKind = Literal["character", "length", "first_digit", "checksum"]


@dataclass(frozen=True)
class NpiIssue:
    """What is wrong with an NPI: the kind, and the offending character or the expected digit."""

    kind: IssueKind
    detail: str

    @property
    def code(self) -> str:
        return {"character": "npi_character", "checksum": "npi_checksum"}.get(self.kind, "npi_format")


def describe_character(char: str) -> str:
    """A clerk-readable name for a character: "the full-width digit '１' (U+FF11)", "a space"."""
    if char == " ":
        return "a space"
    name = unicodedata.name(char, "").lower()
    label = f"'{char}'" if char.isprintable() else "an invisible character"
    if "fullwidth digit" in name:
        return f"the full-width digit {label} (U+{ord(char):04X})"
    if unicodedata.category(char) == "Nd":
        return f"the non-ASCII digit {label} (U+{ord(char):04X})"
    return f"the character {label} ({name or 'unnamed'}, U+{ord(char):04X})"


def npi_issue(value: str) -> NpiIssue | None:
    """None for a valid NPI, else what is wrong with it."""
    for char in value:
        if char not in _ASCII_DIGITS:
            return NpiIssue("character", char)
    if len(value) != 10:
        return NpiIssue("length", str(len(value)))
    if value[0] not in "12":
        return NpiIssue("first_digit", value[0])
    expected = npi_check_digit(value[:9])
    if ord(value[9]) - 48 != expected:
        return NpiIssue("checksum", str(expected))
    return None


def issue_sentence(value: str, issue: NpiIssue) -> str:
    """The issue as a clause about NPI `value` (no PHI: an NPI is public)."""
    if issue.kind == "character":
        return f"NPI {value!r} contains {describe_character(issue.detail)}; an NPI is 10 digits (0-9) only"
    if issue.kind == "length":
        return f"NPI {value} has {issue.detail} digits; an NPI has exactly 10"
    if issue.kind == "first_digit":
        return f"NPI {value} starts with {issue.detail}; an NPI starts with 1 or 2"
    return f"NPI {value} fails its check digit (expected {issue.detail} as the last digit)"


def npi_problem(value: str) -> str | None:
    """None for a valid NPI, else a sentence saying what is wrong (the NPI is no PHI)."""
    issue = npi_issue(value)
    return None if issue is None else issue_sentence(value, issue)


def is_valid_npi(value: str) -> bool:
    return npi_issue(value) is None
