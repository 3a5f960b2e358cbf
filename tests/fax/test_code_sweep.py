"""Codes found by their shape wherever an order prints them (code_sweep.py), and what keeps one out."""

from __future__ import annotations

import dataclasses

from PIL import Image, ImageDraw

from ingest.codesets import VALIDATOR_CODE_SETS as SETS
from parsers.fax.code_sweep import loose_diagnoses, loose_services
from parsers.fax.diagnosis_codes import diagnosis_reads
from parsers.fax.layout import page_segments
from parsers.fax.model import Page, PageText
from parsers.fax.services import service_reads
from tests.fax.test_reading_units import _page, _words

DPI = 200.0


def _no_ink() -> Image.Image | None:
    return None


def _diagnoses(text: PageText) -> list[str | None]:
    taken = list(diagnosis_reads(text, SETS))
    return [r.correction.value for r in [*taken, *loose_diagnoses(text, SETS, taken, _no_ink, DPI)]]


def _services(text: PageText) -> list[tuple[str | None, list[str], int | None]]:
    taken = list(service_reads(text, SETS))
    found = [*taken, *loose_services(text, SETS, taken, _no_ink, DPI)]
    return [(s.code.correction.value, s.modifiers, s.quantity) for s in found]


def test_diagnosis_codes_inline_in_a_sentence_without_a_diagnosis_heading() -> None:
    text = _page(["Reason for referral:", "Patient with COPD (J44.9) and CHF I50.9, needs oxygen."])
    assert _diagnoses(text) == ["J44.9", "I50.9"]


def test_diagnosis_codes_past_the_first_section_are_found_too() -> None:
    lines = [
        "Diagnosis: J44.9 COPD",
        *[f"note line {i} about care" for i in range(8)],
        "Also treated for E11.65 diabetes",
    ]
    assert _diagnoses(_page(lines)) == ["J44.9", "E11.65"]


def test_an_undotted_code_counts_only_on_a_line_speaking_of_diagnoses() -> None:
    assert _diagnoses(_page(["Address: 12 Oak St Apt C12"])) == []
    assert _diagnoses(_page(["Orders attached", "Primary dx I10 hypertension"])) == ["I10"]


def test_history_examples_and_digit_first_numbers_are_no_diagnoses() -> None:
    text = _page(
        [
            "Past Medical History:",
            "I63.9 stroke 2019",
            "Orders: oxygen",
            "Patient has COPD J44.9; history of CHF I50.9.",
            "Weight 150.9 lbs",
            "Write the ICD-10 code (e.g. E11.9) for each item",
        ]
    )
    assert _diagnoses(text) == ["J44.9"]


def test_a_sample_code_in_a_diagnosis_caption_is_no_diagnosis() -> None:
    assert _diagnoses(_page(["ICD-10 (e.g. J44.9): I50.9"])) == ["I50.9"]


def test_a_service_code_after_its_description_with_a_marked_quantity() -> None:
    text = _page(["Equipment ordered: Hospital bed, semi-electric - E0260 x1"])
    found = list(loose_services(text, SETS, [], _no_ink, DPI))
    assert [(s.code.correction.value, s.quantity, s.description) for s in found] == [
        ("E0260", 1, "Hospital bed, semi-electric")
    ]


def test_every_way_of_marking_a_quantity_after_the_description() -> None:
    for mark, want in [("Qty 2", 2), ("QTY: 3", 3), ("x2", 2), ("x 4", 4), ("#2", 2), ("2 units", 2), ("Qty:5", 5)]:
        assert _services(_page([f"E0601 CPAP device {mark}"])) == [("E0601", [], want)], mark


def test_a_modifier_after_its_mark_and_a_code_with_its_modifier() -> None:
    assert _services(_page(["E0260 mod: RR hospital bed x1"])) == [("E0260", ["RR"], 1)]
    assert _services(_page(["E0260 NU hospital bed"])) == [("E0260", ["NU"], None)]  # no quantity: a finding


def test_a_size_a_duration_or_a_dose_is_no_quantity() -> None:
    assert _services(_page(["A6402 gauze 4 x 4 mod: NU"])) == [("A6402", ["NU"], None)]
    assert _services(_page(["J0290 ampicillin 500 mg IV x 14 days mod: JW"])) == [("J0290", ["JW"], None)]


def test_a_code_shaped_id_with_nothing_saying_it_is_ordered_is_no_service() -> None:
    assert _services(_page(["Evergreen Medicaid W810767419 G6675 Self"])) == []
    assert _services(_page(["Form L1234 x1", "Group # G6675 x2"])) == []


def test_a_table_head_above_gives_a_loose_row_its_quantity_column() -> None:
    text = _page(["Diagnosis: J44.9", "Item Description Qty", "E0431 portable oxygen 2"])
    rows = [(s.code.correction.value, s.quantity) for s in loose_services(text, SETS, [], _no_ink, DPI)]
    assert rows == [("E0431", 2)]


def _indented(lines: list[str], indent: int) -> PageText:
    """A page whose lines start `indent` pixels in, leaving room for a box left of them."""
    words = [
        dataclasses.replace(w, left=w.left + indent) for i, line in enumerate(lines) for w in _words(line, 100 + 40 * i)
    ]
    page = Page(number=1, width=1734, height=2244, words=words)
    return PageText(page, *page_segments(page))


def test_a_code_beside_an_empty_box_is_not_ordered_and_beside_a_ticked_one_it_is() -> None:
    text = _indented(["Options:", "E0260 hospital bed x1", "E0601 CPAP device x1"], 200)
    image = Image.new("L", (1734, 2244), 255)
    draw = ImageDraw.Draw(image)
    draw.rectangle((170, 138, 196, 164), outline=0, width=3)  # empty, left of 'E0260'
    draw.rectangle((170, 178, 196, 204), outline=0, fill=0)  # ticked, left of 'E0601'
    found = loose_services(text, SETS, [], lambda: image, DPI)
    assert [s.code.correction.value for s in found] == ["E0601"]
    assert [s.code.correction.value for s in loose_services(text, SETS, [], _no_ink, DPI)] == ["E0260", "E0601"]


def test_a_ticked_box_says_a_code_without_a_quantity_is_ordered_and_its_quantity_stays_unread() -> None:
    text = _indented(["Options:", "E0601 CPAP device"], 200)
    image = Image.new("L", (1734, 2244), 255)
    assert list(loose_services(text, SETS, [], lambda: image, DPI)) == []  # no box, no mark: only a shape
    ImageDraw.Draw(image).rectangle((170, 138, 196, 164), outline=0, fill=0)
    found = [(s.code.correction.value, s.quantity) for s in loose_services(text, SETS, [], lambda: image, DPI)]
    assert found == [("E0601", None)]  # never a guessed quantity: a finding


def test_a_diagnosis_section_ends_at_a_history_heading() -> None:
    text = _page(["Diagnoses: J44.9", "Past medical history:", "I63.9 stroke"])
    assert [r.correction.value for r in diagnosis_reads(text, SETS)] == ["J44.9"]


def test_undotted_codes_in_a_second_icd_description_block_are_diagnoses() -> None:
    text = _page(
        ["Primary Dx: J44.9", "Orders: oxygen 2 L", "Signature on file", "ICD-10 Description", "I10 Hypertension"]
    )
    assert _diagnoses(text) == ["J44.9", "I10"]


def test_a_bracketed_code_in_a_diagnosis_section_and_an_abbreviation_beside_it() -> None:
    text = _page(["Dx: COPD (J44.9) and CHF I50.9", "DM2 w/ hyperglycemia E11.65"])
    reads = list(diagnosis_reads(text, SETS))
    assert [(r.raw, r.correction.value) for r in reads] == [
        ("J44.9", "J44.9"),
        ("I50.9", "I50.9"),
        ("E11.65", "E11.65"),
    ]


def test_two_coded_items_on_one_line_each_keep_their_own_quantity() -> None:
    text = _page(["Equipment: E0260 (hospital bed) Qty 2, E0601 (CPAP) Qty 1"])
    assert _services(text) == [("E0260", [], 2), ("E0601", [], 1)]


def test_an_icd_caption_with_its_i_garbled_is_no_unreadable_code() -> None:
    reads = list(diagnosis_reads(_page(["Diagnosis (1CD-10): J44.9", "Diagnosis tCD-10 I50.9"]), SETS))
    assert [(r.raw, r.correction.value) for r in reads] == [("J44.9", "J44.9"), ("I50.9", "I50.9")]


def test_a_previous_diagnoses_list_is_not_the_orders_diagnosis_section() -> None:
    text = _page(["Previous diagnoses: I63.9 stroke", "Diagnosis: J44.9 COPD"])
    assert [r.correction.value for r in diagnosis_reads(text, SETS)] == ["J44.9"]
    assert _diagnoses(text) == ["J44.9"]


def test_a_code_in_brackets_after_its_description() -> None:
    assert _services(_page(["Hospital bed semi-electric (E0260) Qty: 1, CPAP [E0601-RR] x1."])) == [
        ("E0260", [], 1),
        ("E0601", ["RR"], 1),
    ]


def test_a_dose_or_a_flow_right_after_the_code_is_no_quantity_in_a_table_without_a_quantity_column() -> None:
    text = _page(["Medication HCPCS Route", "J0290 500 mg IV q6h", "E1390 2 L/min continuous", "E0601 1 CPAP device"])
    assert [(s.code.correction.value, s.quantity) for s in service_reads(text, SETS)] == [
        ("J0290", None),
        ("E1390", None),
        ("E0601", 1),
    ]


def test_an_orders_own_verb_is_no_instruction_text() -> None:
    assert _services(_page(["Include A4253 test strips #2"])) == [("A4253", [], 2)]
    assert _services(_page(["Enter the HCPCS code, e.g. E0260 x1"])) == []


def test_the_ink_of_a_word_before_a_code_is_no_ticked_box() -> None:
    text = _indented(["Items:", "bed E0260"], 200)
    image = Image.new("L", (1734, 2244), 255)
    bed = text.lines[1].words[0]
    ImageDraw.Draw(image).rectangle((bed.left, bed.top, bed.right, bed.bottom), fill=0)  # heavy ink, no box
    assert list(loose_services(text, SETS, [], lambda: image, DPI)) == []


def test_a_word_a_section_reader_took_as_part_of_a_longer_code_is_not_swept_up_alone() -> None:
    """'N16 4,' read from 'N18.4,' (the dot as a gap) is one open code to the section reader; the
    sweep must not take its first word as the billable three-character code N16."""
    found = _diagnoses(_page(["Diagnoses: N16 4, I50.9"]))
    assert "N16" not in found and "I50.9" in found


def test_a_code_listed_under_a_letters_orders_heading_is_ordered() -> None:
    """'Orders:' over its bullets: a code there is ordered though its count's mark is garbled ('4 viguts');
    the same line with no such heading over it is no service (nothing says the code is ordered)."""
    item = "+ Occupational therapy (G0152): 4 viguts for ADL retraining and bathroom safety;"
    assert [code for code, _, _ in _services(_page(["Orders:", item]))] == ["G0152"]
    assert _services(_page(["Diagnoses: Z96.641", item])) == []
    assert _services(_page(["Orders:", "Sincerely,", item])) == []  # a closing ends the list
