"""The `intake parse` pipeline: file -> parser -> validators -> records (and acknowledgements)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ingest.control_numbers import FileControlNumbers
from ingest.finalize import finalize_record
from parsers.base import Acknowledgement
from parsers.context import ParseContext
from parsers.registry import parse_file
from referrals.domain import Record
from validators import ValidationContext


@dataclass(frozen=True)
class WrittenAck:
    path: Path
    kind: str


def records_of_file(
    path: Path, validation: ValidationContext, ack_dir: Path | None = None, jobs: int = 1
) -> Iterator[Record]:
    """Every record of one file, validated, in file order; acknowledgements go to `ack_dir`."""
    context = ParseContext.for_file(path, jobs=jobs)
    numbers = FileControlNumbers(ack_dir) if ack_dir is not None else None
    for item in parse_file(context):
        if isinstance(item, Acknowledgement):
            if numbers is not None and ack_dir is not None:
                write_ack(item, ack_dir, numbers, context)
            continue
        yield finalize_record(item, validation)


def write_ack(ack: Acknowledgement, ack_dir: Path, numbers: FileControlNumbers, ctx: ParseContext) -> WrittenAck:
    number = numbers.next()
    target = ack_dir / f"{ctx.sha256[:16]}.{number:09d}.{ack.kind}.x12"
    tmp = target.with_suffix(".tmp")
    tmp.write_text(ack.render(number), encoding="ascii")
    tmp.replace(target)
    return WrittenAck(target, ack.kind)
