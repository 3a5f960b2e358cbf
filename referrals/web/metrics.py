"""`/metrics`: Prometheus text, read from the store at each scrape (no state in the web process)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.core import GaugeMetricFamily, Metric, SummaryMetricFamily
from prometheus_client.exposition import CONTENT_TYPE_LATEST
from prometheus_client.registry import Collector
from sqlalchemy import Engine, func
from sqlmodel import Session, col, select

from referrals.domain import Status
from referrals.store.engine import session_scope
from referrals.store.models import Document, OutboxMessage, RecordRow, utcnow


class StoreCollector(Collector):
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def collect(self) -> Iterator[Metric]:
        with session_scope(self.engine) as session:
            yield _documents(session)
            yield _records(session)
            yield from _queue(session)
            yield _outbox(session)
            yield _parse_seconds(session)


def _documents(session: Session) -> Metric:
    family = GaugeMetricFamily("intake_documents", "documents received, by processing status", labels=["status"])
    for status, count in session.exec(select(Document.status, func.count()).group_by(Document.status)):
        family.add_metric([status], count)
    return family


def _records(session: Session) -> Metric:
    family = GaugeMetricFamily("intake_records", "records by status and type", labels=["status", "record_type"])
    query = select(RecordRow.status, RecordRow.record_type, func.count()).group_by(
        RecordRow.status, RecordRow.record_type
    )
    for status, record_type, count in session.exec(query):
        family.add_metric([status, record_type], count)
    return family


def _queue(session: Session) -> Iterator[Metric]:
    waiting = RecordRow.status == Status.NEEDS_CLARIFICATION.value
    depth, oldest = session.exec(select(func.count(), func.min(RecordRow.created_at)).where(waiting)).one()
    yield GaugeMetricFamily("intake_queue_depth", "records waiting for clarification", value=depth)
    age = 0.0 if oldest is None else (utcnow() - _aware(oldest)).total_seconds()
    yield GaugeMetricFamily("intake_queue_oldest_age_seconds", "age of the oldest queue item", value=age)


def _aware(when: dt.datetime) -> dt.datetime:
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


def _outbox(session: Session) -> Metric:
    family = GaugeMetricFamily("intake_outbox_messages", "outbox messages by state", labels=["status", "destination"])
    query = select(OutboxMessage.status, OutboxMessage.destination, func.count()).group_by(
        col(OutboxMessage.status), col(OutboxMessage.destination)
    )
    for status, destination, count in session.exec(query):
        family.add_metric([status, destination], count)
    return family


def _parse_seconds(session: Session) -> Metric:
    """Seconds spent parsing, by document kind: for `fax` this is the OCR time."""
    family = SummaryMetricFamily(
        "intake_parse_seconds", "time spent parsing documents (OCR for faxes), by kind", labels=["kind"]
    )
    query = (
        select(Document.kind, func.count(), func.sum(Document.parse_seconds))
        .where(col(Document.parse_seconds).is_not(None))
        .group_by(col(Document.kind))
    )
    for kind, count, total in session.exec(query):
        family.add_metric([kind or "unknown"], count_value=count, sum_value=float(total or 0.0))
    return family


def metrics_text(engine: Engine) -> tuple[bytes, str]:
    registry = CollectorRegistry(auto_describe=False)
    registry.register(StoreCollector(engine))
    return generate_latest(registry), CONTENT_TYPE_LATEST
