"""Every finding code the fax reader emits is documented: in the parsers' catalog (parsers/catalog.py,
docs/findings.md) or the validators' registry. A code added without its row would reach an intake
clerk's queue with no entry in the findings table."""

from __future__ import annotations

import re
from pathlib import Path

from parsers.catalog import parser_codes
from validators.registry import REGISTRY

FAX = Path(__file__).resolve().parents[2] / "parsers" / "fax"
EMITTED = re.compile(r"finding\(\s*[^,()]+,\s*\"([a-z0-9_]+)\"", re.S)  # state.finding(path, "code", ...)


def test_every_finding_code_the_fax_reader_emits_is_documented() -> None:
    emitted = {code for path in FAX.glob("*.py") for code in EMITTED.findall(path.read_text())}
    documented = {c.code for c in parser_codes()} | set(REGISTRY)
    assert len(emitted) >= 15  # the pattern still finds the reader's findings
    assert emitted <= documented, sorted(emitted - documented)
