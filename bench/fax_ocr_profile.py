"""Where the fax path's CPU goes, per stage and per OCR caller, against plain tesseract on the same pages.

usage: python bench/fax_ocr_profile.py [--engine cli|inprocess] [--top N] [PREFIX ...]

Reads the fixtures whose names start with a PREFIX (default: the standard-resolution ones, `-std`
anywhere in the name) with real tesseract (OMP_THREAD_LIMIT=1), the OCR engine wrapped to count its
calls, the pixels it was given and the CPU seconds they took (this process's plus its finished
children's, as bench/fax_accuracy.py counts), each charged to the parser stage running and to the
module that called the engine (the first frame outside ocr.py and confirm.py). Prints per stage its
CPU (OCR and the rest), per caller its OCR calls, megapixels and CPU, and in the same run the CPU of
plain tesseract (image_to_string on the pages as they are in the file) and of that plain read through
our engine, with the ratios bench/fax_accuracy.py reports.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import functools
import json
import os
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["OMP_THREAD_LIMIT"] = "1"

import pytesseract  # noqa: E402
from PIL import Image  # noqa: E402

from bench.fax_accuracy import DEFAULT_DIR, cpu_seconds, plain_pages  # noqa: E402
from ingest.codesets import VALIDATOR_CODE_SETS  # noqa: E402
from ingest.finalize import finalize_record  # noqa: E402
from parsers.context import ParseContext  # noqa: E402
from parsers.fax import parser as fax_parser  # noqa: E402
from parsers.fax.ocr import ENGINE_NAMES, OcrEngine, RawData, default_engine, engine_named  # noqa: E402
from parsers.fax.pages import kind_of  # noqa: E402
from validators import ValidationContext  # noqa: E402

SKIP = ("ocr.py", "confirm.py", "fax_ocr_profile.py")  # helpers: charge the module that called them


@dataclasses.dataclass
class Tally:
    calls: int = 0
    pixels: int = 0
    cpu: float = 0.0


class ProfiledEngine:
    """An OcrEngine passing every call on to `inner`, tallying it per (stage, caller, model)."""

    name = "profiled"

    def __init__(self, inner: OcrEngine) -> None:
        self.inner = inner
        self.stage = "-"
        self.by_caller: dict[tuple[str, str, str], Tally] = defaultdict(Tally)

    def data(self, image: Image.Image, config: str) -> RawData:
        return self._timed(image, config, lambda: self.inner.data(image, config))

    def hocr(self, image: Image.Image, config: str) -> str:
        return self._timed(image, config, lambda: self.inner.hocr(image, config))

    def _timed(self, image: Image.Image, config: str, run: Callable[[], Any]) -> Any:
        started = cpu_seconds()
        result = run()
        tally = self.by_caller[(self.stage, _caller(), "standard" if "--model" in config else "own")]
        tally.calls += 1
        tally.pixels += image.width * image.height
        tally.cpu += cpu_seconds() - started
        return result


def _caller() -> str:
    frame = sys._getframe(2)
    while frame is not None:
        name = Path(frame.f_code.co_filename).name
        if name not in SKIP:
            return f"{name.removesuffix('.py')}.{frame.f_code.co_name}"
        frame = frame.f_back  # type: ignore[assignment]
    return "?"


def _staged(stage: Callable[[Any], None], engine: ProfiledEngine, cpu: dict[str, float]) -> Callable[[Any], None]:
    @functools.wraps(stage)
    def run(state: Any) -> None:
        label = f"{stage.__module__.rsplit('.', 1)[-1]}.{stage.__name__}"
        engine.stage, started = label, cpu_seconds()
        try:
            stage(state)
        finally:
            cpu[label] += cpu_seconds() - started
            engine.stage = "-"

    return run


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("prefixes", nargs="*", help="fixture name prefixes (default: every `-std` fixture)")
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--engine", choices=ENGINE_NAMES, default=None, help="default: what the service uses")
    parser.add_argument("--top", type=int, default=40, help="callers to list")
    args = parser.parse_args()
    engine = ProfiledEngine(engine_named(args.engine) if args.engine else default_engine())
    stage_cpu: dict[str, float] = defaultdict(float)
    fax_parser.STAGES[:] = [_staged(s, engine, stage_cpu) for s in fax_parser.STAGES]
    VALIDATOR_CODE_SETS.icd10("J44.9")  # loaded once, as in a running service
    pytesseract.get_tesseract_version()
    ours, plain, plain_engine = 0.0, 0.0, 0.0
    pages = docs = 0
    for meta_path in sorted(args.dir.glob("*.expected.json")):
        name = meta_path.name.split(".")[0]
        if not (name.startswith(tuple(args.prefixes)) if args.prefixes else "-std" in name):
            continue
        meta = json.loads(meta_path.read_text())
        if meta["format"] == "textpdf":
            continue
        path = meta_path.parent / meta["file"]
        arrived = dt.datetime.fromisoformat(meta["received_at"])
        ctx = dataclasses.replace(ParseContext.for_file(path, code_sets=VALIDATOR_CODE_SETS), received_at=arrived)
        started = cpu_seconds()
        record = fax_parser.read_fax(ctx, engine, kind_of(path.read_bytes()[:16]) or "tiff")
        finalize_record(record, ValidationContext(today=arrived.date()))
        took = cpu_seconds() - started
        started = cpu_seconds()
        for page in plain_pages(path):
            pytesseract.image_to_string(page)
        base = cpu_seconds() - started
        started = cpu_seconds()
        for page in plain_pages(path):
            engine.inner.data(page, "")
        plain_engine += cpu_seconds() - started
        ours, plain, pages, docs = ours + took, plain + base, pages + meta["pages"], docs + 1
        print(f"{name:24} pages {meta['pages']}  ours {took:6.2f} s  plain {base:6.2f} s  ratio {took / base:.2f}")
    if not docs:
        print("no fixture matched")
        return 1
    ocr_cpu = sum(t.cpu for t in engine.by_caller.values())
    print(f"\n{docs} docs, {pages} pages, load average {os.getloadavg()[0]:.2f}; CPU s/page:")
    print(f"  ours {ours / pages:.3f} (OCR {ocr_cpu / pages:.3f})")
    print(f"  plain tesseract {plain / pages:.3f}: ratio {ours / plain:.3f}")
    print(f"  plain through our engine {plain_engine / pages:.3f}: ratio {ours / plain_engine:.3f}")
    print("\nper stage: CPU s/page (OCR part), OCR calls/page")
    stage_ocr: dict[str, float] = defaultdict(float)
    stage_calls: Counter[str] = Counter()
    for (stage, _, _), t in engine.by_caller.items():
        stage_ocr[stage] += t.cpu
        stage_calls[stage] += t.calls
    for stage, cpu in sorted(stage_cpu.items(), key=lambda kv: -kv[1]):
        print(f"  {stage:44} {cpu / pages:6.3f} ({stage_ocr[stage] / pages:6.3f})  {stage_calls[stage] / pages:5.1f}")
    print("\nper OCR caller (stage / caller / model): calls/page, Mpx/page, CPU s/page")
    rows = sorted(engine.by_caller.items(), key=lambda kv: -kv[1].cpu)[: args.top]
    for (stage, caller, model), t in rows:
        label = f"{stage} / {caller} / {model}"
        print(f"  {label:84} {t.calls / pages:5.1f} {t.pixels / pages / 1e6:6.2f} {t.cpu / pages:6.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
