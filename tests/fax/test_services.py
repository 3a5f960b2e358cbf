"""Service lines: a letter's coded services anywhere in its prose; a date under the table is no service line."""

from __future__ import annotations

import dataclasses

import pytest

from ingest.codesets import VALIDATOR_CODE_SETS
from parsers.fax.diagnosis_codes import diagnosis_reads
from parsers.fax.extract import PageText
from parsers.fax.layout import page_segments
from parsers.fax.model import Page, Word
from parsers.fax.modifier_gap import modifier_unread
from parsers.fax.services import coded_service, service_reads
from referrals.codes import NO_CODE_SETS
from tests.fax.test_reading_units import _page


def test_coded_services_in_a_letter_are_service_lines_not_diagnoses() -> None:
    text = _page(
        [
            "Diagnoses: I10 and J96.11.",
            "A4253-NU quantity 1 glucose test strips",
            "E0601-RR quantity 12 CPAP device",
            "Please start on November 24, 2026.",
        ]
    )
    assert [d.raw for d in diagnosis_reads(text, NO_CODE_SETS)] == ["I10", "J96.11"]
    lines = [(s.code.correction.value, s.modifiers, s.quantity) for s in service_reads(text, NO_CODE_SETS)]
    assert lines == [("A4253", ["NU"], 1), ("E0601", ["RR"], 12)]


def test_a_coded_service_is_a_hcpcs_shape_with_a_known_modifier() -> None:
    assert coded_service("E0601-RR") and coded_service("KO001-RR,") and coded_service("£1390-RR")
    assert not coded_service("E0601") and not coded_service("555-12") and not coded_service("E0601-ZQ")
    assert not coded_service("2026-11") and not coded_service("M17.11")


def test_a_table_row_is_not_read_twice_and_a_signature_date_under_it_is_no_service_line() -> None:
    text = _page(["HCPCS Units Description", "G0299-GO 1 skilled nursing visit", "Alan Brooks, MD 11/21/2026"])
    lines = [(s.code.correction.value, s.quantity) for s in service_reads(text, NO_CODE_SETS)]
    assert lines == [("G0299", 1)]


def test_a_category_with_the_rest_of_its_code_beside_it_is_one_open_code() -> None:
    from ingest.codesets import VALIDATOR_CODE_SETS

    text = _page(["Diagnoses: J96.11, M17 11"])
    reads = list(diagnosis_reads(text, VALIDATOR_CODE_SETS))
    assert [r.raw for r in reads] == ["J96.11", "M17.11"]
    joined = reads[1].correction
    assert joined.value is None and joined.readings == ("M17.11",)  # open: only agreeing re-reads may fill it
    assert reads[1].word.width > 60  # the crop holds both words


def test_a_category_in_brackets_with_the_rest_of_its_code_beside_it_is_one_open_code() -> None:
    """'... hyperglycemia (E11 65}': a code in brackets after its description, its dot read as a gap
    (and its closing bracket as a brace): the opening bracket is no misread letter before a category."""
    from ingest.codesets import VALIDATOR_CODE_SETS

    lines = ["Type 2 diabetes mellitus with hyperglycemia (E11 65}", "Osteoarthritis, knee [M17 11]"]
    lines += ["Heart failure, unspecified (150 9)", "Essential (primary) hypertension (110}"]
    reads = list(diagnosis_reads(_page(["DIAGNOSES", *lines]), VALIDATOR_CODE_SETS))
    assert [(r.raw, r.correction.value, r.correction.readings) for r in reads] == [
        ("E11.65", None, ("E11.65",)),
        ("M17.11", None, ("M17.11",)),
        ("150.9", None, ("I50.9", "L50.9")),  # open: only agreeing re-reads may fill it
        ("110", "I10", ("I10",)),
    ]


def test_a_look_alike_category_with_the_rest_of_its_code_beside_it_is_never_the_category() -> None:
    """'150 9,' (I50.9 with the I read as a 1 and the dot as a gap): '150' stands for the categories
    I50 and L50 alike; with '9' just after it, the code is one open code, I50.9 or L50.9, never I50."""
    from ingest.codesets import VALIDATOR_CODE_SETS

    reads = list(diagnosis_reads(_page(["Diagnosis Code(s) 150 9, J96.11"]), VALIDATOR_CODE_SETS))
    assert [r.raw for r in reads] == ["150.9", "J96.11"]
    joined = reads[0].correction
    assert joined.value is None and joined.readings == ("I50.9", "L50.9")
    assert reads[0].word.width > 60  # the crop holds both words


def test_a_billable_three_character_code_with_a_rest_beside_it_is_one_code_misread() -> None:
    """'N16 4,' for N18.4 (the 8 read as 6, the dot as a gap): N16 is billable itself, so it has no
    rest; the two words are one code misread, open with no reading (only re-reads may fill it)."""
    from ingest.codesets import VALIDATOR_CODE_SETS

    reads = list(diagnosis_reads(_page(["Diagnosis (ICD-10): N16 4, I50.9"]), VALIDATOR_CODE_SETS))
    assert [(r.raw, r.correction.value) for r in reads] == [("N16.4", None), ("I50.9", "I50.9")]
    assert reads[0].word.width > 50  # the crop holds both words
    listed = list(diagnosis_reads(_page(["Diagnoses: 1) I10 2) E11.65"]), VALIDATOR_CODE_SETS))
    assert [r.correction.value for r in listed] == ["I10", "E11.65"]  # '2)' numbers the next code


def test_a_category_alone_or_with_a_far_number_stays_as_read() -> None:
    from ingest.codesets import VALIDATOR_CODE_SETS

    reads = list(diagnosis_reads(_page(["Diagnoses: M17"]), VALIDATOR_CODE_SETS))
    assert [(r.raw, r.correction.value) for r in reads] == [("M17", "M17")]


def test_a_modifier_column_after_the_quantity_is_read() -> None:
    """A form whose MOD column follows QTY: 'K0001 1 RR' is a rental, not a purchase with 'RR' described."""
    text = _page(["HCPCS QTY MOD ITEM DESCRIPTION", "K0001 1 RR Standard wheelchair", "E0260 2 Hospital bed"])
    lines = [(s.code.correction.value, s.modifiers, s.quantity) for s in service_reads(text, NO_CODE_SETS)]
    assert lines == [("K0001", ["RR"], 1), ("E0260", [], 2)]
    prose = _page(["HCPCS QTY DESCRIPTION", "E0260 1 nu bed linen"])
    assert [s.modifiers for s in service_reads(prose, NO_CODE_SETS)] == [[]]


def test_column_captions_head_a_service_table_and_an_attestation_ends_it() -> None:
    """'Description HCPCS Mod Units' with its HCPCS caption garbled still heads the table (its codes are
    no diagnoses), and the signer's line under an attestation is no service line."""
    text = _page(
        [
            "Dx (ICD-10) J96.11 G47.33",
            "Description WePes Mod Units",
            "CPAP device E0601 RR 1",
            "I certify this patient is under my care",
            "Discharging physician Date/Time: 11/19/2026 14.20",
        ]
    )
    assert [d.raw for d in diagnosis_reads(text, NO_CODE_SETS)] == ["J96.11", "G47.33"]
    lines = [(s.code.correction.value, s.modifiers, s.quantity) for s in service_reads(text, NO_CODE_SETS)]
    assert lines == [("E0601", ["RR"], 1)]


def test_the_next_sections_heading_ends_a_service_table() -> None:
    text = _page(
        [
            "HCPCS CODES AND ITEMS ORDERED",
            "E0260 1 RR hospital bed semi-electric",
            "SECTION B ANSWER EACH QUESTION: Y (YES), N (NO) OR D (DOES NOT APPLY)",
            "Y N D 1. Is the patient's condition expected to last 6 months or longer?",
        ]
    )
    assert [s.code.raw for s in service_reads(text, NO_CODE_SETS)] == ["E0260"]


def test_a_section_heading_whose_roman_numerals_i_ocr_read_as_a_one_ends_a_service_table() -> None:
    """'SECTION V1 PHYSICIAN ATTESTATION' (SECTION VI, its I read as a one) heads the next section, as
    'SECTION VI' does: the numbers under it are no service lines. 'Section 12' stays a heading too."""
    for heading in ("SECTION V1 PHYSICIAN ATTESTATION", "SECTION Vl PHYSICIAN ATTESTATION", "Section 12 Attestation"):
        text = _page(["HCPCS CODES AND ITEMS ORDERED", "E0260 1 RR hospital bed semi-electric", heading, "K0001 1"])
        assert [s.code.raw for s in service_reads(text, NO_CODE_SETS)] == ["E0260"], heading


def test_diagnosis_codes_over_their_captions_on_a_form_printing_captions_under_the_lines() -> None:
    from tests.fax.test_codes_over import diagnoses_found
    from tests.fax.test_grid import _page as _placed_page

    text = _placed_page(
        [
            ("Garcia, James", 117, 100, None),
            ("Patient (Last, First)", 117, 138, None),
            ("M17.11", 117, 200, None),
            ("J96.11", 500, 200, None),
            ("11-24-2026", 900, 200, None),
            ("Primary Dx (ICD-10)", 117, 238, None),
            ("Secondary Dx (ICD-10)", 500, 238, None),
            ("Start of Therapy", 900, 238, None),
            ("14 days", 117, 300, None),
            ("Duration of Therapy", 117, 338, None),
        ]
    )
    assert diagnoses_found(text) == ["M17.11", "J96.11"]  # not '10' of the hints, nor '14'


def test_a_tables_quantity_is_the_number_in_its_quantity_column_not_a_dose() -> None:
    from tests.fax.test_grid import _page as _placed_page

    head = [("Medication / Service", 117, 836), ("HCPCS", 730, 836), ("Dose", 933, 836), ("Qty", 1484, 836)]
    row = [("ampicillin 500 mg", 117, 900), ("J0290", 730, 900), ("500 mg", 933, 900), ("2", 1484, 900)]
    text = _placed_page([(t, x, y, None) for t, x, y in [*head, *row]])
    found = [(s.code.correction.value, s.quantity) for s in service_reads(text, NO_CODE_SETS)]
    assert found == [("J0290", 2)]


def test_a_quantity_caption_on_a_line_holding_a_code_heads_no_column() -> None:
    text = _page(["Order: glucose test strips (HCPCS A4253-NU) Qty: 1", "Order: lancets (HCPCS A4259-NU) Qty: 2"])
    assert [s.columns.quantity if s.columns else None for s in service_reads(text, NO_CODE_SETS)] == [None, None]


def test_a_modifier_joined_to_its_code_keeps_it_past_a_closing_bracket() -> None:
    text = _page(["HCPCS CODES AND ITEMS ORDERED", "A4253-NU) 1 glucose test strips"])
    assert [(s.code.correction.value, s.modifiers) for s in service_reads(text, NO_CODE_SETS)] == [("A4253", ["NU"])]


def test_a_modifier_read_in_mixed_case_is_one_under_the_heads_modifier_caption() -> None:
    """A certificate's MOD column after QTY, its 'NU' read as 'Nu': under the 'MOD' caption it is the
    modifier; without that caption above it, a mixed-case word after the quantity stays description."""
    under = _page(["HCPCS QTY MOD ITEM DESCRIPTION", "A4253 12 Nu glucose test strips"])
    lines = [(s.modifiers, s.quantity, s.description) for s in service_reads(under, NO_CODE_SETS)]
    assert lines == [(["NU"], 12, "glucose test strips")]
    no_caption = _page(["HCPCS QTY ITEM DESCRIPTION", "A4253 12 Nu glucose test strips"])
    lines = [(s.modifiers, s.description) for s in service_reads(no_caption, NO_CODE_SETS)]
    assert lines == [([], "Nu glucose test strips")]


def test_a_code_printed_in_brackets_after_its_description_is_a_service_line() -> None:
    """An EHR's order line: 'Order: <description> (HCPCS E0260-RR) Qty: 1'."""
    text = _page(
        [
            "Order: hospital bed semi-electric (HCPCS E0260-RR) Qty: 1",
            "Order: glucose test strips (HCPCS A4253-NU) Qty: 2",
            "Dx: J44.9 - Chronic obstructive pulmonary disease, unspecified",
        ]
    )
    lines = [(s.code.correction.value, s.modifiers, s.quantity) for s in service_reads(text, NO_CODE_SETS)]
    assert lines == [("E0260", ["RR"], 1), ("A4253", ["NU"], 2)]
    assert coded_service("E0260-RR)")


def test_a_signing_statement_under_the_diagnoses_ends_their_section() -> None:
    text = _page(
        ["Dx: I10 - Essential (primary) hypertension", "Electronically signed by Helen Carter, MD on 11/19/2026"]
    )
    assert [d.raw for d in diagnosis_reads(text, NO_CODE_SETS)] == ["I10"]


def test_a_category_with_a_rest_no_code_of_it_has_is_one_code_misread() -> None:
    """'N48 4,' for N18.4 (the 1 read as 4, the dot as a gap): N48 is a category, but N48.4 is no
    billable code, so the category was misread too: one code open with no reading, never N48."""
    from ingest.codesets import VALIDATOR_CODE_SETS

    reads = list(diagnosis_reads(_page(["Diagnosis (ICD-10): N48 4, I50.9"]), VALIDATOR_CODE_SETS))
    assert [(r.raw, r.correction.value) for r in reads] == [("N48.4", None), ("I50.9", "I50.9")]


def test_a_count_written_with_a_lowercase_x_is_no_diagnosis_code() -> None:
    """'x12' (twelve visits, times twelve) under a diagnosis caption, on a discipline's line: a count
    an ICD-10 code's shape admits (X12 is a category), never a code: codes are printed in capitals."""
    text = _page(["Primary Dx (ICD-10) N18.4", "Secondary Dx M17.11", "Skilled nursing visits x12, aide x3"])
    assert [d.raw for d in diagnosis_reads(text, NO_CODE_SETS)] == ["N18.4", "M17.11"]


def test_a_box_number_beside_a_diagnosis_box_is_no_unreadable_code() -> None:
    """CMS-485 boxes side by side: '11. ICD-10 Principal Diagnosis  13. ICD-10 Other Pertinent
    Diagnoses'. '13.' numbers the next box: no code, so no 'unreadable code' finding holding the order."""
    text = _page(["11. ICD-10 Principal Diagnosis 13. ICD-10 Other Pertinent Diagnoses", "J44.9 I10"])
    assert [d.raw for d in diagnosis_reads(text, NO_CODE_SETS)] == ["J44.9", "I10"]


def test_a_dose_under_the_diagnoses_is_no_unreadable_code() -> None:
    """'Metformin 500 mg PO BID' in the medications box under the diagnosis box: a dose, no code."""
    text = _page(["Principal Diagnosis", "E11.9", "Medications: Metformin 500 mg PO BID, Lasix 40mg, O2 2 L/min"])
    assert [d.raw for d in diagnosis_reads(text, NO_CODE_SETS)] == ["E11.9"]


def test_a_time_or_a_weight_in_a_diagnosis_section_is_no_code() -> None:
    """A sleep study's '157 min' (time below 88% saturation) under 'SLEEP STUDY AND DIAGNOSIS': a number
    its unit follows is a measure, though '157' with its 1 as an L is category L57; so are '4 hr', '250 lbs'."""
    lines = ["SLEEP STUDY AND DIAGNOSIS", "Diagnostic study (in-lab PSG) Nadir SpO2 76% T<88% 157 min"]
    lines += [
        "Titration 120 hrs AHI 35.8/hr weight 180 lbs",
        "ICD-10 G47.33 Obstructive sleep apnea 110 Essential hypertension",
    ]
    reads = list(diagnosis_reads(_page(lines), VALIDATOR_CODE_SETS))
    assert [r.raw for r in reads] == ["G47.33", "110"]


@pytest.mark.parametrize("rest", ["2ihr", "2/hr", ".2|hr", "/hr"])
def test_the_number_of_a_rate_whose_unit_follows_with_its_slash_is_no_code(rest: str) -> None:
    """'RDI 37.2 /hr' read as 'R137 2ihr' (the slash as an i) under 'SLEEP STUDY AND DIAGNOSIS': a re-read
    dropping its 1 makes 'R37', a billable code; a word whose rate unit follows it is a measure, no code."""
    lines = ["SLEEP STUDY AND DIAGNOSIS", f"Diagnostic study AHI 38.3 /hr R137 {rest} Nadir SpO2 81%"]
    lines += ["ICD-10 G47.33 Obstructive sleep apnea"]
    reads = list(diagnosis_reads(_page(lines), VALIDATOR_CODE_SETS))
    assert [r.raw for r in reads] == ["G47.33"]


def test_the_water_column_unit_of_a_pressure_in_a_diagnosis_section_is_no_code() -> None:
    """A CPAP order's '8 cm H2O' (its O read as a zero, 'H20', which the look-alike corrections make the
    category H20) under the diagnoses is a pressure's unit, no code; an 'H20' after any other word stays."""
    lines = ["DIAGNOSIS AND SETTINGS", "ICD-10 G47.33 Obstructive sleep apnea CPAP 8 cm H20 heated humidifier"]
    lines += ["Pressure 10 cm H2O", "ICD-10 H20.9 Unspecified iridocyclitis"]
    reads = list(diagnosis_reads(_page(lines), VALIDATOR_CODE_SETS))
    assert [r.raw for r in reads] == ["G47.33", "H20.9"]


def test_a_table_head_naming_its_services_wins_over_a_bare_code_caption_above_it() -> None:
    """A member block's 'ZIP CODE' caption with its ZIP garbled ('102 CODE') is a service head only by
    the word 'code': the table headed 'HCPCS/CPT MOD UNITS DESCRIPTION' below it is the service table."""
    text = _page(
        [
            "7 STREET ADDRESS 9 STATE 102 CODE",
            "4443 Prospect St Providence RI 02903",
            "27a FROM 27b TO 27c HCPCS/CPT 27d MOD 27e UNITS 27f DESCRIPTION OF SERVICE",
            "11/23/2026 01/21/2027 J0290 2 Ampicillin 500 mg",
        ]
    )
    assert [s.code.correction.value for s in service_reads(text, NO_CODE_SETS)] == ["J0290"]


def test_a_small_icd_caption_garbled_still_heads_the_diagnoses() -> None:
    """'23 ICD-10 PRIMARY' read as '23 (CO-10 PRIMARY' (I as a bracket, D as an O): the undotted code
    under it is a diagnosis."""
    from ingest.codesets import VALIDATOR_CODE_SETS

    text = _page(["23 (CO-10 PRIMARY", "G4733"])
    assert [r.correction.value for r in diagnosis_reads(text, VALIDATOR_CODE_SETS)] == ["G47.33"]


def test_a_box_number_before_the_next_icd_caption_is_no_rest_of_a_code() -> None:
    """'I10 4 KCD-10 SECONDARY': the '4' numbers the next box (its ICD caption follows), no I10.4."""
    from ingest.codesets import VALIDATOR_CODE_SETS

    text = _page(["ICD-10 PRIMARY I10 4 KCD-10 SECONDARY"])
    assert [r.raw for r in diagnosis_reads(text, VALIDATOR_CODE_SETS)] == ["I10"]


def test_a_code_led_by_a_lower_case_letter_is_open() -> None:
    """ICD-10 codes are printed in capitals: 'j10' is a misread letter (I10 over a box's rule), never J10."""
    from ingest.codesets import VALIDATOR_CODE_SETS

    reads = list(diagnosis_reads(_page(["Diagnoses: j10"]), VALIDATOR_CODE_SETS))
    assert [(r.raw, r.correction.value) for r in reads] == [("j10", None)]


def test_a_hcpcs_cpt_caption_run_together_and_garbled_heads_the_table() -> None:
    """'HCPCS/CPT' read as one garbled word ending in CPT ('NCPCEICPT'), the other captions lost too."""
    head = "27a FROM auto Ze NCPCEICPT amon weunns DESCRIPTION OF SERVICE"
    text = _page([head, "11/23/2026 G0151 2 Physical therapy"])
    assert [s.code.correction.value for s in service_reads(text, NO_CODE_SETS)] == ["G0151"]


def test_a_code_with_its_letter_read_twice_is_an_open_row_not_a_lost_one() -> None:
    """'Go0299' (G0299, its G read twice, the second time as an o): the row is kept with its quantity and
    an open code that only the re-reads may fill, never the row's first word (its date) as the code."""
    text = _page(["HCPCS Units Description", "Go0299 7 Skilled nursing visit RN"])
    rows = [(s.code.raw, s.code.correction.value, s.quantity) for s in service_reads(text, NO_CODE_SETS)]
    assert rows == [("Go0299", None, 7)]


def test_a_modifier_closing_the_bracket_of_a_code_aside_is_the_lines_modifier() -> None:
    """'(HCPCS A4253 NU)': the hyphen between code and modifier lost, the modifier carries the bracket."""
    text = _page(["Order: glucose test strips (HCPCS A4253 NU) Qty: 1", "Order: walker (HCPCS E0143 [RR]) Qty: 2"])
    lines = [(s.code.correction.value, s.modifiers, s.quantity) for s in service_reads(text, NO_CODE_SETS)]
    assert lines == [("A4253", ["NU"], 1), ("E0143", ["RR"], 2)]


def test_a_diagnosis_caption_whose_hint_closes_with_a_brace_is_still_bare() -> None:
    """'Secondary Dx (ICD 10}': OCR read the hint's closing bracket as a brace; the caption holds no
    value of its own, so the code over it is read."""
    from parsers.fax.codes_over import diagnoses_over_captions
    from tests.fax.test_grid import _page as _placed_page

    text = _placed_page(
        [
            ("M17.11", 117, 200, None),
            ("110", 500, 200, None),
            ("Primary Dx (ICD 10)", 117, 238, None),
            ("Secondary Dx (ICD 10}", 500, 238, None),
        ]
    )
    assert [d.raw for d in diagnoses_over_captions(text, NO_CODE_SETS)] == ["M17.11", "110"]


def test_a_code_whose_digits_all_read_as_letters_is_one_before_its_modifier() -> None:
    """'KOOOL RR 1' (K0001, every digit read as its look-alike letter): a modifier follows only a code. A word
    of such letters with no modifier after it is no code ('BLOOD draw': no B1000)."""
    text = _page(["Description HCPCS Mod Units", "standard wheelchair KOOOL RR 1", "BLOOD draw 1"])
    lines = [(s.code.correction.value, s.modifiers, s.quantity) for s in service_reads(text, NO_CODE_SETS)]
    assert lines[0] == ("K0001", ["RR"], 1)
    assert all(code is None for code, _, _ in lines[1:])
    lower = _page(["Code Mod Qty Description", "kQoo1 RR 1 standard wheelchair"])  # in either case
    assert [s.code.correction.value for s in service_reads(lower, NO_CODE_SETS)] == ["K0001"]


def test_a_diagnosis_caption_whose_hints_number_ocr_garbled_is_still_bare() -> None:
    """'Primary Dx (ICD 16)', 'Secondary Dx (ICD 14}': the 0 of ICD-10 read as another digit; the captions
    hold no value of their own ('Dx (ICD 16) J44.9' would), so the codes over them are read."""
    from parsers.fax.codes_over import diagnoses_over_captions
    from tests.fax.test_grid import _page as _placed_page

    text = _placed_page(
        [
            ("M17.11", 117, 200, None),
            ("110", 500, 200, None),
            ("Primary Dx (ICD 16)", 117, 238, None),
            ("Secondary Dx (ICD 14}", 500, 238, None),
        ]
    )
    assert [d.raw for d in diagnoses_over_captions(text, NO_CODE_SETS)] == ["M17.11", "110"]


def test_a_code_whose_zeros_read_as_letters_is_one_with_its_joined_modifier() -> None:
    """'KOQO1-RR' (K0001-RR, its zeros read as O and Q) on the line of its 'HCPCS / QTY' caption: the joined
    modifier says it is a code, as a modifier after it does ('KOOOL RR')."""
    text = _page(["HCPCS / QTY KOQO1-RR / 1 STANDARD WHEELCHAIR", "E0260-RR / 1 HOSPITAL BED"])
    lines = [(s.code.correction.value, s.modifiers, s.quantity) for s in service_reads(text, NO_CODE_SETS)]
    assert lines == [("K0001", ["RR"], 1), ("E0260", ["RR"], 1)]


def test_a_code_ocr_garbled_beside_a_modifier_is_an_open_row_not_a_lost_one() -> None:
    """'Kkoo01 RR 1' (its K read twice), 'Kaoo1 1 RR' (a zero read as an a): a letter and digits, a known
    modifier on the row: a service line whose code only its re-reads may fill, never a silent gap. With
    no modifier on the row ('Ka001 draw') it is no code."""
    text = _page(["HCPCS Mod Qty Description", "Kkoo01 RR 1 standard wheelchair"])
    assert [(s.code.raw, s.code.correction.value, s.quantity) for s in service_reads(text, NO_CODE_SETS)] == [
        ("Kkoo01", None, 1)
    ]
    text = _page(["HCPCS Qty MOD ITEM DESCRIPTION", "Kaoo1 1 RR standard wheelchair", "E1390 1 RR oxygen"])
    rows = [(s.code.raw, s.code.correction.value, s.quantity) for s in service_reads(text, NO_CODE_SETS)]
    assert rows == [("Kaoo1", None, 1), ("E1390", "E1390", 1)]
    text = _page(["HCPCS Qty Description", "Kaoo1 1 standard wheelchair"])
    assert all(s.code.raw != "Kaoo1" for s in service_reads(text, NO_CODE_SETS))


def test_an_icd_heading_whose_number_ocr_garbled_still_heads_the_diagnoses() -> None:
    """'ICD-210: 296.651; J44.9' (ICD-10 with its 1 read as '21'): the codes after it are read, the first
    one open for its re-reads (Z96.651 only by a look-alike), never dropped without a finding."""
    reads = list(diagnosis_reads(_page(["ICD-210: 296.651; J44.9"]), VALIDATOR_CODE_SETS))
    assert [(r.raw, r.correction.value) for r in reads] == [("296.651", "Z96.651"), ("J44.9", "J44.9")]


@pytest.mark.parametrize("heading", ["REGIMEN AND ITEMS", "REGIMEN AND (TEMS", "REGIMEN AND [TEM"])
def test_a_diagnosis_section_ends_at_the_next_sections_heading(heading: str) -> None:
    """'REGIMEN AND ITEMS' (capitals, alone on its line; its I read as a bracket never closed, '(TEMS')
    heads the next section: the formula table under it ('Jevity 1.5 ... 1500 Pump') is no diagnosis,
    though '1500' with look-alikes reads as L50.0."""
    from ingest.codesets import VALIDATOR_CODE_SETS

    text = _page(
        [
            "ICD 10 PRIMARY ICD 10 SECONDARY TUBE TYPE",
            "G12.21 R13.12 PEJ 16 Fr",
            heading,
            "FORMULA KALI ML VOLUME ( DAY KCALIDAY METHOD",  # the captions garbled too: no heading of their own
            "Jevity 1.5 1000 mL 1500 Pump",
        ]
    )
    assert [r.correction.value for r in diagnosis_reads(text, VALIDATOR_CODE_SETS)] == ["G12.21", "R13.12"]


def test_a_small_icd_caption_with_its_letters_read_as_zeros_still_heads_the_diagnoses() -> None:
    """'23 ICD-10' read with its D as a zero run into the box number ('231C0-10 PRIMARY'), or bracketed
    with its C and D as zeros ('24 (00-10 SECONDARY'): the code under it is a diagnosis."""
    from ingest.codesets import VALIDATOR_CODE_SETS

    for caption in ("231C0-10 PRIMARY", "24 (00-10 SECONDARY"):
        text = _page([caption, "G4733"])
        assert [r.correction.value for r in diagnosis_reads(text, VALIDATOR_CODE_SETS)] == ["G47.33"], caption


def test_a_date_holding_00_10_heads_no_diagnoses() -> None:
    from ingest.codesets import VALIDATOR_CODE_SETS

    assert list(diagnosis_reads(_page(["Since 2000-10-01", "G4733"]), VALIDATOR_CODE_SETS)) == []


def test_a_small_icd_caption_with_a_letter_lost_or_a_brace_for_its_i_still_heads_the_diagnoses() -> None:
    """Tiny capitals 'ICD-10 PRIMARY' read 'ID 10 PRIMARY' (its C lost), or '{C0/10 SECONDARY' (its I a
    brace, its D a zero, its hyphen a slash): the codes under it are diagnoses."""
    from ingest.codesets import VALIDATOR_CODE_SETS

    for caption in ("ID 10 PRIMARY", "{C0/10 SECONDARY"):
        text = _page([caption, "G4733"])
        assert [r.correction.value for r in diagnosis_reads(text, VALIDATOR_CODE_SETS)] == ["G47.33"], caption


def test_an_id_number_ten_is_no_diagnosis_caption() -> None:
    from ingest.codesets import VALIDATOR_CODE_SETS

    assert list(diagnosis_reads(_page(["Member ID 10 digits", "G4733"]), VALIDATOR_CODE_SETS)) == []


def test_a_diagnosis_row_found_by_its_second_caption_ends_at_the_next_sections_heading() -> None:
    """'ICD-10 PRIMARY' garbled past reading, 'CD 10 SECONDARY' beside it heads the diagnoses: the
    numbered section under them ('REGIMEN AND ITEMS', from the row's left) ends them, and its
    '1800' kcal a day is no I80.0."""
    from tests.fax.test_grid import _page as _placed_page

    text = _placed_page(
        [
            ("10 10 PRIMARY", 102, 1262, None),
            ("CD 10 SECONDARY", 468, 1262, None),
            ("R13 10", 109, 1288, None),
            ("C159", 474, 1288, None),
            ("REGIMEN AND ITEMS", 167, 1369, None),
            ("FORMULA", 102, 1433, None),
            ("KCAL / DAY", 1018, 1433, None),
            ("Jevity 1.5", 106, 1457, None),
            ("1800", 1026, 1457, None),
        ]
    )
    assert [r.raw for r in diagnosis_reads(text, VALIDATOR_CODE_SETS)] == ["R13.10", "C159"]


def test_a_heading_of_the_column_beside_does_not_end_the_diagnoses() -> None:
    """'DIAGNOSES' heads the right column; 'INSURANCE' heading the left one a line lower ends nothing."""
    from tests.fax.test_grid import _page as _placed_page

    text = _placed_page(
        [
            ("Phone", 114, 685, None),
            ("617 555 7441", 125, 713, None),
            ("DIAGNOSES", 677, 712, None),
            ("Type 2 diabetes mellitus with hyperglycemia (E11.65)", 671, 774, None),
            ("INSURANCE", 118, 795, None),
            ("Unilateral primary osteoarthritis, right knee (M17.11)", 673, 818, None),
        ]
    )
    assert [r.correction.value for r in diagnosis_reads(text, VALIDATOR_CODE_SETS)] == ["E11.65", "M17.11"]


def test_a_zip_code_after_a_state_under_a_service_heading_is_no_cpt_code() -> None:
    lines = ["BIRTH DATE AGE SEX LANGUAGE CODE", "10/01/1940 86 Female English", "PREVIOUS ADDRESS CITY STATE ZIP"]
    text = _page([*lines, "1558 Asylum Ave Yonkers NY 10701 617-555-0423"])  # 'CODE' read as a code's column
    reads = list(service_reads(text, VALIDATOR_CODE_SETS))
    assert all(r.code.correction.value != "10701" for r in reads)
    text = _page(["Procedure CPT Qty", "97110 Therapeutic exercise 2"])
    assert [r.code.correction.value for r in service_reads(text, VALIDATOR_CODE_SETS)] == ["97110"]


def _placed_words(rows: list[list[tuple[str, int, int, int]]]) -> PageText:
    """Words (text, left, top, height), 12 px a character."""
    words = [Word(t, 95.0, left, top, 12 * len(t), h) for row in rows for t, left, top, h in row]
    page = Page(number=1, width=1734, height=2244, words=words)
    lines, segments = page_segments(page)
    return PageText(page, lines, segments)


def test_a_section_heading_after_its_badge_read_as_a_mark_ends_the_diagnoses() -> None:
    """An enrolment form's numbered sections, each heading after its number in a dark badge as tall as
    two lines (OCR reads it as a mark: 'i', 'ol'): 'i REGIMEN AND ITEMS' still ends the diagnoses, and
    the formula table under it ('1800' kcal a day: I80.0 with its I read as a one) is none."""
    text = _placed_words(
        [
            [("ol", 101, 1181, 57), ("CLINICAL", 167, 1198, 20)],
            [("ICD", 102, 1261, 15), ("10", 140, 1261, 15), ("PRIMARY", 170, 1261, 15), ("TUBE", 900, 1261, 15)],
            [("R13.12", 109, 1287, 22), ("PEG", 900, 1287, 22)],
            [("i", 101, 1358, 47), ("REGIMEN", 167, 1369, 19), ("AND", 296, 1368, 20), ("ITEMS", 362, 1368, 20)],
            [("FORMULA", 98, 1421, 36), ("KCAL", 509, 1433, 13), ("ML", 563, 1432, 14), ("VOLUME", 753, 1432, 14)],
            [("/", 821, 1432, 14), ("DAY", 833, 1432, 14), ("KCAL", 1017, 1432, 14), ("DAY", 1073, 1432, 14)],
            [("Jevity", 106, 1459, 27), ("1.5", 517, 1459, 21), ("1200", 762, 1458, 22), ("mL", 831, 1458, 22)],
            [("1800", 1026, 1458, 22), ("Pump", 1269, 1458, 27)],
        ]
    )
    assert [r.correction.value for r in diagnosis_reads(text, VALIDATOR_CODE_SETS)] == ["R13.12"]


def test_a_mark_of_the_texts_height_before_capitals_ends_no_diagnoses() -> None:
    """A tick read as 'x' before a diagnosis written in capitals is no badge: its code under it is read."""
    text = _placed_words(
        [
            [("DIAGNOSES", 102, 1261, 20)],
            [("R13.12", 109, 1300, 22)],
            [("x", 101, 1340, 20), ("CHRONIC", 167, 1340, 20), ("KIDNEY", 280, 1340, 20), ("DISEASE", 380, 1340, 20)],
            [("N18.4", 109, 1380, 22)],
        ]
    )
    assert [r.correction.value for r in diagnosis_reads(text, VALIDATOR_CODE_SETS)] == ["R13.12", "N18.4"]


@pytest.mark.parametrize("phone", ["203 555 1428", "(203) 555 1428", "203-555 1428", "203.555 1428"])
def test_a_phone_number_in_the_column_beside_the_diagnoses_is_no_code(phone: str) -> None:
    """A left column's phone number on the line of a diagnosis in the right column ('203 555 1428
    Chronic obstructive ... (J44.9)'): its last four digits are no I42.8 with its I read as a one, its
    first groups no split code."""
    text = _placed_words(
        [
            [("DIAGNOSES", 677, 657, 22)],
            [("Phone", 114, 685, 17)],
            *[[(part, 124 + 70 * i, 713, 24)] for i, part in enumerate(phone.split())],
            [("Chronic", 673, 713, 24), ("bronchitis", 770, 713, 24), ("(J44.9)", 900, 713, 24)],
        ]
    )
    assert [r.raw for r in diagnosis_reads(text, VALIDATOR_CODE_SETS)] == ["J44.9"]


def test_four_digits_after_words_under_the_diagnoses_still_read_as_an_i_code() -> None:
    """'Cardiomyopathy 1428' (I42.8, its I read as a one), or after a number that is no exchange
    ('Dx 2 of 3 1428'): no phone number, still a code (open: a look-alike's reading)."""
    for line in ("Cardiomyopathy 1428", "Seen 04 12 1428"):
        reads = list(diagnosis_reads(_page(["Diagnoses:", line]), VALIDATOR_CODE_SETS))
        assert "I42.8" in [r.correction.value for r in reads], line


def _formula_table(column: str) -> PageText:
    """Diagnoses, then (no heading between: one OCR lost) a formula table whose column `column` holds
    '1800' (I80.0 with its I read as a one) and '1.5'."""
    return _placed_words(
        [
            [("ICD", 102, 1261, 15), ("10", 140, 1261, 15), ("PRIMARY", 170, 1261, 15)],
            [("R13.12", 109, 1287, 22)],
            [
                ("Formula", 98, 1432, 14),
                ("kcal/mL", 509, 1432, 14),
                (column, 1017, 1432, 14),
                ("Method", 1261, 1432, 14),
            ],
            [("Jevity", 106, 1459, 22), ("1.5", 517, 1459, 21), ("1800", 1026, 1458, 22), ("Pump", 1269, 1458, 22)],
        ]
    )


def test_a_number_under_a_measures_column_heading_is_no_code() -> None:
    """'1800' under 'kcal/day' and '1.5' under 'kcal/mL': quantities, no codes, whatever
    look-alikes make of them."""
    reads = diagnosis_reads(_formula_table("kcal/day"), VALIDATOR_CODE_SETS)
    assert [r.correction.value for r in reads] == ["R13.12"]
    for heading in ("mL", "Units", "Volume"):
        reads = diagnosis_reads(_formula_table(heading), VALIDATOR_CODE_SETS)
        assert "I80.0" not in [r.correction.value for r in reads], heading


def test_a_number_under_a_heading_of_no_measure_is_still_read() -> None:
    """Under 'Secondary' (a code's column) the '1800' is a code's read (open: a look-alike's)."""
    reads = diagnosis_reads(_formula_table("Secondary"), VALIDATOR_CODE_SETS)
    assert "I80.0" in [r.correction.value for r in reads]


def test_an_unread_row_keeps_its_tables_columns_so_a_garbled_modifier_under_mod_is_seen() -> None:
    """'KOo001 i RAR standard wheelchair' under 'HCPCS Qty MOD ITEM DESCRIPTION': its code is no code as
    read, so the row is an open one its re-reads may fill; it carries the table's columns, so the garbled
    'RAR' under the MOD caption is a modifier no one read (the line is left for a person), not description."""
    text = _page(["HCPCS Qty MOD ITEM DESCRIPTION", "KOo001 i RAR standard wheelchair", "A4253 1 NU test strips"])
    rows = list(service_reads(text, NO_CODE_SETS))
    unread = next(s for s in rows if s.code.raw.startswith("KOo001"))
    assert unread.code.correction.value is None
    assert unread.columns is not None and unread.columns.modifier is not None
    assert modifier_unread(dataclasses.replace(unread, modifiers=[]))
