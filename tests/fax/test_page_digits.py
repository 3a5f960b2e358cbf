"""A re-read code that overrules two digits the page read plainly disagrees with it: no code."""

from __future__ import annotations

import pytest

from parsers.fax.page_digits import agrees_with_page


@pytest.mark.parametrize(
    ("page", "value"), [("£1396", "E1390"), ("E026O", "E0260"), ("EO6O1", "E0601"), ("E0260", "E0260")]
)
def test_a_reread_settling_one_digit_or_look_alike_letters_agrees(page: str, value: str) -> None:
    assert agrees_with_page(page, value)


@pytest.mark.parametrize(("page", "value"), [("£1396", "E1350"), ("K0823", "K0001")])
def test_a_reread_overruling_two_plain_digits_disagrees(page: str, value: str) -> None:
    assert not agrees_with_page(page, value)
