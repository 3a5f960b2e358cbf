"""Confirmations that need no second read, before the second read: an NPI's check digit (its look-alike
letters read as digits), a value read in two places on the document, a text layer's characters; and the
finding for an address caption whose value is no whole address."""

from __future__ import annotations

import dataclasses

from parsers.fax import codecheck
from parsers.fax.extract import path_of
from parsers.fax.model import boxes_overlap
from parsers.fax.reading import FaxRead


def normalise_npis(state: FaxRead) -> None:
    """NPIs with look-alike letters read as digits; a valid check digit confirms the reading."""
    out = []
    for cand in state.candidates:
        if cand.path.endswith(".npi"):
            fixed = codecheck.correct_npi(str(cand.value))
            if fixed.value is not None:
                cand = dataclasses.replace(
                    cand, value=fixed.value, corrected=fixed.corrected, confirmed_by="check_digit"
                )
            elif not str(cand.value).isdigit():
                state.finding(
                    cand.path,
                    "npi_unreadable",
                    "The NPI on the order could not be read as 10 digits; check the page and enter it.",
                    page=cand.page,
                )
                continue
        out.append(cand)
    state.candidates = out


def flag_unread_address(state: FaxRead) -> None:
    """An address label whose value is not a whole street, city, state and ZIP: say so, with its page."""
    if any(c.path == "member.address" for c in state.candidates):
        return
    pages = [
        t.page.number for t in state.order_texts for h in state.hits[t.page.number] if path_of(h) == "member.address"
    ]
    if pages:
        state.finding(
            "member.address",
            "address_unreadable",
            "The patient's address on the order could not be read as street, city, state and ZIP; "
            "check the page and enter it.",
            page=pages[0],
        )


def mark_repeated(state: FaxRead) -> None:
    """A value read in two places on the document confirms itself."""
    out = []
    for cand in state.candidates:
        same = [
            c
            for c in state.candidates
            if c.path == cand.path and c.value == cand.value and not boxes_overlap(c.bbox, cand.bbox)
        ]
        if cand.confirmed_by is None and (same or cand.method == "text_layer"):
            cand = dataclasses.replace(cand, confirmed_by="text_layer" if cand.method == "text_layer" else "repeated")
        out.append(cand)
    state.candidates = out


def mark_text_layer(state: FaxRead) -> None:
    on_layer = state.text_layer_pages
    state.candidates = [
        dataclasses.replace(c, confirmed_by=c.confirmed_by or "text_layer") if c.page in on_layer else c
        for c in state.candidates
    ]
