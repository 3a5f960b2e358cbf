"""`intake authorizations import FILE`: authorizations that arrive by other means (portal, phone, fax).

CSV with a header row (UTF-8, comma separated; column names are case-insensitive):

| column | required | form |
| --- | --- | --- |
| `authorization_number` | yes | as the payer wrote it |
| `member_id` | yes | the payer's member id |
| `payer_id` | no | the payer id used on claims (NM1*PR NM109) |
| `service_codes` | no | HCPCS/CPT codes separated by spaces, `;` or `,` (blank: any code) |
| `authorized_quantity` | no | number of units (blank: no limit) |
| `effective_from`, `effective_to` | no | `YYYY-MM-DD` or `MM/DD/YYYY` (blank: open) |
| `servicing_npi` | no | 10 digits |
| `status` | no | certified (default), modified, denied, pended, cancelled |

A row is keyed by its authorization number: importing a corrected file replaces the rows with
the same numbers. Bad rows are reported by row number and column (never by value) and skipped;
good rows are imported.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from referrals.reconcile.engine import normalize_number
from referrals.reconcile.model import Authorization, AuthorizationSourceKind, AuthorizationStatus

COLUMNS = (
    "authorization_number",
    "member_id",
    "payer_id",
    "service_codes",
    "authorized_quantity",
    "effective_from",
    "effective_to",
    "servicing_npi",
    "status",
)
REQUIRED = ("authorization_number", "member_id")
_CODE_SPLIT = re.compile(r"[\s;,]+")


@dataclass(frozen=True)
class RowProblem:
    row: int  # 1 = the first data row (the file's line 2)
    column: str
    message: str

    def __str__(self) -> str:
        return f"row {self.row}, column {self.column}: {self.message}"


@dataclass
class CsvAuthorizations:
    authorizations: list[Authorization] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)


class _RowError(ValueError):
    def __init__(self, column: str, message: str) -> None:
        super().__init__(message)
        self.column = column


def read_authorizations_csv(path: Path, received_at: dt.datetime | None = None) -> CsvAuthorizations:
    """Every valid row of the file as an authorization, and every problem with the others."""
    data = path.read_bytes()
    sha256 = hashlib.sha256(data).hexdigest()
    reader = csv.DictReader(io.StringIO(data.decode("utf-8-sig")))
    result = CsvAuthorizations()
    missing = _missing_columns(reader.fieldnames)
    if missing:
        result.problems.append(RowProblem(0, ", ".join(missing), "required column missing from the header"))
        return result
    when = received_at or dt.datetime.now(dt.UTC)
    for number, raw in enumerate(reader, start=1):
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items()}
        try:
            result.authorizations.append(_authorization(row, sha256, when))
        except _RowError as problem:
            result.problems.append(RowProblem(number, problem.column, str(problem)))
    return result


def _missing_columns(header: Sequence[str] | None) -> list[str]:
    present = {name.strip().lower() for name in header or []}
    return [name for name in REQUIRED if name not in present]


def _authorization(row: dict[str, str], sha256: str, received_at: dt.datetime) -> Authorization:
    number, member = _required(row, "authorization_number"), _required(row, "member_id")
    effective_from, effective_to = _date(row, "effective_from"), _date(row, "effective_to")
    if effective_from and effective_to and effective_to < effective_from:
        raise _RowError("effective_to", "the window ends before it starts")
    return Authorization(
        number=number,
        member_id=member,
        payer_id=row.get("payer_id") or None,
        service_codes=frozenset(c.upper() for c in _CODE_SPLIT.split(row.get("service_codes", "")) if c),
        authorized_quantity=_quantity(row),
        effective_from=effective_from,
        effective_to=effective_to,
        servicing_npi=_npi(row),
        status=_status(row),
        source_kind=AuthorizationSourceKind.CSV,
        source_id=normalize_number(number) or number,
        source_document=sha256,
        recorded_at=received_at,
    )


def _required(row: dict[str, str], column: str) -> str:
    value = row.get(column, "")
    if not value:
        raise _RowError(column, "is empty; it is required")
    return value


def _date(row: dict[str, str], column: str) -> dt.date | None:
    value = row.get(column, "")
    if not value:
        return None
    for pattern in ("%Y-%m-%d", "%m/%d/%Y"):
        try:
            return dt.datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    raise _RowError(column, "is not a date (YYYY-MM-DD or MM/DD/YYYY)")


def _quantity(row: dict[str, str]) -> float | None:
    value = row.get("authorized_quantity", "")
    if not value:
        return None
    try:
        quantity = float(value)
    except ValueError:
        raise _RowError("authorized_quantity", "is not a number") from None
    if quantity < 0:
        raise _RowError("authorized_quantity", "is negative")
    return quantity


def _npi(row: dict[str, str]) -> str | None:
    value = row.get("servicing_npi", "")
    if value and not (len(value) == 10 and value.isdigit()):
        raise _RowError("servicing_npi", "is not 10 digits")
    return value or None


def _status(row: dict[str, str]) -> AuthorizationStatus:
    value = row.get("status", "").lower() or "certified"
    try:
        return AuthorizationStatus(value)
    except ValueError:
        allowed = ", ".join(s.value for s in AuthorizationStatus)
        raise _RowError("status", f"is not one of {allowed}") from None
