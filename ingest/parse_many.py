"""`intake parse` over many files, in one process or with `--jobs N` worker processes.

Several files are shared out by file; a single large X12 file is split at transaction-set
boundaries (`parsers.x12.split`) and its parts' acknowledgements merged back per group.
Output order is always the order of the files and of the records in them.
"""

from __future__ import annotations

import dataclasses
import tempfile
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from ingest.parse import records_of_file, validated_items, write_ack
from parsers.base import Acknowledgement
from parsers.context import ParseContext
from parsers.registry import read_head
from parsers.x12.acks import merge_acknowledgements
from parsers.x12.reader import looks_like_x12
from parsers.x12.split import split_interchange
from referrals.logs import silence_value_loggers
from validators import ValidationContext

PartResult = tuple[list[str], list[Acknowledgement]]


def parse_files(
    files: Iterable[Path],
    ack_dir: Path | None = None,
    jobs: int = 1,
    home: Path | None = None,
    ocr_confidence_threshold: float = 0.80,
) -> Iterator[str]:
    """JSON lines of every record of every file, files in the order given. `home` is the service
    home whose imported code sets and payer rules the validators use (when it exists)."""
    paths = list(files)
    options = _Options(ack_dir, home, ocr_confidence_threshold)
    if jobs <= 1:
        for path in paths:
            yield from _json_lines(path, options)
        return
    if len(paths) == 1:  # this process reads one part itself, jobs - 1 workers the others
        with ProcessPoolExecutor(max_workers=jobs - 1, initializer=silence_value_loggers) as pool:
            yield from _split_file(pool, paths[0], options, jobs)
        return
    with ProcessPoolExecutor(max_workers=jobs, initializer=silence_value_loggers) as pool:
        for lines in pool.map(_json_lines_list, paths, [options] * len(paths)):
            yield from lines


@dataclasses.dataclass(frozen=True)
class _Options:
    ack_dir: Path | None
    home: Path | None
    ocr_confidence_threshold: float


def _validation(home: Path | None) -> ValidationContext:
    return ValidationContext.now(home=home if home is not None and home.is_dir() else None)


def _json_lines(path: Path, options: _Options) -> Iterator[str]:
    validation = _validation(options.home)
    for record in records_of_file(path, validation, options.ack_dir, options.ocr_confidence_threshold):
        yield record.to_json()


def _json_lines_list(path: Path, options: _Options) -> list[str]:
    return list(_json_lines(path, options))


def _split_file(pool: ProcessPoolExecutor, path: Path, options: _Options, jobs: int) -> Iterator[str]:
    context = ParseContext.for_file(path)
    parts = split_interchange(path, jobs) if looks_like_x12(read_head(context)) else None
    if not parts:
        yield from _json_lines(path, options)
        return
    with tempfile.TemporaryDirectory(prefix="intake-split-") as tmp:
        contexts = [
            dataclasses.replace(context, path=_write_part(Path(tmp), n, part.text), original_lines=part.original_lines)
            for n, part in enumerate(parts)
        ]
        others = [pool.submit(_parse_part, ctx, options.home) for ctx in contexts[1:]]
        acks: list[Acknowledgement] = []
        yield from _part_lines(contexts[0], options.home, acks)  # the first part, here
        for future in others:
            lines, part_acks = future.result()
            acks.extend(part_acks)
            yield from lines
    if options.ack_dir is not None:
        for ack in merge_acknowledgements(acks):
            write_ack(ack, options.ack_dir, context.sha256)


def _write_part(directory: Path, number: int, text: str) -> Path:
    part = directory / f"part-{number:03d}.x12"
    part.write_text(text, encoding="latin-1")
    return part


def _part_lines(context: ParseContext, home: Path | None, acks: list[Acknowledgement]) -> Iterator[str]:
    """JSON lines of one part's records; its acknowledgements are added to `acks`."""
    for item in validated_items(context, _validation(home)):
        if isinstance(item, Acknowledgement):
            acks.append(item)
        else:
            yield item.to_json()


def _parse_part(context: ParseContext, home: Path | None) -> PartResult:
    acks: list[Acknowledgement] = []
    return list(_part_lines(context, home, acks)), acks
