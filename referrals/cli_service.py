"""The service's commands: watch, queue, outbox, stats, demo, db. Errors go to `referrals.cli.main`."""

from __future__ import annotations

import getpass
import json
import os
import shutil
import sys
import threading
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import Progress
from rich.table import Column, Table
from sqlalchemy import Engine

from ingest.outcomes import Outcome
from ingest.pipeline import Service
from ingest.run import RunResult, run_service, stop_on_signals
from ingest.watcher import WatchOptions, is_candidate
from referrals.config import Settings, load_settings
from referrals.domain import Record
from referrals.store.engine import engine_for, session_scope, upgrade

app = typer.Typer(no_args_is_help=True)
queue_app = typer.Typer(no_args_is_help=True, help="The exception queue: records that need clarification.")
outbox_app = typer.Typer(no_args_is_help=True, help="Deliver outbox messages; requeue dead letters.")
db_app = typer.Typer(no_args_is_help=True, help="The database: migrations.")
app.add_typer(queue_app, name="queue")
app.add_typer(outbox_app, name="outbox")
app.add_typer(db_app, name="db")

Home = Annotated[Path | None, typer.Option("--home", help="service home (env INTAKE_HOME)")]
SAMPLE_INBOX = Path(__file__).resolve().parents[1] / "samples" / "inbox"
console = Console(soft_wrap=True)


def _settings(home: Path | None, **overrides: object) -> Settings:
    return load_settings(home=home, **overrides)


def _actor() -> str:
    return os.environ.get("INTAKE_ACTOR") or getpass.getuser()


@app.command("watch")
def watch_command(
    home: Home = None,
    workers: Annotated[int, typer.Option(min=1, help="files processed at once (threads)")] = 1,
    once: Annotated[bool, typer.Option(help="process what is in the inbox, deliver, and exit")] = False,
    poll: Annotated[bool | None, typer.Option(help="poll the inbox (network shares) instead of inotify")] = None,
    stable_seconds: Annotated[float | None, typer.Option(help="take a file once unchanged this long")] = None,
) -> None:
    """Take every file that lands in the inbox exactly once; deliver ready records via the outbox."""
    settings = _settings(home, poll_inbox=poll, stable_seconds=stable_seconds)
    service = Service.start(settings)
    options = WatchOptions(once=once, workers=workers, stable_seconds=settings.stable_seconds, poll=settings.poll_inbox)
    result = _run_with_progress(service, options) if once and sys.stdout.isatty() else _run(service, options)
    _print_result(result)


def _run(service: Service, options: WatchOptions) -> RunResult:
    stop = threading.Event()
    stop_on_signals(stop)
    return run_service(service, options, stop=stop)


def _run_with_progress(service: Service, options: WatchOptions) -> RunResult:
    stop = threading.Event()
    stop_on_signals(stop)
    waiting = sum(1 for path in service.home.inbox.iterdir() if is_candidate(path))
    with Progress(console=console, transient=True) as progress:
        task = progress.add_task("inbox", total=waiting or None)
        return run_service(service, options, lambda _p, _o: progress.advance(task), stop=stop)


def _print_result(result: RunResult) -> None:
    outcomes = ", ".join(f"{label} {count}" for label, count in sorted(result.watch.outcomes.items()))
    delivery = result.delivery
    console.print(f"files: {outcomes or 'none'}; failures {result.watch.failures}")
    console.print(f"delivered {delivery.delivered}, retrying {delivery.retried}, dead {delivery.dead}")


@queue_app.command("list")
def queue_list(
    home: Home = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines: one contract record per line")] = False,
    reason: Annotated[str | None, typer.Option(help="only records with a finding of this code")] = None,
    urgent: Annotated[bool, typer.Option("--urgent", help="only urgent referrals")] = False,
) -> None:
    """Records waiting for clarification: urgent first, then by due time."""
    from referrals.queue import queue_rows
    from referrals.store.records import record_of_row

    with session_scope(_engine(home)) as session:
        records = [record_of_row(row) for row in queue_rows(session, reason=reason, urgent=urgent)]
    if as_json:
        for record in records:
            sys.stdout.write(record.to_json() + "\n")
        return
    console.print(_queue_table(records))


def _queue_table(records: list[Record]) -> Table:
    table = Table(
        Column("id", no_wrap=True), "type", "urgent", "due", Column("what is missing or wrong", overflow="fold")
    )
    for record in records:
        due = getattr(record, "due_at", None)
        codes = ", ".join(sorted({f.code for f in record.errors}))
        urgent = "yes" if getattr(record, "urgent", False) else ""
        table.add_row(record.id, record.record_type, urgent, due.isoformat(timespec="minutes") if due else "", codes)
    return table


@queue_app.command("show")
def queue_show(record_id: str, home: Home = None) -> None:
    """One record: its contract JSON and each finding in words."""
    from referrals.store.records import get_record

    with session_scope(_engine(home)) as session:
        record = get_record(session, record_id)
    sys.stdout.write(json.dumps(record.to_dict(), indent=2) + "\n")
    for finding in record.findings:
        console.print(f"[bold]{finding.severity}[/] {finding.field or '(document)'}: {finding.message}")


@queue_app.command("resolve")
def queue_resolve(
    record_id: str,
    corrections: Annotated[list[str] | None, typer.Option("--set", help="field.path=value (repeatable)")] = None,
    home: Home = None,
    actor: Annotated[str | None, typer.Option(help="who makes the change (default: INTAKE_ACTOR or login)")] = None,
) -> None:
    """Apply corrections, re-validate, and release the record to the outbox if it is now ready."""
    from referrals.queue import Correction, resolve, validation_context_for

    settings = _settings(home)
    changes = [Correction.parse(text) for text in corrections or []]
    with session_scope(_engine(home)) as session:
        context = validation_context_for(session, record_id, settings)
        record = resolve(session, record_id, changes, actor or _actor(), context)
    console.print(f"{record.id}: {record.status}")
    for finding in record.errors:
        console.print(f"  still wrong: {finding.field or '(document)'}: {finding.message}")


@queue_app.command("reject")
def queue_reject(
    record_id: str,
    reason: Annotated[str, typer.Option(help="why, in words the sender can act on")],
    home: Home = None,
    actor: Annotated[str | None, typer.Option(help="who rejects (default: INTAKE_ACTOR or login)")] = None,
) -> None:
    """Close a queued record as rejected, with a reason."""
    from referrals.queue import reject

    with session_scope(_engine(home)) as session:
        record = reject(session, record_id, reason, actor or _actor())
    console.print(f"{record.id}: {record.status}")


@outbox_app.command("deliver")
def outbox_deliver(
    home: Home = None,
    once: Annotated[bool, typer.Option(help="deliver what is due now and exit")] = False,
) -> None:
    """Deliver pending outbox messages (records to the outbox folder or webhook, acks to acks/)."""
    from ingest.run import relay_loop
    from outbox.relay import DeliveryReport
    from outbox.setup import relay_from

    service = Service.start(_settings(home))
    relay = relay_from(service.settings, service.home, service.engine, service.worker_id)
    if once:
        report = relay.deliver_all_due()
    else:
        stop = threading.Event()
        stop_on_signals(stop)
        report = DeliveryReport()
        relay_loop(relay, stop, report)
    console.print(f"delivered {report.delivered}, retrying {report.retried}, dead {report.dead}")


@outbox_app.command("requeue-dead")
def outbox_requeue_dead(home: Home = None) -> None:
    """Give every dead-lettered message a fresh set of attempts."""
    from outbox.relay import requeue_dead

    console.print(f"requeued {requeue_dead(_engine(home))}")


@app.command("stats")
def stats_command(
    home: Home = None, as_json: Annotated[bool, typer.Option("--json", help="one JSON object")] = False
) -> None:
    """Counts per status, straight-through and clarification rates, time to ready, breaches, dead letters."""
    from referrals.stats import collect

    with session_scope(_engine(home)) as session:
        stats = collect(session)
    if as_json:
        sys.stdout.write(json.dumps(stats.to_dict()) + "\n")
        return
    for name, value in stats.to_dict().items():
        console.print(f"{name.replace('_', ' ')}: {value}")


@app.command("demo")
def demo_command(home: Home = None) -> None:
    """Copy the sample inbox into HOME/inbox, run `watch --once`, show what became of each file."""
    settings = _settings(home, stable_seconds=0.0)
    service = Service.start(settings)
    for sample in sorted(SAMPLE_INBOX.iterdir()):
        shutil.copy(sample, service.home.inbox / sample.name)  # a fresh mtime: received now
    outcomes: list[tuple[str, Outcome]] = []
    run_service(service, WatchOptions(once=True, stable_seconds=0.0), lambda p, o: outcomes.append((p.name, o)))
    for name, outcome in sorted(outcomes):
        console.print(f"{name}: [bold]{outcome.label}[/] {_details(outcome)}")
    console.print(f"outbox: {service.home.outbox}  acks: {service.home.acks}  archive: {service.home.archive}")
    stats_command(home=settings.home, as_json=False)


def _details(outcome: Outcome) -> str:
    records = getattr(outcome, "record_ids", ())
    codes = getattr(outcome, "codes", ())
    text = f"{len(records)} record(s)" if records else ""
    return f"{text} {', '.join(codes)}".strip()


@db_app.command("upgrade")
def db_upgrade(home: Home = None) -> None:
    """Apply the database migrations (the service also does this at start)."""
    from referrals.store.engine import current_revision

    engine = engine_for(_settings(home))
    upgrade(engine)
    console.print(f"database at revision {current_revision(engine)}")


def _engine(home: Path | None) -> Engine:
    engine = engine_for(_settings(home))
    upgrade(engine)
    return engine
