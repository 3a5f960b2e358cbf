"""`intake parse` over many files: one process, or worker processes by file with `--jobs`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from ingest.parse import records_of_file
from referrals.logs import silence_value_loggers
from validators import ValidationContext


def parse_files(files: Iterable[Path], ack_dir: Path | None = None, jobs: int = 1) -> Iterator[str]:
    """JSON lines of every record of every file, files in the order given."""
    paths = list(files)
    if jobs <= 1 or len(paths) < 2:
        for path in paths:
            yield from _json_lines(path, ack_dir, jobs)
        return
    with ProcessPoolExecutor(max_workers=jobs, initializer=silence_value_loggers) as pool:
        for lines in pool.map(_json_lines_list, paths, [ack_dir] * len(paths)):
            yield from lines


def _json_lines(path: Path, ack_dir: Path | None, jobs: int = 1) -> Iterator[str]:
    validation = ValidationContext.now()
    for record in records_of_file(path, validation, ack_dir=ack_dir, jobs=jobs):
        yield record.to_json()


def _json_lines_list(path: Path, ack_dir: Path | None) -> list[str]:
    return list(_json_lines(path, ack_dir))
