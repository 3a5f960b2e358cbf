"""A caption's or section heading's words are no person's name."""

from __future__ import annotations

import pytest

from parsers.fax.values import read_name


@pytest.mark.parametrize("text", ["MEMBER A", "A. MEMBER", "Subscriber Info", "Beneficiary, A", "Enrollee Name"])
def test_a_heading_naming_the_person_is_no_name(text: str) -> None:
    assert read_name(text) is None


def test_a_name_beside_it_is_still_a_name() -> None:
    read = read_name("Dorothy Garcia")
    assert read is not None and read.value == ("Dorothy", "Garcia")
