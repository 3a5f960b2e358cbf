"""Git merge driver for the fax OCR recording: the union of both sides' recorded reads.

The recording (tests/fixtures/fax/ocr-recording.json.gz) maps an image's hash to tesseract's output for
it; two branches that each recorded new reads merge by keeping both (a key present on both sides holds the
same output: the same image read the same way). Set up once per clone:

    git config merge.ocr-recording.driver 'python3 scripts/merge_recording.py %O %A %B'

(.gitattributes names the file); without it git reports the usual binary conflict.
usage: python3 scripts/merge_recording.py BASE OURS THEIRS   (writes the union to OURS)
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path
from typing import Any


def load(path: Path) -> dict[str, Any]:
    data = path.read_bytes()
    if not data:
        return {}
    found: dict[str, Any] = json.loads(gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data)
    return found


def main(base: str, ours: str, theirs: str) -> int:
    union = {**load(Path(base)), **load(Path(theirs)), **load(Path(ours))}
    text = json.dumps(union, separators=(",", ":"), sort_keys=True).encode()
    Path(ours).write_bytes(gzip.compress(text, mtime=0))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(*sys.argv[1:4]))
