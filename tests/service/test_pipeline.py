"""The pipeline on SQLite and PostgreSQL: outcomes, duplicates, one transaction, lease expiry."""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import time
from dataclasses import replace
from pathlib import Path

import pytest
from pydantic import BaseModel
from sqlmodel import func, select

from ingest.arrival import take_from_inbox
from ingest.outcomes import Duplicate, NeedsClarification, Ready, Rejected
from ingest.pipeline import (
    LeaseLost,
    Service,
    Worked,
    claim_document,
    parse_document,
    process_file,
    process_files,
    process_pending,
    store_results,
    validate_records,
)
from referrals.store.engine import session_scope
from referrals.store.models import Document, OutboxMessage, ProvenanceRow, RecordRow, utcnow
from referrals.store.records import get_record

from .support import claim_file, drop


def _count(service: Service, model: type) -> int:
    with session_scope(service.engine) as session:
        return int(session.exec(select(func.count()).select_from(model)).one())


def test_a_ready_claim_is_stored_with_its_outbox_message_and_the_original_archived(service: Service) -> None:
    path = drop(service, "claim.x12", claim_file(601))
    outcome = process_file(path, service)
    assert isinstance(outcome, Ready) and len(outcome.record_ids) == 1
    assert not path.exists()
    archived = list(service.home.archive.rglob("*.x12"))
    assert len(archived) == 1 and archived[0].read_text() == claim_file(601)
    with session_scope(service.engine) as session:
        messages = session.exec(select(OutboxMessage)).all()
    assert sorted(m.destination for m in messages) == ["acks", "records"]


def test_a_records_provenance_is_stored_as_one_row_holding_all_its_entries(service: Service) -> None:
    outcome = process_file(drop(service, "claim.x12", claim_file(611)), service)
    assert isinstance(outcome, Ready)
    with session_scope(service.engine) as session:
        record = get_record(session, outcome.record_ids[0])
        rows = session.exec(select(ProvenanceRow)).all()
    assert [row.record_id for row in rows] == [record.id] and len(record.provenance) > 5
    expected = {path: where.model_dump(mode="json", exclude_none=True) for path, where in record.provenance.items()}
    assert json.loads(rows[0].data) == expected


def test_an_incomplete_claim_needs_clarification_and_is_not_queued_for_delivery(service: Service) -> None:
    outcome = process_file(drop(service, "claim.x12", claim_file(602, total="9.99")), service)
    assert isinstance(outcome, NeedsClarification) and "claim_charge_unbalanced" in outcome.codes
    with session_scope(service.engine) as session:
        assert session.exec(select(OutboxMessage).where(OutboxMessage.destination == "records")).all() == []


def test_an_unknown_file_is_rejected_with_a_record_saying_why(service: Service) -> None:
    outcome = process_file(drop(service, "note.txt", "hello, not an order\n"), service)
    assert isinstance(outcome, Rejected) and outcome.codes == ("unknown_file_type",)


def test_the_same_bytes_twice_are_processed_once(service: Service) -> None:
    first = process_file(drop(service, "a.x12", claim_file(603)), service)
    second = process_file(drop(service, "b.x12", claim_file(603)), service)
    assert isinstance(first, Ready)
    assert second == Duplicate(first.document_id)
    assert _count(service, Document) == 1 and _count(service, RecordRow) == 1
    assert len(list((service.home.archive / "duplicates").iterdir())) == 1


def _worker(service: Service, name: str, lease_seconds: float = 60) -> Service:
    settings = service.settings.model_copy(update={"lease_seconds": lease_seconds})
    return replace(service, worker_id=name, settings=settings)


def test_an_interrupted_take_resumes_without_a_duplicate(service: Service) -> None:
    """A worker died after registering but before removing the inbox file: the next take finishes the job."""
    path = drop(service, "a.x12", claim_file(604))
    take_from_inbox(path, _worker(service, "dead", lease_seconds=0.01).taker)
    drop(service, "a.x12", claim_file(604))
    time.sleep(0.05)
    outcome = process_file(path, service)
    assert isinstance(outcome, Ready) and _count(service, Document) == 1
    assert not (service.home.archive / "duplicates").exists()


def test_an_expired_lease_is_processed_again_and_the_late_worker_stores_nothing(service: Service) -> None:
    slow = _worker(service, "slow", lease_seconds=0.01)
    arrival = take_from_inbox(drop(service, "a.x12", claim_file(605)), slow.taker)
    document = arrival.document  # type: ignore[union-attr]
    assert document is not None
    parsed = parse_document(document, slow)
    records = validate_records(parsed.records, document, slow)
    time.sleep(0.05)
    recovered = process_pending(service)
    assert len(recovered) == 1 and isinstance(recovered[0], Ready)
    with pytest.raises(LeaseLost):
        store_results(document, records, parsed, slow)
    assert _count(service, RecordRow) == 1 and _count(service, OutboxMessage) == 2


def test_a_document_leased_by_another_worker_is_left_alone(service: Service) -> None:
    take_from_inbox(drop(service, "a.x12", claim_file(606)), _worker(service, "other").taker)
    assert process_pending(service) == []
    assert claim_document(service, None) is None


def test_acknowledgement_control_numbers_are_unique_across_documents(service: Service) -> None:
    for control in (610, 611, 612):
        process_file(drop(service, f"{control}.x12", claim_file(control)), service)
    with session_scope(service.engine) as session:
        acks = session.exec(select(OutboxMessage).where(OutboxMessage.destination == "acks")).all()
    numbers = sorted(json.loads(m.payload)["filename"].split(".")[1] for m in acks)
    assert numbers == ["000000001", "000000002", "000000003"]


def test_received_time_is_when_the_file_came_in_even_with_an_old_mtime(service: Service) -> None:
    path = drop(service, "a.x12", claim_file(607))
    stamp = dt.datetime(2026, 1, 2, 9, 0, tzinfo=dt.UTC).timestamp()
    os.utime(path, (stamp, stamp))  # as `cp -p` or `rsync -t` would leave it
    before = utcnow()
    process_file(path, service)
    with session_scope(service.engine) as session:
        doc = session.exec(select(Document)).one()
    assert doc.received_at >= before - dt.timedelta(seconds=5)
    assert doc.archive_path.endswith(f"{doc.received_at:%Y-%m-%d}/{doc.sha256}.x12")


def test_a_long_parse_keeps_its_lease(service: Service, monkeypatch: pytest.MonkeyPatch) -> None:
    import ingest.pipeline as pipeline

    worker = _worker(service, "busy", lease_seconds=0.3)
    rival = _worker(service, "rival", lease_seconds=0.3)
    real_parse = pipeline.parse_file
    rival_claims = []

    def slow_parse(context: object) -> object:
        for _ in range(6):
            time.sleep(0.15)
            rival_claims.append(claim_document(rival, None))
        return real_parse(context)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "parse_file", slow_parse)
    outcome = process_file(drop(service, "a.x12", claim_file(620)), worker)
    assert isinstance(outcome, Ready)
    assert rival_claims == [None] * 6


def test_a_parser_fault_becomes_a_rejected_record_and_a_failed_document(
    service: Service, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ingest.pipeline as pipeline

    def broken_parse(context: object) -> object:
        raise RuntimeError("parser bug")

    monkeypatch.setattr(pipeline, "parse_file", broken_parse)
    outcome = process_file(drop(service, "a.x12", claim_file(621)), service)
    assert isinstance(outcome, Rejected) and outcome.codes == ("parser_failed",)
    with session_scope(service.engine) as session:
        document = session.exec(select(Document)).one()
    assert (document.status, document.error_code) == ("failed", "parser_failed")
    assert Path(document.archive_path).read_text() == claim_file(621)


def test_files_taken_together_keep_one_outcome_each_and_a_copy_in_the_batch_is_a_duplicate(service: Service) -> None:
    paths = [drop(service, name, claim_file(control)) for name, control in (("a.x12", 630), ("b.x12", 631))]
    paths.append(drop(service, "c.x12", claim_file(630)))
    first, second, copy = process_files(paths, service)
    assert isinstance(first, Ready) and isinstance(second, Ready)
    assert copy == Duplicate(first.document_id)
    assert _count(service, Document) == 2 and _count(service, RecordRow) == 2
    assert not any(path.exists() for path in paths)


def test_a_stop_finishes_the_document_in_hand_and_gives_the_rest_back(service: Service) -> None:
    paths = [drop(service, f"{control}.x12", claim_file(control)) for control in (640, 641, 642)]
    outcomes = process_files(paths, service, stopping=lambda: True)
    assert isinstance(outcomes[0], Ready)
    assert [type(outcome).__name__ for outcome in outcomes[1:]] == ["InProgress", "InProgress"]
    assert len(process_pending(_worker(service, "next"))) == 2  # claimable at once, no lease to wait out


def test_across_filesystems_the_original_is_copied_into_the_archive(
    service: Service, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No hard link across filesystems (EXDEV): the original is copied, synced and renamed in."""

    def cross_device(source: object, target: object) -> None:
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr("ingest.arrival.os.link", cross_device)
    path = drop(service, "claim.x12", claim_file(631))
    assert isinstance(process_file(path, service), Ready)
    archived = list(service.home.archive.rglob("*.x12"))
    assert [p.read_text() for p in archived] == [claim_file(631)] and not path.exists()
    assert not list(service.home.archive.rglob(".*.partial"))


def test_a_worker_racing_another_for_the_days_archive_folder_still_links(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two workers take the day's first files: one's link fails for the missing folder, the other
    makes it before the first looks. The first file is still archived, not reported vanished."""
    from ingest import arrival

    source = tmp_path / "inbox" / "a.x12"
    source.parent.mkdir()
    source.write_text("ISA")
    target = tmp_path / "archive" / "2026-11-26" / "a.x12"
    real_link = os.link
    calls: list[int] = []

    def link_while_another_worker_makes_the_folder(src: Path, dst: Path) -> None:
        calls.append(1)
        if len(calls) == 1:
            target.parent.mkdir(parents=True)  # the other worker, between our link and our look
            raise FileNotFoundError(errno.ENOENT, "No such file or directory")
        real_link(src, dst)

    monkeypatch.setattr("ingest.arrival.os.link", link_while_another_worker_makes_the_folder)
    arrival._link_or_copy(source, target)
    assert target.read_text() == "ISA"
    source.unlink()
    with pytest.raises(FileNotFoundError):
        arrival._link_or_copy(source, tmp_path / "archive" / "2026-11-26" / "b.x12")


def _objects_in(value: object) -> list[object]:
    """`value` and everything its containers, dataclasses and slots hold (not into models)."""
    found, todo = [], [value]
    while todo:
        item = todo.pop()
        found.append(item)
        if isinstance(item, list | tuple | set):
            todo.extend(item)
        elif isinstance(item, dict):
            todo.extend([*item.keys(), *item.values()])
        elif hasattr(item, "__dataclass_fields__"):
            todo.extend(getattr(item, name) for name in item.__dataclass_fields__)
    return found


def test_a_document_waiting_for_its_transaction_holds_strings_not_record_objects(service: Service) -> None:
    """Documents parsed within STORE_EVERY_SECONDS wait for one transaction; what they hold meanwhile
    the garbage collector goes through at every collection, so it is their rows, not their models."""
    arrival = take_from_inbox(drop(service, "a.x12", claim_file(612)), service.taker)
    document = arrival.document  # type: ignore[union-attr]
    assert document is not None
    parsed = parse_document(document, service)
    worked = Worked.of(document, validate_records(parsed.records, document, service), parsed)
    assert [stored.id for stored in worked.stored] == [record.id for record in parsed.records]
    assert worked.linking == [] and isinstance(worked.outcome, Ready)
    held = _objects_in([worked.document, worked.outcome, worked.stored, worked.linking])
    assert not [item for item in held if isinstance(item, BaseModel)]
