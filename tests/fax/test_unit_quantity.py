"""A quantity joined to its unit ('1ea'), as a narrow face's fax shows '1 ea': the '1' read as 'l'."""

from __future__ import annotations

import pytest

from parsers.fax.model import Word
from parsers.fax.row_marks import marked_quantity, quantity_shown


def _line(*texts: str) -> list[Word]:
    return [Word(t, 90.0, 10 + 120 * i, 10, 100, 20) for i, t in enumerate(texts)]


@pytest.mark.parametrize(("text", "count"), [("lea", 1), ("1ea", 1), ("2each", 2), ("10pcs", 10)])
def test_a_quantity_joined_to_its_unit_is_a_marked_quantity(text: str, count: int) -> None:
    found = marked_quantity(_line("Hospital", "bed", text, "99", "mo"))
    assert found is not None and found[0] == count
    assert quantity_shown(text) == text[: len(str(count))]


@pytest.mark.parametrize("text", ["Lea", "area", "flea", "lunch"])
def test_a_word_that_is_no_joined_quantity_is_none(text: str) -> None:
    assert marked_quantity(_line("Hospital", "bed", text)) is None
