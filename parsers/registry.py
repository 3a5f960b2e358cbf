"""Picks the parser for a file by its content (ISA header, PDF/TIFF/PNG/JPEG magic).

Parsers register themselves here in order; the first whose `accepts` says yes gets the file.
A file no parser accepts becomes a rejected `document` record with a clear finding.
"""

from __future__ import annotations

from collections.abc import Iterator

from parsers.base import DocumentParser, ParsedItem, rejected_document
from parsers.context import ParseContext
from referrals.domain import SourceKind

HEAD_BYTES = 4096
_PARSERS: list[DocumentParser] = []


def register(parser: DocumentParser) -> None:
    if all(p.name != parser.name for p in _PARSERS):
        _PARSERS.append(parser)


def registered() -> list[DocumentParser]:
    _load_builtin_parsers()
    return list(_PARSERS)


def _load_builtin_parsers() -> None:
    if _PARSERS:
        return
    from parsers.fax.lazy import LazyFaxParser
    from parsers.x12.parser import X12Parser

    register(X12Parser())
    register(LazyFaxParser())


def read_head(ctx: ParseContext) -> bytes:
    with ctx.path.open("rb") as fh:
        return fh.read(HEAD_BYTES)


def parser_for(head: bytes) -> DocumentParser | None:
    return next((p for p in registered() if p.accepts(head)), None)


def parse_file(ctx: ParseContext) -> Iterator[ParsedItem]:
    """Every record (and acknowledgement) a file gives; an unknown file gives one rejected document."""
    head = read_head(ctx)
    if not head.strip():
        yield rejected_document(
            ctx, SourceKind.UNKNOWN, "empty_file", "The file is empty; ask the sender to send it again."
        )
        return
    parser = parser_for(head)
    if parser is None:
        yield rejected_document(
            ctx,
            SourceKind.UNKNOWN,
            "unknown_file_type",
            "The file is neither an X12 interchange (ISA header) nor a PDF, TIFF, PNG or JPEG fax; "
            "check with the sender what it is.",
        )
        return
    yield from parser.parse(ctx)
