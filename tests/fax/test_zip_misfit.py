"""An address read whose ZIP is surely not its state's is no address (zipcodes.py, verify._reader),
and an unread address gets the standard model's read besides the fast model's (verify._third_reads)."""

from __future__ import annotations

import dataclasses

import pytest

from parsers.fax import address_text, verify, zipcodes
from parsers.fax.model import Candidate
from tests.fax.test_verify import _cand, _state, _word
from tests.fax.test_verify_garbled import ModelReads

ADDRESS = "12 Oak Street, Hartford, CT 06103"


def test_a_zip_outside_its_state_is_a_misfit() -> None:
    assert zipcodes.misfit("CT", "96103")
    assert zipcodes.misfit("ma", "60103")
    assert not zipcodes.misfit("CT", "06103-1234")
    assert not zipcodes.misfit("NY", "06390")  # a prefix two states share
    assert not zipcodes.misfit("ZZ", "96103")  # a state not known: never called a misfit
    assert not zipcodes.misfit("CT", "O6103")  # no ZIP of digits: not this check's to judge


def _address() -> Candidate:
    found = address_text.read_address(ADDRESS)
    assert found is not None
    return dataclasses.replace(_cand("member.address", found.value), raw=ADDRESS)


def _run(monkeypatch: pytest.MonkeyPatch, fake: ModelReads) -> Candidate:
    state = _state(_address())
    monkeypatch.setattr(verify, "second_reads", fake)
    verify.second_read(state)
    return state.candidates[0]


def test_a_second_read_with_a_misfit_zip_is_unread_and_the_standard_model_settles_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    misread = "12 Oak Street, Hartford, CT 96103"
    fake = ModelReads({"c0": _word(misread)}, {"u0": _word(ADDRESS, doubtful=True)}, {"g0": _word(ADDRESS)})
    assert _run(monkeypatch, fake).confirmed_by == "second_read"
    assert fake.models == ["", "", "--model standard"]


def test_a_second_read_with_a_zip_of_its_state_still_contradicts(monkeypatch: pytest.MonkeyPatch) -> None:
    other = "12 Oak Street, Hartford, CT 06183"
    fake = ModelReads({"c0": _word(other)}, {"u0": _word(ADDRESS)}, {"g0": _word(ADDRESS)})
    assert _run(monkeypatch, fake).confirmed_by is None
    assert fake.models == [""]


def test_a_misfit_zip_both_reads_give_alike_is_the_page_as_printed(monkeypatch: pytest.MonkeyPatch) -> None:
    misfit = "12 Oak Street, Hartford, CT 96103"
    found = address_text.read_address(misfit)
    assert found is not None
    state = _state(dataclasses.replace(_cand("member.address", found.value), raw=misfit))
    monkeypatch.setattr(verify, "second_reads", ModelReads({"c0": _word(misfit)}))
    verify.second_read(state)
    assert state.candidates[0].confirmed_by == "second_read"  # the same characters twice (_same_characters)
