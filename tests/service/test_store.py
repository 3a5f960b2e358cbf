"""The store on SQLite and PostgreSQL: migrations, document leases, record rows and queries."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy.dialects.sqlite import dialect as sqlite_dialect
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from ingest.pipeline import Service
from referrals.store.bulk import _processor as bulk_processor
from referrals.store.bulk import sqlite_utc_text
from referrals.store.documents import DOCUMENTS, add_documents, claim, finish, finish_all
from referrals.store.engine import current_revision, head_revision, session_scope, upgrade
from referrals.store.models import Document, DocumentStatus, utcnow
from referrals.store.records import RecordFilter, get_record, list_records

LEASE = dt.timedelta(seconds=30)


def _document(doc_id: str, received: dt.datetime) -> Document:
    return Document(
        id=doc_id,
        sha256=doc_id.ljust(64, "0"),
        original_name="x.x12",
        original_path="/in/x.x12",
        archive_path="/archive/x.x12",
        received_at=received,
    )


def test_migrations_reach_head_and_are_idempotent(service: Service) -> None:
    upgrade(service.engine)
    assert current_revision(service.engine) == head_revision() is not None


def test_the_migrations_create_exactly_the_tables_of_the_models(service: Service) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext
    from sqlmodel import SQLModel

    import referrals.reconcile.tables
    import referrals.users  # noqa: F401

    with service.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
    assert differences == []


def test_a_document_lease_is_held_by_one_worker_until_it_expires(service: Service) -> None:
    now = utcnow()
    with session_scope(service.engine) as session:
        session.add(_document("doc_a", now))
    with session_scope(service.engine) as session:
        assert claim(session, "worker-1", LEASE, now) is not None
    with session_scope(service.engine) as session:
        assert claim(session, "worker-2", LEASE, now + dt.timedelta(seconds=5)) is None
    with session_scope(service.engine) as session:
        taken = claim(session, "worker-2", LEASE, now + dt.timedelta(seconds=31))
        assert taken is not None and taken.lease_owner == "worker-2" and taken.attempts == 2


def test_finishing_needs_the_lease_still_held(service: Service) -> None:
    now = utcnow()
    with session_scope(service.engine) as session:
        session.add(_document("doc_b", now))
    with session_scope(service.engine) as session:
        first = claim(session, "worker-1", LEASE, now)
    with session_scope(service.engine) as session:
        claim(session, "worker-2", LEASE, now + dt.timedelta(minutes=1))
    assert first is not None
    with session_scope(service.engine) as session:
        lost = finish(session, first, "worker-1", kind=None, outcome="ready", status=DocumentStatus.PROCESSED, now=now)
        won = finish(session, first, "worker-2", kind=None, outcome="ready", status=DocumentStatus.PROCESSED, now=now)
    assert (lost, won) == (False, True)


def test_claims_take_the_oldest_free_document_first(service: Service) -> None:
    now = utcnow()
    with session_scope(service.engine) as session:
        session.add(_document("doc_new", now))
        session.add(_document("doc_old", now - dt.timedelta(hours=1)))
    with session_scope(service.engine) as session:
        taken = claim(session, "w", LEASE, now)
    assert taken is not None and taken.id == "doc_old"


def test_times_come_back_aware_in_utc(service: Service) -> None:
    received = dt.datetime(2026, 11, 20, 8, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    with session_scope(service.engine) as session:
        session.add(_document("doc_tz", received))
    with session_scope(service.engine) as session:
        stored = session.exec(select(Document).where(Document.id == "doc_tz")).one()
    assert stored.received_at == received and stored.received_at.tzinfo is not None


def test_records_round_trip_and_filter(service: Service, tmp_path: object) -> None:
    from ingest.pipeline import process_file

    from .support import claim_file, drop

    process_file(drop(service, "ok.x12", claim_file(501)), service)
    process_file(drop(service, "bad.x12", claim_file(502, total="1.00")), service)
    with session_scope(service.engine) as session:
        waiting = list_records(session, RecordFilter(status="needs_clarification"))
        unbalanced = list_records(session, RecordFilter(finding_code="claim_charge_unbalanced"))
        ready = list_records(session, RecordFilter(status="ready"))
        again = get_record(session, ready[0].id)
    assert [r.id for r in waiting] == [r.id for r in unbalanced] and len(waiting) == 1
    assert again == ready[0]


def _new_document_values(doc_id: str, received: dt.datetime) -> dict[str, object]:
    return {
        "id": doc_id,
        "sha256": doc_id.ljust(64, "0"),
        "original_name": "x.x12",
        "original_path": "/in/x.x12",
        "archive_path": "/archive/x.x12",
        "size_bytes": 7,
        "status": DocumentStatus.PENDING.value,
        "received_at": received,
        "lease_owner": None,
        "parse_seconds": 0.25,
    }


def test_bulk_inserted_rows_read_back_as_the_orm_writes_them(service: Service) -> None:
    """add_documents goes through referrals.store.bulk (COPY on PostgreSQL): aware UTC times,
    numbers, NULLs and the columns' defaults come back as an ORM insert's would."""
    received = dt.datetime(2026, 11, 20, 8, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    with session_scope(service.engine) as session:
        add_documents(session, [_new_document_values("doc_b1", received), _new_document_values("doc_b2", received)])
    with session_scope(service.engine) as session:
        stored = session.exec(select(Document).order_by(Document.id)).all()
    assert [d.id for d in stored] == ["doc_b1", "doc_b2"]
    assert stored[0].received_at == received and stored[0].received_at.tzinfo is not None
    assert (stored[0].size_bytes, stored[0].parse_seconds, stored[0].lease_owner) == (7, 0.25, None)
    assert (stored[0].attempts, stored[0].kind) == (0, None)


def test_a_bulk_insert_of_a_known_key_is_an_integrity_error_and_rolls_back(service: Service) -> None:
    now = utcnow()
    with session_scope(service.engine) as session:
        add_documents(session, [_new_document_values("doc_d1", now)])
    with pytest.raises(IntegrityError), session_scope(service.engine) as session:
        add_documents(session, [_new_document_values("doc_d2", now), _new_document_values("doc_d1", now)])
    with session_scope(service.engine) as session:
        assert [d.id for d in session.exec(select(Document)).all()] == ["doc_d1"]


def test_finishing_many_at_once_changes_only_the_owners_pending_documents(service: Service) -> None:
    """finish_all (one UPDATE over arrays on PostgreSQL): another worker's lease is left alone."""
    now = utcnow()
    mine = [_new_document_values(f"doc_m{n}", now) | {"lease_owner": "me"} for n in range(3)]
    theirs = _new_document_values("doc_t", now) | {"lease_owner": "them"}
    with session_scope(service.engine) as session:
        add_documents(session, [*mine, theirs])
    done = [
        {"b_id": doc_id, "b_owner": "me", "b_status": status, "b_outcome": outcome, "b_kind": kind}
        | {"b_now": now, "b_error_code": error, "b_parse_seconds": seconds}
        for doc_id, status, outcome, kind, error, seconds in (
            ("doc_m0", DocumentStatus.PROCESSED, "ready", "x12_837p", None, 0.5),
            ("doc_m1", DocumentStatus.FAILED, "rejected", None, "parser_failed", None),
            ("doc_t", DocumentStatus.PROCESSED, "ready", "x12_837p", None, 0.5),
        )
    ]
    with session_scope(service.engine) as session:
        finish_all(session, done)
    with session_scope(service.engine) as session:
        stored = {d.id: d for d in session.exec(select(Document)).all()}
    assert (stored["doc_m0"].status, stored["doc_m0"].kind, stored["doc_m0"].parse_seconds) == (
        "processed",
        "x12_837p",
        0.5,
    )
    assert (stored["doc_m1"].status, stored["doc_m1"].error_code, stored["doc_m1"].outcome) == (
        "failed",
        "parser_failed",
        "rejected",
    )
    assert stored["doc_m0"].processed_at == now and stored["doc_m0"].lease_owner is None
    assert (stored["doc_m2"].status, stored["doc_m2"].lease_owner) == ("pending", "me")
    assert (stored["doc_t"].status, stored["doc_t"].lease_owner, stored["doc_t"].processed_at) == (
        "pending",
        "them",
        None,
    )


def test_a_bulk_inserted_time_is_stored_exactly_as_the_orm_stores_it(service: Service) -> None:
    """SQLite compares times as text: a bulk row's time must have the ORM's form, not the driver's."""
    received = dt.datetime(2026, 11, 20, 8, 30, 0, 120000, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    with session_scope(service.engine) as session:
        session.add(_document("doc_orm", received))
    with session_scope(service.engine) as session:
        add_documents(session, [_new_document_values("doc_bulk", received)])
    with session_scope(service.engine) as session:
        forms = session.connection().exec_driver_sql("SELECT DISTINCT received_at FROM documents").all()
    assert len(forms) == 1


def test_migration_0007_merges_provenance_rows_per_record_and_splits_them_back(database_url: str) -> None:
    from alembic import command

    from referrals.store.engine import _alembic_config, make_engine

    engine = make_engine(database_url)
    config = _alembic_config()

    def migrate(step: str, target: str) -> None:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            getattr(command, step)(config, target)

    migrate("upgrade", "0006_lz4_json")
    now = utcnow()
    with session_scope(engine) as session:
        session.add(_document("doc_p", now))
        session.flush()
        connection = session.connection()
        for record_id in ("rec_1", "rec_2"):
            connection.exec_driver_sql(
                "INSERT INTO records (id, document_id, record_type, status, data, version, touched_by_person, "
                f"created_at, updated_at, urgent) VALUES ('{record_id}', 'doc_p', 'claim', 'ready', '{{}}', 1, "
                "false, '2026-11-26 00:00:00', '2026-11-26 00:00:00', false)"
            )
        entries = [("rec_1", "member.member_id", '{"line": 7}'), ("rec_2", "payer.name", '{"line": 3}')]
        entries.append(("rec_1", "billing.npi", '{"line": 4, "method": "x12"}'))
        for record_id, field, data in entries:
            connection.exec_driver_sql(
                f"INSERT INTO provenance (record_id, field, data) VALUES ('{record_id}', '{field}', '{data}')"
            )
    migrate("upgrade", "head")
    with engine.connect() as connection:
        merged = dict(connection.exec_driver_sql("SELECT record_id, data FROM provenance").all())
    assert json.loads(merged["rec_1"]) == {"member.member_id": {"line": 7}, "billing.npi": {"line": 4, "method": "x12"}}
    assert list(json.loads(merged["rec_1"])) == ["member.member_id", "billing.npi"]  # the order written
    assert json.loads(merged["rec_2"]) == {"payer.name": {"line": 3}}
    migrate("downgrade", "0006_lz4_json")
    with engine.connect() as connection:
        split = connection.exec_driver_sql("SELECT record_id, field, data FROM provenance ORDER BY id").all()
    assert sorted((r, f, json.loads(d)) for r, f, d in split) == sorted((r, f, json.loads(d)) for r, f, d in entries)
    migrate("upgrade", "head")


def test_a_finished_documents_time_is_stored_as_the_orm_stores_it(service: Service) -> None:
    """finish_all writes processed_at itself on SQLite: the same text the ORM writes (compared as text)."""
    when = dt.datetime(2026, 11, 20, 8, 30, 0, 120000, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    with session_scope(service.engine) as session:
        session.add(_document("doc_orm", when))
        add_documents(session, [_new_document_values("doc_fin", when) | {"lease_owner": "me"}])
    done = {"b_id": "doc_fin", "b_owner": "me", "b_status": DocumentStatus.PROCESSED, "b_outcome": "ready"}
    with session_scope(service.engine) as session:
        finish_all(session, [done | {"b_kind": None, "b_now": when, "b_error_code": None, "b_parse_seconds": 0.5}])
    with session_scope(service.engine) as session:
        sql = (
            "SELECT DISTINCT CAST(t AS TEXT) FROM (SELECT received_at AS t FROM documents"
            " UNION ALL SELECT processed_at FROM documents WHERE id = 'doc_fin') AS times"
        )
        forms = session.connection().exec_driver_sql(sql).all()
        finished = session.exec(select(Document).where(Document.id == "doc_fin")).one()
    assert len(forms) == 1
    assert (finished.status, finished.processed_at, finished.lease_owner) == ("processed", when, None)


@pytest.mark.parametrize(
    "when",
    [
        dt.datetime(2026, 11, 20, 8, 30, 0, 120000, tzinfo=dt.UTC),
        dt.datetime(2026, 11, 20, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5))),  # next day in UTC
        dt.datetime(2026, 11, 20, 8, 30, 5),  # naive: taken as UTC
        dt.datetime(987, 1, 2, 3, 4, 5, 6, tzinfo=dt.UTC),  # a year below 1000 is zero-padded too
        None,
    ],
)
def test_the_bulk_sqlite_time_text_is_sqlalchemys(when: dt.datetime | None) -> None:
    """referrals.store.bulk writes SQLite times itself (faster): the text must be what SQLAlchemy's
    own processors (UTCDateTime, then SQLite's DATETIME) would bind, microseconds always written."""
    dialect = sqlite_dialect()
    sqlalchemys = DOCUMENTS.c.received_at.type.dialect_impl(dialect).bind_processor(dialect)
    assert sqlite_utc_text(when) == sqlalchemys(when)
    assert bulk_processor(dialect, DOCUMENTS, "received_at") is sqlite_utc_text
