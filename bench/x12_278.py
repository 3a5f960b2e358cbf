"""278 throughput: pyx12 validation alone vs our full `intake parse` path, through our X217 map.

    python bench/x12_278.py [N_EVENTS]      # default 10,000 patient events

Generates one 278 request interchange with N patient events (one transaction set each, two
services each), then in the same run times (a) pyx12's own `x12n_document` with our map path
(validation only, no 999, as bench/x12_throughput.py's baseline), (b) our `intake parse` path
(`ingest.parse_many.parse_files`: validation, referral records, validators, the 999 built, JSON)
in one process and (c) the same with `--jobs 2`. Each runs in a forked child so its peak RSS is
its own. Wall and CPU time are both printed (CPU includes worker processes for --jobs): on a shared
machine CPU time is the steadier comparison for one process; --jobs needs idle cores.
Targets (issue 3, as for the 837): ours >= 0.8x pyx12 alone on one process, >= 1.6x with --jobs 2.
"""

from __future__ import annotations

import importlib.util
import logging
import multiprocessing
import os
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TARGET_RATIO = 0.8
TARGET_RATIO_JOBS2 = 1.6


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("generate_278", ROOT / "tests/fixtures/x12/generate_278.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["generate_278"] = module
    spec.loader.exec_module(module)
    return module


def pyx12_alone(path: Path) -> int:
    """pyx12's validation loop with our map directory; returns 1 when pyx12 calls the file valid."""
    import pyx12.params
    import pyx12.x12n_document

    from parsers.x12.maps import PROJECT_MAP_DIR

    logging.getLogger("pyx12").setLevel(logging.CRITICAL)
    ok = pyx12.x12n_document.x12n_document(pyx12.params.params(), str(path), None, None, map_path=str(PROJECT_MAP_DIR))
    return int(ok)


def ours(path: Path, jobs: int = 1) -> int:
    """The `intake parse` path; returns the number of referrals that came out ready."""
    from ingest.parse_many import parse_files

    logging.getLogger("pyx12").setLevel(logging.CRITICAL)
    return sum(1 for line in parse_files([path], jobs=jobs) if '"status":"ready"' in line)


def ours_jobs2(path: Path) -> int:
    return ours(path, jobs=2)


def _child(task: Callable[[Path], int], path: Path, out: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    start, cpu = time.perf_counter(), _cpu_seconds()
    result = task(path)
    elapsed, cpu = time.perf_counter() - start, _cpu_seconds() - cpu
    out.put((elapsed, cpu, result, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))


def _cpu_seconds() -> float:
    """This process's CPU time and that of its finished children (the --jobs workers)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _timed(task: Callable[[Path], int], path: Path) -> tuple[float, float, int, float]:
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    process = context.Process(target=_child, args=(task, path, queue))
    process.start()
    elapsed, cpu, result, peak_mib = queue.get()
    process.join()
    return elapsed, cpu, result, peak_mib


def _import_everything() -> None:
    """Imports happen before the forks, so neither timing includes them (map loading stays in both)."""
    import pyx12.x12n_document  # noqa: F401

    import ingest.parse_many  # noqa: F401
    import validators  # noqa: F401


def run(n_events: int = 10_000) -> dict[str, float]:
    _import_everything()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench_278.x12"
        path.write_text(_generator().synthetic_278(n_events), encoding="ascii")
        base_s, base_cpu, valid, base_rss = _timed(pyx12_alone, path)
        ours_s, ours_cpu, ready, ours_rss = _timed(ours, path)
        jobs2_s, jobs2_cpu, ready2, _ = _timed(ours_jobs2, path)
    return {
        "events": n_events,
        "pyx12_seconds": base_s,
        "pyx12_cpu_seconds": base_cpu,
        "pyx12_events_per_s": n_events / base_s,
        "pyx12_events_per_cpu_s": n_events / base_cpu,
        "pyx12_valid": valid,
        "pyx12_peak_rss_mib": base_rss,
        "ours_seconds": ours_s,
        "ours_cpu_seconds": ours_cpu,
        "ours_events_per_s": n_events / ours_s,
        "ours_events_per_cpu_s": n_events / ours_cpu,
        "ours_ready_referrals": ready,
        "ours_peak_rss_mib": ours_rss,
        "jobs2_seconds": jobs2_s,
        "jobs2_cpu_seconds": jobs2_cpu,
        "jobs2_events_per_s": n_events / jobs2_s,
        "jobs2_events_per_cpu_s": n_events / jobs2_cpu,
        "jobs2_ready_referrals": ready2,
        "ratio": base_s / ours_s,
        "ratio_jobs2": base_s / jobs2_s,
        "ratio_cpu": base_cpu / ours_cpu,
        "target_ratio": TARGET_RATIO,
    }


def main(argv: list[str]) -> int:
    n = int(argv[0]) if argv else 10_000
    r = run(n)
    print(f"278 throughput, {n} patient events (one set each, two services each)")
    for who, label in (("pyx12", "pyx12 alone"), ("ours", "ours"), ("jobs2", "ours -j2")):
        print(
            f"  {label:<11} : {r[who + '_events_per_s']:6.0f} events/s wall ({r[who + '_seconds']:.1f} s), "
            f"{r[who + '_events_per_cpu_s']:6.0f} events/s CPU ({r[who + '_cpu_seconds']:.1f} s)"
            + (f", peak RSS {r[who + '_peak_rss_mib']:.0f} MiB" if who != "jobs2" else "")
        )
    print(
        f"  pyx12 says valid: {bool(r['pyx12_valid'])}; ours: {r['ours_ready_referrals']:.0f} ready referrals "
        f"({r['jobs2_ready_referrals']:.0f} with --jobs 2)"
    )
    for key, label, target in (
        ("ratio", "1 process, wall", TARGET_RATIO),
        ("ratio_cpu", "1 process, CPU", TARGET_RATIO),
        ("ratio_jobs2", "--jobs 2, wall", TARGET_RATIO_JOBS2),
    ):
        verdict = "meets" if r[key] >= target else "misses"
        print(f"  ratio ours/pyx12 ({label}) = {r[key]:.2f}x ({verdict} the {target}x target)")
    print(f"  load average now: {os.getloadavg()[0]:.1f} (--jobs 2 needs two idle cores)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
