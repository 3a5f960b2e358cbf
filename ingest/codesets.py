"""The validators' code sets, handed to parsers through `ParseContext.code_sets` (referrals.codes.CodeSets).

Parsers depend on the domain only; this adapter is where the ICD-10-CM table (the compact cached
one, `validators.codes.icd10_status`) and the imported HCPCS file meet the parsers' interface.
"""

from __future__ import annotations

import datetime as dt

from referrals.codes import ICD10_FORMAT, Icd10Membership, normalize_icd10
from validators import codes


class ValidatorCodeSets:
    """Membership as of `on_date` (default: the day asked); the tables load on first use."""

    def __init__(self, on_date: dt.date | None = None) -> None:
        self.on_date = on_date

    def icd10(self, code: str) -> Icd10Membership:
        if not ICD10_FORMAT.match(normalize_icd10(code)):
            return Icd10Membership.UNKNOWN
        return Icd10Membership(codes.icd10_status(code, self.on_date).value)

    def hcpcs_known(self, code: str) -> bool | None:
        return codes.hcpcs_known(code, self.on_date)

    def icd10_title(self, code: str) -> str | None:
        return codes.shared_table().names.get(codes.dotless(code))


VALIDATOR_CODE_SETS = ValidatorCodeSets()
