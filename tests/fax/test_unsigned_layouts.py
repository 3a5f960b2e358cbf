"""Real tesseract: every tuned layout at both resolutions drawn unsigned (an empty signature line) is
never read as signed. A signature read where there is none is the dangerous direction (an unsigned order
could be released as ready); a standard-resolution fax once left its rule in dashes that counted as ink,
and a caption read taller than it is stretched the place looked at onto a printed sentence.
Its own seed ('~unsigned'): pages none of the committed fixtures are."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from parsers.fax.ocr import default_engine
from referrals.domain import Referral
from tests.fax.drawn import plain_tuned_cases, read_drawn
from tests.fixtures.fax import generate

pytestmark = [
    pytest.mark.tesseract,
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed"),
]


CASES = plain_tuned_cases()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_an_unsigned_order_is_never_read_as_signed(case: generate.Case, tmp_path: Path) -> None:
    unsigned = dataclasses.replace(case, name=f"{case.name}~unsigned", defects=("missing_signature",))
    _, record = read_drawn(unsigned, tmp_path, default_engine())
    assert isinstance(record, Referral) and record.signature.present is not True
