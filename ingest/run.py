"""Running the service: the inbox watcher, the outbox relay beside it, and a clean stop on SIGTERM."""

from __future__ import annotations

import logging
import signal
import threading
from dataclasses import dataclass
from pathlib import Path

from ingest.outcomes import Outcome
from ingest.pipeline import Service
from ingest.watcher import InboxWatcher, OnOutcome, WatchOptions, WatchSummary
from outbox.relay import DeliveryReport, Relay
from outbox.setup import relay_from

log = logging.getLogger(__name__)

RELAY_INTERVAL_SECONDS = 1.0


@dataclass(frozen=True)
class RunResult:
    watch: WatchSummary
    delivery: DeliveryReport


def stop_on_signals(stop: threading.Event) -> None:
    """SIGTERM and SIGINT ask for a stop: the files in hand are finished first."""
    if threading.current_thread() is not threading.main_thread():
        return
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda _signum, _frame: stop.set())


def run_service(
    service: Service,
    options: WatchOptions,
    on_outcome: OnOutcome | None = None,
    stop: threading.Event | None = None,
    relay: Relay | None = None,
) -> RunResult:
    """Watch the inbox (until stopped, or once) while the relay (by default the configured one)
    delivers; a last delivery at the end."""
    stop = stop or threading.Event()
    relay = relay or relay_from(service.settings, service.home, service.engine, service.worker_id)
    delivery = DeliveryReport()
    wake = threading.Event()
    relay_thread = None
    if not options.once:
        relay_thread = threading.Thread(target=relay_loop, args=(relay, stop, delivery, wake), name="intake-relay")
        relay_thread.start()

    def processed(path: Path, outcome: Outcome) -> None:
        wake.set()  # something may be ready to deliver: the relay need not wait for its next round
        if on_outcome is not None:
            on_outcome(path, outcome)

    try:
        summary = InboxWatcher(service, options, processed).run(stop)
    finally:
        stop.set()
        wake.set()
        if relay_thread is not None:
            relay_thread.join()
    delivery.add(relay.deliver_all_due())
    return RunResult(watch=summary, delivery=delivery)


def relay_loop(relay: Relay, stop: threading.Event, total: DeliveryReport, wake: threading.Event | None = None) -> None:
    """Deliver whatever is due every second (or when woken) until stopped; a failing pass is logged."""
    wake = wake or stop
    while not stop.is_set():
        wake.clear()
        try:
            total.add(relay.deliver_all_due())
        except Exception as exc:
            log.error("outbox relay pass failed (%s)", type(exc).__name__)
        wake.wait(RELAY_INTERVAL_SECONDS)
