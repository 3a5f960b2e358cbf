"""Confirmed values read with too little confidence: one more read by the standard model.

Tesseract's fast model often gives a clear value a low word confidence ('860.555.9240' read right
at 34 on the page and at 0 in its second read), and such a value, though two reads agreed, would be
held as `low_confidence`. Its crop (the grey page, enlarged) is read once more by the standard
English model (models.py), a model trained apart from the fast one: when that read gives the same
value with no doubtful character (confirm.agrees), or the same letters and digits run for run
with only its punctuation read otherwise ('860.555,9240'), its confidence counts as the second read's where
higher. A value whose reads did not agree is not read again here: this lifts confidence, it never
confirms.
"""

from __future__ import annotations

import dataclasses

from parsers.fax.assemble import confidence
from parsers.fax.confirm import Region, second_reads
from parsers.fax.model import Candidate, Word
from parsers.fax.ocr import REREAD_MODEL
from parsers.fax.reading import FaxRead
from parsers.fax.verify import PATH_KIND, agreement, only_punctuation_differs

SCALE = 2.0


def standard_read(state: FaxRead) -> None:
    """Read each confirmed but weakly read value once more with the standard model."""
    weak = [c for c in state.candidates if _weak(state, c)]
    if not weak:
        return
    regions = [Region(f"w{i}", c.page, c.bbox, SCALE, "straight") for i, c in enumerate(weak)]
    images = {(number, "straight"): p.straight for number, p in state.prepared.items()}
    reads = second_reads(regions, images, state.engine, REREAD_MODEL)
    lifted = {id(c): conf for i, c in enumerate(weak) if (conf := _agrees(c, reads.get(f"w{i}", []))) is not None}
    state.candidates = [_lifted(c, lifted.get(id(c))) for c in state.candidates]


def _weak(state: FaxRead, cand: Candidate) -> bool:
    """A confirmed value from an image (a critical one, or the sex its re-reads agreed on) whose
    confidence is under the threshold."""
    return (
        cand.path in PATH_KIND
        and cand.confirmed_by is not None
        and cand.page in state.prepared
        and confidence(cand) < state.ctx.ocr_confidence_threshold
    )


def _agrees(cand: Candidate, words: list[Word]) -> float | None:
    """The read's lowest word confidence (0..1) when it gives the value with no doubtful character,
    or differs from the page read only in punctuation ('860.555,9240'); else None."""
    found = agreement(cand, words)
    if found is None and words and only_punctuation_differs(cand, words):
        found = min(w.conf for w in words) / 100.0
    return found


def _lifted(cand: Candidate, conf: float | None) -> Candidate:
    if conf is None or conf <= (cand.second_conf or 0.0):
        return cand
    return dataclasses.replace(cand, second_conf=conf)
