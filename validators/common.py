"""Rules shared by claims and referrals: NPIs, diagnosis and procedure codes, dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from referrals.domain import Diagnosis, Finding, Severity
from validators.codes import ICD10_FORMAT, MODIFIER_FORMAT, procedure_system
from validators.npi import npi_problem


def _error(field: str, code: str, message: str) -> Finding:
    return Finding(field=field, code=code, severity=Severity.ERROR, message=message)


def check_npi(field: str, npi: str | None, who: str, required: bool = True) -> Iterator[Finding]:
    if npi is None:
        if required:
            yield _error(field, "npi_missing", f"The {who}'s NPI is missing; ask the sender for it.")
        return
    problem = npi_problem(npi)
    if problem:
        code = "npi_checksum" if "check digit" in problem else "npi_format"
        yield _error(field, code, f"The {who}'s {problem}; ask the sender to confirm the NPI.")


def check_diagnoses(diagnoses: list[Diagnosis]) -> Iterator[Finding]:
    if not diagnoses:
        yield _error("diagnoses", "diagnosis_missing",
                     "No ICD-10-CM diagnosis code is given; ask the ordering office for one.")
    for index, dx in enumerate(diagnoses):
        if not ICD10_FORMAT.match(dx.code):
            yield _error(f"diagnoses[{index}].code", "icd10_format",
                         f"Diagnosis code {dx.code} is not an ICD-10-CM code; ask for the ICD-10-CM code.")


def check_procedure(field: str, code: str, modifiers: list[str]) -> Iterator[Finding]:
    if procedure_system(code) is None:
        yield _error(f"{field}.code", "procedure_code_format",
                     f"Service code {code} is neither a CPT nor a HCPCS code; ask for the correct code.")
    if len(modifiers) > 4:
        yield _error(f"{field}.modifiers", "too_many_modifiers",
                     f"{len(modifiers)} modifiers are given for {code}; at most 4 are allowed.")
    for index, modifier in enumerate(modifiers):
        if not MODIFIER_FORMAT.match(modifier):
            yield _error(f"{field}.modifiers[{index}]", "modifier_format",
                         f"Modifier {modifier!r} is not two letters or digits; ask for the correct modifier.")


def check_dob(dob: dt.date | None, today: dt.date, required: bool = True) -> Iterator[Finding]:
    if dob is None:
        if required:
            yield _error("member.dob", "dob_missing", "The member's date of birth is missing; ask for it.")
        return
    if dob > today:
        yield _error("member.dob", "dob_in_future", "The member's date of birth is in the future; ask for it.")
    elif (today - dob).days > 125 * 366:
        yield _error("member.dob", "dob_implausible",
                     "The member's date of birth gives an age over 125; ask the sender to confirm it.")
