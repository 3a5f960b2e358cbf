"""Split one interchange at transaction-set boundaries, so that worker processes share a file.

Each part is a self-contained interchange: the original ISA and GS segments, a run of whole
transaction sets, and GE/IEA trailers counting what the part holds. The original envelope's
own counts and control numbers are checked here first; a file whose envelope is not exactly
right is not split (one process reads it, so its envelope errors are reported as usual).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from parsers.x12.reader import ISA_LENGTH, NormalizedX12Stream

Numbered = tuple[int, str]  # (1-based segment number in the original file, segment text)


@dataclass(frozen=True)
class Part:
    """One part: its interchange text and, per segment, its segment number in the original."""

    text: str
    original_lines: tuple[int, ...]


@dataclass
class _Group:
    gs: Numbered
    ge: Numbered | None = None
    sets: list[list[Numbered]] = field(default_factory=list)


def split_interchange(path: Path, parts: int) -> list[Part] | None:
    """Up to `parts` interchanges, or None when the file should not be split."""
    with NormalizedX12Stream.open(path) as stream:
        text = stream.read()
    if len(text) < ISA_LENGTH or parts < 2:
        return None
    term, sep = text[ISA_LENGTH - 1], text[3]
    segments = [(n, s) for n, s in enumerate((s for s in text.split(term) if s.strip()), start=1)]
    parsed = _parse(segments, sep)
    if parsed is None:
        return None
    isa, iea, groups = parsed
    if not _envelope_consistent(isa[1], iea[1], groups, sep) or sum(len(g.sets) for g in groups) < 2:
        return None
    return [Part(term.join(s for _, s in p) + term, tuple(n for n, _ in p)) for p in _parts(isa, groups, parts, sep)]


def _parse(segments: list[Numbered], sep: str) -> tuple[Numbered, Numbered, list[_Group]] | None:
    if not segments or not segments[0][1].startswith("ISA") or not segments[-1][1].startswith("IEA" + sep):
        return None
    groups: list[_Group] = []
    current_set: list[Numbered] | None = None
    for numbered in segments[1:-1]:
        seg = numbered[1]
        tag = seg.split(sep, 1)[0]
        if tag == "GS":
            groups.append(_Group(numbered))
        elif not groups or groups[-1].ge:
            return None  # a segment outside any group
        elif tag == "ST":
            current_set = [numbered]
            groups[-1].sets.append(current_set)
        elif tag == "GE":
            groups[-1].ge, current_set = numbered, None
        elif current_set is None:
            return None
        else:
            current_set.append(numbered)
    return segments[0], segments[-1], groups


def _envelope_consistent(isa: str, iea: str, groups: list[_Group], sep: str) -> bool:
    isa_control = isa.split(sep)[13] if len(isa.split(sep)) > 13 else None
    iea_parts = iea.split(sep)
    if len(iea_parts) < 3 or iea_parts[1] != str(len(groups)) or iea_parts[2] != isa_control:
        return False
    for group in groups:
        ge = group.ge[1].split(sep) if group.ge else []
        if len(ge) < 3 or ge[1] != str(len(group.sets)) or ge[2] != _field(group.gs[1], sep, 6):
            return False
        if any(not s[-1][1].startswith("SE" + sep) for s in group.sets):
            return False
    return True


def _field(segment: str, sep: str, index: int) -> str | None:
    fields = segment.split(sep)
    return fields[index] if len(fields) > index else None


def _parts(isa: Numbered, groups: list[_Group], parts: int, sep: str) -> list[list[Numbered]]:
    """Whole transaction sets dealt into `parts` runs of about equal segment count."""
    total = sum(len(s) for g in groups for s in g.sets)
    target = total / parts
    out: list[list[Numbered]] = []
    body: list[Numbered] = []
    size = 0
    for group in groups:
        run: list[list[Numbered]] = []
        for st in group.sets:
            run.append(st)
            size += len(st)
            if size >= target * (len(out) + 1) and len(out) < parts - 1:
                body += _group_text(group, run, sep)
                out.append(_interchange(isa, body, sep))
                body, run = [], []
        if run:
            body += _group_text(group, run, sep)
    if body:
        out.append(_interchange(isa, body, sep))
    return out


def _group_text(group: _Group, sets: list[list[Numbered]], sep: str) -> list[Numbered]:
    control = _field(group.gs[1], sep, 6) or ""
    ge_number = group.ge[0] if group.ge else 0
    return [group.gs, *(seg for st in sets for seg in st), (ge_number, sep.join(["GE", str(len(sets)), control]))]


def _interchange(isa: Numbered, body: list[Numbered], sep: str) -> list[Numbered]:
    groups = sum(1 for _, seg in body if seg.startswith("GS" + sep))
    return [isa, *body, (0, sep.join(["IEA", str(groups), _field(isa[1], sep, 13) or ""]))]
