"""Large files stream: records come out while the file is still being read, memory stays flat."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from ingest.parse import records_of_file
from parsers.x12 import reader
from tests.conftest import FIXTURES, ROOT
from validators import ValidationContext

sys.path.insert(0, str(FIXTURES / "x12"))
import generate


def test_first_claim_arrives_before_the_file_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.x12"
    path.write_text(generate.synthetic_837p(3000))
    consumed = {"bytes": 0}
    original_fill = reader.NormalizedX12Stream._fill

    def counting_fill(self: reader.NormalizedX12Stream) -> None:
        before = len(self._buffer)
        original_fill(self)
        consumed["bytes"] += len(self._buffer) - before

    monkeypatch.setattr(reader.NormalizedX12Stream, "_fill", counting_fill)
    records = records_of_file(path, ValidationContext.now())
    first = next(records)
    assert first.claim_id == "C00000000"  # type: ignore[union-attr]
    assert consumed["bytes"] < path.stat().st_size / 4


# Peak RSS from /proc's VmHWM, which starts afresh at exec; ru_maxrss would carry over the
# (large) pytest process this child was forked from.
MEASURE = textwrap.dedent("""
    import json, re, sys
    sys.path.insert(0, sys.argv[2])
    from pathlib import Path
    from ingest.parse_many import parse_files
    count = sum(1 for _ in parse_files([Path(sys.argv[1])]))
    hwm_kb = int(re.search(r"VmHWM:\\s+(\\d+) kB", Path("/proc/self/status").read_text())[1])
    print(json.dumps({"records": count, "peak_mb": hwm_kb / 1024}))
""")


@pytest.mark.slow
def test_50000_claims_parse_in_flat_memory(tmp_path: Path) -> None:
    path = tmp_path / "50k.x12"
    path.write_text(generate.synthetic_837p(50_000))
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, str(path), str(ROOT)], capture_output=True, text=True, timeout=1800, check=True
    )
    result = json.loads(done.stdout.splitlines()[-1])
    assert result["records"] == 50_000
    assert result["peak_mb"] < 150, result
