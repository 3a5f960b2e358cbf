"""X12 throughput: our whole 837 path vs pyx12's own validation alone, in one run.

Generates a 10,000-claim 837P (100 claims per transaction set, as large senders split them),
then times:
  baseline  pyx12.x12n_document (validation only, no 999, no records)
  ours      `intake parse` path: walk + records + validators (ingest.parse_many.parse_files)
  ours -j2  the same with --jobs 2 (work split at transaction-set boundaries)
and prints claims/s for each, the ratios, and peak RSS. Targets (issue 2): ours >= 0.8x
baseline on one process, >= 1.6x baseline with --jobs 2 on two cores.

Then the same for the 278 (bench/x12_278.py): 10,000 patient events, pyx12 alone through our
005010X217 map vs our whole path.

usage: python bench/x12_throughput.py [--claims N] [--events-278 N]
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "fixtures" / "x12"))
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import generate  # noqa: E402  (the fixture generator doubles as the benchmark's data source)
import pyx12.params  # noqa: E402
import pyx12.x12n_document  # noqa: E402
import x12_278  # noqa: E402  (bench/x12_278.py: the same comparison for the 278)

from ingest.parse_many import parse_files  # noqa: E402
from referrals.logs import silence_value_loggers  # noqa: E402


def pyx12_alone(path: Path) -> int:
    with path.open(encoding="ascii") as fh:
        pyx12.x12n_document.x12n_document(pyx12.params.params(), fh, None, None)
    return 0


def ours(path: Path, jobs: int) -> int:
    return sum(1 for _ in parse_files([path], jobs=jobs))


def timed(label: str, fn: Callable[[], int], claims: int) -> tuple[float, float]:
    """Claims/s by wall clock and by this process's CPU time (fair when the machine is busy;
    not for --jobs, whose work is in child processes)."""
    start, cpu_start = time.perf_counter(), time.process_time()
    fn()
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    print(f"{label:<28} {seconds:8.2f} s wall {claims / seconds:8.0f} claims/s   {cpu:8.2f} s CPU "
          f"{claims / max(cpu, 1e-9):8.0f} claims/s")
    return claims / seconds, claims / max(cpu, 1e-9)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--events-278", type=int, default=10_000, help="patient events for the 278 run (0: skip)")
    args = parser.parse_args()
    silence_value_loggers()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.x12"
        path.write_text(generate.synthetic_837p(args.claims), encoding="ascii")
        print(f"837P with {args.claims} claims, {path.stat().st_size / 1e6:.1f} MB")
        ours(path, 1)  # warm the map cache as pyx12 alone warms its own below
        base, base_cpu = timed("pyx12 validation alone", lambda: pyx12_alone(path), args.claims)
        one, one_cpu = timed("ours, 1 process", lambda: ours(path, 1), args.claims)
        two, _ = timed("ours, --jobs 2", lambda: ours(path, 2), args.claims)
    print(f"ratio ours/pyx12, 1 process: {one / base:.2f}x wall, {one_cpu / base_cpu:.2f}x CPU (target >= 0.8)")
    print(f"ratio ours --jobs 2 / pyx12: {two / base:.2f}x wall (target >= 1.6 on two idle cores)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of this process: {peak:.0f} MB; load average now: {os.getloadavg()[0]:.1f}")
    if args.events_278:
        print()
        x12_278.main([str(args.events_278)])


if __name__ == "__main__":
    main()
