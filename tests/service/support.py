"""Helpers for the service tests: sample 837P files and dropping files into an inbox."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from ingest.pipeline import Service

REPO = Path(__file__).resolve().parents[2]


def load_sample_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("sample_generate", REPO / "samples" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


samples = load_sample_generator()


def claim_file(control: int, *, member_id: str = "DEMO00009Z", total: str | None = None) -> str:
    """A one-claim 837P interchange; `control` makes the bytes (and the record ids) unique."""
    claim = samples.SampleClaim(
        f"T{control}", member_id, "SAMPLE", "PAT", (("E0601", "850.00", "20261115"),), total=total
    )
    return str(samples.interchange(control, [claim]))


def drop(service: Service, name: str, content: str) -> Path:
    path = service.home.inbox / name
    path.write_text(content)
    return path


def many_claims_file(control: int, claims: int) -> str:
    """One interchange with `claims` claims: big enough that parsing it takes a while."""
    lines = (("E0601", "850.00", "20261115"),)
    batch = [samples.SampleClaim(f"M{control}-{n}", "DEMO00009Z", "SAMPLE", "PAT", lines) for n in range(claims)]
    return str(samples.interchange(control, batch))
