"""One lease keeper per worker: renews the leases of the documents in hand, all in one UPDATE.

A file that takes long (a many-page fax through OCR) keeps its lease while it is worked on;
a worker that dies stops renewing, so its leases expire and another worker takes over.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine

from referrals.store.documents import renew_leases
from referrals.store.engine import session_scope
from referrals.store.models import utcnow

log = logging.getLogger(__name__)


class LeaseKeeper:
    def __init__(self, engine: Engine, owner: str, lease: dt.timedelta) -> None:
        self.engine = engine
        self.owner = owner
        self.lease = lease
        self._held: set[str] = set()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    @contextmanager
    def holding(self, *document_ids: str) -> Iterator[None]:
        """Keep renewing these documents' leases until the block ends (a finished document's
        lease is gone: renewing it changes nothing)."""
        with self._lock:
            self._held.update(document_ids)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="lease-keeper", daemon=True)
                self._thread.start()
        try:
            yield
        finally:
            with self._lock:
                self._held.difference_update(document_ids)

    def _run(self) -> None:
        every = self.lease.total_seconds() / 3
        while True:
            time.sleep(every)
            with self._lock:
                held = sorted(self._held)
            if held:
                self._renew(held)

    def _renew(self, held: list[str]) -> None:
        try:
            with session_scope(self.engine) as session:
                renew_leases(session, held, self.owner, self.lease, utcnow())
        except Exception as exc:  # the next round tries again; an expired lease is safe, only slower
            log.warning("lease renewal failed (%s)", type(exc).__name__)


@functools.cache
def keeper_for(engine: Engine, owner: str, lease_seconds: float) -> LeaseKeeper:
    return LeaseKeeper(engine, owner, dt.timedelta(seconds=lease_seconds))
