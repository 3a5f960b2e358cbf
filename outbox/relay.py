"""The outbox relay: deliver due messages, retry with exponential backoff, dead-letter the hopeless.

Messages are claimed with a short lease (`FOR UPDATE SKIP LOCKED` on PostgreSQL), delivered
outside any transaction, then marked delivered, rescheduled or dead in their own transaction.
A relay that dies between delivering and marking leaves a lease that expires; the message is
delivered again, which the sinks make harmless (same file name / same idempotency key).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from sqlalchemy import BindParameter, Engine, Table, bindparam, or_, select, update
from sqlmodel import SQLModel, col

from outbox.sinks import DeliveryFailed, Sink
from referrals.store.engine import session_scope
from referrals.store.models import OutboxMessage, OutboxStatus, utcnow

log = logging.getLogger(__name__)

MESSAGES: Table = SQLModel.metadata.tables["outbox_messages"]
_NOW: BindParameter[dt.datetime] = bindparam("b_now")
_FREE = or_(MESSAGES.c.lease_owner.is_(None), MESSAGES.c.lease_expires_at < _NOW)
_DUE_IDS = (
    select(MESSAGES.c.id)
    .where(MESSAGES.c.status == OutboxStatus.PENDING, MESSAGES.c.next_attempt_at <= _NOW, _FREE)
    .order_by(MESSAGES.c.id)
    .limit(bindparam("b_limit"))
    .with_for_update(skip_locked=True)
)
# One statement claims the due messages and returns them: the lease condition is checked again on
# each row (PostgreSQL re-checks a row it locks; SQLite holds the write lock from BEGIN).
_CLAIM = (
    update(MESSAGES)
    .where(MESSAGES.c.id.in_(_DUE_IDS), _FREE)
    .values(lease_owner=bindparam("b_owner"), lease_expires_at=bindparam("b_expires"))
    .returning(
        MESSAGES.c.id,
        MESSAGES.c.key,
        MESSAGES.c.destination,
        MESSAGES.c.record_id,
        MESSAGES.c.payload,
        MESSAGES.c.attempts,
    )
)
_DELIVERED = (
    update(MESSAGES)
    .where(MESSAGES.c.id.in_(bindparam("b_ids", expanding=True)), MESSAGES.c.lease_owner == bindparam("b_owner"))
    .values(
        status=OutboxStatus.DELIVERED,
        delivered_at=bindparam("b_now"),
        attempts=MESSAGES.c.attempts + 1,
        lease_owner=None,
        lease_expires_at=None,
    )
)


@dataclass(frozen=True, slots=True)
class Message:
    """A claimed outbox message: what the relay and the sinks need of its row."""

    id: int
    key: str
    destination: str
    record_id: str | None
    payload: str
    attempts: int


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int = 8
    base_delay: float = 2.0
    max_delay: float = 600.0
    lease_seconds: float = 60.0

    def delay(self, attempts: int) -> dt.timedelta:
        """Delay before the next try after `attempts` failures: base, 2*base, 4*base, ... capped."""
        return dt.timedelta(seconds=min(self.max_delay, self.base_delay * 2 ** max(0, attempts - 1)))


@dataclass
class DeliveryReport:
    delivered: int = 0
    retried: int = 0
    dead: int = 0
    errors: dict[str, int] = field(default_factory=dict)

    def add(self, other: DeliveryReport) -> None:
        self.delivered += other.delivered
        self.retried += other.retried
        self.dead += other.dead
        for code, count in other.errors.items():
            self.errors[code] = self.errors.get(code, 0) + count


@dataclass(frozen=True)
class Relay:
    engine: Engine
    sinks: Mapping[str, Sink]
    policy: RetryPolicy
    owner: str
    clock: Callable[[], dt.datetime] = utcnow

    def deliver_due(self, limit: int = 100) -> DeliveryReport:
        """One pass: claim up to `limit` due messages, try each once, make the batch durable, mark it."""
        report = DeliveryReport()
        handed_over = [m for m in self._claim(limit) if self._deliver_one(m, report)]
        try:
            for destination in {m.destination for m in handed_over}:
                self.sinks[destination].flush()
        except OSError as exc:
            for message in handed_over:
                self._failed(message, DeliveryFailed(f"flush_{type(exc).__name__}"), report)
            return report
        self._mark_delivered(handed_over)
        report.delivered += len(handed_over)
        return report

    def deliver_all_due(self, batch: int = 100) -> DeliveryReport:
        """Passes until no message is due now (later retries stay scheduled)."""
        total = DeliveryReport()
        while True:
            report = self.deliver_due(batch)
            total.add(report)
            if report.delivered + report.retried + report.dead == 0:
                return total

    def _claim(self, limit: int) -> list[Message]:
        """Up to `limit` due messages, oldest first, leased to this relay in one UPDATE ... RETURNING
        (prebuilt Core statement: per message, the ORM's loading would cost more than writing it out)."""
        now = self.clock()
        expires = now + dt.timedelta(seconds=self.policy.lease_seconds)
        claim = {"b_now": now, "b_limit": limit, "b_owner": self.owner, "b_expires": expires}
        with session_scope(self.engine) as session:
            rows = session.connection().execute(_CLAIM, claim).all()
        return sorted((Message(*row) for row in rows), key=lambda message: message.id)

    def _deliver_one(self, message: Message, report: DeliveryReport) -> bool:
        sink = self.sinks.get(message.destination)
        try:
            if sink is None:
                raise DeliveryFailed(f"no_sink_{message.destination}", retryable=False)
            sink.deliver(message)
        except DeliveryFailed as failure:
            self._failed(message, failure, report)
            return False
        return True

    def _mark_delivered(self, messages: list[Message]) -> None:
        if not messages:
            return
        with session_scope(self.engine) as session:
            delivered = {"b_ids": [m.id for m in messages], "b_owner": self.owner, "b_now": self.clock()}
            session.connection().execute(_DELIVERED, delivered)

    def _failed(self, message: Message, failure: DeliveryFailed, report: DeliveryReport) -> None:
        attempts = message.attempts + 1
        report.errors[failure.code] = report.errors.get(failure.code, 0) + 1
        if not failure.retryable or attempts >= self.policy.max_attempts:
            self._mark(message, status=OutboxStatus.DEAD, attempts=attempts, last_error=failure.code)
            log.warning("outbox message %s dead after %d attempts (%s)", message.id, attempts, failure.code)
            report.dead += 1
            return
        retry_at = self.clock() + self.policy.delay(attempts)
        self._mark(message, attempts=attempts, last_error=failure.code, next_attempt_at=retry_at)
        log.info("outbox message %s failed (%s), retry %d scheduled", message.id, failure.code, attempts)
        report.retried += 1

    def _mark(self, message: Message, **values: object) -> None:
        """Update the message if this relay still holds its lease (else another relay has it now)."""
        with session_scope(self.engine) as session:
            session.execute(
                update(OutboxMessage)
                .execution_options(synchronize_session=False)
                .where(col(OutboxMessage.id) == message.id, col(OutboxMessage.lease_owner) == self.owner)
                .values(lease_owner=None, lease_expires_at=None, **values)
            )


def requeue_dead(engine: Engine, message_ids: list[int] | None = None) -> int:
    """Give dead-lettered messages a fresh start (all, or the ones named); returns how many."""
    now = utcnow()
    query = update(OutboxMessage).where(col(OutboxMessage.status) == OutboxStatus.DEAD)
    if message_ids is not None:
        query = query.where(col(OutboxMessage.id).in_(message_ids))
    with session_scope(engine) as session:
        result = session.execute(query.values(status=OutboxStatus.PENDING, attempts=0, next_attempt_at=now))
        return int(result.rowcount)  # type: ignore[attr-defined]
