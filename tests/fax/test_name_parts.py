"""A name asked for in parts: 'Last Name' / 'First Name' captions, each with its own value."""

from __future__ import annotations

from pathlib import Path

import pytest

from parsers.context import ParseContext
from parsers.fax.assemble import Builder, _name
from parsers.fax.model import Candidate, Page
from parsers.fax.reading import FaxRead
from parsers.fax.values import read_name_part
from tests.fax.test_roles import _cells, _found


def test_parts_captioned_under_their_lines_fill_the_patients_last_and_first_name() -> None:
    text = _cells(
        [
            (100, [(114, "Garcia"), (620, "James"), (1100, "R")]),
            (140, [(114, "Last Name"), (620, "First Name"), (1100, "M.I.")]),
        ]
    )
    found = _found(text)
    assert found["member.last_name"] == "Garcia" and found["member.first_name"] == "James"
    assert "member.name" not in found


def test_a_caption_under_its_value_whose_neighbour_gives_no_value_takes_the_value_over_it() -> None:
    """A form that prints captions under their values: the middle initial's caption read as '~ MI ~~'
    beside 'First Name' is no value of it (no name reads from it); the first name is the one over it."""
    text = _cells(
        [
            (100, [(114, "Garcia"), (620, "James"), (1100, "R")]),
            (140, [(114, "Last Name"), (620, "First Name"), (900, "~ MI ~~")]),
        ]
    )
    found = _found(text)
    assert found["member.last_name"] == "Garcia" and found["member.first_name"] == "James"


def test_parts_captioned_beside_their_values_fill_the_patients_name() -> None:
    text = _cells([(100, [(114, "Surname: Okafor"), (700, "Given Name: Ada")])])
    found = _found(text)
    assert found["member.last_name"] == "Okafor" and found["member.first_name"] == "Ada"


def test_parts_in_the_physicians_block_are_the_ordering_providers() -> None:
    text = _cells(
        [
            (100, [(114, "Ordering Physician")]),
            (140, [(114, "Last Name: Patel"), (700, "First Name: Priya")]),
        ]
    )
    found = _found(text)
    assert found["ordering_provider.last_name"] == "Patel"
    assert found["ordering_provider.first_name"] == "Priya"
    assert "member.last_name" not in found


def test_a_middle_name_fills_no_part() -> None:
    found = _found(_cells([(100, [(114, "Middle Name: Lee")])]))
    assert not any(path.startswith("member.") for path in found)


@pytest.mark.parametrize("text", ["Garcia James", "Name", "garcia", "J", "Oxygen", "G4rcia"])
def test_a_part_is_one_capitalised_name_word_or_none(text: str) -> None:
    assert read_name_part(text) is None


def test_a_part_read_leaves_stray_marks_out() -> None:
    read = read_name_part("| O'Brien_")
    assert read is not None and read.value == "O'Brien"


def _state(*candidates: Candidate) -> FaxRead:
    ctx = ParseContext(path=Path("order.png"), sha256="0" * 64, filename="order.png", received_at=None)
    page = Page(number=1, width=1734, height=2244, words=[])
    return FaxRead(ctx=ctx, engine=None, kind="png", pages=[page], candidates=list(candidates))  # type: ignore[arg-type]


def _part(path: str, value: str, confirmed: bool = True) -> Candidate:
    return Candidate(
        path, value, 1, (100, 100, 200, 130), 95.0, "above", confirmed_by="second_read" if confirmed else None
    )


def test_confirmed_parts_fill_the_members_name_and_a_doubtful_part_stays_null() -> None:
    b = Builder(_state(_part("member.last_name", "Garcia"), _part("member.first_name", "James")))
    assert _name(b, "member") == ("James", "Garcia")
    assert {"member.first_name", "member.last_name"} <= set(b.provenance)
    state = _state(_part("member.last_name", "Garcia"), _part("member.first_name", "Jarnes", confirmed=False))
    assert _name(Builder(state), "member") == (None, "Garcia")
    assert any(f.field == "member.first_name" and f.code == "unconfirmed_value" for f in state.findings)


def test_a_whole_name_read_wins_over_its_parts() -> None:
    whole = Candidate("member.name", ("James", "Garcia"), 1, (100, 100, 300, 130), 95.0, "label", confirmed_by="x")
    assert _name(Builder(_state(whole, _part("member.first_name", "Jim"))), "member") == ("James", "Garcia")
