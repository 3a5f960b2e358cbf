"""Field accuracy of the fax reader over the committed fixtures, replaying the recorded OCR (seconds, no tesseract).

usage: python bench/fax_replay.py [--wrong] [--missing] [--record] [--fresh A-B] [PREFIX ...]

The fast counterpart of bench/fax_accuracy.py while working on the reader: per fixture and per layout
group (tuned / held out) the correct, wrong and missing field counts, as tests/fax/test_fixtures.py
scores them. `--wrong` / `--missing` list those fields (expected and read values: the fixtures are
synthetic, no patient's data). `--record` reads with tesseract what the recording lacks and saves it
(after a preprocessing change); without it, a replay miss stops the run. PREFIX limits it to fixtures
whose names start so.

`--fresh A-B` reads new variants of the generated cases instead (the generator with seeds A to B:
other patients, clinicians, codes and noise on the same layouts, named `<case>~<k>`), generated once into
var/fax-fresh/A-B/ with their own recording there (tesseract reads what it lacks, so the first run is
slow and later ones replay): what a reader fitted to the fixtures' own values would miss.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import os
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

from bench.fax_accuracy import TUNED_LAYOUTS, _same, lookup, score  # noqa: E402
from ingest.codesets import VALIDATOR_CODE_SETS  # noqa: E402
from ingest.finalize import finalize_record  # noqa: E402
from parsers.context import ParseContext  # noqa: E402
from parsers.fax.ocr import OcrEngine, RecordedEngine  # noqa: E402
from parsers.fax.pages import kind_of  # noqa: E402
from parsers.fax.parser import read_fax  # noqa: E402
from validators import ValidationContext  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "fax" / "generated"
RECORDING = FIXTURES.parent / "ocr-recording.json.gz"


def fresh_folder(seeds: str, prefixes: tuple[str, ...]) -> Path:
    """var/fax-fresh/A-B/ holding variants A..B of the cases named by `prefixes` (all when none)."""
    from tests.fixtures.fax import generate

    first, _, last = seeds.partition("-")
    folder = ROOT / "var" / "fax-fresh" / seeds
    folder.mkdir(parents=True, exist_ok=True)
    for case in generate.CASES:
        for k in range(int(first), int(last or first) + 1):
            name = f"{case.name}~{k}"
            wanted = not prefixes or name.startswith(prefixes)
            if wanted and not (folder / f"{name}.expected.json").is_file():
                generate.generate_case(dataclasses.replace(case, name=name), folder)
    return folder


def read_case(meta_path: Path, engine: OcrEngine) -> tuple[dict[str, Any], dict[str, Any]]:
    """The expected record and the record read, as tests/fax/test_fixtures.py reads it."""
    meta: dict[str, Any] = json.loads(meta_path.read_text())
    path = meta_path.parent / meta["file"]
    ctx = ParseContext(
        path=path,
        sha256="0" * 64,
        filename=path.name,
        received_at=dt.datetime.fromisoformat(meta["received_at"]),
        code_sets=VALIDATOR_CODE_SETS,
    )
    record = read_fax(ctx, engine, kind_of(path.read_bytes()[:16]) or "tiff")
    record = finalize_record(record, ValidationContext(today=ctx.received_at.date()))
    return meta, record.to_dict()


def field_outcomes(expected: dict[str, Any], record: dict[str, Any]) -> list[tuple[str, str, Any, Any]]:
    """(outcome, field, expected, read) per scalar field; list fields summarised by score()."""
    rows = []
    for path, want in expected.items():
        if path in ("diagnoses", "services"):
            tally = score({path: want}, record)
            got = [d.get("code") for d in record.get(path, [])]
            for outcome in ("wrong", "missing"):
                if tally[outcome]:
                    rows.append((outcome, path, [w if isinstance(w, str) else w["code"] for w in want], got))
            continue
        got = lookup(record, path)
        if not _same(path, got, want):
            rows.append(("missing" if got is None else "wrong", path, want, got))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("prefixes", nargs="*")
    parser.add_argument("--wrong", action="store_true", help="list the wrong fields")
    parser.add_argument("--missing", action="store_true", help="list the missing fields")
    parser.add_argument("--record", action="store_true", help="OCR and record what the recording lacks")
    parser.add_argument("--fresh", metavar="A-B", help="read variants A..B of the cases (other seeds)")
    args = parser.parse_args()
    prefixes = tuple(args.prefixes)
    folder = fresh_folder(args.fresh, prefixes) if args.fresh else FIXTURES
    recording = folder / "ocr-recording.json.gz" if args.fresh else RECORDING
    engine = RecordedEngine(recording, record=args.record or bool(args.fresh))
    groups: dict[str, Counter[str]] = {"tuned": Counter(), "held-out": Counter()}
    for meta_path in sorted(folder.glob("*.expected.json")):
        name = meta_path.name.split(".")[0]
        if prefixes and not name.startswith(prefixes):
            continue
        meta, record = read_case(meta_path, engine)
        tally = score(meta["fields"], record)
        group = "tuned" if meta["layout"] in TUNED_LAYOUTS else "held-out"
        groups[group].update(tally)
        print(
            f"{name:28} {group:8} {record['status']:20} {tally['correct']:3}/{sum(tally.values()):3}"
            f" wrong {tally['wrong']} missing {tally['missing']}"
        )
        for outcome, field, want, got in field_outcomes(meta["fields"], record):
            if (outcome == "wrong" and args.wrong) or (outcome == "missing" and args.missing):
                print(f"    {outcome:7} {field}: expected {want!r} read {got!r}")
    if engine.record:
        engine.save()
    for group, tally in groups.items():
        total = sum(tally.values())
        if total:
            print(
                f"{group:8} {tally['correct']}/{total} = {tally['correct'] / total:.3f}"
                f" wrong {tally['wrong']} missing {tally['missing']}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
