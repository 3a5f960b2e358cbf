"""Orders written as sentences (an EHR's discharge orders): the code, its modifier and its amount inside the prose."""

from __future__ import annotations

from parsers.fax.services import service_reads
from referrals.codes import NO_CODE_SETS
from tests.fax.test_reading_units import _page


def _lines(rows: list[str]) -> list[tuple[str | None, list[str], int | None]]:
    return [(s.code.correction.value, s.modifiers, s.quantity) for s in service_reads(_page(rows), NO_CODE_SETS)]


def test_a_marked_modifier_closing_a_bracket_is_the_modifier() -> None:
    """'(HCPCS A4253, modifier NU), quantity 1': the bracket after the modifier closes the code's aside."""
    rows = ["1. Deliver glucose test strips (HCPCS A4253, modifier NU), quantity 1, to the home."]
    assert _lines(rows) == [("A4253", ["NU"], 1)]


def test_a_code_closing_a_bracket_before_a_colon_is_the_code() -> None:
    """'Occupational therapy visit (HCPCS G0152): 9 visits over the first 60 days'."""
    rows = ["DISCHARGE ORDERS", "1. Occupational therapy visit (HCPCS G0152): 9 visits over the first 60 days."]
    assert _lines(rows) == [("G0152", [], 9)]


def test_a_number_of_visits_is_the_count_and_visits_per_week_are_a_rate() -> None:
    """'for a total of 3 visits' counts 3; '2 visits per week' is a frequency, no count of the line."""
    rows = ["DISCHARGE ORDERS", "2. Please also arrange skilled nursing visit, HCPCS G0299, for a total of 3 visits."]
    assert _lines(rows) == [("G0299", [], 3)]
    rows = ["DISCHARGE ORDERS", "2. Please also arrange skilled nursing visit, HCPCS G0299, 2 visits per week."]
    assert _lines(rows) == [("G0299", [], None)]


def test_a_diagnosis_mentioned_in_an_orders_sentence_is_no_diagnosis_heading() -> None:
    """'..., qty 1; diagnosis as above.': a word of the sentence, neither ending the orders nor keeping
    the line's code out; a diagnosis caption under the orders ('Diagnosis: ...') still ends them."""
    rows = [
        "1. Deliver glucose test strips (HCPCS A4253, modifier NU), quantity 1, to the home.",
        "2. Also provide CPAP device, HCPCS E0601, modifier RR, qty 1; diagnosis as above.",
        "Diagnosis: I10 Essential hypertension",
    ]
    assert _lines(rows) == [("A4253", ["NU"], 1), ("E0601", ["RR"], 1)]


def test_a_sentence_with_a_date_written_out_under_the_orders_is_no_service_line() -> None:
    """The year of 'November 19, 2026' is the date's, no number of an unread service line."""
    rows = [
        "1. Deliver glucose test strips (HCPCS A4253, modifier NU), quantity 1, to the home.",
        "Start of care requested on November 19, 2026; call the patient before the first visit.",
    ]
    assert _lines(rows) == [("A4253", ["NU"], 1)]
