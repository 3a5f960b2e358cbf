"""Helpers for the 278 tests: paths, walking a file through our map, parsing it to records."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from ingest.parse import records_of_file
from parsers.x12.diagnostics import Diagnostic
from parsers.x12.engine import Envelope, SegmentEvent, X12Walker
from parsers.x12.reader import NormalizedX12Stream
from referrals.domain import Record
from validators import ValidationContext

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "x12"
CORPUS_278 = ROOT.parent / "shared" / "corpus" / "x12" / "278"
SCHEMA = jsonschema.Draft202012Validator(json.loads((ROOT / "schemas" / "record.schema.json").read_text()))
TODAY = ValidationContext(today=dt.date(2026, 11, 25))

requires_corpus = pytest.mark.skipif(not CORPUS_278.is_dir(), reason="../shared/corpus/x12/278 is absent")


def corpus_samples() -> list[Path]:
    return sorted(CORPUS_278.glob("*.x12")) if CORPUS_278.is_dir() else []


def fixtures(kind: str) -> list[Path]:
    return sorted((FIXTURES / kind).glob("278_*.x12"))


@dataclass
class Walk:
    envelope: Envelope
    events: list[SegmentEvent] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    fatal: Diagnostic | None = None


def walk(path: Path) -> Walk:
    """Every segment of the file through the engine (and so through our map), with all diagnostics."""
    with NormalizedX12Stream.open(path) as stream:
        walker = X12Walker(stream)  # type: ignore[arg-type]
        result = Walk(walker.envelope)
        for event in walker.events():
            result.events.append(event)
            result.diagnostics.extend(event.diagnostics)
        result.diagnostics.extend(walker.result.diagnostics)
        result.fatal = walker.result.fatal
    return result


def parse(path: Path) -> list[Record]:
    return list(records_of_file(path, TODAY))


def schema_errors(record: dict[str, Any]) -> list[str]:
    return [f"{'/'.join(map(str, e.path))}: {e.message}" for e in SCHEMA.iter_errors(record)]
