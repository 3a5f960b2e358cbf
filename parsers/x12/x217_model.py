"""Building blocks of a compact implementation-guide spec: loops, segments, elements, composites.

`x217_spec` writes the 278 (005010X217) with these; `x217_generate` turns them into pyx12's
XML map format (pyx12/map/map.xsd). An element is written by its data element number and
its usage; its reference designator (`NM109`, `HI01-02`) follows from its place.
"""

from __future__ import annotations

from dataclasses import dataclass, field

R, S, N = "R", "S", "N"  # required, situational, not used


@dataclass(frozen=True)
class Element:
    data_ele: str
    usage: str
    codes: tuple[str, ...] = ()
    name: str | None = None  # the guide's name where it differs from the dictionary's


@dataclass(frozen=True)
class Composite:
    data_ele: str
    name: str
    usage: str
    parts: tuple[Element, ...]


Item = Element | Composite


@dataclass(frozen=True)
class Segment:
    id: str
    name: str
    usage: str
    max_use: str
    items: tuple[Item, ...]
    syntax: tuple[str, ...] = ()
    pos: int = 0


@dataclass(frozen=True)
class Loop:
    id: str
    name: str
    usage: str
    repeat: str
    children: tuple[Segment | Loop, ...]
    pos: int = 0
    kind: str | None = None  # pyx12 loop type: explicit | wrapper | None
    extra: dict[str, str] = field(default_factory=dict)


def el(data_ele: str | int, usage: str, codes: str = "", name: str | None = None) -> Element:
    """An element; `codes` is a space-separated list of the values the guide allows."""
    return Element(str(data_ele), usage, tuple(codes.split()), name)


def comp(data_ele: str, name: str, usage: str, *parts: Element) -> Composite:
    return Composite(data_ele, name, usage, parts)


def seg(sid: str, name: str, usage: str, max_use: int | str, *items: Item, syntax: str = "", pos: int = 0) -> Segment:
    """A segment; `syntax` lists X12 syntax notes (`P0809 R0203`)."""
    return Segment(sid, name, usage, str(max_use), items, tuple(syntax.split()), pos)


def loop(
    lid: str, name: str, usage: str, repeat: int | str, *children: Segment | Loop, pos: int = 0, kind: str | None = None
) -> Loop:
    return Loop(lid, name, usage, str(repeat), children, pos, kind)


def unused(*data_eles: str | int) -> tuple[Element, ...]:
    """Trailing elements the guide marks Not Used."""
    return tuple(el(d, N) for d in data_eles)
