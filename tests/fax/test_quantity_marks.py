"""A quantity mark whose colon OCR read as a quote or a semicolon ('qty’ 1', 'Qty; 2') still marks it."""

from __future__ import annotations

from tests.fax.test_code_sweep import _services
from tests.fax.test_reading_units import _page


def test_a_quantity_marks_colon_read_as_a_quote_or_a_semicolon() -> None:
    for mark, want in [("qty’ 1", 1), ("Qty; 2", 2), ("QTY' 3", 3)]:
        assert _services(_page([f"1) Hospital bed semi-electric: E0260 RR, {mark}"])) == [("E0260", ["RR"], want)], mark
