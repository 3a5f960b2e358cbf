"""An address put together from pieces of the page (the street's row and the city's row under it, with
the state and ZIP across that row) is re-read piece by piece, row by row (reread_address.py)."""

from __future__ import annotations

from parsers.fax.address_text import AddressValue
from parsers.fax.model import Candidate, Word, bbox_of
from parsers.fax.reread_address import _fields, _in_fields


def _words() -> tuple[Word, ...]:
    return (
        Word("4404", 96.0, 561, 447, 67, 20),
        Word("Asylum", 96.0, 648, 445, 103, 28),
        Word("Ave", 96.0, 770, 448, 51, 19),
        Word("Hartford", 96.0, 562, 494, 136, 22),
        Word("CT", 96.0, 1242, 497, 33, 21),
        Word("06103-8386", 91.0, 1312, 497, 171, 20),
    )


def test_the_fields_of_an_address_on_two_rows_are_read_row_by_row() -> None:
    """Not by left edge across both rows ('4404', 'Hartford', 'Asylum' ...): each row's runs in turn."""
    assert [[w.text for w in field] for field in _fields(_words())] == [
        ["4404", "Asylum", "Ave"],
        ["Hartford"],
        ["CT", "06103-8386"],
    ]


def test_a_speck_among_an_address_s_words_is_no_field_of_its_own() -> None:
    """A leader's last dot read as ',' left of the street, below its baseline: no field to crop and
    read (its crop reads as nothing, and a field read as nothing confirms nothing)."""
    speck = Word(",", 81.0, 523, 465, 3, 5)
    assert [[w.text for w in field] for field in _fields((speck, *_words()))] == [
        ["4404", "Asylum", "Ave"],
        ["Hartford"],
        ["CT", "06103-8386"],
    ]


def test_an_address_after_its_caption_from_two_rows_is_read_field_by_field() -> None:
    value = AddressValue("4404 Asylum Ave", None, "Hartford", "CT", "06103-8386")
    words = _words()
    two_rows = Candidate("member.address", value, 1, bbox_of(words), 0.91, "label", words=words)
    assert _in_fields(two_rows)
    one_row = Candidate("member.address", value, 1, bbox_of(words[:3]), 0.91, "label", words=words[:3])
    assert not _in_fields(one_row)


def test_field_reads_agreeing_but_for_a_street_suffixs_rival_letter_confirm_the_address() -> None:
    """'Ave,' whose 'v' had the rival 'y': 'Aye' is no street suffix, so the reads agree on 'Ave'."""
    from parsers.fax.reread_address import _agreed

    value = AddressValue("4404 Asylum Ave", None, "Hartford", "CT", "06103-8386")
    words = _words()
    cand = Candidate("member.address", value, 1, bbox_of(words), 0.91, "label", words=words)
    doubtful = Word("Ave,", 89.0, 770, 448, 51, 19, ambiguous=True, rivals=(("v", "y"),))
    reads = {"a0.0": [words[0], words[1], doubtful], "a0.1": [words[3]], "a0.2": list(words[4:])}
    assert _agreed(cand, 0, reads) is not None
