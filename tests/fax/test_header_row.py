"""A caption in a table's caption row whose right neighbour is another caption OCR garbled: its value is
the one under it, in the row of values."""

from __future__ import annotations

from parsers.fax.extract import candidates, labelled_hits
from tests.fax.test_addressee import _placed


def test_a_caption_beside_a_garbled_caption_takes_the_value_under_it() -> None:
    text = _placed(
        [
            (100, 470, "Patient name"),
            (620, 465, "Dae of uth"),
            (900, 470, "Gender"),
            (110, 520, "Robert D Wilson"),
            (660, 520, "02/26/49"),
            (905, 520, "Male"),
        ]
    )
    found = {c.path: c.value for c in candidates(text, labelled_hits(text))}
    assert found.get("member.name") == ("Robert", "Wilson")


def test_a_caption_with_its_value_right_of_it_keeps_that_value() -> None:
    text = _placed(
        [
            (100, 470, "Patient name"),
            (620, 470, "Maria Lopez"),
            (100, 520, "Nurse aide"),
            (620, 520, "Sam Okafor"),
        ]
    )
    found = {c.path: c.value for c in candidates(text, labelled_hits(text))}
    assert found.get("member.name") == ("Maria", "Lopez")
