"""ICD-10-CM: normalisation, billable by date of service (FY2026/FY2027), headings, 7th characters,
placeholders, Excludes1 pairs, age and sex conflicts."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from referrals.domain import Diagnosis, Member
from validators.codes import Icd10Status, icd10_status, normalize_icd10
from validators.diagnoses import check_diagnoses
from validators.icd10_table import shared_table

FY2026_LAST = dt.date(2026, 9, 30)
FY2027_FIRST = dt.date(2026, 10, 1)
ADULT_MAN = Member(dob=dt.date(1945, 1, 23), sex="M")


def findings(*codes: str, on: dt.date = dt.date(2026, 11, 1), member: Member = ADULT_MAN) -> list[tuple[str, str]]:
    dx = [Diagnosis(code=c) for c in codes]
    return [(f.code, f.message) for f in check_diagnoses(dx, on, member, shared_table())]


@pytest.mark.parametrize(
    ("raw", "normal"),
    [
        ("e1165", "E11.65"),
        (" E11.65 ", "E11.65"),
        ("j449", "J44.9"),
        ("E11", "E11"),
        ("s72.001a", "S72.001A"),
        ("qa0.0101", "QA0.0101"),
    ],
)
def test_normalisation(raw: str, normal: str) -> None:
    assert normalize_icd10(raw) == normal


@pytest.mark.parametrize(
    ("code", "day", "status"),
    [
        ("D69.1", FY2026_LAST, Icd10Status.BILLABLE),
        ("D69.1", FY2027_FIRST, Icd10Status.HEADER),
        ("D69.11", FY2026_LAST, Icd10Status.KNOWN),
        ("D69.11", FY2027_FIRST, Icd10Status.BILLABLE),
        ("E11", FY2027_FIRST, Icd10Status.HEADER),
        ("e119", FY2027_FIRST, Icd10Status.BILLABLE),
        ("QA0", FY2027_FIRST, Icd10Status.HEADER),
        ("QA0.0101", FY2027_FIRST, Icd10Status.BILLABLE),
        ("S72.001A", FY2026_LAST, Icd10Status.BILLABLE),
        ("S72.001", FY2026_LAST, Icd10Status.HEADER),
        ("ZZZ.9", FY2026_LAST, Icd10Status.UNKNOWN),
    ],
)
def test_status_by_date(code: str, day: dt.date, status: Icd10Status) -> None:
    assert icd10_status(code, day) is status


def test_fiscal_year_boundary_on_records() -> None:
    assert findings("D69.1", on=FY2026_LAST) == []
    ((code, message),) = findings("D69.1", on=FY2027_FIRST)
    assert code == "icd10_not_billable" and "2026-10-01" in message and "D69.1" in message
    assert findings("D69.11", on=FY2027_FIRST) == []
    ((code, message),) = findings("D69.11", on=FY2026_LAST)
    assert code == "icd10_not_valid_on_date" and "valid 2026-10-01" in message


@pytest.mark.parametrize(("header", "billable"), [("E11", "E11.9"), ("J44", "J44.9")])
def test_header_names_a_billable_code(header: str, billable: str) -> None:
    ((code, message),) = findings(header)
    assert code == "icd10_not_billable"
    assert f"use {billable}" in message and "or a more specific code" in message


def test_seventh_character_missing_lists_the_characters() -> None:
    ((code, message),) = findings("S72.001")
    assert code == "icd10_seventh_character_missing"
    assert "A (initial encounter for closed fracture)" in message


def test_placeholder_x_is_suggested_not_applied() -> None:
    ((code, message),) = findings("S00.03A")
    assert code == "icd10_placeholder_missing" and "S00.03XA" in message
    assert findings("S00.03XA") == []
    assert findings("T36.0X1A") == []


def test_unknown_and_malformed() -> None:
    assert [c for c, _ in findings("ZZZ.9")] == ["icd10_unknown"]
    assert [c for c, _ in findings("E1")] == ["icd10_format"]
    assert [c for c, _ in findings("11.9")] == ["icd10_format"]


def test_excludes1_pair_is_a_warning() -> None:
    assert [c for c, _ in findings("E10.9", "E11.9")] == ["icd10_excludes1"]
    assert findings("E11.9", "I10") == []


def test_age_conflict() -> None:
    child = Member(dob=dt.date(2020, 1, 1), sex="F")
    assert [c for c, _ in findings("O24.410", member=ADULT_MAN)] == ["icd10_age_conflict"]
    assert findings("O24.410", member=Member(dob=dt.date(1996, 1, 1), sex="F")) == []
    assert [c for c, _ in findings("Z38.00", member=child)] == ["icd10_age_conflict"]


def test_sex_conflict_follows_the_edits_of_the_date() -> None:
    woman = Member(dob=dt.date(1950, 1, 1), sex="F")
    # CMS dropped the MCE's sex edits in FY2025: N40.0 was male-only before 2024-10-01 only.
    assert [c for c, _ in findings("N40.0", on=dt.date(2024, 6, 1), member=woman)] == ["icd10_sex_conflict"]
    assert findings("N40.0", on=dt.date(2024, 6, 1)) == []
    assert findings("N40.0", member=woman) == []


def test_duplicates_and_missing() -> None:
    assert [c for c, _ in findings("J44.9", "J44.9")] == ["diagnosis_duplicate"]
    assert [c for c, _ in findings()] == ["diagnosis_missing"]


def test_no_letter_digit_regex_for_icd_codes() -> None:
    """QA0 (a letter in position 2) exists since FY2026: no rule may assume letter-then-digit."""
    for path in (Path(__file__).resolve().parents[2] / "validators").glob("*.py"):
        assert not re.search(r"\[A-Z\]\[0-9\]|\[A-Z\]\\d", path.read_text()), path.name
