"""Where outbox messages go: a directory (one JSON file per record, written atomically) or a webhook.

A sink's `deliver` returns normally on success and raises `DeliveryFailed` otherwise, with a
code (never data) and whether trying again can help. Delivering the same message twice has
the effect of once: files are replaced by name, webhooks carry an idempotency key (record id).
"""

from __future__ import annotations

import ctypes
import functools
import hashlib
import hmac
import json
import os
import threading
import time
from pathlib import Path
from typing import Protocol

import httpx

SIGNATURE_HEADER = "X-Intake-Signature"
TIMESTAMP_HEADER = "X-Intake-Timestamp"
IDEMPOTENCY_HEADER = "Idempotency-Key"
RETRYABLE_STATUS = frozenset({408, 425, 429})


class DeliveryFailed(Exception):
    def __init__(self, code: str, *, retryable: bool = True) -> None:
        super().__init__(code)
        self.code = code
        self.retryable = retryable


class Deliverable(Protocol):
    """What a sink reads of an outbox message (an `OutboxMessage` row or the relay's light copy)."""

    @property
    def key(self) -> str: ...

    @property
    def record_id(self) -> str | None: ...

    @property
    def payload(self) -> str: ...


class Sink(Protocol):
    def deliver(self, message: Deliverable) -> None:
        """Hand the message over; raise DeliveryFailed when that did not work."""
        ...

    def flush(self) -> None:
        """Make what `deliver` handed over durable (the relay calls it before marking delivered)."""
        ...


def write_atomically(target: str | os.PathLike[str], data: bytes) -> None:
    """Write to a hidden temporary file, then rename it over the target: readers never see half.

    Durability comes from `sync_filesystem` once per batch (one syncfs instead of an fsync per file).
    Plain os calls on strings (a sink writes a file per record): the folder is made only when missing."""
    folder, name = os.path.split(target)
    partial = os.path.join(folder, f".{name}.{os.getpid()}.{threading.get_ident()}.partial")
    try:
        _write_file(partial, data)
    except FileNotFoundError:
        os.makedirs(folder, exist_ok=True)
        _write_file(partial, data)
    os.replace(partial, target)


def _write_file(path: str, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


def sync_filesystem(directory: Path) -> None:
    """Flush the filesystem holding `directory` to disk (Linux syncfs; elsewhere os.sync)."""
    libc = _libc()
    if libc is None:
        os.sync()
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        if libc.syncfs(fd) != 0:
            raise OSError(ctypes.get_errno(), "syncfs failed")
    finally:
        os.close(fd)


@functools.cache
def _libc() -> ctypes.CDLL | None:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None
    return libc if hasattr(libc, "syncfs") else None


class DirectorySink:
    """outbox/<record id>.json: the record's contract JSON. (Sinks join file names to their folder
    as strings: a Path made per message costs more than the rest of the Python around the write.)"""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._folder = os.fspath(directory)

    def deliver(self, message: Deliverable) -> None:
        name = message.record_id or message.key
        try:
            write_atomically(os.path.join(self._folder, f"{name}.json"), message.payload.encode())
        except OSError as exc:
            raise DeliveryFailed(f"directory_{type(exc).__name__}") from None

    def flush(self) -> None:
        sync_filesystem(self.directory)


class AckDirectorySink:
    """acks/<file name>: the acknowledgement's X12 text."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._folder = os.fspath(directory)

    def deliver(self, message: Deliverable) -> None:
        ack = json.loads(message.payload)
        try:
            write_atomically(os.path.join(self._folder, Path(ack["filename"]).name), ack["text"].encode("ascii"))
        except OSError as exc:
            raise DeliveryFailed(f"acks_{type(exc).__name__}") from None

    def flush(self) -> None:
        sync_filesystem(self.directory)


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

    def deliver(self, message: Deliverable) -> None:
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

    def flush(self) -> None:
        return  # the receiver has it once it answered 2xx

    def headers(self, message: Deliverable, body: bytes) -> dict[str, str]:
        timestamp = str(int(time.time()))
        headers = {
            "Content-Type": "application/json",
            IDEMPOTENCY_HEADER: message.record_id or message.key,
            TIMESTAMP_HEADER: timestamp,
        }
        if self.secret:
            headers[SIGNATURE_HEADER] = signature(self.secret, timestamp, body)
        return headers
