"""Envelope checks before the walk: a readable ISA and an IEA at the end of the file.

A file that fails here gives a rejected `document` record and a TA1 (interchange
acknowledgement) with the X12 note code, and is not walked at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from parsers.x12.diagnostics import Diagnostic
from parsers.x12.reader import ISA_LENGTH, NormalizedX12Stream

KNOWN_VERSIONS = ("00401", "00501")
_TAIL_BYTES = 4096


@dataclass(frozen=True)
class EnvelopeProblem:
    code: str  # our finding code
    message: str  # a sentence for the intake desk (no data values)
    ta1_note: str  # X12 TA1 interchange note code
    isa: list[str] | None  # the ISA's elements when they could be split, for the TA1


def read_isa(path: Path) -> str:
    with NormalizedX12Stream.open(path) as stream:
        return stream.read(ISA_LENGTH)


def check_envelope(path: Path) -> EnvelopeProblem | None:
    isa_text = read_isa(path)
    problem = _isa_problem(isa_text)
    if problem is not None:
        return problem
    isa = isa_text[:-1].split(isa_text[3])
    if not _ends_with_iea(path, isa_text[3], isa_text[-1]):
        return EnvelopeProblem(
            "x12_truncated",
            "The interchange has no IEA trailer at its end: the file was cut off in transmission; "
            "ask the sender to send it again.",
            "023",
            isa,
        )
    return None


def _isa_problem(isa_text: str) -> EnvelopeProblem | None:
    def bad(code: str, message: str, note: str, isa: list[str] | None = None) -> EnvelopeProblem:
        return EnvelopeProblem(code, message + " Ask the sender to fix the envelope and resend.", note, isa)

    if len(isa_text) < ISA_LENGTH or not isa_text.startswith("ISA"):
        return bad("x12_isa_invalid", "The ISA header is shorter than the 106 characters X12 requires.", "024")
    separator = isa_text[3]
    elements = isa_text[:-1].split(separator)
    if separator.isalnum() or len(elements) != 17:
        return bad("x12_isa_invalid", "The ISA header does not have 16 fixed-width elements.", "026")
    if elements[12] not in KNOWN_VERSIONS:
        return bad(
            "x12_version_unsupported",
            "The ISA gives an interchange version (ISA12) other than 00401 or 00501.",
            "017",
            elements,
        )
    if not re.fullmatch(r"\d{9}", elements[13]):
        return bad("x12_isa_control_number", "The interchange control number (ISA13) is not 9 digits.", "018", elements)
    if elements[16] in (separator, isa_text[-1]) or elements[16].isalnum():
        return bad(
            "x12_isa_invalid", "The component separator (ISA16) clashes with another delimiter.", "027", elements
        )
    return None


def _ends_with_iea(path: Path, element_sep: str, segment_term: str) -> bool:
    with path.open("rb") as fh:
        fh.seek(0, 2)
        size = fh.tell()
        fh.seek(max(0, size - _TAIL_BYTES))
        tail = fh.read().decode("latin-1")
    segments = [s.strip() for s in tail.split(segment_term) if s.strip()]
    return bool(segments) and segments[-1].startswith("IEA" + element_sep)


def fatal_message(diagnostic: Diagnostic) -> str:
    return (
        "The X12 file could not be read past a structural error "
        f"({diagnostic.text.split(':')[0]}); ask the sender to check and resend it."
    )


def envelope_message(diagnostics: list[Diagnostic]) -> str:
    kinds = sorted({d.level.upper() for d in diagnostics})
    return (
        f"The interchange envelope has {len(diagnostics)} error(s) in its {'/'.join(kinds)} "
        "control segments (counts or control numbers do not match); the acknowledgement lists "
        "them; ask the sender to correct the envelope and resend."
    )
