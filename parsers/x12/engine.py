"""Walk an X12 interchange segment by segment through pyx12's maps.

This is pyx12's own validation loop (`pyx12.x12n_document`, BSD-3-Clause, John Holland),
rearranged as a generator: it picks the map per functional group (and per BHT02 where the
278 request and response maps differ), validates each segment as pyx12 does, and yields a
`SegmentEvent` with the segment, its loop id and the diagnostics it raised, so that records
are built in the same pass as the validation and are emitted as they are read.
No pyx12 exception leaves this module: each becomes a diagnostic.
"""

from __future__ import annotations

import dataclasses
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, TextIO

import pyx12.errors
import pyx12.map_if
import pyx12.segment
import pyx12.x12file
from pyx12.map_if._segment import apply_segment_errors
from pyx12.map_walker import apply_walk_errors, walk_tree

from parsers.x12 import maps
from parsers.x12.diagnostics import CapturingErrorHandler, Diagnostic
from parsers.x12.fastpath import CachedRefReader, PathCounter
from referrals.domain import Provenance

BHT_MAP_SWITCH_VERSIONS = ("004010X094", "004010X094A1", "005010X217")


@dataclass
class Envelope:
    """Where the walk is: the interchange, group and transaction set now open."""

    icvn: str | None = None
    isa_control: str | None = None
    fic: str | None = None
    vriic: str | None = None
    validated_as: str | None = None
    gs_control: str | None = None
    st_id: str | None = None
    st_control: str | None = None
    bht02: str | None = None
    map_missing: bool = False
    terminators: tuple[str, str, str] = ("~", "*", ":")


@dataclass(slots=True)
class SegmentEvent:
    segment: pyx12.segment.Segment
    segment_id: str
    loop_id: str | None
    line: int
    ordinal: int
    envelope: Envelope
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def provenance(self, element: str) -> Provenance:
        """Where a field read from `element` of this segment came from."""
        return Provenance(
            loop_id=self.loop_id, segment=self.segment_id, segment_ordinal=self.ordinal, line=self.line, element=element
        )

    def value(self, ref: str) -> str | None:
        """An element's value by reference (`NM109`, `SV101-2`, or `01`); None when empty.

        Reads pyx12's parsed segment directly: `Segment.get_value` builds an X12Path per call,
        which cost more than the rest of record building together."""
        element_index, component_index = _ref_indexes(ref)
        elements = self.segment.elements
        if element_index >= len(elements):
            return None
        components = elements[element_index].elements
        if component_index is None:
            raw = components[0].value if len(components) == 1 else elements[element_index].format()
        elif component_index < len(components):
            raw = components[component_index].value
        else:
            return None
        return raw.strip() or None


@dataclass
class WalkResult:
    """What is left after the last segment: trailing diagnostics and the error tree for acks."""

    error_handler: CapturingErrorHandler
    diagnostics: list[Diagnostic] = field(default_factory=list)
    fatal: Diagnostic | None = None


class X12Walker:
    """Iterate `events()`; afterwards `result` holds the error tree and any fatal diagnostic."""

    def __init__(
        self,
        stream: TextIO | io.TextIOBase,
        line_of: Callable[[int | None], int | None] | None = None,
        pyx12_classes: bool = False,
    ) -> None:
        """`pyx12_classes`: walk with pyx12's own reader and counter instead of `fastpath`'s
        (same results, slower; the equivalence test's reference)."""
        self._stream = stream
        self._pyx12_classes = pyx12_classes
        self._line_of = line_of or (lambda line: line)
        self.errh = CapturingErrorHandler()
        self.result = WalkResult(self.errh)
        self.envelope = Envelope()

    def events(self) -> Iterator[SegmentEvent]:
        try:
            yield from self._walk()
        except (pyx12.errors.X12Error, pyx12.errors.EngineError, pyx12.errors.X12PathError) as exc:
            self.result.fatal = Diagnostic("isa", "engine", type(exc).__name__ + ": " + _first_words(exc))
        except Exception as exc:  # pyx12 has internal failures on odd input; none may escape
            self.result.fatal = Diagnostic("isa", "engine", type(exc).__name__ + ": " + _first_words(exc))

    def _walk(self) -> Iterator[SegmentEvent]:
        src = pyx12.x12file.X12Reader(self._stream) if self._pyx12_classes else CachedRefReader(self._stream)
        env = self.envelope
        env.icvn = src.icvn
        term = src.get_term()
        env.terminators = (term[0], term[1], term[2])
        ctl = maps.control_map(src.icvn)
        node: Any = ctl.getnodebypath("/ISA_LOOP/ISA")
        walker = walk_tree()
        if not self._pyx12_classes:
            walker.counter = PathCounter()
        current_map: Any = None
        for seg in src:
            seg_id = seg.get_seg_id()
            if env.map_missing and seg_id not in ("GS", "GE", "IEA", "ISA"):
                self._note_transaction(seg_id, seg)
                yield self._event(src, seg, None)  # no map: the segment is passed on unvalidated
                continue
            orig_node = node
            if seg_id == "ISA":
                node = ctl.getnodebypath("/ISA_LOOP/ISA")
                walker.forceWalkCounterToLoopStart("/ISA_LOOP", "/ISA_LOOP/ISA")
            elif seg_id == "GS":
                node = ctl.getnodebypath("/ISA_LOOP/GS_LOOP/GS")
                walker.forceWalkCounterToLoopStart("/ISA_LOOP/GS_LOOP", "/ISA_LOOP/GS_LOOP/GS")
            elif not env.map_missing:
                node, _pop, _push, walk_errors = walker.walk_errors(
                    node, seg, src.get_seg_count(), src.get_cur_line(), src.get_ls_id()
                )
                apply_walk_errors(self.errh, walk_errors)
            if node is None:
                node = orig_node
            else:
                node, current_map = self._on_segment(src, seg, node, current_map)
            yield self._event(src, seg, node)
        src.cleanup()
        self.errh.handle_errors(src.pop_errors())
        self.result.diagnostics = self._drain()

    def _on_segment(self, src: Any, seg: Any, node: Any, current_map: Any) -> tuple[Any, Any]:
        """pyx12's per-segment bookkeeping, plus map selection by GS08 (and BHT02)."""
        errh, env, seg_id = self.errh, self.envelope, seg.get_seg_id()
        if seg_id == "ISA":
            errh.add_isa_loop(seg, src)
            env.isa_control = seg.get_value("ISA13")
        elif seg_id == "IEA":
            errh.handle_errors(src.pop_errors())
            errh.close_isa_loop(node, seg, src)
        elif seg_id == "GS":
            node, current_map = self._open_group(src, seg, current_map)
        elif seg_id == "GE":
            errh.handle_errors(src.pop_errors())
            errh.close_gs_loop(node, seg, src)
        elif seg_id == "ST":
            env.st_id, env.st_control, env.bht02 = seg.get_value("ST01"), seg.get_value("ST02"), None
            errh.add_st_loop(seg, src)
        elif seg_id == "SE":
            errh.handle_errors(src.pop_errors())
            errh.close_st_loop(node, seg, src)
        elif seg_id == "BHT":
            node, current_map = self._on_bht(src, seg, node, current_map)
        else:
            self._track_business_unit(seg_id, seg)
            errh.add_seg(node, seg, src.get_seg_count(), src.get_cur_line(), src.get_ls_id())
        if seg_id not in ("IEA", "GE", "SE"):
            errh.handle_errors(src.pop_errors())
        if not env.map_missing and isinstance(node, pyx12.map_if.segment_if):
            apply_segment_errors(node, seg, errh)
        return node, current_map

    def _note_transaction(self, seg_id: str, seg: Any) -> None:
        if seg_id == "ST":
            self.envelope.st_id, self.envelope.st_control = seg.get_value("ST01"), seg.get_value("ST02")

    def _track_business_unit(self, seg_id: str, seg: Any) -> None:
        if seg_id == "CLM":
            self.errh.business_unit = seg.get_value("CLM01")
        elif seg_id == "HL":
            self.errh.business_unit = None

    def _open_group(self, src: Any, seg: Any, current_map: Any) -> tuple[Any, Any]:
        env = self.envelope
        env.fic, env.vriic, env.gs_control = seg.get_value("GS01"), seg.get_value("GS08"), seg.get_value("GS06")
        self.errh.add_gs_loop(seg, src)
        choice = maps.choose_map(env.icvn or "", env.vriic or "", env.fic or "")
        env.map_missing = choice is None
        if choice is None:
            self.errh.pending.append(Diagnostic("gs", "map_not_found", f"no map for {env.vriic}", "GS"))
            return maps.control_map(env.icvn or "00501").getnodebypath("/ISA_LOOP/GS_LOOP/GS"), None
        env.validated_as = choice.validated_as
        current_map = maps.load_map(choice.map_file, choice.map_path)
        src.check_837_lx = current_map.id == "837"
        return current_map.getnodebypath("/ISA_LOOP/GS_LOOP/GS"), current_map

    def _on_bht(self, src: Any, seg: Any, node: Any, current_map: Any) -> tuple[Any, Any]:
        env = self.envelope
        env.bht02 = seg.get_value("BHT02")
        if env.validated_as in BHT_MAP_SWITCH_VERSIONS:
            choice = maps.choose_map(env.icvn or "", env.vriic or "", env.fic or "", env.bht02)
            if choice is not None:
                current_map = maps.load_map(choice.map_file, choice.map_path)
                node = current_map.getnodebypath("/ISA_LOOP/GS_LOOP/ST_LOOP/HEADER/BHT")
        self.errh.add_seg(node, seg, src.get_seg_count(), src.get_cur_line(), src.get_ls_id())
        return node, current_map

    def _event(self, src: Any, seg: Any, node: Any) -> SegmentEvent:
        parent = node.parent if isinstance(node, pyx12.map_if.segment_if) else None
        return SegmentEvent(
            seg,
            seg.seg_id,
            None if parent is None else parent.id,
            self._line_of(src.cur_line) or 0,
            src.seg_count,
            self.envelope,
            self._drain() if self.errh.pending else [],
        )

    def _drain(self) -> list[Diagnostic]:
        """Pending diagnostics, with lines as numbered in the original file (for a split part)."""
        return [dataclasses.replace(d, line=self._line_of(d.line)) if d.line else d for d in self.errh.drain()]


_REF = re.compile(r"^(?:[A-Z][A-Z0-9]{1,2})?(\d{2})(?:-(\d{1,2}))?$")


@lru_cache(maxsize=2048)
def _ref_indexes(ref: str) -> tuple[int, int | None]:
    """`NM109` -> (8, None); `SV101-2` -> (0, 1): zero-based element and component."""
    match = _REF.match(ref)
    if match is None:
        raise ValueError(f"not an X12 element reference: {ref}")
    component = int(match[2]) - 1 if match[2] else None
    return int(match[1]) - 1, component


def _first_words(exc: BaseException) -> str:
    """The start of an exception's text, cut before anything that looks like file content."""
    text = str(exc).split(":")[0]
    return text[:80]
