"""A value still weak after the standard model's read of the grey page: read once more from the cleaned page.

Tesseract gives some clear values a low word confidence on every read of the grey page: a phone
printed with dots in a fixed-width face ('860.555.0782') comes back right at 16 on the page, 41 in
its second read and 58 from the standard model (verify_standard.standard_read), and is held as
`low_confidence` though every read agreed. Its crop from the cleaned page (binarised, lines and
specks removed), enlarged 1.5x, is read by the standard model too; when that read gives the same
value with no doubtful character, or the same letters and digits with only punctuation read
otherwise, its confidence counts as the second read's where higher (it lifts, it never confirms).

An organisation's or address's value whose second read garbled a known word ('Shpply' for 'Supply')
and whose standard read of the grey page garbled it too (verify._third_reads) may hold a mark on the
grey page that the cleaning removed: its crop from the cleaned page, enlarged 2x, is read by the
standard model; a read giving the page read's value with no doubtful character confirms it
(clean_garbled). The page read's own model never reads it twice.
"""

from __future__ import annotations

import dataclasses

from parsers.fax.confirm import Region, second_reads
from parsers.fax.model import Candidate
from parsers.fax.ocr import REREAD_MODEL
from parsers.fax.reading import FaxRead
from parsers.fax.verify import _garbled, agreement
from parsers.fax.verify_standard import lift_weak

SCALE = 1.5
GARBLED_SCALE = 2.0


def clean_read(state: FaxRead) -> None:
    """Read each confirmed value still under the threshold from the cleaned page, by the standard model."""
    lift_weak(state, "clean", SCALE)


def clean_garbled(state: FaxRead) -> None:
    """Confirm each garbled-on-the-grey-page value the standard model reads from the cleaned page as the page did."""
    held = [c for c in state.candidates if _held(state, c)]
    if not held:
        return
    regions = [Region(f"k{i}", c.page, c.bbox, GARBLED_SCALE, "clean") for i, c in enumerate(held)]
    images = state.page_images("clean")
    reads = second_reads(regions, images, state.engine, REREAD_MODEL)
    agreed = {id(c): conf for i, c in enumerate(held) if (conf := agreement(c, reads.get(f"k{i}", []))) is not None}
    state.candidates = [
        dataclasses.replace(c, confirmed_by="second_read", second_conf=agreed[id(c)]) if id(c) in agreed else c
        for c in state.candidates
    ]


def _held(state: FaxRead, cand: Candidate) -> bool:
    """Unconfirmed, from an image page, its second read a garble of the page read (verify._garbled)."""
    second = state.second_words.get(id(cand), [])
    return cand.confirmed_by is None and cand.page in state.prepared and bool(second) and _garbled(cand, second)
