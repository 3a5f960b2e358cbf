"""The watcher with real files in a temporary inbox (SQLite and PostgreSQL)."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from sqlmodel import select

from ingest.home import ServiceHome
from ingest.outcomes import Outcome
from ingest.pipeline import Service
from ingest.run import run_service
from ingest.watcher import StabilityTracker, WatchOptions
from referrals.errors import ConfigError
from referrals.store.engine import session_scope
from referrals.store.models import Document

from .support import claim_file


class Running:
    """A watcher running in a thread, and what it reported so far."""

    def __init__(self, service: Service, options: WatchOptions) -> None:
        self.outcomes: list[tuple[str, Outcome]] = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=run_service, args=(service, options, self._seen, self.stop), daemon=True)

    def _seen(self, path: Path, outcome: Outcome) -> None:
        self.outcomes.append((path.name, outcome))

    def labels(self) -> dict[str, str]:
        return {name: outcome.label for name, outcome in self.outcomes}


def wait_for(condition: Callable[[], bool], timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting")
        time.sleep(0.05)


@pytest.fixture(params=[False, True], ids=["inotify", "polling"])
def watching(request: pytest.FixtureRequest, service: Service) -> Iterator[Running]:
    options = WatchOptions(stable_seconds=0.6, poll=request.param, rescan_seconds=30)
    running = Running(service, options)
    running.thread.start()
    yield running
    running.stop.set()
    running.thread.join(timeout=20)
    assert not running.thread.is_alive()


@pytest.mark.slow
def test_a_file_written_slowly_is_taken_only_when_complete(service: Service, watching: Running) -> None:
    content = claim_file(901).encode()
    path = service.home.inbox / "slow.x12"
    with path.open("wb") as fh:
        for start in range(0, len(content), len(content) // 8):
            fh.write(content[start : start + len(content) // 8])
            fh.flush()
            time.sleep(0.25)
            assert watching.outcomes == [], "taken while still being written"
    wait_for(lambda: len(watching.outcomes) == 1)
    assert watching.labels() == {"slow.x12": "ready"}
    with session_scope(service.engine) as session:
        document = session.exec(select(Document)).one()
    assert Path(document.archive_path).read_bytes() == content


@pytest.mark.slow
def test_the_same_file_twice_is_one_document_and_a_duplicate(service: Service, watching: Running) -> None:
    (service.home.inbox / "first.x12").write_text(claim_file(902))
    wait_for(lambda: len(watching.outcomes) == 1)
    (service.home.inbox / "again.x12").write_text(claim_file(902))
    wait_for(lambda: len(watching.outcomes) == 2)
    assert watching.labels() == {"first.x12": "ready", "again.x12": "duplicate"}


@pytest.mark.slow
def test_files_it_cannot_read_are_quarantined_and_it_keeps_going(service: Service, watching: Running) -> None:
    inbox = service.home.inbox
    os.mkfifo(inbox / "pipe.x12")
    (inbox / "link.x12").symlink_to("/etc/hostname")
    unreadable = inbox / "locked.x12"
    unreadable.write_text(claim_file(903))
    unreadable.chmod(0)
    can_lock = os.geteuid() != 0  # root reads a mode-000 file anyway
    (inbox / "good.x12").write_text(claim_file(904))
    wait_for(lambda: len(watching.outcomes) == 4)
    expected = {"pipe.x12": "quarantined", "link.x12": "quarantined", "good.x12": "ready"}
    expected["locked.x12"] = "quarantined" if can_lock else "ready"
    assert watching.labels() == expected
    sidecars = sorted(p.name for p in service.home.quarantine.glob("*.reason.json"))
    assert len(sidecars) == (3 if can_lock else 2)
    assert any(name.endswith("link.x12.reason.json") for name in sidecars)
    (inbox / "later.x12").write_text(claim_file(905))
    wait_for(lambda: len(watching.outcomes) == 5)


def test_files_present_at_start_are_taken_by_once(service: Service) -> None:
    for control in (906, 907):
        (service.home.inbox / f"{control}.x12").write_text(claim_file(control))
    (service.home.inbox / ".hidden").write_text("x")
    (service.home.inbox / "upload.x12.part").write_text("x")
    result = run_service(service, WatchOptions(once=True, stable_seconds=0.0))
    assert result.watch.outcomes == {"ready": 2}
    assert result.delivery.delivered == 4  # two records, two acks
    assert sorted(p.name for p in service.home.inbox.iterdir()) == [".hidden", "upload.x12.part"]


def test_stability_needs_two_equal_looks_and_a_quiet_file(tmp_path: Path) -> None:
    path = tmp_path / "f"
    path.write_text("a")
    clock = [time.time()]
    tracker = StabilityTracker(5.0, clock=lambda: clock[0])
    assert not tracker.is_stable(path)
    assert not tracker.is_stable(path)  # same looks, but modified just now
    clock[0] += 6
    assert tracker.is_stable(path)
    path.write_text("ab")
    assert not tracker.is_stable(path)


@pytest.mark.parametrize("inside", ["archive", "outbox"])
def test_an_output_folder_inside_the_inbox_is_refused(tmp_path: Path, inside: str) -> None:
    home = tmp_path / "home"
    (home / "inbox" / inside).mkdir(parents=True)
    (home / inside).symlink_to(home / "inbox" / inside)
    with pytest.raises(ConfigError):
        ServiceHome(home).prepare()


def test_a_symlinked_inbox_is_refused(tmp_path: Path) -> None:
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "home").mkdir()
    (tmp_path / "home" / "inbox").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(ConfigError, match="symlink"):
        ServiceHome(tmp_path / "home").prepare()


def test_several_workers_process_each_file_once(service: Service) -> None:
    for control in range(910, 930):
        (service.home.inbox / f"{control}.x12").write_text(claim_file(control))
    result = run_service(replace(service), WatchOptions(once=True, workers=3, stable_seconds=0.0))
    assert result.watch.outcomes == {"ready": 20}
    with session_scope(service.engine) as session:
        assert len(session.exec(select(Document)).all()) == 20


def test_two_watchers_on_one_inbox_and_database_take_each_file_once(service: Service) -> None:
    for control in range(930, 960):
        (service.home.inbox / f"{control}.x12").write_text(claim_file(control))
    watchers = [replace(service, worker_id=f"machine-{n}") for n in (1, 2)]
    results = []
    threads = [
        threading.Thread(target=lambda w=w: results.append(run_service(w, WatchOptions(once=True, stable_seconds=0))))
        for w in watchers
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    ready = sum(result.watch.outcomes.get("ready", 0) for result in results)
    assert ready == 30, [result.watch.outcomes for result in results]
    assert all("duplicate" not in result.watch.outcomes for result in results)
    with session_scope(service.engine) as session:
        assert len(session.exec(select(Document)).all()) == 30
    assert len(list(service.home.outbox.glob("rec_*.json"))) == 30


def test_folders_in_the_inbox_are_left_alone(service: Service) -> None:
    (service.home.inbox / "staging").mkdir()
    (service.home.inbox / "staging" / "inner.x12").write_text(claim_file(961))
    result = run_service(service, WatchOptions(once=True, stable_seconds=0))
    assert result.watch.outcomes == {}
    assert (service.home.inbox / "staging" / "inner.x12").exists()


def test_an_unreachable_database_is_a_clear_config_error(tmp_path: Path) -> None:
    from referrals.config import Settings

    url = "postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=1"
    with pytest.raises(ConfigError, match="cannot be reached") as raised:
        Service.start(Settings(home=tmp_path / "h", database_url=url))
    assert "nobody" not in str(raised.value)
