"""Service codes the page read weakly and both crops of their cell read as another code, read again.

A code cell the page read at low confidence ('A4258' at 60, where the cell prints A4253) gives a
code of the right shape, so it fails no check and is never re-read as a failing cell is
(reread.py). Its second read's two crops (verify.second_read: grey at 1x, cleaned at 1.5x) then
both show another code, undoubted, and the row stays unconfirmed. Such a cell is re-read as a
failing code cell is (reread.procedure_agreed: the code characters only, the page's model and then
the standard model, pooled); when those re-reads agree on the crops' code, that code is taken,
read alike by four reads against one weak one. A page read the crops contradict is never taken.
"""

from __future__ import annotations

from parsers.fax.reading import FaxRead
from parsers.fax.reread import procedure_agreed
from parsers.fax.services import ServiceRead

Crops = list[object | None]


def outvoted(state: FaxRead, row: ServiceRead, codes: Crops, quantities: Crops) -> tuple[str, int] | None:
    """(code, quantity) when the page read the code weakly, both crops show one other code and the
    quantity's crops agree with the page read's quantity (one at least, none against it)."""
    page_code, quantity = row.code.correction.value, row.quantity
    weak = row.code.word.conf < 100 * state.ctx.ocr_confidence_threshold
    if page_code is None or quantity is None or not weak or len(set(codes)) != 1:
        return None
    code = codes[0]
    if not isinstance(code, str) or code == page_code:
        return None
    if quantity not in quantities or any(q is not None and q != quantity for q in quantities):
        return None
    return code, quantity


def doubted(row: ServiceRead, codes: Crops, quantities: Crops) -> tuple[str, int] | None:
    """(code, quantity) of the page read when neither crop of the code cell shows a code (each read
    nothing, or only with a doubtful character: '(G0152)' whose 5 rivals 8), and the quantity's
    crops agree with the page read's (one at least, none against it): the page read's code then
    needs the re-reads a failing cell gets to agree on it (reread_outvoted)."""
    code, quantity = row.code.correction.value, row.quantity
    if code is None or quantity is None or any(c is not None for c in codes):
        return None
    if quantity not in quantities or any(q is not None and q != quantity for q in quantities):
        return None
    return code, quantity


def reread_outvoted(state: FaxRead) -> None:
    """Confirm the crops' code of each outvoted row (or the page read's code of a row its crops left in
    doubt, `doubted`) whose pooled re-reads give it too."""
    for row in state.services:
        found = state.outvoted.get(id(row))
        if found is not None and procedure_agreed(state, row.row.page, row.code.word, state.ctx.code_sets) == found[0]:
            state.confirmed_rows[id(row)] = found
