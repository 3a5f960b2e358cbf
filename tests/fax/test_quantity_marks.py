"""A quantity mark whose colon OCR read as a quote or a semicolon ('qty’ 1', 'Qty; 2') still marks it."""

from __future__ import annotations

from tests.fax.test_code_sweep import _services
from tests.fax.test_reading_units import _page


def test_a_quantity_marks_colon_read_as_a_quote_or_a_semicolon() -> None:
    for mark, want in [
        ("qty’ 1", 1),
        ("Qty; 2", 2),
        ("QTY' 3", 3),
        ("gty 1", 1),
        ("aty. 8", 8),
        ("qty, 1", 1),
        ("Oty: 1", 1),
    ]:
        assert _services(_page([f"1) Hospital bed semi-electric: E0260 RR, {mark}"])) == [("E0260", ["RR"], want)], mark


def test_a_diagnoses_heading_with_a_letter_read_as_a_mark_heads_the_diagnoses() -> None:
    from ingest.codesets import VALIDATOR_CODE_SETS
    from parsers.fax.diagnosis_codes import diagnosis_reads

    text = _page(["DIAGNOS<S.", "Chronic respiratory failure with hypoxia (J96 11)"])
    assert [r.raw for r in diagnosis_reads(text, VALIDATOR_CODE_SETS)] == ["J96.11"]


def test_a_code_whose_letter_ocr_read_as_a_symbol_is_an_open_service_line() -> None:
    """'2) Cpap device £0601 RR, qty 1': the letter unread ('£'), the line an ordered item (its modifier
    and quantity): a service line whose code only agreeing re-reads may fill; '$' reads as an S."""
    from tests.fax.test_code_sweep import _services as sweep

    assert sweep(_page(["2) Cpap device £0601 RR, qty 1"])) == [(None, ["RR"], 1)]
    assert sweep(_page(["1) Antibiotic infusion per diem $9500, qty 1"])) == [("S9500", [], 1)]
    assert sweep(_page(["Call us at £0601 today"])) == []  # nothing says it is an ordered item


def test_a_modifier_mark_ocr_garbled_still_marks_the_capital_modifier_after_it() -> None:
    """'HCPCS E0431 Modafaer RR Qty 1': 'Modifier' garbled past any word still marks RR; an English
    word that starts the same ('moderate') marks nothing, nor a garbled mark before a word in lower case."""
    rows = ["2. HCPCS E0431 Modafaer RR Qty 1 Portable gaseous system"]
    assert _services(_page(rows)) == [("E0431", ["RR"], 1)]
    assert _services(_page(["2. HCPCS E0431 moderate RR Qty 1 Portable gaseous system"])) == [("E0431", [], 1)]
    assert _services(_page(["2. HCPCS E0431 Modafaer rr Qty 1 Portable gaseous system"])) == [("E0431", [], 1)]


def test_a_modifier_mark_with_its_first_letter_lost_still_marks_the_capital_modifier_after_it() -> None:
    """'odifier RR', 'Modifer RR': 'Modifier' one letter off, no English word, marks RR as 'Modafaer' does."""
    for mark in ("odifier", "Modifer", "Madifier"):
        rows = [f"2. HCPCS E0431 {mark} RR Qty 1 Portable gaseous system"]
        assert _services(_page(rows)) == [("E0431", ["RR"], 1)], mark


def test_a_diagnoses_heading_with_its_i_read_as_another_letter_heads_the_diagnoses() -> None:
    """'Diagnosts Code(s)': the 'i' of 'Diagnosis' read as a 't' (no English word is spelled so)."""
    from ingest.codesets import VALIDATOR_CODE_SETS
    from parsers.fax.diagnosis_codes import diagnosis_reads

    text = _page(["Diagnosts Code(s) J96.11, I10"])
    assert [r.raw for r in diagnosis_reads(text, VALIDATOR_CODE_SETS)] == ["J96.11", "I10"]


def test_a_diagnoses_heading_with_any_one_letter_misread_or_lost_heads_the_diagnoses() -> None:
    """'Dtagnosis Code(s)' (its first i read as a t), 'Diagnsis', 'Dlagnoses': one letter of 'diagnosis' or
    'diagnoses' read as another or lost, no English word; 'Diagnose study' ('Diagnostic' garbled: a
    verb, an English word) heads nothing, so the minutes of the study after it are no code."""
    from ingest.codesets import VALIDATOR_CODE_SETS
    from parsers.fax.diagnosis_codes import diagnosis_reads

    for heading in ("Dtagnosis Code(s)", "Diagnsis:", "DLAGNOSES"):
        text = _page([f"{heading} E11.65, I10"])
        assert [r.raw for r in diagnosis_reads(text, VALIDATOR_CODE_SETS)] == ["E11.65", "I10"], heading
    assert list(diagnosis_reads(_page(["Diagnose study 10/1/2026 T<88% 157 min"]), VALIDATOR_CODE_SETS)) == []
