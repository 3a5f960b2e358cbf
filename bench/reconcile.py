"""Billing reconciliation at scale: 100,000 claim lines against 50,000 authorizations.

    .venv/bin/python bench/reconcile.py [--lines 100000] [--auths 50000] [--skip-postgres]

Synthetic data (seeded; a realistic mix of matched lines, suggested matches and every
discrepancy kind) is streamed into the store in chunks, then timed per backend:
  load         save the authorizations and billed lines (batched upserts)
  first run    reconcile every line and write every result
  re-run       nothing new: every line recomputed, nothing written
  incremental  1% more lines and authorizations arrive, then a re-run
  report       totals over every line plus the first 200 rows (what the CLI shows)
Baseline in the same process: the pure engine over the same data in memory (no database).
Target: a run under 10 s on the 2-core machine, memory bounded (peak RSS printed per phase).
PostgreSQL: postgresql+psycopg://postgres@127.0.0.1:5432/test, in a schema dropped afterwards;
skipped with the reason when unreachable.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import resource
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, text
from sqlmodel import Session

from referrals.reconcile.engine import Reconciler, billing_order
from referrals.reconcile.model import (
    Authorization,
    AuthorizationSourceKind,
    AuthorizationStatus,
    BilledLine,
    Totals,
)
from referrals.reconcile.persist import ensure_tables, save_authorizations, save_billed_lines
from referrals.reconcile.report import ReportFilter, build_report
from referrals.reconcile.run import reconcile_stored
from referrals.store.engine import make_engine

PG_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
CODES = (
    "E0601",
    "E0470",
    "E1390",
    "K0001",
    "A4604",
    "B4035",
    "G0151",
    "G0152",
    "G0299",
    "J1100",
    "S9325",
    "S9500",
    "E0431",
    "E0260",
    "A7030",
    "A7037",
    "E0163",
    "E0143",
    "T1019",
    "99509",
)
YEAR_START = dt.date(2026, 1, 1)
CHUNK = 10_000


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _npi(n: int) -> str:
    return f"1{n:09d}"


def authorization(i: int) -> Authorization:
    """Authorization `i`, the same every time it is asked for (lines rebuild it instead of keeping it)."""
    rng = random.Random(i)
    start = YEAR_START + dt.timedelta(days=rng.randrange(0, 270))
    roll = rng.random()
    status = (
        AuthorizationStatus.DENIED
        if roll < 0.03
        else (AuthorizationStatus.PENDED if roll < 0.05 else AuthorizationStatus.CERTIFIED)
    )
    return Authorization(
        number=f"PA{i:08d}",
        member_id=f"M{i % 30_000:08d}",
        payer_id="60054",
        service_codes=frozenset((CODES[i % 20], CODES[(i * 7 + 3) % 20])),
        authorized_quantity=float(rng.randrange(4, 12)),
        effective_from=start,
        effective_to=start + dt.timedelta(days=rng.randrange(30, 90)),
        servicing_npi=_npi(i % 200),
        status=status,
        source_kind=AuthorizationSourceKind.CSV,
        source_id=f"PA{i:08d}",
        source_document="bench",
        recorded_at=dt.datetime(2026, 11, 1, tzinfo=dt.UTC),
    )


def authorizations(count: int, offset: int = 0) -> Iterator[Authorization]:
    for i in range(offset, offset + count):
        yield authorization(i)


def billed_lines(count: int, auth_count: int, offset: int = 0) -> Iterator[BilledLine]:
    """Two lines per authorization on average; about a quarter of them carry one kind of trouble."""
    rng = random.Random(offset + 1)
    for j in range(offset, offset + count):
        yield _line(j, authorization(rng.randrange(auth_count)), rng)


def _line(j: int, base: Authorization, rng: random.Random) -> BilledLine:
    assert base.effective_from is not None
    number, code, member, npi = (
        base.number,
        sorted(base.service_codes)[j % 2],
        base.member_id,
        base.servicing_npi,
    )
    service_date = base.effective_from + dt.timedelta(days=rng.randrange(0, 30))
    roll = rng.random()
    if roll < 0.08:
        number = None  # suggested match
    elif roll < 0.11:
        number, member = f"XX{j:08d}", f"Z{j:08d}"  # no authorization
    elif roll < 0.14:
        service_date += dt.timedelta(days=200)  # outside the window
    elif roll < 0.17:
        code = "E9999"  # code not authorized
    elif roll < 0.19:
        npi = _npi(999)  # provider not authorized
    claim = j // 2 if roll > 0.02 else max(0, j // 2 - 7)  # a few claim ids billed twice
    return BilledLine(
        claim_record_id=f"rec_{j // 2:016d}",
        line_index=j % 2,
        claim_id=f"CLM{claim:09d}",
        member_id=member,
        payer_id="60054",
        code=code,
        modifiers=(),
        charge=Decimal(rng.randrange(2000, 40000)).scaleb(-2),
        units=float(rng.randrange(1, 4)),
        service_date=service_date,
        prior_authorization=number,
        billing_npi=npi,
        rendering_npi=None,
        source_document="bench",
        received_at=dt.datetime(2026, 11, 2, tzinfo=dt.UTC),
    )


def _chunks(items: Iterator[Any]) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def timed(label: str, action: Callable[[], Any]) -> Any:
    """Wall time, and this process's CPU time (the machine is shared: wall time includes waiting)."""
    started, cpu = time.perf_counter(), time.process_time()
    result = action()
    wall, used = time.perf_counter() - started, time.process_time() - cpu
    print(f"  {label:<34} {wall:6.2f} s wall {used:6.2f} s cpu   peak RSS {peak_rss_mb():6.1f} MB", flush=True)
    return result


def baseline(lines: int, auths: int) -> None:
    """The pure engine in memory: the floor for what the database adds."""
    print(f"baseline: pure engine in memory, {lines:,} lines x {auths:,} authorizations")
    reconciler = timed("index authorizations", lambda: Reconciler(authorizations(auths)))
    data = timed("generate + sort lines", lambda: sorted(billed_lines(lines, auths), key=billing_order))
    totals = Totals()

    def match_all() -> None:
        for outcome in reconciler.run(data):
            totals.add(outcome)

    timed("match every line", match_all)
    print(f"  -> {totals.with_discrepancies:,} lines with discrepancies, {totals.at_risk:,} at risk")


def load(engine: Engine, lines: int, auths: int, offset_lines: int = 0, offset_auths: int = 0) -> None:
    with Session(engine) as session:
        for chunk in _chunks(authorizations(auths, offset=offset_auths)):
            save_authorizations(session, chunk)
        for chunk in _chunks(billed_lines(lines, auths + offset_auths, offset=offset_lines)):
            save_billed_lines(session, chunk)
        session.commit()


def run(engine: Engine) -> str:
    with Session(engine) as session:
        summary = reconcile_stored(session)
        session.commit()
    return f"{summary.lines:,} lines, {summary.changed:,} written, {summary.at_risk:,} at risk"


def report(engine: Engine) -> str:
    with Session(engine) as session:
        built = build_report(session, ReportFilter(), limit=200)
    return f"{built.totals.lines:,} lines in totals, {len(built.lines)} rows"


def bench_backend(name: str, engine: Engine, lines: int, auths: int) -> None:
    print(f"{name}: {lines:,} lines x {auths:,} authorizations")
    ensure_tables(engine)
    timed("load (upsert auths + lines)", lambda: load(engine, lines, auths))
    print("    ->", timed("first run (all results written)", lambda: run(engine)))
    print("    ->", timed("re-run, nothing new", lambda: run(engine)))
    more_lines, more_auths = max(1, lines // 100), max(1, auths // 100)
    timed(
        f"load {more_lines:,} + {more_auths:,} more",
        lambda: load(engine, more_lines, more_auths, lines, auths),
    )
    print("    ->", timed("incremental re-run", lambda: run(engine)))
    print("    ->", timed("report (totals + 200 rows)", lambda: report(engine)))


def postgres_schema() -> tuple[Engine, Callable[[], None]] | str:
    try:
        admin = create_engine(PG_SERVER, connect_args={"connect_timeout": 2})
        schema = f"bench_{uuid.uuid4().hex[:10]}"
        with admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception as exc:
        return f"PostgreSQL at 127.0.0.1:5432 is not reachable ({type(exc).__name__})"
    engine = create_engine(f"{PG_SERVER}?options=-csearch_path%3D{schema}")

    def drop() -> None:
        engine.dispose()
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()

    return engine, drop


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--auths", type=int, default=50_000)
    parser.add_argument("--skip-postgres", action="store_true")
    args = parser.parse_args()
    load_average = os.getloadavg()[0]
    print(f"start: peak RSS {peak_rss_mb():.1f} MB; load average {load_average:.1f} on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as tmp:
        sqlite = make_engine(f"sqlite:///{Path(tmp) / 'bench.db'}")  # the service's engine: WAL, NORMAL sync
        bench_backend("SQLite", sqlite, args.lines, args.auths)
        sqlite.dispose()
    if args.skip_postgres:
        print("PostgreSQL: skipped (--skip-postgres)")
    else:
        bench_postgres(args.lines, args.auths)
    baseline(args.lines, args.auths)  # last: it holds every line in memory, which would hide the runs' peak
    return 0


def bench_postgres(lines: int, auths: int) -> None:
    pg = postgres_schema()
    if isinstance(pg, str):
        print(f"PostgreSQL: skipped: {pg}")
        return
    engine, drop = pg
    try:
        bench_backend("PostgreSQL", engine, lines, auths)
    finally:
        drop()


if __name__ == "__main__":
    sys.exit(main())
