"""Read CMS Alpha-Numeric HCPCS files (both forms) and customer CPT lists into storable code tables.

- `.xlsx`: one row per code; header `HCPC, SEQNUM, RECID, ..., PRICE1, ..., TOS1-5, ..., ADD DT,
  ACT EFF DT, TERM DT, ACTION CD`; RECID 3 is a procedure code, 7 a modifier.
- `.txt` (fixed width, lines trimmed after column 293): code 1-5, record id 11, pricing indicator
  120-121, type of service 261-265, add date 269-276, action effective date 277-284, termination
  date 285-292 (1-based columns); record id 3 is a code's first line, 4 its continuation.

Only codes and dates are kept, plus whether the item can be rented (a type of service `R`, used for
the DME rental-modifier check). Descriptions are not stored.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from validators.codes import CPT_FORMAT, HCPCS_FORMAT
from validators.codesets import CodeDates

_TXT_MIN_WIDTH = 292
_MONTHS = {
    m: i
    for i, m in enumerate(("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"), start=1)
}


class CodeSetFileError(ValueError):
    """The file is not a code-set file this importer understands (the message says why, no content)."""


@dataclass(frozen=True)
class ImportedCodes:
    system: str
    codes: dict[str, CodeDates]
    effective: dt.date
    source_name: str
    source_sha256: str


def _day(value: object) -> int:
    text = str(value or "").strip()
    return int(text) if text.isdigit() and len(text) == 8 else 0


def _row_codes(rows: Iterable[tuple[str, str, str, str, object, object, object]]) -> dict[str, CodeDates]:
    """(code, recid, price1, tos, add, action effective, termination) rows -> stored code table."""
    codes: dict[str, CodeDates] = {}
    for code, recid, _price, tos, added, acted, ended in rows:
        code = code.strip().upper()
        if recid == "3" and HCPCS_FORMAT.match(code):
            codes[code] = (_day(added), _day(acted), _day(ended), int("R" in tos))
    return codes


def _xlsx_rows(path: Path) -> Iterator[tuple[str, str, str, str, object, object, object]]:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as exc:
        raise CodeSetFileError(f"not a readable .xlsx workbook ({type(exc).__name__})") from exc
    try:
        rows = workbook.worksheets[0].iter_rows(values_only=True)
        header = [str(h or "").strip().upper() for h in next(rows, ())]
        need = ("HCPC", "RECID", "PRICE1", "ADD DT", "ACT EFF DT", "TERM DT")
        missing = [name for name in need if name not in header]
        if missing:
            raise CodeSetFileError(f"the workbook's first sheet has no {', '.join(missing)} column")
        at = {name: header.index(name) for name in header}
        tos = [at[f"TOS{i}"] for i in range(1, 6) if f"TOS{i}" in at]
        for row in rows:
            yield (
                str(row[at["HCPC"]] or ""),
                str(row[at["RECID"]] or "").strip(),
                str(row[at["PRICE1"]] or ""),
                "".join(str(row[i] or "") for i in tos),
                row[at["ADD DT"]],
                row[at["ACT EFF DT"]],
                row[at["TERM DT"]],
            )
    finally:
        workbook.close()


def _txt_rows(path: Path) -> Iterator[tuple[str, str, str, str, object, object, object]]:
    with path.open("r", encoding="latin-1") as fh:
        for number, line in enumerate(fh, start=1):
            line = line.rstrip("\r\n")
            if not line.strip():
                continue
            if line[10:11] == "3" and len(line) < _TXT_MIN_WIDTH:
                raise CodeSetFileError(f"line {number} is {len(line)} characters; a CMS HCPCS record is 293")
            yield (
                line[0:5],
                line[10:11],
                line[119:121],
                line[260:265],
                line[268:276],
                line[276:284],
                line[284:292],
            )


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def effective_from_name(name: str) -> dt.date | None:
    """`HCPC2026_JUL_ANWEB_06172026.xlsx` -> 2026-07-01 (CMS names its quarterly files so)."""
    found = re.search(r"(20\d\d)[_-]?(JAN|APR|JUL|OCT)", name.upper())
    return dt.date(int(found.group(1)), _MONTHS[found.group(2)], 1) if found else None


def _effective(codes: dict[str, CodeDates], name: str) -> dt.date:
    named = effective_from_name(name)
    if named is not None:
        return named
    latest = max((dates[1] for dates in codes.values()), default=0)
    if not latest:
        raise CodeSetFileError("no effective date: give one with --effective YYYY-MM-DD")
    return dt.date(latest // 10000, latest // 100 % 100, latest % 100)


def read_hcpcs(path: Path, effective: dt.date | None = None) -> ImportedCodes:
    """A CMS Alpha-Numeric HCPCS file, `.xlsx` or fixed-width `.txt`, as a storable table."""
    rows = _xlsx_rows(path) if path.suffix.lower() == ".xlsx" else _txt_rows(path)
    codes = _row_codes(rows)
    if not codes:
        raise CodeSetFileError("no HCPCS procedure records (record id 3) were found")
    return ImportedCodes("hcpcs", codes, effective or _effective(codes, path.name), path.name, _sha256(path))


def read_cpt_list(path: Path, effective: dt.date | None) -> ImportedCodes:
    """A customer CPT list: one code per line, or a CSV whose first column is the code. Only the codes
    are kept (CPT descriptors are AMA-licensed and never stored)."""
    with path.open("r", encoding="utf-8-sig", newline="") as fh:
        cells = [row[0].strip().upper() for row in csv.reader(fh) if row and row[0].strip()]
    codes: dict[str, CodeDates] = {code: (0, 0, 0, 0) for code in cells if CPT_FORMAT.match(code)}
    if not codes:
        raise CodeSetFileError("no CPT codes (5 digits, or 4 digits and F, T or U) in the first column")
    if effective is None:
        raise CodeSetFileError("a CPT list has no effective date of its own: give --effective YYYY-MM-DD")
    return ImportedCodes("cpt", codes, effective, path.name, _sha256(path))
