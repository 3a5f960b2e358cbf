"""A count with a bracket or bar glued after its digits is unsure: the mark may be one of its digits."""

from __future__ import annotations

import pytest

from parsers.fax.values import read_quantity


@pytest.mark.parametrize("text", ["1]", "4}", "2!"])  # '1]' for 11: its second 1 read as a bracket
def test_a_count_running_into_a_closing_mark_is_unsure(text: str) -> None:
    assert read_quantity(text) is None


@pytest.mark.parametrize(("text", "want"), [("11", 11), ("[2]", 2), ("(3}", 3), ("4 ]", 4), ("1|", 11)])
def test_a_count_in_brackets_or_apart_from_a_mark_is_read(text: str, want: int) -> None:
    read = read_quantity(text)
    assert read is not None and read.value == want
