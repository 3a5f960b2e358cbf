"""Instructions the service executes next to the parse, under callgrind (repeatable on a shared machine).

    valgrind --tool=callgrind --callgrind-out-file=OUT.%p .venv/bin/python bench/service_callgrind.py service
    valgrind --tool=callgrind --callgrind-out-file=OUT.%p .venv/bin/python bench/service_callgrind.py parse
    callgrind_annotate --inclusive=yes OUT.<pid>.1      # the measured part only (dump "measured")

Each path is warmed up first (3 other files), then the garbage is collected and callgrind's
counts zeroed; the measured part is dumped on its own (CALLGRIND_DUMP_STATS_AT, all threads).
`parse` is `intake parse --ack-dir` (bench/service.py's baseline with acks), `parse-no-acks`
`intake parse` (its baseline), `service` is `watch --once` (the pipeline and the relay's delivery)
on a SQLite home that took the warm-up files, as a running service takes its next files;
`pipeline` is the same without the relay, in this thread (ingest.pipeline.process_files on
batches of BATCH_FILES). The marks come from a tiny C library built here with gcc and valgrind's
callgrind.h; without them the whole run is counted (warm-up and imports too). The files are
bench/service.py's 837P files. User-space instructions only: the kernel's work for the files
(links, renames, syncfs, SQLite's writes) is not counted.

usage: python bench/service_callgrind.py {parse,parse-no-acks,service,pipeline} [--files N] [--claims N]
"""

from __future__ import annotations

import argparse
import ctypes
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import service as bench  # noqa: E402

import ingest.pipeline as pipeline  # noqa: E402
from ingest.parse_many import parse_files  # noqa: E402
from ingest.pipeline import Service, process_files  # noqa: E402
from ingest.run import run_service  # noqa: E402
from ingest.watcher import BATCH_FILES, WatchOptions  # noqa: E402
from referrals.config import Settings  # noqa: E402
from referrals.logs import silence_value_loggers  # noqa: E402

# Callgrind runs the code some 50 times slower, more on a loaded machine: what is done by the clock
# is stretched by this much, so that it happens about as often per file as at full speed, whatever
# the load: the sharing of store transactions (ingest.pipeline.STORE_EVERY_SECONDS: a batch of
# 1-claim files, one transaction) and the watcher's ticks, rescans and pending checks (WatchOptions:
# a tick looks at every file in hand, a rescan lists the inbox). Counts then repeat to about 0.1%;
# without it they follow the load.
SLOWDOWN = 100.0
MARKS_C = """
#include <valgrind/callgrind.h>
void cg_zero(void) { CALLGRIND_ZERO_STATS; }
void cg_dump(void) { CALLGRIND_DUMP_STATS_AT("measured"); }
"""


def marks(folder: Path) -> tuple[Callable[[], None], Callable[[], None]]:
    """(zero, dump) callgrind client requests; no-ops when they cannot be built."""
    source, library = folder / "marks.c", folder / "libmarks.so"
    source.write_text(MARKS_C)
    try:
        subprocess.run(["gcc", "-O2", "-shared", "-fPIC", "-o", library, source], check=True, capture_output=True)
    except (OSError, subprocess.CalledProcessError):
        print("callgrind marks unavailable (gcc, valgrind/callgrind.h): the whole run is counted")
        return (lambda: None), (lambda: None)
    loaded = ctypes.CDLL(str(library))
    return loaded.cg_zero, loaded.cg_dump


Work = Callable[[], object]
Prepare = Callable[[list[Path]], Work]  # files -> the work to count on them


def parse_path(scratch: Path, slowdown: float, with_acks: bool = True) -> Prepare:
    """`intake parse --ack-dir` (one ack folder for all runs), or without acks `intake parse`."""
    acks = Path(tempfile.mkdtemp(dir=scratch)) if with_acks else None
    return lambda files: lambda: sum(1 for _ in parse_files(files, ack_dir=acks))


def service_path(scratch: Path, slowdown: float, relay: bool = True) -> Prepare:
    """`watch --once` (or, without the relay, the pipeline), always on the same home, as a running
    service would take the files; they are dropped in its inbox while preparing (not counted)."""
    service = Service.start(Settings(home=Path(tempfile.mkdtemp(dir=scratch)) / "home", stable_seconds=0.0))
    options = WatchOptions(
        once=True,
        stable_seconds=0.0,
        tick_seconds=WatchOptions.tick_seconds * slowdown,
        rescan_seconds=WatchOptions.rescan_seconds * slowdown,
        pending_every_seconds=WatchOptions.pending_every_seconds * slowdown,
    )

    def prepare(files: list[Path]) -> Work:
        inbox = [Path(shutil.copy(path, service.home.inbox / path.name)) for path in files]
        if relay:
            return lambda: run_service(service, options)
        return lambda: [process_files(inbox[n : n + BATCH_FILES], service) for n in range(0, len(inbox), BATCH_FILES)]

    return prepare


PATHS: dict[str, Callable[[Path, float], Prepare]] = {
    "parse": parse_path,
    "parse-no-acks": lambda scratch, slowdown: parse_path(scratch, slowdown, with_acks=False),
    "service": service_path,
    "pipeline": lambda scratch, slowdown: service_path(scratch, slowdown, relay=False),
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("path", choices=sorted(PATHS))
    parser.add_argument("--files", type=int, default=64)
    parser.add_argument("--claims", type=int, default=1)
    parser.add_argument("--no-marks", action="store_true", help="count the whole run")
    parser.add_argument("--slowdown", type=float, default=SLOWDOWN, help="how much slower the code runs (see SLOWDOWN)")
    args = parser.parse_args()
    silence_value_loggers()
    pipeline.STORE_EVERY_SECONDS *= args.slowdown
    with tempfile.TemporaryDirectory(prefix="service-callgrind-") as tmp:
        scratch = Path(tmp)
        zero, dump = ((lambda: None), (lambda: None)) if args.no_marks else marks(scratch)
        prepare = PATHS[args.path](scratch, args.slowdown)
        prepare(bench.x12_files(scratch / "warm", 3, args.claims, first=90_000))()
        work = prepare(bench.x12_files(scratch / "files", args.files, args.claims))
        bench.settled()
        zero()
        work()
        dump()


if __name__ == "__main__":
    main()
