"""Real tesseract: every tuned layout, fine resolution, drawn with a bad NPI check digit or without the
birth date, is never ready and names the defect's field in an error finding. The committed defect
fixtures cover a few layouts; a layout tuned later (a plan's boxes, an EHR printout) must hold too.
Their own seed ('~<defect>'): pages none of the committed fixtures are."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from parsers.fax.ocr import default_engine
from tests.fax.drawn import plain_tuned_cases, read_drawn
from tests.fixtures.fax import generate

pytestmark = [
    pytest.mark.tesseract,
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed"),
]
DEFECTS = ("bad_npi", "missing_dob")
UNDRAWN = {("discharge_referral", "missing_dob")}  # the EHR printout prints the age its DOB gives, always


CASES = [(c, d) for c in plain_tuned_cases(("fine",)) for d in DEFECTS if (c.layout, d) not in UNDRAWN]


@pytest.mark.parametrize(("case", "defect"), CASES, ids=[f"{c.name}-{d}" for c, d in CASES])
def test_an_order_with_a_defect_is_held_with_the_defect_named(case: generate.Case, defect: str, tmp_path: Path) -> None:
    drawn = dataclasses.replace(case, name=f"{case.name}~{defect}", defects=(defect,))
    meta, record = read_drawn(drawn, tmp_path, default_engine())
    found = record.to_dict()
    errors = {f["field"] for f in found["findings"] if f["severity"] == "error"}
    assert found["status"] != "ready"
    assert set(meta["error_fields"]) <= errors
