"""The record's fields one by one: the candidate chosen for each (one value, confirmed and confident, or
null with a finding), its confidence and its provenance on the page."""

from __future__ import annotations

from typing import Any

from parsers.context import ParseContext
from parsers.fax.model import Candidate
from parsers.fax.preprocess import unrotate_box
from parsers.fax.reading import FaxRead
from parsers.fax.verify import CRITICAL, PATH_KIND, WORD_LIST_KINDS
from referrals.domain import Provenance

CHECKED = {"check_digit", "code_set"}
METHOD_WEIGHT = {"label": 1.0, "below": 0.97, "pattern": 0.95, "table": 0.97, "text_layer": 1.0}
# Confirmed by reads of the value's own pixels and nothing else (not a check digit, a code set, the value
# printed twice, a text layer): the reads share the pixels' damage (a 5 whose bottom the fax noise closed is
# a 6 to every read and both models), so when each was unsure their agreement makes the value no surer.
# Not organisations and addresses: a word list vouches for their words, a state code and its ZIP for
# each other, and their weakest word ('Ri' for RI) is seldom the one a misread would change.
SAME_PIXELS = {"second_read"}


def confidence(cand: Candidate, threshold: float = ParseContext.ocr_confidence_threshold) -> float:
    """The value's confidence (reads_confidence), but no more than its surest read's when every read of
    it was under `threshold` (the context's) and nothing but reads of its own pixels confirms it."""
    combined = reads_confidence(cand)
    if not unsure_reads_only(cand, threshold):
        return combined
    return min(combined, round(_surest_read(cand), 3))


def unsure_reads_only(cand: Candidate, threshold: float) -> bool:
    """Confirmed only by reads of its own pixels (SAME_PIXELS), each of them under `threshold`. Not a
    value whose agreeing read's confidence is unknown (a failed value's re-reads under a character
    whitelist, which tesseract scores near 0 however clear: reread_fields.py): none of its reads is
    known to be unsure."""
    if cand.confirmed_by not in SAME_PIXELS or cand.second_conf is None:
        return False
    return PATH_KIND.get(cand.path) not in WORD_LIST_KINDS and _surest_read(cand) < threshold


def _surest_read(cand: Candidate) -> float:
    """The surer of the page read and the agreeing read, the whole value's or (surer_conf) character by character's."""
    return max(cand.conf * _weight(cand), cand.second_conf or 0.0, (cand.surer_conf or 0.0) * _weight(cand))


def _weight(cand: Candidate) -> float:
    return METHOD_WEIGHT.get(cand.method, 0.9) * (0.95 if cand.corrected else 1.0)


def reads_confidence(cand: Candidate) -> float:
    """OCR confidence, weighed by how the value was found and whether anything independent confirms it
    (agreeing reads counted as independent: see confidence)."""
    weight = _weight(cand)
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
        self.confidence[path] = confidence(chosen, self.state.ctx.ocr_confidence_threshold)
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
        best = max(found, key=lambda c: confidence(c, self.state.ctx.ocr_confidence_threshold))
        if path in CRITICAL and best.confirmed_by is None:
            self.state.finding(
                path,
                "unconfirmed_value",
                f"{path} could not be read reliably (a second read did not agree); check the page and enter it.",
                page=best.page,
            )
            return None
        threshold = self.state.ctx.ocr_confidence_threshold
        if confidence(best, threshold) < threshold:
            self.state.finding(
                path,
                "low_confidence",
                f"{path} was read with too little confidence; check the page and enter it.",
                page=best.page,
            )
            return None
        return best
