"""Values read wholly as marks are dropped (shaded_bands.drop_mark_values), but not a number of many
digits (an NPI, a phone, an id: judged by its check digit and its second read, however unsurely the page
read it), nor an NPI whose ten digits keep their check digit."""

from __future__ import annotations

from parsers.fax.model import Candidate, Word
from parsers.fax.shaded_bands import _marks


def _cand(path: str, raw: str, conf: float) -> Candidate:
    word = Word(raw, conf, 272, 140, 137, 19)
    return Candidate(
        path=path, value=raw, page=1, bbox=(272, 140, 409, 159), conf=conf / 100, method="label", raw=raw, words=(word,)
    )


def test_an_unsurely_read_npi_whose_check_digit_holds_is_no_mark() -> None:
    assert not _marks(_cand("servicing_provider.npi", "1324050586", 29.0), [])


def test_unsure_numbers_of_many_digits_are_no_marks_whatever_their_check() -> None:
    """(An NPI failing its check is then an unreadable NPI, with its finding, not a mark dropped unseen.)"""
    assert not _marks(_cand("servicing_provider.npi", "1324050587", 29.0), [])
    assert not _marks(_cand("member.phone", "8605550142", 29.0), [])


def test_other_unsure_values_are_marks() -> None:
    assert _marks(_cand("member.sex", "F", 29.0), [])
    assert _marks(_cand("payer.name", "Ey Ea OB", 29.0), [])
