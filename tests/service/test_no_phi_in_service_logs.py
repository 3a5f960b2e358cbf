"""The service logs ids, codes and counts: never the names, member ids or dates of the files it takes."""

from __future__ import annotations

import logging
import shutil

import pytest

from ingest.pipeline import Service
from ingest.run import run_service
from ingest.watcher import WatchOptions
from referrals.logs import configure_logging
from referrals.queue import Correction, queue_rows, resolve, validation_context_for
from referrals.store.engine import session_scope

from .support import REPO

PHI = (
    "SAMPLE",
    "ALEX",
    "EXAMPLE",
    "JORDAN",
    "PLACEHOLDER",
    "TESTCASE",
    "DEMO00001A",
    "DEMO00003C",
    "19480312",
    "12 ELM STREET",
    "SPRINGFIELD",
)


def test_watching_resolving_and_delivering_log_no_patient_data(
    service: Service, caplog: pytest.LogCaptureFixture
) -> None:
    configure_logging("DEBUG")
    for sample in (REPO / "samples" / "inbox").iterdir():
        shutil.copy(sample, service.home.inbox / sample.name)
    (service.home.inbox / "SAMPLE ALEX 19480312.x12").symlink_to("/etc/hostname")  # quarantined
    with caplog.at_level(logging.DEBUG):
        logging.getLogger().setLevel(logging.DEBUG)
        run_service(service, WatchOptions(once=True, stable_seconds=0))
        with session_scope(service.engine) as session:
            for row in queue_rows(session):
                context = validation_context_for(session, row.id, service.settings)
                resolve(session, row.id, [Correction.parse("member.last_name=SAMPLE")], "clerk", context)
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "document doc_" in logged  # the log does say what happened, by id
    for value in PHI:
        assert value not in logged
