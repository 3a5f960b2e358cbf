"""X12 element values in the record's normal forms (dates, ZIP, sex, numbers, diagnoses)."""

from __future__ import annotations

import datetime as dt

from referrals import codes
from referrals.domain import Diagnosis

procedure_system = codes.procedure_system


def x12_date(raw: str | None) -> dt.date | None:
    """CCYYMMDD to a date; None for anything that is not a real calendar date."""
    if raw is None or len(raw) != 8 or not raw.isdigit():
        return None
    try:
        return dt.date(int(raw[:4]), int(raw[4:6]), int(raw[6:]))
    except ValueError:
        return None


def period_start(format_qualifier: str | None, raw: str | None) -> dt.date | None:
    """The first date of a DTP value: D8 `CCYYMMDD`, RD8 `CCYYMMDD-CCYYMMDD`, DT `CCYYMMDDHHMM`."""
    if raw is None:
        return None
    if format_qualifier in ("RD8", "DT"):
        return x12_date(raw[:8])
    return x12_date(raw)


def period_end(format_qualifier: str | None, raw: str | None) -> dt.date | None:
    if raw is None:
        return None
    if format_qualifier == "RD8" and "-" in raw:
        return x12_date(raw.split("-", 1)[1])
    return period_start(format_qualifier, raw)


def zip_code(raw: str | None) -> str | None:
    if raw is None or not raw.isdigit():
        return None
    if len(raw) == 5:
        return raw
    if len(raw) == 9:
        return f"{raw[:5]}-{raw[5:]}"
    return None


def state_code(raw: str | None) -> str | None:
    """A two-letter state or province code, upper-cased; None for anything else (N402)."""
    if raw is None or len(raw) != 2 or not raw.isalpha():
        return None
    return raw.upper()


def sex(raw: str | None) -> str | None:
    return raw if raw in ("M", "F", "U") else None


def number(raw: str | None) -> float | None:
    if raw is None:
        return None
    try:
        return float(raw)
    except ValueError:
        return None


def diagnosis(raw: str) -> Diagnosis | None:
    """The code dotted as the record wants it, or None when the record contract cannot hold it."""
    code = codes.normalize_icd10(raw)
    return Diagnosis(code=code) if codes.fits_record_contract(code) else None
