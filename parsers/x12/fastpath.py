"""Two of pyx12's hot spots, with the same behaviour and without the repeated string work.

Profiling our walk (which is pyx12's validation loop) showed a third of its time in two places
that recompute the same text again and again:

- `NodeCounter` keys its counts by `X12Path` objects, whose hash re-formats the path on every
  lookup, and `reset_to_node` re-formats and splits every counted path at each loop start.
  `PathCounter` keeps the counts by the path's text, formatted once per path object.
- `Segment.get` parses its reference designator (`NM109`, `SV101-2`) into a new `X12Path` on
  every call, and pyx12's segment validation calls it for every element. `CachedRefSegment`
  parses each designator once.

pyx12's own classes stay untouched (pyx12 alone, the benchmark's baseline, runs as released);
the walker uses these through `CachedRefReader` and `PathCounter`. A test walks every corpus
file both ways and requires the same events and diagnostics.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import TypeAlias

import pyx12.path
import pyx12.segment
import pyx12.x12file
from pyx12.errors import EngineError
from pyx12.nodeCounter import NodeCounter

PathKey: TypeAlias = str | pyx12.path.X12Path


class PathCounter(NodeCounter):
    """`NodeCounter` with the counts keyed by formatted path text."""

    def __init__(self, initialCounts: Mapping[PathKey, int] | None = None) -> None:
        self._counts: dict[str, int] = {_text(k): v for k, v in (initialCounts or {}).items()}

    def reset_to_node(self, xpath: PathKey) -> None:
        prefix = _text(xpath) + "/"
        for key in [k for k in self._counts if k.startswith(prefix)]:
            del self._counts[key]

    def increment(self, xpath: PathKey) -> None:
        key = _text(xpath)
        self._counts[key] = self._counts.get(key, 0) + 1

    def setCount(self, xpath: PathKey, ct: int) -> None:
        self._counts[_text(xpath)] = ct

    def get_count(self, xpath: PathKey) -> int:
        return self._counts.get(_text(xpath), 0)

    def getState(self) -> dict[str, int]:
        return dict(self._counts)


def _text(xpath: PathKey) -> str:
    """A path's formatted text; map nodes keep their `X12Path`, so it is formatted once each."""
    if isinstance(xpath, str):
        return _normalized(xpath)
    text: str | None = getattr(xpath, "_intake_text", None)
    if text is None:
        text = xpath.format()
        xpath._intake_text = text
    return text


@lru_cache(maxsize=4096)
def _normalized(path: str) -> str:
    return pyx12.path.X12Path(path).format()


class CachedRefSegment(pyx12.segment.Segment):
    """A segment whose reference designators are parsed once per distinct text."""

    def _parse_refdes(self, ref_des: str) -> tuple[int | None, int | None]:
        seg_id, ele_idx, comp_idx = _refdes(ref_des)
        if seg_id is not None and seg_id != self.seg_id:
            raise EngineError(f"Invalid Reference Designator: {ref_des}, seg_id: {self.seg_id}")
        return ele_idx, comp_idx


@lru_cache(maxsize=4096)
def _refdes(ref_des: str) -> tuple[str | None, int | None, int | None]:
    path = pyx12.path.X12Path(ref_des)
    ele_idx = path.ele_idx - 1 if path.ele_idx is not None else None
    comp_idx = path.subele_idx - 1 if path.subele_idx is not None else None
    return path.seg_id, ele_idx, comp_idx


class CachedRefReader(pyx12.x12file.X12Reader):
    """pyx12's reader (its `__iter__`, line for line), yielding `CachedRefSegment`s."""

    def __iter__(self) -> Iterator[pyx12.segment.Segment]:
        self.err_list: list[object] = []
        for line in self.raw:
            if line.startswith(" "):
                self._seg_error("1", "Segment contains a leading space", None, src_line=self.cur_line + 1)
                line = line.lstrip()
            if line[-1] == self.ele_term:
                self._seg_error(
                    "SEG1", "Segment contains trailing element terminators", None, src_line=self.cur_line + 1
                )
            seg_data = CachedRefSegment(line, self.seg_term, self.ele_term, self.subele_term)
            self._parse_segment(seg_data)
            yield seg_data
