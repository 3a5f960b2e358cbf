"""The frozen context every parser gets: what it may know about the file, never global settings."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class ParseContext:
    path: Path
    sha256: str
    received_at: dt.datetime
    filename: str = ""
    ocr_confidence_threshold: float = 0.80
    jobs: int = 1
    options: tuple[tuple[str, str], ...] = field(default_factory=tuple)

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
