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
