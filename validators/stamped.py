"""Values loaded from files, kept per process: a file is loaded again only when its stamp (what a
stat says of it) changed, and the stamp is looked at no more than once every so many seconds, so a
service validating document after document does not stat or parse per document."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Generic, TypeVar

Stamp = TypeVar("Stamp", bound=Hashable)
Value = TypeVar("Value")


class StampedFiles(Generic[Stamp, Value]):
    """One loaded value per path, with when its stamp was last looked at and what it was."""

    def __init__(self) -> None:
        self._entries: dict[Path, tuple[float, Stamp, Value]] = {}
        self._lock = threading.Lock()

    def get(self, path: Path, stamp: Callable[[Path], Stamp], load: Callable[[Path], Value], seconds: float) -> Value:
        """The value for `path`: the one held while its stamp was looked at under `seconds` ago or
        has not changed since, else `load(path)`."""
        now = time.monotonic()
        with self._lock:
            hit = self._entries.get(path)
        if hit is not None and now - hit[0] < seconds:
            return hit[2]
        current = stamp(path)
        value = hit[2] if hit is not None and hit[1] == current else load(path)
        with self._lock:
            self._entries[path] = (now, current, value)
        return value
