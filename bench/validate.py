"""Validator throughput, ICD-10-CM table load time and memory.

    .venv/bin/python bench/validate.py [--records 2000] [--rounds 5]

Prints referrals validated per second on one core after warm-up (target >= 20,000/s), next to a
baseline measured in the same process over the same records: pydantic's `Referral.model_validate`
of their wire form (what reading a record back costs). Also the table's load time from the disk
cache (target < 0.3 s) and its memory (target < 80 MB), and the descriptions' lazy load.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from referrals.domain import (
    Address,
    Diagnosis,
    Member,
    OrderingProvider,
    Payer,
    Referral,
    Service,
    ServiceType,
    Signature,
    Source,
    SourceKind,
    Status,
)
from validators import ValidationContext, assess_urgency, validate_record
from validators.icd10_table import load_table, shared_table
from validators.npi import npi_check_digit

DIAGNOSES = ["J44.9", "E11.9", "I50.9", "E11.65", "S72.001A", "Z99.81", "N18.6", "E11", "D69.1", "R26.81"]
SERVICES = [("E1390", ["RR"]), ("E0601", []), ("K0001", ["RR"]), ("A4253", []), ("G0299", []), ("J1100", [])]
RECEIVED = dt.datetime(2026, 11, 25, 18, 0, tzinfo=dt.UTC)


def rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def make_referral(rng: random.Random, index: int) -> Referral:
    """A realistic mix: mostly complete orders, some with a header code, a bad NPI or gaps."""
    nine = str(rng.randint(100_000_000, 299_999_999))
    npi = nine + str(npi_check_digit(nine) if rng.random() > 0.05 else (npi_check_digit(nine) + 1) % 10)
    code, modifiers = rng.choice(SERVICES)
    return Referral(
        id=f"rec_{index}",
        status=Status.READY,
        source=Source(kind=SourceKind.FAX, filename="order.tif", sha256="0" * 64, received_at=RECEIVED),
        member=Member(
            first_name="Pat",
            last_name="Doe",
            dob=dt.date(rng.randint(1925, 2010), 1, 1) + dt.timedelta(days=rng.randint(0, 364)),
            sex=rng.choice(["M", "F"]),
            member_id=f"W{index:09d}",
            phone="8605550142" if rng.random() > 0.1 else None,
            address=Address(line1="12 Elm St", city="Hartford", state="CT", zip="06103"),
        ),
        payer=Payer(name="Acme Health Plan", payer_id=rng.choice(["60054", "87726", "00431"])),
        ordering_provider=OrderingProvider(first_name="Jane", last_name="Doe", npi=npi),
        service_type=rng.choice([ServiceType.DME, ServiceType.HOME_HEALTH, ServiceType.HOME_INFUSION]),
        diagnoses=[Diagnosis(code=c) for c in rng.sample(DIAGNOSES, rng.choice([1, 2, 3]))],
        services=[Service(code=code, system="HCPCS", modifiers=modifiers, quantity=1)],
        order_date=dt.date(2026, 11, 20),
        requested_start_date=dt.date(2026, 11, 20) + dt.timedelta(days=rng.randint(0, 14)),
        signature=Signature(present=rng.random() > 0.05, date=dt.date(2026, 11, 20)),
    )


def per_second(work: Callable[[], object], count: int, rounds: int) -> float:
    """The best of `rounds` timed runs (after one warm-up run), in items per CPU second of this
    process (CPU time, not wall time: the machine is shared, and this is a one-core figure)."""
    work()
    best = float("inf")
    for _ in range(rounds):
        started = time.process_time()
        work()
        best = min(best, time.process_time() - started)
    return count / best


def measure_table() -> None:
    shared_table.cache_clear()
    load_table()  # make sure the disk cache exists (derives it the first time)
    gc.collect()
    before = rss_mb()
    started, cpu_started = time.perf_counter(), time.process_time()
    table = load_table()
    loaded, loaded_cpu = time.perf_counter() - started, time.process_time() - cpu_started
    table_mb = rss_mb() - before
    started = time.perf_counter()
    names = len(table.names)
    names_s = time.perf_counter() - started
    print(
        f"ICD-10-CM table load: {loaded:.3f} s wall, {loaded_cpu:.3f} s CPU (target < 0.3 s), "
        f"memory {table_mb:.1f} MB (target < 80 MB); "
        f"{len(table.valid)} billable codes, {len(table.codes)} codes"
    )
    print(
        f"descriptions (lazy, on the first heading finding): {names_s:.3f} s, {names} titles, "
        f"total memory {rss_mb() - before:.1f} MB"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    measure_table()
    rng = random.Random(4)
    records = [make_referral(rng, i) for i in range(args.records)]
    wire = [r.model_dump(mode="json") for r in records]
    context = ValidationContext.now(today=dt.date(2026, 11, 25), received_at=RECEIVED)
    findings = sum(len(validate_record(r, context)) for r in records)
    rate = per_second(lambda: [validate_record(r, context) for r in records], len(records), args.rounds)
    urgency = per_second(lambda: [assess_urgency(r, context) for r in records], len(records), args.rounds)
    baseline = per_second(lambda: [Referral.model_validate(d) for d in wire], len(records), args.rounds)
    print(
        f"validate_record: {rate:,.0f} referrals/s on one core (target >= 20,000/s); "
        f"{findings / len(records):.2f} findings per referral"
    )
    print(f"assess_urgency: {urgency:,.0f} referrals/s")
    print(
        f"baseline, same records, same process: Referral.model_validate {baseline:,.0f} referrals/s "
        f"(validation costs {baseline / rate:.2f}x a model parse)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
