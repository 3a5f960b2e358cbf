"""An unreadable 'code' that is a caption's numeric value is no diagnosis (codes_in_values.py)."""

from __future__ import annotations

from parsers.fax import codecheck
from parsers.fax.codes_in_values import outside_values
from parsers.fax.model import Candidate, Word
from parsers.fax.services import CodeRead


def _read(text: str, left: int, value: str | None = None) -> CodeRead:
    word = Word(text, 90.0, left, 713, 60, 22)
    return CodeRead(text, word, 1, codecheck.Correction(value, False, (value,) if value else ()))


def test_digits_of_a_phone_a_caption_took_are_no_diagnosis_but_a_code_read_whole_stays() -> None:
    phone = Candidate("member.phone", "6175551494", 1, (124, 713, 296, 736), 0.9, "below")
    reads = [_read("617", 124), _read("555.1494", 190), _read("G47.33", 1230, "G47.33"), _read("110", 1230)]
    kept = outside_values(reads, [phone])
    assert [r.raw for r in kept] == ["G47.33", "110"]
    name = Candidate("member.name", ("Maria", "Davis"), 1, (124, 713, 296, 736), 0.9, "below")
    assert len(outside_values(reads, [name])) == 4  # only a number field's value takes them
