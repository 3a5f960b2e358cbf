"""A bare 'ID:' after the plan's name on the insurance line is the member's id (plan_id.py)."""

from __future__ import annotations

from parsers.fax.extract import candidates, labelled_hits
from tests.fax.test_reading_units import _page
from tests.fax.test_text_fields import _hits


def _fields(lines: list[str]) -> dict[str, object]:
    text = _page(lines)
    return {c.path: c.value for c in candidates(text, labelled_hits(text))}


def test_an_id_after_the_plans_name_is_the_members_id_and_ends_the_plans_name() -> None:
    found = _fields(["Insurance: Summit Advantage ID: X960870030"])
    assert found["member.member_id"] == "X960870030"
    assert found["payer.name"] == "Summit Advantage"


def test_an_id_another_word_names_is_no_members_id() -> None:
    assert ("member_id", "patient", "ID") not in _hits("Insurance: Summit Advantage Group ID: 4410")
    assert ("member_id", "patient", "ID") not in _hits("Insurance: Summit Advantage Payer ID: 60054")
    assert ("member_id", "patient", "ID") not in _hits("Order ID: 4410")  # no plan's caption before it


def test_an_id_caption_ocr_garbled_before_an_ids_digits_is_still_the_members() -> None:
    """'IO;' and '10:' for 'ID:' after the plan's name, an id's digits after them; not a time."""
    assert ("member_id", "patient", "IO") in _hits("Insurance: Evergreen Medicaid IO; 705117612")
    assert ("member_id", "patient", "10") in _hits("Insurance: Summit Advantage 10: M909543997")
    assert ("member_id", "patient", "10") not in _hits("Insurance: Acme Plan 10: 30 am")


def test_a_primary_insurance_caption_with_ins_garbled_before_its_colon_is_the_payers() -> None:
    assert _fields(["Primary tns : Summit Advantage"])["payer.name"] == "Summit Advantage"


def test_a_member_policy_caption_with_policy_garbled_is_the_member_id() -> None:
    """'Member / pohey #' ('li' read as 'h', 'c' as 'e')."""
    assert _fields(["Member / pohey # H891753016"])["member.member_id"] == "H891753016"
