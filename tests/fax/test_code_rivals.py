"""A diagnosis code's second read agrees though a character had a close rival, when no rival gives
another code (as a rival digit that makes no date is no doubt about a date)."""

from __future__ import annotations

from ingest.codesets import VALIDATOR_CODE_SETS as SETS
from parsers.fax import verify
from parsers.fax.codecheck import Correction
from parsers.fax.model import Word
from parsers.fax.services import CodeRead


def _read(raw: str, value: str) -> CodeRead:
    word = Word(raw, 90.0, 10, 10, 40, 20, (1,))
    return CodeRead(raw=raw, word=word, page=1, correction=Correction(value, True, (value,), in_code_set=True))


def _second(text: str, rivals: tuple[tuple[str, str], ...]) -> list[Word]:
    return [Word(text, 40.0, 10, 10, 40, 20, (1,), ambiguous=bool(rivals), rivals=rivals)]


def test_a_rival_that_makes_no_code_is_no_doubt() -> None:
    """'110' corrected to I10; the second read 'I10' whose I rivals T and Z (T10, Z10: no codes) confirms it."""
    assert verify._code_agrees(_read("110", "I10"), _second("I10", (("I", "T"), ("I", "Z"))), SETS)


def test_a_rival_that_makes_another_code_is_doubt() -> None:
    """'I50.9' whose 5 rivals 6: I60.9 is a code too."""
    assert not verify._code_agrees(_read("150.9", "I50.9"), _second("I50.9", (("5", "6"),)), SETS)


def test_a_doubtful_read_without_its_rivals_is_doubt() -> None:
    unkept = [Word("I10", 40.0, 10, 10, 40, 20, (1,), ambiguous=True)]
    assert not verify._code_agrees(_read("110", "I10"), unkept, SETS)
