"""The frozen context every parser gets: what it may know about the file, never global settings."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from referrals.codes import NO_CODE_SETS, CodeSets


@dataclass(frozen=True)
class ParseContext:
    path: Path
    sha256: str
    received_at: dt.datetime
    filename: str = ""
    ocr_confidence_threshold: float = 0.80
    # For a part of a split file: the original file's segment number of each segment in the part.
    original_lines: tuple[int, ...] | None = None
    # Code-set membership (ICD-10-CM, HCPCS) for code-aware OCR correction: ingest passes the
    # validators' tables; without them no code is confirmed by a code set.
    code_sets: CodeSets = field(default=NO_CODE_SETS, compare=False, repr=False)

    def original_line(self, line: int | None) -> int | None:
        if line is None or self.original_lines is None or not 0 < line <= len(self.original_lines):
            return line
        return self.original_lines[line - 1]

    @classmethod
    def for_file(cls, path: Path, **kwargs: object) -> ParseContext:
        """Hash the file and take its mtime as the receipt time (a parser may know better)."""
        sha = sha256_of(path)
        mtime = dt.datetime.fromtimestamp(path.stat().st_mtime, tz=dt.UTC)
        return cls(path=path, sha256=sha, received_at=mtime, filename=path.name, **kwargs)  # type: ignore[arg-type]


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
