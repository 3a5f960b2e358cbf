"""A ticked option's word read unsurely (the sex a checkbox gives: 'Sex [X] Male [ ] Female'), read again.

The box gives the value; the option's word beside it only says which value the box stands for, and at
standard resolution (every other scan line missing) OCR reads even a clear 'Male' at 68, under the
confidence threshold. The word's crop (grey page, 2x) is read by the standard model (models.py); a read of
the same word alone, with no doubtful character, counts as an agreeing second read.
"""

from __future__ import annotations

import dataclasses

from parsers.fax.confirm import Region, second_reads
from parsers.fax.model import Candidate
from parsers.fax.ocr import REREAD_MODEL
from parsers.fax.reading import FaxRead
from parsers.fax.record_builder import confidence

SCALE = 2.0
PATHS = {"member.sex"}
EDGE = " .,:;[]()|"


def reread_options(state: FaxRead) -> None:
    """Read again each ticked option whose word was read under the threshold (see the module's doc)."""
    weak = [c for c in state.candidates if _weak(state, c)]
    if not weak:
        return
    regions = [Region(f"o{i}", c.page, c.bbox, SCALE, "straight") for i, c in enumerate(weak)]
    images = state.page_images("straight")
    reads = second_reads(regions, images, state.engine, REREAD_MODEL)
    lifted = {}
    for i, cand in enumerate(weak):
        words = reads.get(f"o{i}", [])
        same = len(words) == 1 and words[0].text.strip(EDGE).lower() == cand.raw.strip(EDGE).lower()
        if same and not words[0].ambiguous:
            lifted[id(cand)] = dataclasses.replace(cand, second_conf=words[0].conf / 100.0)
    state.candidates = [lifted.get(id(c), c) for c in state.candidates]


def _weak(state: FaxRead, cand: Candidate) -> bool:
    return (
        cand.path in PATHS
        and cand.method == "checkbox"
        and cand.page in state.prepared
        and bool(cand.raw.strip(EDGE))
        and confidence(cand, state.ctx.ocr_confidence_threshold) < state.ctx.ocr_confidence_threshold
    )
