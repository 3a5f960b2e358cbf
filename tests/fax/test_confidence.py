"""A field's confidence from its reads (record_builder.confidence): agreeing reads of the same pixels."""

from __future__ import annotations

import dataclasses

import pytest

from parsers.fax.confirm import surer_confidence
from parsers.fax.model import Candidate, Word
from parsers.fax.record_builder import confidence


def _phone(conf: float, **changes: object) -> Candidate:
    word = Word("555.014.2368", conf * 100, 10, 10, 120, 20)
    cand = Candidate("member.phone", "5550142368", 1, (10, 10, 130, 30), conf, "label", word.text, words=(word,))
    return dataclasses.replace(cand, **changes)


def test_reads_each_unsure_of_the_same_pixels_are_no_surer_for_agreeing() -> None:
    both_unsure = _phone(0.76, confirmed_by="second_read", second_conf=0.18, joint_conf=0.80)
    assert confidence(both_unsure) == pytest.approx(0.76)
    assert confidence(_phone(0.6, confirmed_by="second_read", second_conf=0.7)) == pytest.approx(0.7)


def test_an_agreeing_read_that_is_sure_lifts_an_unsure_one() -> None:
    assert confidence(_phone(0.5, confirmed_by="second_read", second_conf=0.9)) == pytest.approx(0.95)
    assert confidence(_phone(0.85, confirmed_by="second_read", second_conf=0.3)) == pytest.approx(0.895)


def test_the_threshold_that_makes_a_read_sure_is_the_callers() -> None:
    cand = _phone(0.76, confirmed_by="second_read", second_conf=0.7)
    assert confidence(cand, 0.75) > 0.9 and confidence(cand, 0.8) == pytest.approx(0.76)


def test_evidence_other_than_a_read_of_the_pixels_still_adds_to_unsure_reads() -> None:
    npi = dataclasses.replace(_phone(0.5, confirmed_by="check_digit", second_conf=0.3), path="ordering_provider.npi")
    assert confidence(npi) >= 0.8  # a check digit vouches besides the reads
    assert confidence(_phone(0.7, confirmed_by="repeated")) >= 0.8  # printed twice: other pixels


def test_organisations_and_addresses_keep_their_agreeing_reads_lift() -> None:
    org = dataclasses.replace(_phone(0.7, confirmed_by="second_read", second_conf=0.6), path="payer.name")
    assert confidence(org) == pytest.approx(0.88)


def test_a_value_whose_agreeing_reads_were_not_scored_is_weighed_as_confirmed() -> None:
    reread = _phone(0.65, confirmed_by="second_read")  # re-reads under a whitelist: no confidence kept
    assert confidence(reread) == pytest.approx(1 - 0.35 * 0.4)


def test_a_value_whose_every_character_one_read_saw_surely_is_lifted_by_their_agreement() -> None:
    first = (Word("Nov", 95.0, 0, 0, 30, 20), Word("21,", 40.0, 35, 0, 25, 20), Word("2026", 95.0, 65, 0, 40, 20))
    second = [replace_conf(first[0], 50.0), replace_conf(first[1], 92.0), replace_conf(first[2], 93.0)]
    assert surer_confidence(first, second) == pytest.approx(0.92)
    assert surer_confidence(first, [replace_conf(w, 50.0) for w in first]) == pytest.approx(0.5)
    assert surer_confidence(first, [replace_conf(first[0], 90.0)]) is None  # letters and digits that differ
    dated = Candidate("order_date", "2026-11-21", 1, (0, 0, 105, 20), 0.4, "label", words=first)
    lifted = dataclasses.replace(dated, confirmed_by="second_read", second_conf=0.5, joint_conf=0.95, surer_conf=0.92)
    assert confidence(lifted) == pytest.approx(0.95)
    assert confidence(dataclasses.replace(lifted, surer_conf=0.5)) == pytest.approx(0.5)


def replace_conf(word: Word, conf: float) -> Word:
    return dataclasses.replace(word, conf=conf)
