"""Service throughput and latency: what `watch --once` adds to the parse time, in one run.

For N small 837P files (one claim each, from samples/generate.py) it times:
  parse only    ingest.parse.records_of_file on every file (no database, no files moved)
  watch --once  the whole service path: archive, register, lease, parse, validate, store,
                deliver (directory sink + acks), on SQLite and (if reachable) PostgreSQL
and prints files/s for each and the service's overhead relative to parse only (target: the
service adds under 10% to the parse time). Then a running watcher (inotify, stable_seconds
0.2) gets files one by one and the time from a file landing to its record delivered is
reported (median, p95). Faxes are measured when the fax parser and fax samples exist.

usage: python bench/service.py [--files N] [--latency-files N] [--no-postgres]
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import statistics
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, text  # noqa: E402

from ingest.parse import records_of_file  # noqa: E402
from ingest.pipeline import Service  # noqa: E402
from ingest.run import run_service  # noqa: E402
from ingest.watcher import WatchOptions  # noqa: E402
from referrals.config import Settings  # noqa: E402
from referrals.logs import silence_value_loggers  # noqa: E402
from validators import ValidationContext  # noqa: E402

PG_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
FAX_SUFFIXES = (".pdf", ".tif", ".tiff", ".png", ".jpg", ".jpeg")


def sample_generator() -> object:
    spec = importlib.util.spec_from_file_location("sample_generate", ROOT / "samples" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def x12_files(folder: Path, count: int, claims_per_file: int = 1) -> list[Path]:
    gen = sample_generator()
    paths = []
    for control in range(10_000, 10_000 + count):
        claims = [_claim(gen, control * 1000 + n) for n in range(claims_per_file)]
        path = folder / f"{control}.x12"
        path.write_text(gen.interchange(control, claims))  # type: ignore[attr-defined]
        paths.append(path)
    return paths


def _claim(gen: object, number: int) -> object:
    lines = (("E0601", "850.00", "20261115"), ("A4604", "120.00", "20261115"))
    return gen.SampleClaim(f"B{number}", "BENCH0001", "BENCH", "PAT", lines)  # type: ignore[attr-defined]


def fax_files() -> list[Path]:
    folder = ROOT / "tests" / "fixtures" / "fax"
    if importlib.util.find_spec("parsers.fax") is None or not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.suffix.lower() in FAX_SUFFIXES)


def parse_only(files: list[Path]) -> float:
    start = time.perf_counter()
    for path in files:
        for _ in records_of_file(path, ValidationContext.now()):
            pass
    return time.perf_counter() - start


def through_service(files: list[Path], database_url: str | None) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(home=Path(tmp) / "home", database_url=database_url, stable_seconds=0.0)
        service = Service.start(settings)
        for path in files:
            shutil.copy(path, service.home.inbox / path.name)
        start = time.perf_counter()
        result = run_service(service, WatchOptions(once=True, stable_seconds=0.0))
        seconds = time.perf_counter() - start
        service.engine.dispose()
    assert sum(result.watch.outcomes.values()) == len(files), result.watch.outcomes
    assert result.delivery.dead == 0
    return seconds


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


def report(label: str, files: list[Path], baseline: float, seconds: float) -> None:
    overhead = (seconds - baseline) / baseline * 100
    print(f"{label:<34} {seconds:7.2f} s  {len(files) / seconds:8.1f} files/s  overhead {overhead:+6.1f}%")


def measure(kind: str, files: list[Path], use_postgres: bool) -> None:
    baseline = parse_only(files)
    print(f"{kind + ' parse only (baseline)':<34} {baseline:7.2f} s  {len(files) / baseline:8.1f} files/s")
    report(f"{kind} watch --once, sqlite", files, baseline, through_service(files, None))
    if use_postgres:
        with postgres_schema() as url:
            if url is not None:
                report(f"{kind} watch --once, postgresql", files, baseline, through_service(files, url))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=300)
    parser.add_argument("--claims-per-file", type=int, default=1)
    parser.add_argument("--latency-files", type=int, default=20)
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    silence_value_loggers()
    with tempfile.TemporaryDirectory() as tmp:
        files = x12_files(Path(tmp), args.files, args.claims_per_file)
        measure(f"x12 ({args.claims_per_file} claim/file)", files, not args.no_postgres)
        faxes = fax_files()
        if faxes:
            measure("fax", faxes, not args.no_postgres)
        else:
            print("fax: skipped (no fax parser or no tests/fixtures/fax samples yet)")
        waits = landing_to_delivered(files[: args.latency_files], None, args.claims_per_file)
        p95 = statistics.quantiles(waits, n=20)[-1] if len(waits) >= 2 else waits[0]
        print(
            f"landing -> delivered (sqlite, stable 0.2 s): median {statistics.median(waits) * 1000:.0f} ms, "
            f"p95 {p95 * 1000:.0f} ms over {len(waits)} files"
        )


if __name__ == "__main__":
    main()
