"""Confirmation of critical fields: a check digit, a code-set hit, the same value twice, or a second read."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from parsers.fax import codecheck, values
from parsers.fax.confirm import Region, agrees, second_reads
from parsers.fax.extract import READERS
from parsers.fax.model import Candidate, Segment, Word
from parsers.fax.reading import FaxRead
from parsers.fax.services import ServiceRead, _service_row

CRITICAL = {"member.dob", "member.member_id", "ordering_provider.npi", "servicing_provider.npi", "order_date",
            "requested_start_date", "discharge_date"}
PATH_KIND = {"member.dob": "dob", "member.member_id": "member_id", "order_date": "order_date",
             "requested_start_date": "start_date", "discharge_date": "discharge_date"}


def normalise_npis(state: FaxRead) -> None:
    """NPIs with look-alike letters read as digits; a valid check digit confirms the reading."""
    out = []
    for cand in state.candidates:
        if cand.path.endswith(".npi"):
            fixed = codecheck.correct_npi(str(cand.value))
            if fixed.value is not None:
                cand = dataclasses.replace(cand, value=fixed.value, corrected=fixed.corrected,
                                           confirmed_by="check_digit")
            elif not str(cand.value).isdigit():
                state.finding(cand.path, "npi_unreadable", "The NPI on the order could not be read as 10 digits; "
                              "check the page and enter it.", page=cand.page)
                continue
        out.append(cand)
    state.candidates = out


def mark_repeated(state: FaxRead) -> None:
    """A value read in two places on the document confirms itself."""
    out = []
    for cand in state.candidates:
        same = [c for c in state.candidates if c.path == cand.path and c.value == cand.value and c.bbox != cand.bbox]
        if cand.confirmed_by is None and (same or cand.method == "text_layer"):
            cand = dataclasses.replace(cand, confirmed_by="text_layer" if cand.method == "text_layer" else "repeated")
        out.append(cand)
    state.candidates = out


def mark_text_layer(state: FaxRead) -> None:
    layer_pages = {p.number for p in state.pages if p.text_layer}
    state.candidates = [dataclasses.replace(c, confirmed_by=c.confirmed_by or "text_layer")
                        if c.page in layer_pages else c for c in state.candidates]


def second_read(state: FaxRead) -> None:
    """Re-read every unconfirmed critical value and service row once more, all in one OCR pass."""
    wanted = [c for c in state.candidates if c.path in CRITICAL and c.confirmed_by is None]
    rows = [s for s in state.services if s.row.page not in _layer_pages(state)]
    regions = [Region(f"c{i}", c.page, c.bbox) for i, c in enumerate(wanted)]
    regions += [Region(f"s{i}", s.row.page, _row_box(s)) for i, s in enumerate(rows)]
    images = {number: p.straight for number, p in state.prepared.items()}
    reads = second_reads(regions, images, state.engine) if regions else {}
    confirmed = {id(c) for i, c in enumerate(wanted) if agrees(_key(c), reads.get(f"c{i}", []), _reader(c))}
    state.candidates = [dataclasses.replace(c, confirmed_by="second_read") if id(c) in confirmed else c
                        for c in state.candidates]
    state.confirmed_rows = {id(s) for i, s in enumerate(rows) if _same_row(s, reads.get(f"s{i}", []))}


def _layer_pages(state: FaxRead) -> set[int]:
    return {p.number for p in state.pages if p.text_layer}


def _row_box(row: ServiceRead) -> tuple[int, int, int, int]:
    words = [row.code.word, *([row.quantity_word] if row.quantity_word else [])]
    return (min(w.left for w in words), min(w.top for w in row.row.words),
            max(w.right for w in words), max(w.bottom for w in row.row.words))


def _same_row(row: ServiceRead, words: list[Word]) -> bool:
    if not words:
        return False
    again = _service_row(Segment(row.row.page, 0, tuple(sorted(words, key=lambda w: w.left))))
    return again is not None and again.code.correction.value == row.code.correction.value \
        and again.quantity == row.quantity


def _key(cand: Candidate) -> object:
    return cand.value


def _reader(cand: Candidate) -> Callable[[str], object | None]:
    if cand.path.endswith(".npi"):
        return lambda text: _npi_value(text)
    read = READERS[PATH_KIND[cand.path]]
    return lambda text: (found.value if (found := read(text)) is not None else None)


def _npi_value(text: str) -> str | None:
    found = values.read_npi_text(text)
    if found is None:
        return None
    fixed = codecheck.correct_npi(str(found.value))
    return fixed.value or (str(found.value) if str(found.value).isdigit() else None)
