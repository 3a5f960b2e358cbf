"""Code formats every part of the service shares (part of the domain, so parsers may use them).

Membership in a code set (is the ICD-10-CM code billable, is the HCPCS code active) is the
validators' business; this module knows what a code looks like, the NPI's check digit, and the
`CodeSets` interface through which a parser asks about membership: ingest fills a parser's
`ParseContext.code_sets` with the validators' tables, so no parser imports validators.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Protocol

# ICD-10-CM: a letter, then two characters of which the first may also be a letter (QA0 since
# FY2026); up to four more after the dot.
ICD10_FORMAT = re.compile(r"^[A-Z][0-9A-Z][0-9A-Z](\.[0-9A-Z]{1,4})?$")
# What the record contract (record.schema.json) accepts in `diagnoses[].code`: it still requires
# a digit in position 2, so FY2026 categories such as QA0 cannot be carried in a record yet.
CONTRACT_ICD10_FORMAT = re.compile(r"^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$")
HCPCS_FORMAT = re.compile(r"^[A-V]\d{4}$")
CPT_FORMAT = re.compile(r"^(\d{5}|\d{4}[FTU])$")
MODIFIER_FORMAT = re.compile(r"^[A-Z0-9]{2}$")


def normalize_icd10(raw: str) -> str:
    """Upper case, no spaces, dotted after the third character (`e1165` -> `E11.65`)."""
    code = raw.strip().upper().replace(" ", "").replace(".", "")
    return f"{code[:3]}.{code[3:]}" if len(code) > 3 else code


def is_icd10_format(code: str) -> bool:
    return bool(ICD10_FORMAT.match(code))


def fits_record_contract(code: str) -> bool:
    """True when a (normalized) ICD-10-CM code can be written into a record's `diagnoses`."""
    return bool(CONTRACT_ICD10_FORMAT.match(code))


def procedure_system(code: str | None) -> str | None:
    """'CPT' or 'HCPCS' by format, None when the code is neither."""
    if not code:
        return None
    if CPT_FORMAT.match(code):
        return "CPT"
    if HCPCS_FORMAT.match(code):
        return "HCPCS"
    return None


NPI_PREFIX = "80840"
# A doubled digit's Luhn value (2d, minus 9 when over 9), by digit.
_DOUBLED = (0, 2, 4, 6, 8, 1, 3, 5, 7, 9)


def luhn_check_digit(payload: str) -> int:
    """The Luhn digit that completes `payload` (ASCII digits only)."""
    total = 0
    for index, char in enumerate(reversed(payload)):
        digit = ord(char) - 48
        total += _DOUBLED[digit] if index % 2 == 0 else digit
    return (10 - total % 10) % 10


def npi_check_digit(first_nine: str) -> int:
    """The check digit of an NPI whose first nine digits are `first_nine`."""
    return luhn_check_digit(NPI_PREFIX + first_nine)


def npi_checks_out(value: str) -> bool:
    """True for 10 ASCII digits, starting 1 or 2, whose last digit is the Luhn check digit."""
    if len(value) != 10 or not all("0" <= ch <= "9" for ch in value) or value[0] not in "12":
        return False
    return ord(value[9]) - 48 == npi_check_digit(value[:9])


class Icd10Membership(StrEnum):
    BILLABLE = "billable"  # a leaf code, billable
    HEADER = "header"  # a category with billable codes under it (J44)
    KNOWN = "known"  # an ICD-10-CM code, but neither of the above now
    UNKNOWN = "unknown"  # no ICD-10-CM code
    UNCHECKED = "unchecked"  # no ICD-10-CM table to ask


class CodeSets(Protocol):
    """Code-set membership as a parser may ask it (ingest supplies the validators' tables)."""

    def icd10(self, code: str) -> Icd10Membership:
        """Membership of a dotted or dotless ICD-10-CM code."""
        ...

    def hcpcs_known(self, code: str) -> bool | None:
        """Whether a HCPCS Level II code is in the code set in force; None when none is loaded."""
        ...

    def icd10_title(self, code: str) -> str | None:
        """The ICD-10-CM title of a dotted or dotless code ('Heart failure, unspecified'); None when unknown."""
        ...


class NoCodeSets:
    """No tables: every code is unchecked, so nothing can be confirmed by a code set."""

    def icd10(self, code: str) -> Icd10Membership:
        return Icd10Membership.UNCHECKED

    def hcpcs_known(self, code: str) -> bool | None:
        return None

    def icd10_title(self, code: str) -> str | None:
        return None


NO_CODE_SETS = NoCodeSets()
