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


def test_a_caption_under_a_caption_is_never_its_value() -> None:
    """A label:value grid whose value OCR garbled, the next row's caption (one no label knows) under the
    caption: no value under it."""
    from parsers.fax.header_row import value_under

    rows = [(100, 470, "Patient name"), (620, 465, "Dae of uth"), (110, 520, "Alias name"), (620, 520, "Bob Wilson")]
    text = _placed(rows)
    hits = labelled_hits(text)
    caption, right = (next(s for s in text.segments if s.text.startswith(t)) for t in ("Patient", "Dae"))
    assert value_under(text, caption, right, hits) is None
    text = _placed([*rows[:2], (110, 520, "Robert Wilson"), (620, 520, "01/02/56")])
    caption, right = (next(s for s in text.segments if s.text.startswith(t)) for t in ("Patient", "Dae"))
    found = value_under(text, caption, right, labelled_hits(text))
    assert found is not None and found.text == "Robert Wilson"


def test_a_right_neighbour_read_out_of_shading_is_no_value() -> None:
    """A payer caption whose right neighbour is the next caption with marks of its shaded cell
    ('orderdate =«=”S*S*«*'): the org reader would take it; its value is the one under it."""
    from parsers.fax.header_row import junk

    assert junk("orderdate =«=”S*S*«*«SMARPelivery dw") and not junk("O'Brien & Sons, Inc.")
    text = _placed(
        [
            (100, 470, "Primary insurance"),
            (520, 465, "orderdate =«=”S*S*«*«SMAR"),
            (110, 520, "Acme Health Plan"),
            (540, 520, "11/17/26"),
        ]
    )
    found = {c.path: c.value for c in candidates(text, labelled_hits(text))}
    assert found.get("payer.name") == "Acme Health Plan"
