"""Dotted leaders from a caption to its typed value ('Date of order ......... Nov 17, 2026'): the dots,
however OCR read them ('....,....00..0.'), are neither the value nor a word that keeps the caption
from its value across the gap."""

from __future__ import annotations

from parsers.fax.extract import candidates, labelled_hits
from parsers.fax.nearby import LEADING_NOISE
from tests.fax.test_fill_in_address import _rows


def test_a_leader_read_with_zeros_is_no_value_and_the_value_right_of_it_is_the_captions() -> None:
    text = _rows(
        [
            [(120, "Patient name"), (560, "WILSON, HENRY")],
            [(120, "Date of order ....,....00..0."), (528, ". Nov 17, 2026"), (1010, "Sex"), (1240, "M")],
        ]
    )
    found = {c.path: c.value for c in candidates(text, labelled_hits(text))}
    assert str(found.get("order_date")) == "2026-11-17"


def test_a_value_after_dots_keeps_its_own_zeros() -> None:
    match = LEADING_NOISE.match(".... 05/11/2026")
    assert match is not None and ".... 05/11/2026"[match.end() :] == "05/11/2026"
    match = LEADING_NOISE.match("....0O.. 0123")
    assert match is not None and "....0O.. 0123"[match.end() :] == "0123"
