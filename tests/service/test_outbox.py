"""The outbox relay against a real HTTP server (started here): retries, backoff, dead-letter, signature."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest
from sqlmodel import select

from ingest.pipeline import Service, process_file
from outbox.relay import Relay, RetryPolicy, requeue_dead
from outbox.sinks import AckDirectorySink, DirectorySink, WebhookSink, signature
from referrals.stats import collect
from referrals.store.engine import session_scope
from referrals.store.models import OutboxMessage, utcnow

from .support import claim_file, drop

SECRET = "test-secret"


@dataclass
class Receiver:
    """An HTTP endpoint that answers with scripted status codes and keeps every request it got."""

    script: list[int] = field(default_factory=list)
    requests: list[tuple[dict[str, str], bytes]] = field(default_factory=list)
    url: str = ""

    def answer(self) -> int:
        return self.script.pop(0) if self.script else 200


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    state = Receiver()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            state.requests.append(({k.lower(): v for k, v in self.headers.items()}, body))
            self.send_response(state.answer())
            self.end_headers()

        def log_message(self, *args: object) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.url = f"http://127.0.0.1:{server.server_address[1]}/records"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()


class Clock:
    def __init__(self) -> None:
        self.now = utcnow()

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += dt.timedelta(seconds=seconds)


def _relay(service: Service, url: str, policy: RetryPolicy, clock: Clock | None = None) -> Relay:
    sinks = {
        "records": WebhookSink(url, SECRET, httpx.Client(timeout=5)),
        "acks": AckDirectorySink(service.home.acks),
    }
    return Relay(service.engine, sinks, policy, owner="relay-1", clock=clock or utcnow)


def _ready_record(service: Service, control: int = 801) -> str:
    outcome = process_file(drop(service, f"{control}.x12", claim_file(control)), service)
    return outcome.record_ids[0]  # type: ignore[union-attr]


def _message(service: Service, key: str) -> OutboxMessage:
    with session_scope(service.engine) as session:
        return session.exec(select(OutboxMessage).where(OutboxMessage.key == key)).one()


def test_a_500_is_retried_until_delivered_with_the_same_idempotency_key(service: Service, receiver: Receiver) -> None:
    record_id = _ready_record(service)
    receiver.script = [500, 503]
    report = _relay(service, receiver.url, RetryPolicy(max_attempts=5, base_delay=0)).deliver_all_due()
    assert (report.delivered, report.retried, report.errors) == (2, 2, {"http_500": 1, "http_503": 1})
    assert [headers["idempotency-key"] for headers, _ in receiver.requests] == [record_id] * 3
    message = _message(service, record_id)
    assert (message.status, message.attempts) == ("delivered", 3)
    assert json.loads(receiver.requests[-1][1])["id"] == record_id


def test_retries_back_off_exponentially(service: Service, receiver: Receiver) -> None:
    record_id = _ready_record(service)
    receiver.script = [500, 500]
    clock = Clock()
    relay = _relay(service, receiver.url, RetryPolicy(max_attempts=5, base_delay=10), clock)
    sent = []
    for step in (0, 5, 5, 19, 1):  # tries due at +0, +10, +30
        clock.advance(step)
        relay.deliver_due()
        sent.append(len(receiver.requests))
    assert sent == [1, 1, 2, 2, 3]
    assert _message(service, record_id).status == "delivered"
    assert [RetryPolicy(base_delay=2, max_delay=10).delay(n).total_seconds() for n in (1, 2, 3, 4)] == [
        2,
        4,
        8,
        10,
    ]


def test_a_message_that_keeps_failing_is_dead_lettered_and_counted(service: Service, receiver: Receiver) -> None:
    record_id = _ready_record(service)
    receiver.script = [500] * 3
    report = _relay(service, receiver.url, RetryPolicy(max_attempts=3, base_delay=0)).deliver_all_due()
    assert report.dead == 1 and len(receiver.requests) == 3
    message = _message(service, record_id)
    assert (message.status, message.last_error) == ("dead", "http_500")
    with session_scope(service.engine) as session:
        assert collect(session).dead_letters == 1
    assert requeue_dead(service.engine) == 1
    _relay(service, receiver.url, RetryPolicy(max_attempts=3, base_delay=0)).deliver_all_due()
    assert _message(service, record_id).status == "delivered"


def test_a_client_error_is_not_retried(service: Service, receiver: Receiver) -> None:
    record_id = _ready_record(service)
    receiver.script = [400]
    _relay(service, receiver.url, RetryPolicy(max_attempts=5, base_delay=0)).deliver_all_due()
    assert len(receiver.requests) == 1 and _message(service, record_id).status == "dead"


def test_an_unreachable_endpoint_is_retried_later(service: Service) -> None:
    record_id = _ready_record(service)
    report = _relay(service, "http://127.0.0.1:9/none", RetryPolicy(max_attempts=5, base_delay=60)).deliver_all_due()
    message = _message(service, record_id)
    assert report.retried == 1 and message.status == "pending" and message.last_error == "http_ConnectError"
    assert message.next_attempt_at > utcnow() + dt.timedelta(seconds=50)


def test_the_body_is_signed_with_hmac_sha256(service: Service, receiver: Receiver) -> None:
    _ready_record(service)
    _relay(service, receiver.url, RetryPolicy()).deliver_all_due()
    headers, body = receiver.requests[0]
    signed = headers["x-intake-timestamp"].encode() + b"." + body
    expected = "sha256=" + hmac.new(SECRET.encode(), signed, hashlib.sha256).hexdigest()
    assert headers["x-intake-signature"] == expected
    assert signature(SECRET, headers["x-intake-timestamp"], body + b" ") != expected


def test_the_directory_sink_writes_one_file_per_record_atomically(service: Service) -> None:
    record_id = _ready_record(service)
    sinks = {"records": DirectorySink(service.home.outbox), "acks": AckDirectorySink(service.home.acks)}
    relay = Relay(service.engine, sinks, RetryPolicy(), owner="relay-1")
    relay.deliver_all_due()
    DirectorySink(service.home.outbox).deliver(_message(service, record_id))  # a repeat has the effect of one
    assert [p.name for p in service.home.outbox.iterdir()] == [f"{record_id}.json"]
    assert json.loads((service.home.outbox / f"{record_id}.json").read_text())["id"] == record_id
    assert [p.suffix for p in service.home.acks.iterdir() if not p.name.startswith(".")] == [".x12"]


def test_two_relays_never_deliver_the_same_message_at_once(service: Service, receiver: Receiver) -> None:
    for control in range(810, 816):
        _ready_record(service, control)
    relays = [_relay(service, receiver.url, RetryPolicy()) for _ in range(2)]
    relays[1] = Relay(relays[1].engine, relays[1].sinks, relays[1].policy, owner="relay-2")
    threads = [threading.Thread(target=r.deliver_all_due) for r in relays]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    keys = [headers["idempotency-key"] for headers, _ in receiver.requests]
    assert len(keys) == 6 and len(set(keys)) == 6


def test_the_webhook_is_chosen_by_configuration(service: Service, receiver: Receiver) -> None:
    from dataclasses import replace

    from ingest.run import run_service
    from ingest.watcher import WatchOptions

    settings = service.settings.model_copy(update={"webhook_url": receiver.url, "webhook_secret": SECRET})
    configured = replace(service, settings=settings)
    drop(configured, "a.x12", claim_file(820))
    result = run_service(configured, WatchOptions(once=True, stable_seconds=0))
    assert result.delivery.delivered == 2
    assert len(receiver.requests) == 1 and list(service.home.outbox.iterdir()) == []
    assert len([p for p in service.home.acks.iterdir() if p.suffix == ".x12"]) == 1
