"""Service rows the fast model's crops left open, read by the standard model (models.py).

A service line is confirmed when both crops of its code cell and of its quantity cell (verify.
second_read: grey at 1x, cleaned at 1.5x) agree with the page read, none doubtful. A fixed-width
face defeats the fast model on some cells: a lone '1' keeps a '4' as its rival on every read, a
code's first letter comes back as '£'. Those crops show nothing (a doubtful or unreadable crop is no
value) rather than another code or quantity. Such a row, with no crop against it, has the same
crops read by the standard English model, trained apart from the fast one; when those agree with
the page read as the fast crops must (verify_codes.agreed_row), the row is confirmed; so is a row whose code
one model's crops agree with and whose quantity the other's do, no crop of either against it. A row any fast
crop contradicts is left to the reads that settle contradictions (reread_outvoted.py). A standard crop
reading the code with one place as a mark no look-alike of the page read's ('G0>99' for a page read
G0799 of G0299) saw that place otherwise: it stands against the row, which stays open.
"""

from __future__ import annotations

from parsers.fax.asides import code_in_aside
from parsers.fax.confirm import Images, second_reads, text_of
from parsers.fax.model import Word
from parsers.fax.ocr import REREAD_MODEL
from parsers.fax.reading import FaxRead
from parsers.fax.row_marks import needs_standard_read
from parsers.fax.services import ServiceRead
from parsers.fax.values import DIGIT_LOOKALIKES
from parsers.fax.verify_codes import agreed_row, crop_values, row_regions

Crops = list[object | None]


def model_rows(state: FaxRead) -> None:
    """Confirm each open, uncontradicted service row whose crops the standard model reads as the page did."""
    layer = state.text_layer_pages
    rows = [s for s in state.services if s.row.page not in layer and _open(state, s)]
    if not rows:
        return
    regions = [r for i, s in enumerate(rows) for r in row_regions(f"s{i}", s)]
    reads = second_reads(regions, _images(state), state.engine, REREAD_MODEL)
    for i, row in enumerate(rows):
        codes, quantities = crop_values(
            reads, f"s{i}", state.ctx.code_sets, code_in_aside(row.row.words, row.code.word)
        )
        fast_codes, fast_quantities = state.row_crops[id(row)]  # none against the page read (_open)
        agreed = agreed_row(
            row, fast_codes + codes, fast_quantities + quantities, state.reread_parts.get(id(row), set())
        )
        if agreed is None or _code_crop_against(reads, f"s{i}", agreed[0], both_fast(fast_codes, agreed[0])):
            continue
        if not needs_standard_read(agreed[1]) or agreed[1] in quantities:
            state.confirmed_rows[id(row)] = agreed


def _code_crop_against(reads: dict[str, list[Word]], key: str, code: str, fast_agree: bool = False) -> bool:
    """A standard crop showing the code with one place otherwise; when both fast crops read the code as the
    page did, a crop OCR itself doubts (a rival for a character: 'BA002' at confidence 0) stands against none."""
    crops = [reads.get(f"{key}code{v}", []) for v in "ab"]
    weighed = [c for c in crops if not (fast_agree and any(w.ambiguous for w in c))]
    return any(one_place_against(text_of(c), code) for c in weighed)


def both_fast(fast_codes: Crops, code: str) -> bool:
    """Both fast-model crops of the code cell read the code (each a sure read: crop_values)."""
    return len(fast_codes) == 2 and all(c == code for c in fast_codes)


def _images(state: FaxRead) -> Images:
    images: Images = state.page_images("straight", "clean")
    return images


def _open(state: FaxRead, row: ServiceRead) -> bool:
    """Unconfirmed, with a code and a quantity read, and no fast crop showing another code or quantity."""
    crops = state.row_crops.get(id(row))
    if id(row) in state.confirmed_rows or crops is None:
        return False
    code, quantity = row.code.correction.value, row.quantity
    return code is not None and quantity is not None and uncontradicted(code, quantity, *crops)


def one_place_against(read: str, code: str) -> bool:
    """A crop read with the code's length and every character of it but one, that one a mark no look-alike
    of the code's ('G0>99', 'G0p99' for G0799): the crop saw that place otherwise, so it stands against it."""
    core = read.strip(" .,;")
    if len(core) != len(code):
        return False
    places = [i for i, (seen, printed) in enumerate(zip(core, code, strict=True)) if not _alike(seen, printed)]
    return len(places) == 1


def _alike(seen: str, printed: str) -> bool:
    """The same character, or two OCR takes for each other ('O' and '0', a series letter 'G' and a '6')."""
    return seen.upper() == printed or seen.translate(DIGIT_LOOKALIKES) == printed.translate(DIGIT_LOOKALIKES)


def uncontradicted(code: str, quantity: int, codes: Crops, quantities: Crops) -> bool:
    """No crop shows a code or a quantity other than the page read's."""
    return all(c is None or c == code for c in codes) and all(q is None or q == quantity for q in quantities)
