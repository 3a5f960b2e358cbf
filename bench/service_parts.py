"""Where the service's time goes, per file: the CPU of each part of `watch --once`'s work, in µs.

The pipeline runs as the watcher runs it (process_files on batches of BATCH_FILES, then the
relay), in this thread, on a fresh SQLite home per round, after a warm-up, each round after a
garbage collection (bench/service.py's `settled`); the baseline is the `intake parse` path on
the same files. Each part is the CPU (this thread's, kernel included) spent in the functions
named for it, less what nested parts and garbage collection took; garbage collection is a part
of its own (with the baseline's for comparison). Timing wrappers add a little to every part; the
totals at the top are measured without them in the same rounds.

usage: python bench/service_parts.py [--files N] [--claims N] [--rounds N]
"""

from __future__ import annotations

import argparse
import collections
import functools
import gc
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import service as bench  # noqa: E402

import ingest.arrival as arrival  # noqa: E402
import ingest.pipeline as pipeline  # noqa: E402
import outbox.relay as relay  # noqa: E402
import outbox.sinks as sinks  # noqa: E402
import referrals.store.records as records  # noqa: E402
from ingest.watcher import BATCH_FILES  # noqa: E402
from outbox.setup import relay_from  # noqa: E402
from referrals.config import Settings  # noqa: E402
from referrals.logs import silence_value_loggers  # noqa: E402

# part -> (module or class, function names); a function is counted in the first part naming it
PARTS: dict[str, tuple[tuple[Any, tuple[str, ...]], ...]] = {
    "parse + validate": ((pipeline, ("parse_document", "validate_records")),),
    "take: hash, archive link, unlink": ((pipeline, ("take_all_from_inbox",)), (arrival, ("_archive", "sha256_of"))),
    "registration (find by sha256, insert)": ((arrival, ("_register_all", "find_all_by_sha", "add_documents")),),
    "lease check + finish UPDATE": ((pipeline, ("leased_to", "finish_all", "_finished", "outcome_of")),),
    "rows: record JSON + records + outbox": ((pipeline, ("stored_form", "insert_stored")),),
    "rows: findings + provenance": ((records, ("_insert_details", "_provenance_json")),),
    "acks: render + control numbers + rows": ((pipeline, ("_queue_acks",)),),
    "links to earlier 278s": ((pipeline, ("link_decisions",)),),
    "commit (every transaction)": ((pipeline.Session, ("commit",)),),
    "pipeline bookkeeping": ((pipeline, ("process_files", "store_all")),),
    "relay claim": ((relay.Relay, ("_claim",)),),
    "sink files (create, write, rename)": ((relay.Relay, ("_deliver_one",)),),
    "syncfs": ((sinks, ("sync_filesystem",)),),
    "mark delivered + relay loop": ((relay.Relay, ("_mark_delivered", "deliver_due")),),
}
GC = "garbage collection"


class Meter:
    """Self CPU time per part: a wrapped call's time less its wrapped callees' and GC's."""

    def __init__(self) -> None:
        self.parts: collections.Counter[str] = collections.Counter()
        self._stack: list[int] = []
        self._gc_start = 0

    def wrap(self, owner: Any, name: str, part: str) -> None:
        original: Callable[..., Any] = getattr(owner, name)

        @functools.wraps(original)
        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.thread_time_ns()
            self._stack.append(0)
            try:
                return original(*args, **kwargs)
            finally:
                self._charge(part, time.thread_time_ns() - start, self._stack.pop())

        setattr(owner, name, timed)

    def on_gc(self, phase: str, _info: dict[str, Any]) -> None:
        if phase == "start":
            self._gc_start = time.thread_time_ns()
        else:
            self._charge(GC, time.thread_time_ns() - self._gc_start, 0)

    def _charge(self, part: str, spent: int, nested: int) -> None:
        self.parts[part] += spent - nested
        if self._stack:
            self._stack[-1] += spent


def service_round(files: list[Path]) -> tuple[int, int]:
    """CPU ns of the pipeline (in batches, as the watcher shares them out) and of the delivery."""
    with bench.scratch() as tmp:
        settings = Settings(home=Path(tmp) / "home", stable_seconds=0.0)
    service = pipeline.Service.start(settings)
    paths = []
    for path in files:
        paths.append(Path(shutil.copy(path, service.home.inbox / path.name)))
    outbox = relay_from(settings, service.home, service.engine, service.worker_id)
    bench.settled()
    start = time.thread_time_ns()
    for first in range(0, len(paths), BATCH_FILES):
        pipeline.process_files(paths[first : first + BATCH_FILES], service)
    middle = time.thread_time_ns()
    outbox.deliver_all_due()
    end = time.thread_time_ns()
    service.engine.dispose()
    return middle - start, end - middle


def parse_round(files: list[Path]) -> int:
    bench.settled()
    start = time.thread_time_ns()
    sum(1 for _ in bench.parse_files(files))
    return time.thread_time_ns() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=300)
    parser.add_argument("--claims", type=int, default=1, help="claims per file")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    silence_value_loggers()
    with tempfile.TemporaryDirectory(prefix="service-parts-") as run:
        tempfile.tempdir = run  # every round's home in here, removed at the end (see bench/service.py)
        try:
            measure(bench.x12_files(Path(run) / "files", args.files, args.claims), args.rounds)
        finally:
            tempfile.tempdir = None


def measure(files: list[Path], rounds: int) -> None:
    parse_round(files[:3])
    service_round(files[:3])
    plain = [(parse_round(files), *service_round(files)) for _ in range(rounds)]
    meter = Meter()
    for part, places in PARTS.items():
        for owner, names in places:
            for name in names:
                meter.wrap(owner, name, part)
    gc.callbacks.append(meter.on_gc)
    baseline_gc = []
    for _ in range(rounds):
        before = meter.parts[GC]
        parse_round(files)
        baseline_gc.append(meter.parts[GC] - before)
    meter.parts.clear()
    for _ in range(rounds):
        service_round(files)
    gc.callbacks.remove(meter.on_gc)
    report(len(files), rounds, plain, meter.parts, statistics.median(baseline_gc))


def report(count: int, rounds: int, plain: list[tuple[int, int, int]], parts: dict[str, int], parse_gc: float) -> None:
    def per_file(ns: float) -> float:
        return ns / count / 1000

    parse, work, delivery = (statistics.median(column) for column in zip(*plain, strict=True))
    added = work + delivery - parse
    print(f"{count} files, median of {rounds} rounds (CPU, µs per file, this thread)")
    print(f"  parse (intake parse path)  {per_file(parse):8.1f}   (of it garbage collection {per_file(parse_gc):.1f})")
    print(f"  pipeline                   {per_file(work):8.1f}")
    print(f"  delivery                   {per_file(delivery):8.1f}")
    print(f"  service adds               {per_file(added):8.1f}   ({added / parse * 100:+.1f}%)")
    print("parts of the service (timed with wrappers):")
    for part, spent in sorted(parts.items(), key=lambda item: -item[1]):
        print(f"  {part:<40} {per_file(spent / rounds):8.1f}")


if __name__ == "__main__":
    main()
