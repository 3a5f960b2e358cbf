"""A misread patient name borne out by the page's patient label (patient_label.py)."""

from __future__ import annotations

import dataclasses

from parsers.fax import patient_label
from parsers.fax.model import Candidate, Word
from parsers.fax.reading import FaxRead
from tests.fax.test_reading_units import _page
from tests.fax.test_verify import _cand, _state


def _words(text: str, doubtful: bool = False) -> list[Word]:
    return [Word(part, 90, 10 + 60 * i, 10, 50, 20, (1,), ambiguous=doubtful) for i, part in enumerate(text.split())]


def _run(label: list[str], second: str, doubtful: bool = False) -> Candidate:
    cand = dataclasses.replace(_cand("member.name", ("Robert", "Smath")), raw="Robert Smath")
    state: FaxRead = _state(cand)
    state.texts = [_page([*label, "PT NAME Robert Smath"])]
    state.second_words[id(cand)] = _words(second, doubtful)
    patient_label.named_on_label(state)
    return state.candidates[0]


def test_the_second_reads_name_the_patient_label_gives_is_taken() -> None:
    found = _run(["SMITH, ROBERT", "MRN 52639075 ACCT 9718749888"], "Robert Smith")
    assert found.value == ("Robert", "Smith") and found.confirmed_by == "repeated"


def test_no_label_a_label_of_another_name_or_a_doubtful_second_read_takes_nothing() -> None:
    assert _run(["SMITH, ROBERT", "ACCT 9718749888"], "Robert Smith").confirmed_by is None  # no MRN line
    assert _run(["SMITH, ROBERTA", "MRN 52639075"], "Robert Smith").confirmed_by is None
    assert _run(["SMITH, ROBERT", "MRN 52639075"], "Robert Smith", doubtful=True).confirmed_by is None
    assert _run(["Smith, Robert was seen", "MRN 52639075"], "Robert Smith").confirmed_by is None  # no label line
