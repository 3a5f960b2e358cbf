"""For an X12 record: the segments around each finding, in place of a page image.

Findings and provenance carry `line`, the 1-based number of the segment in the file (pyx12's
count). The separators come from the ISA segment (element at 3, segment terminator at 105).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from referrals.domain import Finding

AROUND = 2  # segments shown before and after the one a finding is about
ISA_LENGTH = 106


@dataclass(frozen=True)
class SegmentLine:
    line: int
    text: str
    flagged: bool


@dataclass(frozen=True)
class FindingContext:
    finding: Finding
    segments: list[SegmentLine]


def split_segments(content: str) -> list[str]:
    """The interchange's segments, whitespace between them dropped."""
    text = content.lstrip()
    terminator = text[ISA_LENGTH - 1] if text.startswith("ISA") and len(text) >= ISA_LENGTH else "~"
    return [s.strip("\r\n ") for s in text.split(terminator) if s.strip("\r\n ")]


def findings_in_context(path: Path, findings: list[Finding]) -> list[FindingContext]:
    segments = split_segments(path.read_text(encoding="latin-1"))
    return [FindingContext(f, _around(segments, f.line)) for f in findings if f.line]


def _around(segments: list[str], line: int | None) -> list[SegmentLine]:
    if line is None or not 1 <= line <= len(segments):
        return []
    first, last = max(1, line - AROUND), min(len(segments), line + AROUND)
    return [SegmentLine(n, segments[n - 1], n == line) for n in range(first, last + 1)]
