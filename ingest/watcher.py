"""`intake watch`: take every file that lands in the inbox, once it has stopped changing.

Events come from watchdog (inotify, or polling for network shares), and a periodic rescan
catches anything an event missed, plus the files already there at start. A file is taken when
its size and mtime were the same at two looks and it has not been modified for
`stable_seconds`. Files are processed by a pool of worker threads, in batches of up to
BATCH_FILES (the stable files shared out between the workers): a batch's files are registered
in one transaction and small documents share store transactions (ingest.pipeline). A stop
request (SIGTERM) lets the document in hand finish; the rest of its batch is given back. A
file that fails is logged (by code) and retried later; the watcher itself keeps running.
"""

from __future__ import annotations

import logging
import math
import os
import queue
import stat
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingObserver

from ingest.outcomes import InProgress, Outcome, ProcessedOutcome
from ingest.pipeline import Service, process_files, process_pending

log = logging.getLogger(__name__)

IGNORED_SUFFIXES = (".tmp", ".part", ".partial", ".crdownload", ".filepart")
RETRY_FAILED_AFTER_SECONDS = 10.0
BATCH_FILES = 32


@dataclass(frozen=True)
class WatchOptions:
    once: bool = False
    workers: int = 1
    stable_seconds: float = 1.0
    poll: bool = False
    tick_seconds: float = 0.1
    rescan_seconds: float = 5.0
    pending_every_seconds: float = 30.0


@dataclass
class WatchSummary:
    outcomes: dict[str, int] = field(default_factory=dict)
    failures: int = 0

    def count(self, outcome: Outcome) -> None:
        self.outcomes[outcome.label] = self.outcomes.get(outcome.label, 0) + 1


OnOutcome = Callable[[Path, Outcome], None]


def is_candidate(path: Path, info: os.stat_result | None = None) -> bool:
    """Hidden files, folders and the usual in-progress names (.tmp, .part, ...) are left alone;
    a symlink is a candidate (to be quarantined). `info`: the path's lstat, when already known."""
    if not _candidate_name(path.name):
        return False
    if info is None and (info := _lstat(path)) is None:
        return True  # gone meanwhile: whoever looks next finds out
    return not stat.S_ISDIR(info.st_mode)


def _candidate_name(name: str) -> bool:
    return not (name.startswith(".") or name.lower().endswith(IGNORED_SUFFIXES))


def _lstat(path: Path) -> os.stat_result | None:
    try:
        return os.lstat(path)
    except OSError:
        return None


def batches(paths: list[Path], workers: int) -> list[list[Path]]:
    """The paths shared out evenly between the workers, in batches of at most BATCH_FILES."""
    if not paths:
        return []
    count = max(-(-len(paths) // BATCH_FILES), min(workers, len(paths)))
    size = -(-len(paths) // count)
    return [paths[start : start + size] for start in range(0, len(paths), size)]


class StabilityTracker:
    """Says when a file has stopped changing: same (size, mtime) twice, and mtime old enough."""

    def __init__(self, stable_seconds: float, clock: Callable[[], float] = time.time) -> None:
        self.stable_seconds = stable_seconds
        self.clock = clock
        self._seen: dict[Path, tuple[int, int]] = {}

    def is_stable(self, path: Path, info: os.stat_result | None = None) -> bool:
        """`info`: the path's lstat, when the caller has just taken it."""
        if info is None:
            try:
                info = path.lstat()
            except FileNotFoundError:
                self.forget(path)
                return False
        signature = (info.st_size, info.st_mtime_ns)
        previous = self._seen.get(path)
        self._seen[path] = signature
        quiet_for = self.clock() - info.st_mtime_ns / 1e9
        return previous == signature and quiet_for >= self.stable_seconds

    def forget(self, path: Path) -> None:
        self._seen.pop(path, None)


class _EventQueue(FileSystemEventHandler):
    """Collects the paths watchdog reports (created, modified, moved into the inbox)."""

    def __init__(self, inbox: Path) -> None:
        self.inbox = inbox
        self.paths: queue.SimpleQueue[Path] = queue.SimpleQueue()

    def on_any_event(self, event: FileSystemEvent) -> None:
        for raw in (event.src_path, getattr(event, "dest_path", "")):
            path = Path(raw if isinstance(raw, str) else raw.decode())
            if raw and not event.is_directory and path.parent == self.inbox:
                self.paths.put(path)

    def drain(self) -> set[Path]:
        found = set()
        while not self.paths.empty():
            found.add(self.paths.get_nowait())
        return found


class InboxWatcher:
    def __init__(self, service: Service, options: WatchOptions, on_outcome: OnOutcome | None = None) -> None:
        self.service = service
        self.options = options
        self.on_outcome = on_outcome
        self.inbox = service.home.inbox
        self.tracker = StabilityTracker(options.stable_seconds)
        self.summary = WatchSummary()
        self._candidates: set[Path] = set()
        self._in_flight: dict[Path, tuple[Future[list[Outcome]], int]] = {}  # the batch, the file's place
        self._stop = threading.Event()
        self._retry_after: dict[Path, float] = {}
        self._pending_job: Future[list[ProcessedOutcome | InProgress]] | None = None

    def scan(self) -> set[Path]:
        """The inbox's candidates (as `is_candidate`, from the directory entries' types: no stat each)."""
        with os.scandir(self.inbox) as entries:
            return {
                Path(entry.path)
                for entry in entries
                if _candidate_name(entry.name) and not entry.is_dir(follow_symlinks=False)
            }

    def run(self, stop: threading.Event) -> WatchSummary:
        """Process files until `stop` is set (or, with `once`, until the inbox is empty)."""
        self._stop = stop
        events = _EventQueue(self.inbox)
        observer = None if self.options.once else self._start_observer(events)
        pool = ThreadPoolExecutor(max_workers=self.options.workers, thread_name_prefix="intake-worker")
        try:
            self._loop(stop, events, pool)
        finally:
            pool.shutdown(wait=True)  # the files in hand are finished, never abandoned
            self._collect_done(wait=True)
            if observer is not None:
                observer.stop()
                observer.join(timeout=5)
        if self.options.once and not stop.is_set():
            self._recover_pending()
        return self.summary

    def _loop(self, stop: threading.Event, events: _EventQueue, pool: ThreadPoolExecutor) -> None:
        last_scan = time.monotonic()
        last_pending = -math.inf
        self._candidates |= self.scan()
        while not stop.is_set():
            self._candidates |= events.drain()
            now = time.monotonic()
            if now - last_scan >= self.options.rescan_seconds:
                self._candidates |= self.scan()
                last_scan = now
            if now - last_pending >= self.options.pending_every_seconds and self._pending_job is None:
                self._pending_job = pool.submit(process_pending, self.service)
                last_pending = now
            self._dispatch_stable(pool)
            self._collect_done()
            if self.options.once and not (self._candidates or self._in_flight or self._pending_job):
                return
            stop.wait(self.options.tick_seconds)

    def _start_observer(self, events: _EventQueue) -> BaseObserver:
        observer = PollingObserver(timeout=1) if self.options.poll else Observer()
        observer.schedule(events, str(self.inbox), recursive=False)
        observer.start()
        return observer

    def _dispatch_stable(self, pool: ThreadPoolExecutor) -> None:
        """Every tick: one lstat per waiting file (gone, not a candidate, stable?), in name order."""
        stable = []
        now = time.monotonic()
        for path in sorted(self._candidates - self._in_flight.keys(), key=os.fspath):
            info = _lstat(path)
            if info is None or not is_candidate(path, info):
                self._done_with(path)
            elif self._retry_after.get(path, 0.0) <= now and self.tracker.is_stable(path, info):
                stable.append(path)
        for batch in batches(stable, self.options.workers):
            future = pool.submit(process_files, batch, self.service, self._stop.is_set)
            for place, path in enumerate(batch):
                self._in_flight[path] = (future, place)

    def _collect_done(self, wait: bool = False) -> None:
        if self._pending_job is not None and (wait or self._pending_job.done()):
            self._count_pending(self._pending_job)
            self._pending_job = None
        finished: dict[Future[list[Outcome]], bool] = {}  # a batch's future asked once per tick
        for path, (future, place) in list(self._in_flight.items()):
            if future not in finished:
                finished[future] = wait or future.done()
            if not finished[future]:
                continue
            del self._in_flight[path]
            try:
                outcome = future.result()[place]
            except Exception as exc:  # keep running; the file stays in the inbox and is tried again
                self._failed(path, exc)
                continue
            self._done_with(path)
            self.summary.count(outcome)
            if self.on_outcome is not None:
                self.on_outcome(path, outcome)

    def _failed(self, path: Path, exc: Exception) -> None:
        log.error("inbox file could not be processed (%s); retrying later", type(exc).__name__)
        self.summary.failures += 1
        self.tracker.forget(path)
        self._retry_after[path] = time.monotonic() + RETRY_FAILED_AFTER_SECONDS
        if self.options.once:
            self._done_with(path)

    def _done_with(self, path: Path) -> None:
        self._candidates.discard(path)
        self.tracker.forget(path)
        self._retry_after.pop(path, None)

    def _recover_pending(self) -> None:
        """Documents whose worker died (lease expired) or that were registered but never processed."""
        job: Future[list[ProcessedOutcome | InProgress]] = Future()
        try:
            job.set_result(process_pending(self.service))
        except Exception as exc:
            job.set_exception(exc)
        self._count_pending(job)

    def _count_pending(self, job: Future[list[ProcessedOutcome | InProgress]]) -> None:
        try:
            for outcome in job.result():
                self.summary.count(outcome)
        except Exception as exc:
            log.error("pending documents could not be processed (%s)", type(exc).__name__)
