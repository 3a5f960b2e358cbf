"""Imported code sets (CMS HCPCS files, a customer's CPT list), stored versioned under the service home.

Layout: `<home>/codesets/<system>/<effective YYYY-MM-DD>_<sha256[:12]>.json`, one file per
imported version, written atomically (every worker process sees a whole file or none). A file:
`{"system": "HCPCS", "effective": "2026-07-01", "source": {"name", "sha256", "imported_at"},
  "codes": {"E1390": [add, action_effective, termination, rentable], ...}}` with dates as
YYYYMMDD integers (0 when blank). CPT lists hold codes only: no descriptor text is ever stored.
The version in force for a date of service is the newest one whose effective date is on or before it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from validators.stamped import StampedFiles

SYSTEMS = ("hcpcs", "cpt")
# (add date, action effective date, termination date, rentable DME flag)
CodeDates = tuple[int, int, int, int]


def default_codeset_dir() -> Path:
    """`$INTAKE_HOME/codesets` (the service home's default is `.intake`, as in referrals.config)."""
    return _codeset_dir_of(os.environ.get("INTAKE_HOME", ".intake"))


@lru_cache(maxsize=8)
def _codeset_dir_of(home: str) -> Path:
    return Path(home) / "codesets"


@dataclass(frozen=True)
class CodeSetVersion:
    system: str
    effective: dt.date
    name: str
    codes: dict[str, CodeDates]

    @property
    def label(self) -> str:
        return f"{self.name}, effective {self.effective.isoformat()}"


@dataclass(frozen=True)
class StoredCodeSets:
    """Every stored version of every system, oldest first."""

    versions: dict[str, list[CodeSetVersion]] = field(default_factory=dict)

    def for_date(self, system: str, day: dt.date) -> CodeSetVersion | None:
        versions = self.versions.get(system) or []
        if not versions:
            return None
        index = bisect_right([v.effective for v in versions], day)
        return versions[max(index - 1, 0)]

    def hcpcs_for(self, day: dt.date) -> CodeSetVersion | None:
        return self.for_date("hcpcs", day)

    def cpt_for(self, day: dt.date) -> CodeSetVersion | None:
        return self.for_date("cpt", day)


def _read_version(path: Path) -> CodeSetVersion:
    data = json.loads(path.read_text(encoding="utf-8"))
    codes: dict[str, CodeDates] = {code: tuple(dates) for code, dates in data["codes"].items()}
    return CodeSetVersion(
        system=data["system"].lower(),
        effective=dt.date.fromisoformat(data["effective"]),
        name=data["source"]["name"],
        codes=codes,
    )


def _stamps(directory: Path) -> tuple[int, ...]:
    """The code set folders' modification times (0 for a folder not there): an import changes one."""
    return tuple(_mtime(directory / system) for system in SYSTEMS)


def _mtime(folder: Path) -> int:
    try:
        return folder.stat().st_mtime_ns
    except OSError:
        return 0


_RECHECK_SECONDS = 1.0
_checked: StampedFiles[tuple[int, ...], StoredCodeSets] = StampedFiles()


def stored_codesets(directory: Path) -> StoredCodeSets:
    """The stored versions under `directory`, cached per process; a new import is seen within a second
    (the directories' modification times are looked at no more than once a second)."""
    return _checked.get(directory, _stamps, _load, _RECHECK_SECONDS)


def _load(directory: Path) -> StoredCodeSets:
    versions: dict[str, list[CodeSetVersion]] = {}
    for system in SYSTEMS:
        files = sorted((directory / system).glob("*.json"))
        loaded = [_read_version(path) for path in files]
        if loaded:
            versions[system] = sorted(loaded, key=lambda v: v.effective)
    return StoredCodeSets(versions)


def store_version(
    directory: Path, system: str, effective: dt.date, source: dict[str, str], codes: dict[str, CodeDates]
) -> Path:
    """Write one imported version atomically; re-importing the same file replaces it."""
    target_dir = directory / system
    target_dir.mkdir(parents=True, exist_ok=True)
    target = target_dir / f"{effective.isoformat()}_{source['sha256'][:12]}.json"
    payload: dict[str, Any] = {
        "system": system.upper(),
        "effective": effective.isoformat(),
        "source": source,
        "codes": {k: list(v) for k, v in sorted(codes.items())},
    }
    fd, tmp = tempfile.mkstemp(dir=target_dir, prefix=".import", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(payload, fh, separators=(",", ":"))
    os.chmod(tmp, 0o644)  # every worker user may read it
    os.replace(tmp, target)
    return target
