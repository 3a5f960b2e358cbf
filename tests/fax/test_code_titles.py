"""A diagnosis printed with its ICD-10-CM title ('Secondary : 1509  Heart failure, unspecified'): the
title says which of the code's look-alike readings it is."""

from __future__ import annotations

from ingest.codesets import VALIDATOR_CODE_SETS
from parsers.fax.code_titles import titled_reading
from parsers.fax.diagnosis_codes import diagnosis_reads
from tests.fax.test_reading_units import _page


def _titled(line: str) -> str | None:
    text = _page(["DIAGNOSES", line])
    read = next(iter(diagnosis_reads(text, VALIDATOR_CODE_SETS)))
    return titled_reading(read, text, VALIDATOR_CODE_SETS)


def test_the_printed_title_picks_the_reading_it_names() -> None:
    assert _titled("Secondary : 1509 Heart failure, unspecified") == "I50.9"
    assert _titled("Secondary : 1509 Heart fazlure, unspecified") == "I50.9"  # a letter garbled


def test_a_title_printed_in_part_or_none_picks_nothing() -> None:
    assert _titled("Secondary : 1509 Other heart failure") is None  # not I50.9's whole title
    assert _titled("Secondary : 1509") is None
