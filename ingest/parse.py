"""The `intake parse` pipeline: file -> parser -> validators -> records (and acknowledgements)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ingest.codesets import VALIDATOR_CODE_SETS
from ingest.control_numbers import FileControlNumbers
from ingest.finalize import finalize_record
from parsers.base import Acknowledgement
from parsers.context import ParseContext
from parsers.registry import parse_file
from referrals.domain import Record
from validators import ValidationContext


def validated_items(context: ParseContext, validation: ValidationContext) -> Iterator[Record | Acknowledgement]:
    """Records (validated, status set) and acknowledgements of one file, in file order."""
    for item in parse_file(context):
        yield item if isinstance(item, Acknowledgement) else finalize_record(item, validation)


def records_of_file(
    path: Path, validation: ValidationContext, ack_dir: Path | None = None, ocr_confidence_threshold: float = 0.80
) -> Iterator[Record]:
    """Every record of one file, validated, in file order; acknowledgements go to `ack_dir`."""
    context = ParseContext.for_file(
        path, ocr_confidence_threshold=ocr_confidence_threshold, code_sets=VALIDATOR_CODE_SETS
    )
    for item in validated_items(context, validation):
        if isinstance(item, Acknowledgement):
            if ack_dir is not None:
                write_ack(item, ack_dir, context.sha256)
            continue
        yield item


def write_ack(ack: Acknowledgement, ack_dir: Path, sha256: str) -> Path:
    """Write one acknowledgement with the next control number; the file appears atomically."""
    number = FileControlNumbers(ack_dir).next()
    target = ack_dir / f"{sha256[:16]}.{number:09d}.{ack.kind}.x12"
    tmp = target.with_name(target.name + ".tmp")
    tmp.write_text(ack.render(number), encoding="ascii")
    tmp.replace(target)
    return target
