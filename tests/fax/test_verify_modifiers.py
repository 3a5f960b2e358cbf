"""A service line's modifier a second read shows as another modifier ('KR' where RR is printed) is
contested; a second read that is no modifier at all ('an', 'NY,') is the standard model failing on
two small letters and contests nothing."""

from __future__ import annotations

import pytest

from parsers.fax.verify_modifiers import _otherwise


@pytest.mark.parametrize(("read", "modifier"), [("RR", "KR"), ("NU", "UE"), ("'RR.", "KR")])
def test_another_modifier_in_its_place_contests_it(read: str, modifier: str) -> None:
    assert _otherwise(read, modifier)


@pytest.mark.parametrize(("read", "modifier"), [("RR", "RR"), ("an", "RR"), ("NY,", "NU"), ("", "RR"), ("RRR", "RR")])
def test_the_same_modifier_or_no_modifier_contests_nothing(read: str, modifier: str) -> None:
    assert not _otherwise(read, modifier)
