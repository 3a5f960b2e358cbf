"""ICD-10-CM rules: format, valid and billable on the date of service, 7th characters and X
placeholders, Excludes1 pairs, age and sex conflicts (the last three are warnings)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from itertools import permutations

from referrals.domain import Diagnosis, Finding, Member
from validators.codes import ICD10_FORMAT, day_number, dotless, dotted, normalize_icd10
from validators.icd10_build import FLAG_BITS
from validators.icd10_table import Icd10Table
from validators.registry import finding

AGE_GROUP_NAMES = {1: "newborn", 2: "pediatric", 4: "maternity", 8: "adult"}
AGE_BITS = 15
MALE, FEMALE, MANIFESTATION = FLAG_BITS["male"], FLAG_BITS["female"], FLAG_BITS["manifestation"]


def check_diagnoses(
    diagnoses: list[Diagnosis], service_date: dt.date, member: Member, table: Icd10Table
) -> Iterator[Finding]:
    if not diagnoses:
        yield finding("diagnosis_missing", "diagnoses")
        return
    day = table.clamp(day_number(service_date))
    billable: list[tuple[int, str, int]] = []
    for index, dx in enumerate(diagnoses):
        field = f"diagnoses[{index}].code"
        key = dx.code.replace(".", "")
        entry = table.billable_range(key, day)  # the common case: a normalised, billable code
        if entry is None:
            code = normalize_icd10(dx.code)
            if not ICD10_FORMAT.match(code):
                yield finding("icd10_format", field, code=dx.code)
                continue
            key = dotless(code)
            entry = table.billable_range(key, day)
            if entry is None:
                yield _not_billable(field, key, service_date, day, table)
                continue
        billable.append((index, key, entry[2]))
        if entry[2]:
            yield from _member_conflicts(field, dotted(key), entry[2], member, service_date, day, table)
    yield from _pairs(billable, table)


def _not_billable(field: str, key: str, service_date: dt.date, day: int, table: Icd10Table) -> Finding:
    """Why a well-formed code is not billable on `day`, with what to use instead."""
    code = dotted(key)
    under = table.billable_under(key, day)
    seventh = _seventh_missing(field, key, day, table)
    if seventh is not None:
        return seventh
    if under:
        when = f" for a date of service of {service_date.isoformat()}" if key in table.valid else ""
        return finding("icd10_not_billable", field, code=code, on_date=when, suggestion=_suggest(under, table))
    if key in table.valid:
        return finding(
            "icd10_not_valid_on_date",
            field,
            code=code,
            service_date=service_date.isoformat(),
            validity=_validity(table.valid[key]),
        )
    placeholder = _placeholder_reading(key, day, table)
    if placeholder is not None:
        return finding("icd10_placeholder_missing", field, code=code, suggestion=dotted(placeholder))
    if table.is_known(key):
        return finding(
            "icd10_not_valid_on_date",
            field,
            code=code,
            service_date=service_date.isoformat(),
            validity="not in use on that date",
        )
    return finding("icd10_unknown", field, code=code)


def _suggest(under: list[str], table: Icd10Table) -> str:
    """The unspecified (…9) code among the nearest billable codes, else the first, with its title."""
    shortest = min(len(code) for code in under)
    nearest = [code for code in under if len(code) == shortest]
    pick = next((code for code in nearest if code.endswith("9")), nearest[0])
    title = table.names.get(pick)
    return f"{dotted(pick)} ({title})" if title else dotted(pick)


def _validity(ranges: tuple[tuple[int, int, int], ...]) -> str:
    spans = [f"{_iso(start)} to {_iso(end)}" for start, end, _ in ranges]
    return "valid " + ", ".join(spans)


def _iso(day: int) -> str:
    return f"{day // 10000:04d}-{day // 100 % 100:02d}-{day % 100:02d}"


def _seventh_missing(field: str, key: str, day: int, table: Icd10Table) -> Finding | None:
    """A code one 7th character short (S72.001 -> S72.001A/D/...), with the characters that fit."""
    if len(key) >= 7:
        return None
    characters = table.seventh_characters(key)
    if not characters:
        return None
    base = key.ljust(6, "X")
    fits = [c for c in characters if table.billable_range(base + c, day) is not None]
    if not fits:
        return None
    choices = ", ".join(f"{c} ({' '.join(characters[c].split())})" for c in fits[:3])
    if len(fits) > 3:
        choices += f", or {', '.join(fits[3:])}"
    return finding("icd10_seventh_character_missing", field, code=dotted(key), choices=choices)


def _placeholder_reading(key: str, day: int, table: Icd10Table) -> str | None:
    """The one billable code that X placeholders would make of `key` (S00.03A -> S00.03XA)."""
    body, last = key[:-1], key[-1:]
    if not last.isalpha() or len(body) >= 6 or len(body) < 3:
        return None
    gaps = 6 - len(body)
    readings = set()
    for slots in permutations(range(3, 7), gaps):
        chars = list(body)
        for slot in sorted(slots):
            chars.insert(slot, "X")
        candidate = "".join(chars)[:6] + last
        if table.billable_range(candidate, day) is not None:
            readings.add(candidate)
    return readings.pop() if len(readings) == 1 else None


def _age_on(dob: dt.date, day: dt.date) -> int:
    return day.year - dob.year - ((day.month, day.day) < (dob.month, dob.day))


def _member_conflicts(
    field: str, code: str, bits: int, member: Member, service_date: dt.date, day: int, table: Icd10Table
) -> Iterator[Finding]:
    if bits & AGE_BITS and member.dob is not None and member.dob <= service_date:
        age = _age_on(member.dob, service_date)
        groups = table.age_groups(bits & AGE_BITS, day)
        if groups and not any(low <= age <= high for _, low, high in groups):
            group, low, high = groups[0]
            yield finding(
                "icd10_age_conflict",
                field,
                code=code,
                group=AGE_GROUP_NAMES.get(group, "other"),
                ages=f"ages {low} to {high}",
                age=age,
            )
    if member.sex in ("M", "F"):
        only = "male" if bits & MALE else "female" if bits & FEMALE else None
        if only is not None and only[0].upper() != member.sex:
            yield finding("icd10_sex_conflict", field, code=code, sex=only, member_sex=member.sex)


def _in_ranges(key: str, ranges: tuple[tuple[str, str], ...]) -> bool:
    return any(low <= key[: len(low)] and key[: len(high)] <= high for low, high in ranges)


def _pairs(billable: list[tuple[int, str, int]], table: Icd10Table) -> Iterator[Finding]:
    """Duplicates, Excludes1 pairs, and a manifestation code listed first."""
    if billable and billable[0][0] == 0 and billable[0][2] & MANIFESTATION:
        yield finding("icd10_manifestation_first", "diagnoses[0].code", code=dotted(billable[0][1]))
    seen: dict[str, int] = {}
    for position, (index, key, _bits) in enumerate(billable):
        field = f"diagnoses[{index}].code"
        if key in seen:
            yield finding("diagnosis_duplicate", field, code=dotted(key))
            continue
        seen[key] = index
        for _, earlier, _ in billable[:position]:
            if _in_ranges(key, table.excludes1(earlier)) or _in_ranges(earlier, table.excludes1(key)):
                yield finding("icd10_excludes1", field, code=dotted(key), other=dotted(earlier))
                break
