"""Faxes drawn on the fly from the generator's cases (other seeds than the committed fixtures) and read
as the service reads them: the real-tesseract sweeps over every tuned layout share these."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from bench.fax_accuracy import TUNED_LAYOUTS
from ingest.codesets import VALIDATOR_CODE_SETS
from ingest.finalize import finalize_record
from parsers.context import ParseContext
from parsers.fax.ocr import OcrEngine
from parsers.fax.pages import kind_of
from parsers.fax.parser import read_fax
from referrals.domain import Record
from tests.fax.conftest import load_expected
from tests.fixtures.fax import generate
from validators import ValidationContext


def plain_tuned_cases(resolutions: tuple[str, ...] = ("fine", "standard")) -> list[generate.Case]:
    """One image case with nothing wrong on purpose per tuned layout and resolution."""
    chosen: dict[tuple[str, str], generate.Case] = {}
    for case in generate.CASES:
        plain = not case.defects and not case.extra and case.fmt != "textpdf"
        if plain and case.layout in TUNED_LAYOUTS and case.resolution in resolutions:
            chosen.setdefault((case.layout, case.resolution), case)
    return list(chosen.values())


def read_drawn(case: generate.Case, folder: Path, engine: OcrEngine) -> tuple[dict[str, Any], Record]:
    """Draw the case into `folder` and read it, validated: its expected fields and the record."""
    path = generate.generate_case(case, folder)
    meta = load_expected(folder / f"{case.name}.expected.json")
    received = dt.datetime.fromisoformat(meta["received_at"])
    ctx = ParseContext(
        path=path, sha256="0" * 64, filename=path.name, received_at=received, code_sets=VALIDATOR_CODE_SETS
    )
    record = read_fax(ctx, engine, kind_of(path.read_bytes()[:16]) or "tiff")
    return meta, finalize_record(record, ValidationContext(today=received.date()))
