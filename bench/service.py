"""Service throughput and latency: what `watch --once` adds to the parse time, in one run.

Cases: small 837P files (1 claim each, as a fax server or EDI gateway drops them), larger ones
(25 claims each), and the fax fixtures (tests/fixtures/fax/generated). For each case it times
  parse only    the `intake parse` path (ingest.parse_many.parse_files: parse, validate, JSON),
                no database, no files written
  parse + acks  the same with `--ack-dir`: the 999/TA1 files the service produces too
  watch --once  the whole service path on SQLite and (if reachable) PostgreSQL, split into
    pipeline    taken from the inbox, archived, registered, leased, parsed, validated, stored
                with its outbox messages (ingest.pipeline.process_files, via the watcher)
    delivery    the outbox relay writing each record and ack to the directory sinks (synced)
in alternating rounds (the median round is reported), after a warm-up of every path, so caches
(maps, code tables, OCR models) are warm for all, and each round after a garbage collection (see
`settled`). It prints wall time and CPU time: this
process's (all threads) plus its children's (tesseract), and for PostgreSQL also the server's
CPU (every `postgres` process on the machine, so other users of the server count too). The
overhead is (service - parse) / parse, and for the delivery delivery / parse; target: the
service adds under 10% to the parse time (issue 6). The machine is shared, so CPU is the
steadier measure; wall also includes fsync/syncfs waits, which CPU does not.

Then a running watcher (inotify, stable_seconds 0.2) gets files one by one and the time from a
file landing to its record delivered is reported (median, p95).

Scratch folders (service homes, ack folders) are kept until the end of the run (see `scratch`);
`--tmp DIR` puts them on another folder than the system's temp dir (a quieter block group).

usage: python bench/service.py [--files N] [--rounds N] [--fax-rounds N] [--no-postgres] [--no-fax] [--tmp DIR]
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import os
import resource
import shutil
import statistics
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, text  # noqa: E402

from ingest.parse_many import parse_files  # noqa: E402
from ingest.pipeline import Service  # noqa: E402
from ingest.run import run_service  # noqa: E402
from ingest.watcher import WatchOptions  # noqa: E402
from outbox.relay import DeliveryReport, Relay  # noqa: E402
from outbox.setup import relay_from  # noqa: E402
from referrals.config import Settings  # noqa: E402
from referrals.logs import silence_value_loggers  # noqa: E402

PG_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
FAX_SUFFIXES = (".pdf", ".tif", ".tiff", ".png", ".jpg", ".jpeg")
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Timing:
    wall: float
    cpu: float  # this process (all threads) + its children (tesseract)
    server_cpu: float = 0.0  # PostgreSQL's processes


def sample_generator() -> object:
    spec = importlib.util.spec_from_file_location("sample_generate", ROOT / "samples" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def x12_files(folder: Path, count: int, claims_per_file: int = 1, first: int = 10_000) -> list[Path]:
    """`count` 837P files of `claims_per_file` claims, interchange control numbers from `first` on."""
    gen = sample_generator()
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for control in range(first, first + count):
        claims = [_claim(gen, control * 1000 + n) for n in range(claims_per_file)]
        path = folder / f"{control}.x12"
        path.write_text(gen.interchange(control, claims))  # type: ignore[attr-defined]
        paths.append(path)
    return paths


def _claim(gen: object, number: int) -> object:
    lines = (("E0601", "850.00", "20261115"), ("A4604", "120.00", "20261115"))
    return gen.SampleClaim(f"B{number}", "BENCH0001", "BENCH", "PAT", lines)  # type: ignore[attr-defined]


def fax_files() -> list[Path]:
    folder = ROOT / "tests" / "fixtures" / "fax" / "generated"
    if importlib.util.find_spec("parsers.fax") is None or not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in FAX_SUFFIXES)


def _cpu_now() -> float:
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def _postgres_cpu() -> float:
    """CPU seconds of every process named `postgres` (the server's backends and helpers)."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)
            if fields[0].endswith("(postgres"):
                rest = fields[1].split()
                total += int(rest[11]) + int(rest[12])  # utime, stime
        except (OSError, IndexError, ValueError):
            continue
    return total / CLOCK_TICKS


def timed(work: Callable[[], object], with_server: bool = False) -> Timing:
    server = _postgres_cpu() if with_server else 0.0
    wall, cpu = time.perf_counter(), _cpu_now()
    work()
    wall, cpu = time.perf_counter() - wall, _cpu_now() - cpu
    return Timing(wall, cpu, _postgres_cpu() - server if with_server else 0.0)


def settled() -> None:
    """Collect the garbage of what came before (the last round, Service.start's migrations) so a
    timed round does not pay for it: a running service starts once, and its start-up's garbage
    would otherwise bring on a full collection inside whichever round came next."""
    gc.collect()


def minus(total: Timing, part: Timing) -> Timing:
    return Timing(total.wall - part.wall, total.cpu - part.cpu, total.server_cpu - part.server_cpu)


@contextmanager
def scratch() -> Iterator[str]:
    """A fresh folder for one round, removed only at the end of the run (see `main`). On ext4
    without a journal (this machine's disk) creating a file costs a look at every inode freed in
    its block group in the last ~30 s (the kernel's `recently_deleted`), so deleting round N's
    homes right away would bill round N+1's file writes for the bench's own clean-up."""
    yield tempfile.mkdtemp(prefix="round-")


def parse_only(files: list[Path], with_acks: bool = False) -> Timing:
    """`intake parse` (with `--ack-dir` into a fresh folder when `with_acks`)."""
    with scratch() as acks:
        ack_dir = Path(acks) if with_acks else None
        settled()
        return timed(lambda: sum(1 for _ in parse_files(files, ack_dir=ack_dir)))


@dataclass(frozen=True)
class TimedRelay(Relay):
    """The configured relay, timing its deliveries (in `--once` mode: the last one, all of it)."""

    with_server: bool = False
    timings: list[Timing] = field(default_factory=list)

    def deliver_all_due(self, batch: int = 100) -> DeliveryReport:
        reports: list[DeliveryReport] = []
        deliver = super().deliver_all_due
        self.timings.append(timed(lambda: reports.append(deliver(batch)), self.with_server))
        return reports[0]


@dataclass(frozen=True)
class ServiceTiming:
    total: Timing  # run_service(once=True), start to end
    delivery: Timing  # the relay's part of it

    @property
    def pipeline(self) -> Timing:
        return minus(self.total, self.delivery)


def through_service(files: list[Path], postgres: bool = False) -> ServiceTiming:
    """`watch --once` on a fresh home (and a fresh PostgreSQL schema) holding `files`;
    Service.start (migrations) is not timed."""
    with scratch() as tmp, _database(postgres) as database_url:
        settings = Settings(home=Path(tmp) / "home", database_url=database_url, stable_seconds=0.0)
        service = Service.start(settings)
        for path in files:
            shutil.copy(path, service.home.inbox / path.name)
        configured = relay_from(settings, service.home, service.engine, service.worker_id)
        relay = TimedRelay(**{f.name: getattr(configured, f.name) for f in fields(Relay)}, with_server=postgres)
        results = []
        settled()
        total = timed(
            lambda: results.append(run_service(service, WatchOptions(once=True, stable_seconds=0.0), relay=relay)),
            with_server=postgres,
        )
        service.engine.dispose()
    result = results[0]
    assert sum(result.watch.outcomes.values()) == len(files), result.watch.outcomes
    assert result.delivery.dead == 0
    assert len(relay.timings) == 1, "with once=True the relay delivers once, at the end"
    return ServiceTiming(total, relay.timings[0])


def landing_to_delivered(files: list[Path], database_url: str | None, records_per_file: int) -> list[float]:
    """A running watcher; each file dropped alone, timed until all its records are in outbox/."""
    waits = []
    with tempfile.TemporaryDirectory() as tmp:
        service = Service.start(Settings(home=Path(tmp) / "home", database_url=database_url))
        stop = threading.Event()
        options = WatchOptions(stable_seconds=0.2, tick_seconds=0.02)
        watcher = threading.Thread(target=run_service, args=(service, options, None, stop))
        watcher.start()
        time.sleep(0.5)
        for path in files:
            expected = len(list(service.home.outbox.glob("rec_*.json"))) + records_per_file
            start = time.perf_counter()
            shutil.copy(path, service.home.inbox / path.name)
            while len(list(service.home.outbox.glob("rec_*.json"))) < expected:
                time.sleep(0.005)
            waits.append(time.perf_counter() - start)
        stop.set()
        watcher.join()
        service.engine.dispose()
    return waits


@contextmanager
def postgres_schema() -> Iterator[str | None]:
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    try:
        admin = create_engine(PG_SERVER, connect_args={"connect_timeout": 2})
        with admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception as exc:
        print(f"postgresql: skipped ({type(exc).__name__}: not reachable)")
        yield None
        return
    try:
        yield f"{PG_SERVER}?options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def median_timing(timings: list[Timing]) -> Timing:
    return Timing(
        statistics.median(t.wall for t in timings),
        statistics.median(t.cpu for t in timings),
        statistics.median(t.server_cpu for t in timings),
    )


def least_cpu(timings: list[Timing]) -> float:
    """The least disturbed round's CPU: on a shared machine, contention only ever adds."""
    return min(t.cpu for t in timings)


def _pct(value: float, baseline: float) -> str:
    return f"{(value - baseline) / baseline * 100:+6.1f}%"


def _share(value: float, baseline: float) -> str:
    return f"{value / baseline * 100:+6.1f}%"


def report(label: str, count: int, shown: Timing, overhead: str = "") -> None:
    rate = f"({count / shown.wall:6.1f} files/s)" if shown.wall > 0 else " " * 17
    per_file = shown.cpu / count * 1000
    print(f"  {label:<26} wall {shown.wall:7.2f} s {rate}  CPU {shown.cpu:7.2f} s {per_file:6.2f} ms/f{overhead}")


def overhead(timing: Timing, baseline: Timing, part: bool = False, least: str = "") -> str:
    """Against the baseline: (service - parse) / parse, or for a part of the service part / parse."""
    pct = _share if part else _pct
    line = f"  overhead: CPU {pct(timing.cpu, baseline.cpu)}, wall {pct(timing.wall, baseline.wall)}"
    if timing.server_cpu:
        line += f"; +server CPU {timing.server_cpu:.2f} s -> {pct(timing.cpu + timing.server_cpu, baseline.cpu)}"
    return line + least


def measure(kind: str, files: list[Path], postgres: bool, rounds: int) -> None:
    """Warm every path up, then `rounds` alternating rounds of parse / parse + acks / sqlite / postgresql."""
    parse_only(files[:3])
    parse_only(files[:3], with_acks=True)
    through_service(files[:3])
    runs: dict[str, list[Timing]] = {"parse": [], "parse + acks": []}
    services: dict[str, list[ServiceTiming]] = {"sqlite": [], "postgresql": []}
    for _ in range(rounds):
        runs["parse"].append(parse_only(files))
        runs["parse + acks"].append(parse_only(files, with_acks=True))
        services["sqlite"].append(through_service(files))
        if postgres:
            services["postgresql"].append(through_service(files, postgres=True))
    print(f"{kind}: {len(files)} files, median of {rounds} rounds, load average {os.getloadavg()[0]:.2f}")
    baseline, with_acks = median_timing(runs["parse"]), median_timing(runs["parse + acks"])
    report("parse only (baseline)", len(files), baseline)
    report("parse --ack-dir", len(files), with_acks, overhead(with_acks, baseline))
    for label, timings in services.items():
        if not timings:
            continue
        totals = [t.total for t in timings]
        least = f"; least-CPU rounds {_pct(least_cpu(totals), least_cpu(runs['parse']))}"
        total = median_timing(totals)
        report(f"watch --once, {label}", len(files), total, overhead(total, baseline, least=least))
        report("  vs parse --ack-dir", len(files), total, overhead(total, with_acks))
        pipeline = median_timing([t.pipeline for t in timings])
        report("  pipeline", len(files), pipeline, overhead(pipeline, baseline))
        delivery = median_timing([t.delivery for t in timings])
        report("  delivery (relay, sinks)", len(files), delivery, overhead(delivery, baseline, part=True))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=300, help="1-claim files (a tenth as many 25-claim files)")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--fax-rounds", type=int, default=1)
    parser.add_argument("--latency-files", type=int, default=20)
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--no-fax", action="store_true")
    parser.add_argument("--tmp", type=Path, help="where the run's scratch folders go (default: the system's)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.tmp, prefix="bench-service-") as run:
        tempfile.tempdir = run  # every round's folder in here, all removed at the end
        try:
            run_all(args)
        finally:
            tempfile.tempdir = None


def run_all(args: argparse.Namespace) -> None:
    silence_value_loggers()
    postgres = not args.no_postgres and _postgres_reachable()
    with tempfile.TemporaryDirectory() as tmp:
        small = x12_files(Path(tmp) / "small", args.files, 1)
        measure("x12, 1 claim/file", small, postgres, args.rounds)
        large = x12_files(Path(tmp) / "large", max(3, args.files // 10), 25)
        measure("x12, 25 claims/file", large, postgres, args.rounds)
        faxes = [] if args.no_fax else fax_files()
        if faxes:
            measure("fax", faxes, postgres, args.fax_rounds)
        else:
            print("fax: skipped")
        waits = landing_to_delivered(small[: args.latency_files], None, 1)
        p95 = statistics.quantiles(waits, n=20)[-1] if len(waits) >= 2 else waits[0]
        print(
            f"landing -> delivered (sqlite, stable 0.2 s): median {statistics.median(waits) * 1000:.0f} ms, "
            f"p95 {p95 * 1000:.0f} ms over {len(waits)} files"
        )


def _postgres_reachable() -> bool:
    with postgres_schema() as url:
        return url is not None


@contextmanager
def _database(postgres: bool) -> Iterator[str | None]:
    """None (SQLite in the home), or a fresh PostgreSQL schema dropped afterwards."""
    if not postgres:
        yield None
        return
    with postgres_schema() as url:
        yield url


if __name__ == "__main__":
    main()
