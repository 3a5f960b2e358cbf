"""Real tesseract: every tuned layout at both resolutions drawn unsigned (an empty signature line) is
never read as signed. A signature read where there is none is the dangerous direction (an unsigned order
could be released as ready); a standard-resolution fax once left its rule in dashes that counted as ink,
and a caption read taller than it is stretched the place looked at onto a printed sentence.
Its own seed ('~unsigned'): pages none of the committed fixtures are."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from pathlib import Path

import pytest

from bench.fax_accuracy import TUNED_LAYOUTS
from ingest.codesets import VALIDATOR_CODE_SETS
from parsers.context import ParseContext
from parsers.fax.ocr import default_engine
from parsers.fax.pages import kind_of
from parsers.fax.parser import read_fax
from referrals.domain import Referral
from tests.fax.conftest import load_expected
from tests.fixtures.fax import generate

pytestmark = [
    pytest.mark.tesseract,
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed"),
]


def _one_case_per_layout_and_resolution() -> list[generate.Case]:
    chosen: dict[tuple[str, str], generate.Case] = {}
    for case in generate.CASES:
        plain = not case.defects and not case.extra and case.fmt != "textpdf"
        if plain and case.layout in TUNED_LAYOUTS:
            chosen.setdefault((case.layout, case.resolution), case)
    return list(chosen.values())


CASES = _one_case_per_layout_and_resolution()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_an_unsigned_order_is_never_read_as_signed(case: generate.Case, tmp_path: Path) -> None:
    unsigned = dataclasses.replace(case, name=f"{case.name}~unsigned", defects=("missing_signature",))
    path = generate.generate_case(unsigned, tmp_path)
    meta = load_expected(tmp_path / f"{unsigned.name}.expected.json")
    received = dt.datetime.fromisoformat(meta["received_at"])
    ctx = ParseContext(
        path=path, sha256="0" * 64, filename=path.name, received_at=received, code_sets=VALIDATOR_CODE_SETS
    )
    record = read_fax(ctx, default_engine(), kind_of(path.read_bytes()[:16]) or "tiff")
    assert isinstance(record, Referral) and record.signature.present is not True
