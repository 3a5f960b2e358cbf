"""Which pyx12 map validates a transaction set, loaded once per process.

pyx12's own maps cover 837P (005010X222A1) and 837I (005010X223A2). The project keeps its own
maps (the 278, 005010X217) in `parsers/x12/maps/` with their own `maps.xml`; those are
consulted first. Errata versions that pyx12 has no map for are validated against the base
version's map and say so in a warning (`VERSION_ALIASES`).
"""

from __future__ import annotations

import gc
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pyx12.map_if
import pyx12.map_index
import pyx12.params

PROJECT_MAP_DIR = Path(__file__).parent / "maps"

# Addenda with no structural change that pyx12 lacks a map for: validate with the base map.
VERSION_ALIASES = {
    "005010X222A2": "005010X222A1",
    "005010X223A3": "005010X223A2",
}


@dataclass(frozen=True)
class MapChoice:
    map_file: str
    map_path: str | None  # None: pyx12's package maps
    validated_as: str  # the version the map implements (differs from GS08 for an alias)


@cache
def _params() -> Any:
    return pyx12.params.params()


@cache
def _index(map_path: str | None) -> Any:
    return pyx12.map_index.map_index(map_path)


@cache
def load_map(map_file: str, map_path: str | None) -> Any:
    """Load once per process. A map is a large, long-lived object graph: `gc.freeze()` moves it
    out of the collector's sight, so that record building does not re-scan it on every pass."""
    loaded = pyx12.map_if.load_map_file(map_file, _params(), map_path)
    gc.freeze()
    return loaded


def control_map(icvn: str) -> Any:
    name = "x12.control.00501.xml" if icvn == "00501" else "x12.control.00401.xml"
    return load_map(name, None)


def _project_map_path() -> str | None:
    return str(PROJECT_MAP_DIR) if (PROJECT_MAP_DIR / "maps.xml").is_file() else None


def choose_map(icvn: str, vriic: str, fic: str, bht02: str | None = None) -> MapChoice | None:
    """The map for a group (and, where request and response differ, its BHT02), or None."""
    version = VERSION_ALIASES.get(vriic, vriic)
    for map_path in dict.fromkeys((_project_map_path(), None)):
        found = _index(map_path).get_filename(icvn, version, fic, bht02) if bht02 else None
        found = found or _index(map_path).get_filename(icvn, version, fic)
        if found:
            return MapChoice(found, map_path, version)
    return None


def params() -> Any:
    return _params()
