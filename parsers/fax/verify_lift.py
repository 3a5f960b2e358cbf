"""A value still weak after the standard model's read of the grey page: read once more from the cleaned page.

Tesseract gives some clear values a low word confidence on every read of the grey page: a phone
printed with dots in a fixed-width face ('860.555.0782') comes back right at 16 on the page, 41 in
its second read and 58 from the standard model (verify_standard.standard_read), and is held as
`low_confidence` though every read agreed. Its crop from the cleaned page (binarised, lines and
specks removed), enlarged 1.5x, is read by the standard model too; when that read gives the same
value with no doubtful character, or the same letters and digits with only punctuation read
otherwise, its confidence counts as the second read's where higher (it lifts, it never confirms).
"""

from __future__ import annotations

from parsers.fax.confirm import Region, second_reads
from parsers.fax.ocr import REREAD_MODEL
from parsers.fax.reading import FaxRead
from parsers.fax.verify_standard import _agrees, _lifted, _weak

SCALE = 1.5


def clean_read(state: FaxRead) -> None:
    """Read each confirmed value still under the threshold from the cleaned page, by the standard model."""
    weak = [c for c in state.candidates if _weak(state, c)]
    if not weak:
        return
    regions = [Region(f"l{i}", c.page, c.bbox, SCALE, "clean") for i, c in enumerate(weak)]
    images = {(number, "clean"): p.ocr_image for number, p in state.prepared.items()}
    reads = second_reads(regions, images, state.engine, REREAD_MODEL)
    lifted = {id(c): conf for i, c in enumerate(weak) if (conf := _agrees(c, reads.get(f"l{i}", []))) is not None}
    state.candidates = [_lifted(c, lifted.get(id(c))) for c in state.candidates]
