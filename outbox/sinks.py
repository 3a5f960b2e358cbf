"""Where outbox messages go: a directory (one JSON file per record, written atomically) or a webhook.

A sink's `deliver` returns normally on success and raises `DeliveryFailed` otherwise, with a
code (never data) and whether trying again can help. Delivering the same message twice has
the effect of once: files are replaced by name, webhooks carry an idempotency key (record id).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import time
from pathlib import Path
from typing import Protocol

import httpx

from referrals.store.models import OutboxMessage

SIGNATURE_HEADER = "X-Intake-Signature"
TIMESTAMP_HEADER = "X-Intake-Timestamp"
IDEMPOTENCY_HEADER = "Idempotency-Key"
RETRYABLE_STATUS = frozenset({408, 425, 429})


class DeliveryFailed(Exception):
    def __init__(self, code: str, *, retryable: bool = True) -> None:
        super().__init__(code)
        self.code = code
        self.retryable = retryable


class Sink(Protocol):
    def deliver(self, message: OutboxMessage) -> None: ...


def write_atomically(target: Path, data: bytes) -> None:
    """Write to a hidden temporary file, fsync, then rename over the target: readers never see half."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
    with partial.open("wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    partial.replace(target)


class DirectorySink:
    """outbox/<record id>.json: the record's contract JSON."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def deliver(self, message: OutboxMessage) -> None:
        name = message.record_id or message.key
        try:
            write_atomically(self.directory / f"{name}.json", message.payload.encode())
        except OSError as exc:
            raise DeliveryFailed(f"directory_{type(exc).__name__}") from None


class AckDirectorySink:
    """acks/<file name>: the acknowledgement's X12 text."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def deliver(self, message: OutboxMessage) -> None:
        ack = json.loads(message.payload)
        try:
            write_atomically(self.directory / Path(ack["filename"]).name, ack["text"].encode("ascii"))
        except OSError as exc:
            raise DeliveryFailed(f"acks_{type(exc).__name__}") from None


def signature(secret: str, timestamp: str, body: bytes) -> str:
    """HMAC-SHA256 over `<timestamp>.<body>`, hex, prefixed `sha256=`."""
    mac = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    return f"sha256={mac.hexdigest()}"


class WebhookSink:
    """POST the record's JSON to a URL, signed, with the record id as idempotency key."""

    def __init__(self, url: str, secret: str | None, client: httpx.Client) -> None:
        self.url = url
        self.secret = secret
        self.client = client

    def deliver(self, message: OutboxMessage) -> None:
        body = message.payload.encode()
        try:
            response = self.client.post(self.url, content=body, headers=self.headers(message, body))
        except httpx.HTTPError as exc:
            raise DeliveryFailed(f"http_{type(exc).__name__}") from None
        if response.is_success:
            return
        status = response.status_code
        retryable = status >= 500 or status in RETRYABLE_STATUS
        raise DeliveryFailed(f"http_{status}", retryable=retryable)

    def headers(self, message: OutboxMessage, body: bytes) -> dict[str, str]:
        timestamp = str(int(time.time()))
        headers = {
            "Content-Type": "application/json",
            IDEMPOTENCY_HEADER: message.record_id or message.key,
            TIMESTAMP_HEADER: timestamp,
        }
        if self.secret:
            headers[SIGNATURE_HEADER] = signature(self.secret, timestamp, body)
        return headers
