"""Real `intake watch` processes: SIGKILL mid-batch then restart (exactly once), SIGTERM finishes cleanly."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from referrals.store.engine import make_engine

from .support import claim_file, many_claims_file

pytestmark = pytest.mark.slow

FILES = 150


def _start(home: Path, database_url: str, *args: str) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "INTAKE_HOME": str(home),
        "INTAKE_DATABASE_URL": database_url,
        "INTAKE_STABLE_SECONDS": "0",
        "INTAKE_LEASE_SECONDS": "1",
        "INTAKE_LOG_LEVEL": "WARNING",
    }
    command = [sys.executable, "-m", "referrals.cli", "watch", *args]
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _scalar(database_url: str, sql: str) -> int:
    with make_engine(database_url).connect() as connection:
        return int(connection.execute(text(sql)).scalar_one())


def _processed(database_url: str) -> int:
    try:
        return _scalar(database_url, "select count(*) from documents where status = 'processed'")
    except Exception:  # tables not created yet
        return 0


def test_a_worker_killed_mid_batch_loses_nothing_and_duplicates_nothing(tmp_path: Path, database_url: str) -> None:
    home = tmp_path / "home"
    (home / "inbox").mkdir(parents=True)
    for control in range(1000, 1000 + FILES):
        (home / "inbox" / f"{control}.x12").write_text(claim_file(control))
    worker = _start(home, database_url, "--once", "--workers", "2")
    deadline = time.monotonic() + 60
    while _processed(database_url) < 10 and worker.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    worker.send_signal(signal.SIGKILL)
    worker.wait()
    done_at_kill = _processed(database_url)
    assert 0 < done_at_kill < FILES, "the kill must land mid-batch"
    time.sleep(1.2)  # let the dead worker's leases expire
    restarted = _start(home, database_url, "--once")
    assert restarted.wait(timeout=120) == 0, restarted.stderr.read() if restarted.stderr else ""
    _assert_exactly_once(home, database_url)


def _assert_exactly_once(home: Path, database_url: str) -> None:
    assert list((home / "inbox").iterdir()) == []
    assert _scalar(database_url, "select count(*) from documents") == FILES
    assert _scalar(database_url, "select count(*) from documents where status = 'processed'") == FILES
    assert _scalar(database_url, "select count(*) from records") == FILES
    assert _scalar(database_url, "select count(distinct sha256) from documents") == FILES
    delivered = "select count(*) from outbox_messages where destination = 'records' and status = 'delivered'"
    assert _scalar(database_url, delivered) == FILES
    ready = _scalar(database_url, "select count(*) from records where status = 'ready'")
    assert len(list((home / "outbox").glob("rec_*.json"))) == ready == FILES
    assert len([p for p in (home / "archive").rglob("*.x12") if "duplicates" not in p.parts]) == FILES
    assert not (home / "archive" / "duplicates").exists()


def test_sigterm_finishes_and_exits_cleanly(tmp_path: Path, database_url: str) -> None:
    home = tmp_path / "home"
    worker = _start(home, database_url)
    deadline = time.monotonic() + 30
    while not (home / "inbox").is_dir() and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(1.0)
    (home / "inbox" / "one.x12").write_text(claim_file(1999))
    while _processed(database_url) < 1 and time.monotonic() < deadline:
        time.sleep(0.05)
    worker.send_signal(signal.SIGTERM)
    assert worker.wait(timeout=30) == 0
    assert len(list((home / "outbox").glob("rec_*.json"))) == 1


def test_sigterm_during_a_file_finishes_that_file_first(tmp_path: Path, database_url: str) -> None:
    home = tmp_path / "home"
    (home / "inbox").mkdir(parents=True)
    (home / "inbox" / "big.x12").write_text(many_claims_file(2000, 300))
    worker = _start(home, database_url)
    deadline = time.monotonic() + 60
    registered = "select count(*) from documents where status = 'pending'"
    in_hand = False
    while not in_hand and time.monotonic() < deadline and worker.poll() is None:
        try:
            in_hand = _scalar(database_url, registered) == 1
        except Exception:  # tables not created yet
            time.sleep(0.01)
    worker.send_signal(signal.SIGTERM)
    assert in_hand, "the stop must come while the file is being processed"
    assert worker.wait(timeout=60) == 0
    assert _scalar(database_url, "select count(*) from documents where status = 'processed'") == 1
    assert _scalar(database_url, "select count(*) from records") == 300
    assert len(list((home / "outbox").glob("rec_*.json"))) == 300
