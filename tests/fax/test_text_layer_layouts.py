"""Every generated layout sent as an e-fax (a PDF with a text layer, as an EHR or an e-fax server
prints it): read through pdfplumber without OCR, no value wrong, and as many fields read as measured.

The pages are the generator's own drawing replayed as PDF text and vectors (generate.py's textpdf
format), made here in a temp folder: no OCR noise, so what this measures is the field extraction
itself on layouts the OCR tests see only through tesseract.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from bench.fax_accuracy import TUNED_LAYOUTS, score
from ingest.codesets import VALIDATOR_CODE_SETS
from ingest.finalize import finalize_record
from parsers.context import ParseContext
from parsers.fax.parser import read_fax
from tests.fax.conftest import NoOcr
from tests.fixtures.fax import generate
from validators import ValidationContext

pytestmark = pytest.mark.slow

# One case per layout and resolution with nothing wrong on purpose (the defect cases repeat layouts).
CASES = [case for case in generate.CASES if not case.defects and not case.extra and case.fmt != "textpdf"]
# Measured 2026-11-26 (session 6): tuned 768/780, held out 137/180, none wrong; with a word ending
# where the font changes, held out 153/180. After the session's tuning, with layouts_unseen.py's joining
# the tuned group and layouts_hidden.py's held out: tuned 950/960, none wrong; held out 132/180, 3 wrong
# (a signature the reader does not see on the home oxygen order, twice; one value on the discharge
# referral), all in records held for clarification. Each floor just under; the wrong count a ceiling.
# Session 7: layouts_hidden.py's tuned on and joined the tuned group: tuned 1087/1110, none wrong; at the
# session's end tuned 1089/1110, none wrong, and layouts_hidden2.py's held out: 144/188, 3 wrong (the CPAP
# order's, in records held for clarification).
# Session 8: layouts_hidden2.py's tuned on and joined the tuned group (a text layer's 'H2O' is no H20
# diagnosis; a box printed against the word before it is judged without that word's letters): tuned
# 1277/1296, none wrong. Held out now: layouts_hidden3.py's, 97/188 with 13 wrong values at the session's
# end (distractor dates, NPIs, phones and ZIPs taken for fields, in records held for clarification): a
# ceiling, not a goal.
MIN_FIELD_ACCURACY = {"tuned": 0.975, "held-out": 0.50}
MAX_HELD_OUT_WRONG = 13


@pytest.fixture(scope="module")
def read_efaxes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[dict[str, Any], dict[str, Any]]]:
    folder = tmp_path_factory.mktemp("efax")
    return {case.name: _read_efax(case, folder) for case in CASES}


def _read_efax(case: generate.Case, folder: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    path = generate.generate_case(dataclasses.replace(case, fmt="textpdf"), folder)
    meta = json.loads((folder / f"{case.name}.expected.json").read_text())
    received = dt.datetime.fromisoformat(meta["received_at"])
    ctx = ParseContext(
        path=path, sha256="0" * 64, filename=path.name, received_at=received, code_sets=VALIDATOR_CODE_SETS
    )
    record = read_fax(ctx, NoOcr(), "pdf")
    return meta, finalize_record(record, ValidationContext(today=received.date())).to_dict()


@pytest.mark.parametrize("name", [case.name for case in CASES if case.layout in TUNED_LAYOUTS])
def test_an_efax_of_every_tuned_layout_has_no_wrong_value(name: str, read_efaxes: dict[str, Any]) -> None:
    meta, record = read_efaxes[name]
    assert score(meta["fields"], record)["wrong"] == 0


def test_efaxes_of_held_out_layouts_have_no_more_wrong_values_than_measured(read_efaxes: dict[str, Any]) -> None:
    held_out = [(meta, record) for meta, record in read_efaxes.values() if meta["layout"] not in TUNED_LAYOUTS]
    assert sum(score(meta["fields"], record)["wrong"] for meta, record in held_out) <= MAX_HELD_OUT_WRONG
    assert all(record["status"] != "ready" for meta, record in held_out if score(meta["fields"], record)["wrong"])


@pytest.mark.parametrize("group", sorted(MIN_FIELD_ACCURACY))
def test_efax_field_accuracy_does_not_regress(group: str, read_efaxes: dict[str, Any]) -> None:
    tally: Counter[str] = Counter()
    for meta, record in read_efaxes.values():
        if ("tuned" if meta["layout"] in TUNED_LAYOUTS else "held-out") == group:
            tally.update(score(meta["fields"], record))
    assert tally["correct"] / sum(tally.values()) >= MIN_FIELD_ACCURACY[group]
