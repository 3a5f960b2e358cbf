"""`intake stats` numbers on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

from ingest.pipeline import Service, process_file
from referrals.domain import Referral, Source, SourceKind, Status
from referrals.queue import Correction, resolve, validation_context_for
from referrals.stats import collect
from referrals.store.engine import session_scope
from referrals.store.models import Document, utcnow
from referrals.store.records import insert_new

from .support import claim_file, drop


def _overdue_referral(service: Service) -> None:
    now = utcnow()
    source = Source(kind=SourceKind.FAX, filename="f.pdf", sha256="f" * 64)
    referral = Referral(
        id="rec_overdue",
        status=Status.NEEDS_CLARIFICATION,
        source=source,
        urgent=True,
        due_at=now - dt.timedelta(hours=1),
    )
    with session_scope(service.engine) as session:
        session.add(
            Document(
                id="doc_fax",
                sha256="f" * 64,
                original_name="f.pdf",
                original_path="/in/f.pdf",
                archive_path="/a/f.pdf",
                received_at=now - dt.timedelta(hours=30),
            )
        )
        session.flush()
        insert_new(session, [referral], "doc_fax", now)


def test_rates_times_and_breaches(service: Service) -> None:
    process_file(drop(service, "ok.x12", claim_file(1101)), service)
    waiting = process_file(drop(service, "bad.x12", claim_file(1102, total="1.00")), service)
    _overdue_referral(service)
    with session_scope(service.engine) as session:
        record_id = waiting.record_ids[0]  # type: ignore[union-attr]
        context = validation_context_for(session, record_id, service.settings)
        resolve(session, record_id, [Correction.parse("total_charge=850.00")], "clerk", context)
    with session_scope(service.engine) as session:
        stats = collect(session)
    assert stats.records_by_status == {"ready": 2, "needs_clarification": 1}
    assert stats.straight_through_rate == round(1 / 3, 4)
    assert stats.clarification_rate == round(2 / 3, 4)
    assert stats.median_seconds_to_ready is not None and stats.median_seconds_to_ready >= 0
    assert stats.due_time_breaches == 1
    assert stats.outbox_by_status == {"pending": 4} and stats.dead_letters == 0


def test_an_empty_store_has_no_rates(service: Service) -> None:
    with session_scope(service.engine) as session:
        stats = collect(session)
    assert stats.straight_through_rate is None and stats.records_by_status == {}
