"""Interchange control numbers for acknowledgements: unique and persistent across runs.

A counter file guarded by an exclusive lock, so parallel processes never hand out the same
number. (The service keeps its counter next to its acks; `intake parse --ack-dir` in that dir.)
"""

from __future__ import annotations

import fcntl
from pathlib import Path

COUNTER_FILE = ".control-number"
MAX_CONTROL_NUMBER = 999_999_999


class FileControlNumbers:
    def __init__(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self._path = directory / COUNTER_FILE

    def next(self) -> int:
        with self._path.open("a+") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            fh.seek(0)
            text = fh.read().strip()
            number = int(text) + 1 if text.isdigit() else 1
            if number > MAX_CONTROL_NUMBER:
                number = 1
            fh.seek(0)
            fh.truncate()
            fh.write(str(number))
            fh.flush()
        return number
