"""A quantity mark whose colon OCR read as a quote or a semicolon ('qty’ 1', 'Qty; 2') still marks it."""

from __future__ import annotations

from tests.fax.test_code_sweep import _services
from tests.fax.test_reading_units import _page


def test_a_quantity_marks_colon_read_as_a_quote_or_a_semicolon() -> None:
    for mark, want in [("qty’ 1", 1), ("Qty; 2", 2), ("QTY' 3", 3), ("gty 1", 1)]:
        assert _services(_page([f"1) Hospital bed semi-electric: E0260 RR, {mark}"])) == [("E0260", ["RR"], want)], mark


def test_a_diagnoses_heading_with_a_letter_read_as_a_mark_heads_the_diagnoses() -> None:
    from ingest.codesets import VALIDATOR_CODE_SETS
    from parsers.fax.services import diagnosis_reads

    text = _page(["DIAGNOS<S.", "Chronic respiratory failure with hypoxia (J96 11)"])
    assert [r.raw for r in diagnosis_reads(text, VALIDATOR_CODE_SETS)] == ["J96.11"]
