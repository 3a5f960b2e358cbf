"""A diagnosis code's second read agrees though a character had a close rival, when no rival gives
another code (as a rival digit that makes no date is no doubt about a date)."""

from __future__ import annotations

from ingest.codesets import VALIDATOR_CODE_SETS as SETS
from parsers.fax import verify_codes
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
    assert verify_codes.code_agrees(_read("110", "I10"), _second("I10", (("I", "T"), ("I", "Z"))), SETS)


def test_a_rival_that_makes_another_code_is_doubt() -> None:
    """'I50.9' whose 5 rivals 6: I60.9 is a code too."""
    assert not verify_codes.code_agrees(_read("150.9", "I50.9"), _second("I50.9", (("5", "6"),)), SETS)


def test_a_doubtful_read_without_its_rivals_is_doubt() -> None:
    unkept = [Word("I10", 40.0, 10, 10, 40, 20, (1,), ambiguous=True)]
    assert not verify_codes.code_agrees(_read("110", "I10"), unkept, SETS)


def _as_read(raw: str, conf: float) -> CodeRead:
    word = Word(raw, conf, 10, 10, 40, 20, (1,))
    return CodeRead(raw=raw, word=word, page=1, correction=Correction(raw.upper(), False, (raw.upper(),), True))


def test_a_code_in_the_code_set_as_read_but_read_unsurely_needs_its_second_read() -> None:
    """'J96.12' read at 57 where J96.11 is printed: the code set holds both neighbours, so a code read
    unsurely is no code the code set vouches for; read surely, it is."""
    assert not _as_read("J96.12", 57.0).as_read(0.8)
    assert _as_read("J96.11", 92.0).as_read(0.8)
    corrected = _read("110", "I10")
    assert not corrected.as_read(0.8)  # a look-alike correction is never a code as read


def test_an_unsure_code_as_read_is_borne_out_by_a_second_read_that_only_lost_its_ends() -> None:
    """'L89.154.' at 59 re-read as '89.154.' (its L at the crop's edge): no character read two ways. 'j96.12'
    at 57 re-read as '96.11': its last digit was, and the code set holds J96.11 as well as J96.12."""
    second = [Word("89.154.", 46.0, 10, 10, 40, 20, (1,))]
    assert verify_codes.borne_out(_as_read("L89.154", 59.0), second)
    assert not verify_codes.borne_out(_as_read("j96.12", 57.0), [Word("96.11", 6.0, 10, 10, 40, 20, (1,))])
    assert not verify_codes.borne_out(_as_read("J96.12", 57.0), [Word("2", 40.0, 10, 10, 40, 20, (1,))])
    assert not verify_codes.borne_out(_read("110", "I10"), [Word("10", 90.0, 10, 10, 40, 20, (1,))])
