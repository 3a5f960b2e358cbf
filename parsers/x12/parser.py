"""The X12 parser: envelope check, one walk through pyx12's maps, records as they complete, acks."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from parsers.base import ParsedItem, rejected_document
from parsers.context import ParseContext
from parsers.x12 import acks, envelope
from parsers.x12.diagnostics import Diagnostic
from parsers.x12.engine import SegmentEvent, X12Walker
from parsers.x12.reader import NormalizedX12Stream, looks_like_x12
from parsers.x12.transactions import TransactionBuilder, builder_for
from referrals.domain import SourceKind


class X12Parser:
    name = "x12"

    def accepts(self, head: bytes) -> bool:
        return looks_like_x12(head)

    def parse(self, ctx: ParseContext) -> Iterator[ParsedItem]:
        problem = envelope.check_envelope(ctx.path)
        if problem is not None:
            yield rejected_document(ctx, SourceKind.X12, problem.code, problem.message)
            yield from acks.interchange_ack(problem)
            return
        yield from _walk_file(ctx)


@dataclass
class _WalkState:
    builder: TransactionBuilder | None = None
    unsupported: list[SegmentEvent] = field(default_factory=list)
    envelope_diagnostics: list[Diagnostic] = field(default_factory=list)


def _walk_file(ctx: ParseContext) -> Iterator[ParsedItem]:
    """Records as their transaction sets complete, then the documents and the acknowledgements."""
    state = _WalkState()
    records = 0
    with NormalizedX12Stream.open(ctx.path) as stream:
        walker = X12Walker(stream, ctx.original_line)
        for event in walker.events():
            for item in _dispatch(ctx, state, event):
                records += 1
                yield item
        if state.builder is not None:
            for item in state.builder.finish():
                records += 1
                yield item
    documents = [
        *_unsupported_records(ctx, state),
        *_fatal_record(ctx, walker),
        *_envelope_records(ctx, state.envelope_diagnostics + walker.result.diagnostics),
    ]
    yield from documents
    if records == 0 and not documents:
        yield rejected_document(
            ctx,
            SourceKind.X12,
            "x12_no_records",
            "No claim or review could be read from the file (its segments do not form a "
            "transaction this service reads); ask the sender to check and resend it.",
            locator="empty",
        )
    yield from acks.functional_group_acks(walker.errh, walker.envelope)


def _fatal_record(ctx: ParseContext, walker: X12Walker) -> Iterator[ParsedItem]:
    if walker.result.fatal is not None:
        yield rejected_document(
            ctx, SourceKind.X12, "x12_unreadable", envelope.fatal_message(walker.result.fatal), locator="fatal"
        )


def _dispatch(ctx: ParseContext, state: _WalkState, event: SegmentEvent) -> Iterator[ParsedItem]:
    if event.segment_id == "ST":
        state.builder = builder_for(ctx, event)
        if state.builder is None:
            state.unsupported.append(event)
    if event.segment_id in ("ISA", "IEA", "GS", "GE"):
        state.envelope_diagnostics.extend(event.diagnostics)
        event.diagnostics = []
    if state.builder is not None:
        yield from state.builder.on_segment(event)
    elif event.segment_id not in ("ISA", "IEA", "GS", "GE", "ST", "SE"):
        pass  # segments of a transaction set no builder reads: reported once by _unsupported_records
    if event.segment_id == "SE" and state.builder is not None:
        yield from state.builder.finish()
        state.builder = None


def _unsupported_records(ctx: ParseContext, state: _WalkState) -> Iterator[ParsedItem]:
    for event in state.unsupported:
        env = event.envelope
        yield rejected_document(
            ctx,
            SourceKind.X12,
            "x12_unsupported_transaction",
            f"Transaction set {env.st_id} version {env.vriic} (control number {env.st_control}) is not one "
            "this service reads (837P, 837I, 278); route the file to the team that handles it.",
            locator=f"unsupported:{env.gs_control}:{env.st_control}",
        )


def _envelope_records(ctx: ParseContext, diagnostics: list[Diagnostic]) -> Iterator[ParsedItem]:
    serious = [d for d in diagnostics if d.level in ("isa", "gs") and d.code != "map_not_found"]
    if serious:
        yield rejected_document(
            ctx, SourceKind.X12, "x12_envelope_errors", envelope.envelope_message(serious), locator="envelope"
        )
