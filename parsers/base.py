"""What a parser is, and what it yields."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

from parsers.context import ParseContext
from referrals.domain import Finding, Record, RejectedDocument, Source, SourceKind, record_id


@dataclass(frozen=True)
class Acknowledgement:
    """An X12 acknowledgement to send back (999 or TA1), without its own control numbers.

    `render(control_number)` makes the interchange text; the caller owns control numbering,
    so numbers stay unique and persistent across runs.
    """

    kind: str  # "999" or "TA1"
    group_control_number: str | None
    payload: object

    def render(self, control_number: int) -> str:
        from parsers.x12.acks import render_acknowledgement

        return render_acknowledgement(self, control_number)


ParsedItem = Record | Acknowledgement


class DocumentParser(Protocol):
    name: str

    def accepts(self, head: bytes) -> bool:
        """True when the first bytes of a file say it is this parser's kind."""
        ...

    def parse(self, ctx: ParseContext) -> Iterator[ParsedItem]:
        """Records (and acknowledgements) in file order; never raises for bad input."""
        ...


def rejected_document(
    ctx: ParseContext, kind: SourceKind, code: str, message: str, locator: str = "document"
) -> RejectedDocument:
    """The record for a file from which no referral or claim could be formed."""
    source = Source(kind=kind, filename=ctx.filename, sha256=ctx.sha256, received_at=ctx.received_at)
    finding = Finding(field=None, code=code, severity="error", message=message)
    return RejectedDocument(id=record_id(ctx.sha256, locator), source=source, findings=[finding])
