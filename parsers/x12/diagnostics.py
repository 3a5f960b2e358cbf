"""Capture pyx12's validation errors with their place in the file (loop, segment, element, line).

pyx12's error handler keeps a tree for its own acknowledgement writers and logs every bad
value; this subclass also records each error as a `Diagnostic` the engine hands to the
record builders, and never logs (the `pyx12` logger is silenced by `referrals.logs`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pyx12.error_handler


@dataclass(frozen=True)
class Diagnostic:
    level: str  # isa | gs | st | seg | ele
    code: str  # pyx12/X12 code: IK3 or IK4 code, TA1 note, AK9/IK5 code, or pyx12's own (HL1, LX, ...)
    text: str  # pyx12's own wording; may hold a data value, so never logged or shown as is
    segment_id: str | None = None
    segment_name: str | None = None
    loop_id: str | None = None
    segment_ordinal: int | None = None
    line: int | None = None
    element_position: int | None = None
    component_position: int | None = None
    element_name: str | None = None
    element_ref: str | None = None


class CapturingErrorHandler(pyx12.error_handler.err_handler):
    """pyx12's err_handler that also keeps a flat, drainable list of diagnostics."""

    def __init__(self) -> None:
        super().__init__()
        self.pending: list[Diagnostic] = []
        self._seg_context: dict[str, Any] = {}
        self._ele_context: dict[str, Any] = {}
        self.business_unit: str | None = None  # CLM01 of the claim being walked, for the 999's CTX

    def drain(self) -> list[Diagnostic]:
        out, self.pending = self.pending, []
        return out

    def add_seg(self, map_node: Any, seg_data: Any, seg_count: int, cur_line: int, ls_id: str | None) -> None:
        super().add_seg(map_node, seg_data, seg_count, cur_line, ls_id)
        parent = map_node.get_parent() if map_node is not None else None
        self.cur_seg_node.loop_id = getattr(parent, "id", None)
        self.cur_seg_node.business_unit = self.business_unit
        self._seg_context = {
            "segment_id": seg_data.get_seg_id(),
            "segment_name": getattr(map_node, "name", None),
            "loop_id": getattr(parent, "id", None),
            "segment_ordinal": seg_count,
            "line": cur_line,
        }

    def add_ele(self, map_node: Any) -> None:
        super().add_ele(map_node)
        node = self.cur_ele_node
        self._ele_context = {
            "element_position": node.ele_pos,
            "component_position": node.subele_pos,
            "element_name": node.name,
            "element_ref": node.ele_ref_num,
        }

    def isa_error(self, err_cde: str, err_str: str) -> None:
        self._add_to(self.cur_isa_node, err_cde, err_str)
        self.pending.append(Diagnostic("isa", err_cde, err_str, segment_id="ISA"))

    def gs_error(self, err_cde: str, err_str: str) -> None:
        self._add_to(self.cur_gs_node or self.cur_isa_node, err_cde, err_str)
        self.pending.append(Diagnostic("gs", err_cde, err_str, segment_id="GS"))

    def st_error(self, err_cde: str, err_str: str) -> None:
        self._add_to(self.cur_st_node or self.cur_gs_node or self.cur_isa_node, err_cde, err_str)
        self.pending.append(Diagnostic("st", err_cde, err_str, segment_id="ST"))

    @staticmethod
    def _add_to(node: Any, err_cde: str, err_str: str) -> None:
        """Record on the nearest open envelope level; none open (a broken file): keep the diagnostic only."""
        if node is not None:
            node.add_error(err_cde, err_str)

    def seg_error(self, err_cde: str, err_str: str, err_value: str | None = None, src_line: int | None = None) -> None:
        try:
            self._add_cur_seg()
            self.cur_seg_node.add_error(err_cde, err_str, err_value)
        except AttributeError:
            pass  # no segment yet (a broken envelope); the diagnostic below still records it
        context = dict(self._seg_context)
        if src_line:
            context["line"] = src_line
        self.pending.append(Diagnostic("seg", err_cde, err_str, **context))

    def ele_error(self, err_cde: str, err_str: str, bad_value: str | None, refdes: str | None = None) -> None:
        self._add_cur_ele()
        self.cur_ele_node.add_error(err_cde, err_str, bad_value)
        self.pending.append(Diagnostic("ele", err_cde, err_str, **self._seg_context, **self._ele_context))
