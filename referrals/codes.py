"""Code formats every part of the service shares (part of the domain, so parsers may use them).

Membership in a code set (is the ICD-10-CM code billable, is the HCPCS code active) is the
validators' business; this module only knows what a code looks like.
"""

from __future__ import annotations

import re

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
