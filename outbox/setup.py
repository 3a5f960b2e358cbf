"""The relay as configured: webhook sink when INTAKE_WEBHOOK_URL is set, else the outbox folder."""

from __future__ import annotations

import httpx
from sqlalchemy import Engine

from ingest.home import ServiceHome
from outbox.relay import Relay, RetryPolicy
from outbox.sinks import AckDirectorySink, DirectorySink, Sink, WebhookSink
from referrals.config import Settings

RECORDS = "records"
ACKS = "acks"


def policy_from(settings: Settings) -> RetryPolicy:
    return RetryPolicy(
        max_attempts=settings.outbox_max_attempts,
        base_delay=settings.outbox_backoff_seconds,
        max_delay=settings.outbox_backoff_max_seconds,
    )


def sinks_from(settings: Settings, home: ServiceHome) -> dict[str, Sink]:
    records: Sink
    if settings.webhook_url:
        client = httpx.Client(timeout=settings.webhook_timeout_seconds)
        records = WebhookSink(settings.webhook_url, settings.webhook_secret, client)
    else:
        records = DirectorySink(home.outbox)
    return {RECORDS: records, ACKS: AckDirectorySink(home.acks)}


def relay_from(settings: Settings, home: ServiceHome, engine: Engine, owner: str) -> Relay:
    return Relay(engine=engine, sinks=sinks_from(settings, home), policy=policy_from(settings), owner=owner)
