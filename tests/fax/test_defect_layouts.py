"""Real tesseract: every tuned layout, fine resolution, drawn with a bad NPI check digit or without the
birth date, is never ready and names the defect's field in an error finding. The committed defect
fixtures cover a few layouts; a layout tuned later (a plan's boxes, an EHR printout) must hold too.
Their own seed ('~<defect>'): pages none of the committed fixtures are."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from pathlib import Path

import pytest

from bench.fax_accuracy import TUNED_LAYOUTS
from ingest.codesets import VALIDATOR_CODE_SETS
from ingest.finalize import finalize_record
from parsers.context import ParseContext
from parsers.fax.ocr import default_engine
from parsers.fax.pages import kind_of
from parsers.fax.parser import read_fax
from tests.fax.conftest import load_expected
from tests.fixtures.fax import generate
from validators import ValidationContext

pytestmark = [
    pytest.mark.tesseract,
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed"),
]
DEFECTS = ("bad_npi", "missing_dob")
UNDRAWN = {("discharge_referral", "missing_dob")}  # the EHR printout prints the age its DOB gives, always


def _one_fine_case_per_layout() -> list[generate.Case]:
    chosen: dict[str, generate.Case] = {}
    for case in generate.CASES:
        plain = not case.defects and not case.extra and case.fmt != "textpdf" and case.resolution == "fine"
        if plain and case.layout in TUNED_LAYOUTS:
            chosen.setdefault(case.layout, case)
    return list(chosen.values())


CASES = [(c, d) for c in _one_fine_case_per_layout() for d in DEFECTS if (c.layout, d) not in UNDRAWN]


@pytest.mark.parametrize(("case", "defect"), CASES, ids=[f"{c.name}-{d}" for c, d in CASES])
def test_an_order_with_a_defect_is_held_with_the_defect_named(case: generate.Case, defect: str, tmp_path: Path) -> None:
    drawn = dataclasses.replace(case, name=f"{case.name}~{defect}", defects=(defect,))
    path = generate.generate_case(drawn, tmp_path)
    meta = load_expected(tmp_path / f"{drawn.name}.expected.json")
    received = dt.datetime.fromisoformat(meta["received_at"])
    ctx = ParseContext(
        path=path, sha256="0" * 64, filename=path.name, received_at=received, code_sets=VALIDATOR_CODE_SETS
    )
    record = read_fax(ctx, default_engine(), kind_of(path.read_bytes()[:16]) or "tiff")
    found = finalize_record(record, ValidationContext(today=received.date())).to_dict()
    errors = {f["field"] for f in found["findings"] if f["severity"] == "error"}
    assert found["status"] != "ready"
    assert set(meta["error_fields"]) <= errors
