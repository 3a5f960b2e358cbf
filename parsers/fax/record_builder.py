"""The record's fields one by one: the candidate chosen for each (one value, confirmed and confident, or
null with a finding), its confidence and its provenance on the page."""

from __future__ import annotations

from typing import Any

from parsers.fax.model import Candidate
from parsers.fax.preprocess import unrotate_box
from parsers.fax.reading import FaxRead
from parsers.fax.verify import CRITICAL
from referrals.domain import Provenance

CHECKED = {"check_digit", "code_set"}
METHOD_WEIGHT = {"label": 1.0, "below": 0.97, "pattern": 0.95, "table": 0.97, "text_layer": 1.0}


def confidence(cand: Candidate) -> float:
    """OCR confidence, weighed by how the value was found and whether anything independent confirms it."""
    weight = METHOD_WEIGHT.get(cand.method, 0.9) * (0.95 if cand.corrected else 1.0)
    base = cand.conf * weight
    if cand.second_conf is not None:  # two agreeing reads: wrong only if both are
        base = 1.0 - (1.0 - base) * (1.0 - cand.second_conf)
    if cand.joint_conf is not None:  # ... counted character by character where both reads are known
        base = max(base, cand.joint_conf * weight)
    if cand.confirmed_by is not None and (cand.second_conf is None or cand.confirmed_by in CHECKED):
        base = 1.0 - (1.0 - base) * 0.4  # a check digit or code set vouches besides any second read
    return round(min(max(base, 0.0), 1.0), 3)


def _frac(value: int, size: int) -> float:
    """A pixel position as a fraction of the page, on the page (a rotated box may reach past its edge)."""
    return round(min(max(value / size, 0.0), 1.0), 4)


class Builder:
    """Fills one referral field by field, recording confidence, provenance and findings."""

    def __init__(self, state: FaxRead) -> None:
        self.state = state
        self.values: dict[str, Any] = {}
        self.confidence: dict[str, float] = {}
        self.provenance: dict[str, Provenance] = {}

    def where(self, path: str, page: int, bbox: tuple[int, int, int, int], method: str) -> None:
        page_obj = self.state.pages[page - 1]
        prepared = self.state.prepared.get(page)
        if prepared is not None:
            bbox = unrotate_box(bbox, prepared.angle, prepared.straight.size)
        w, h = page_obj.width, page_obj.height
        frac = [_frac(bbox[0], w), _frac(bbox[1], h), _frac(bbox[2], w), _frac(bbox[3], h)]
        self.provenance[path] = Provenance(page=page, bbox=frac, method=method)

    def field(self, path: str) -> Any:
        chosen = self._choose(path)
        if chosen is None:
            return None
        self.where(path, chosen.page, chosen.bbox, chosen.method)
        self.confidence[path] = confidence(chosen)
        return chosen.value

    def _choose(self, path: str) -> Candidate | None:
        found = [c for c in self.state.candidates if c.path == path]
        if not found:
            return None
        if len({repr(c.value) for c in found}) > 1:
            self.state.finding(
                path,
                "conflicting_values",
                f"The order gives different values for {path} in different places; check the page.",
                page=found[0].page,
            )
            return None
        best = max(found, key=confidence)
        if path in CRITICAL and best.confirmed_by is None:
            self.state.finding(
                path,
                "unconfirmed_value",
                f"{path} could not be read reliably (a second read did not agree); check the page and enter it.",
                page=best.page,
            )
            return None
        if confidence(best) < self.state.ctx.ocr_confidence_threshold:
            self.state.finding(
                path,
                "low_confidence",
                f"{path} was read with too little confidence; check the page and enter it.",
                page=best.page,
            )
            return None
        return best
