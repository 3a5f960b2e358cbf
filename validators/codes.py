"""Code formats and code-set lookups: ICD-10-CM, HCPCS Level II, CPT (Category I, II, III, PLA).

Pure helpers the X12 and fax paths call (the fax path uses them for code-set-aware OCR
correction): `normalize_icd10`, `procedure_system`, `icd10_status`, `hcpcs_known`.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path

from referrals.codes import (  # formats are the domain's; re-exported here for the rules
    CPT_FORMAT,
    HCPCS_FORMAT,
    ICD10_FORMAT,
    MODIFIER_FORMAT,
    normalize_icd10,
    procedure_system,
)
from validators.codesets import default_codeset_dir, stored_codesets
from validators.icd10_table import Icd10Table, shared_table


class Icd10Status(StrEnum):
    BILLABLE = "billable"  # valid and billable on the date
    HEADER = "header"  # a heading with billable codes under it on the date (E11, J44)
    KNOWN = "known"  # an ICD-10-CM code of some fiscal year, but neither on the date
    UNKNOWN = "unknown"  # not an ICD-10-CM code in any fiscal year covered


def dotless(code: str) -> str:
    return code.strip().upper().replace(".", "").replace(" ", "")


def dotted(code: str) -> str:
    """`E119` -> `E11.9` (the contract's normal form)."""
    return f"{code[:3]}.{code[3:]}" if len(code) > 3 else code


def day_number(day: dt.date) -> int:
    """A date as the YYYYMMDD integer the ICD-10-CM table uses."""
    return day.year * 10000 + day.month * 100 + day.day


def icd10_status(code: str, on_date: dt.date | None = None, table: Icd10Table | None = None) -> Icd10Status:
    """Whether `code` (dotted or not, any case) is billable, a heading, known or unknown on `on_date`
    (default today; dates past the table's coverage use its newest fiscal year)."""
    table = table or shared_table()
    key = dotless(code)
    day = table.clamp(day_number(on_date or dt.date.today()))
    if table.billable_range(key, day) is not None:
        return Icd10Status.BILLABLE
    if not table.is_known(key):
        return Icd10Status.UNKNOWN
    return Icd10Status.HEADER if table.billable_under(key, day) else Icd10Status.KNOWN


def hcpcs_known(code: str, on_date: dt.date | None = None, codeset_dir: Path | None = None) -> bool | None:
    """Whether `code` is in the imported CMS HCPCS file in force on `on_date` (any status);
    None when no HCPCS file has been imported (`intake codesets import hcpcs FILE`)."""
    version = stored_codesets(codeset_dir or default_codeset_dir()).hcpcs_for(on_date or dt.date.today())
    if version is None:
        return None
    return code.strip().upper() in version.codes


__all__ = [
    "CPT_FORMAT",
    "HCPCS_FORMAT",
    "ICD10_FORMAT",
    "MODIFIER_FORMAT",
    "Icd10Status",
    "day_number",
    "dotless",
    "dotted",
    "hcpcs_known",
    "icd10_status",
    "normalize_icd10",
    "procedure_system",
]
