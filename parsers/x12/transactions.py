"""Record builders per transaction set, chosen by ST01 and the group's version.

A builder receives the segments of one transaction set (ST..SE) as `SegmentEvent`s and
yields each record as soon as it is complete (a claim when the next CLM, HL or SE begins).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Protocol

from parsers.context import ParseContext
from parsers.x12.engine import SegmentEvent
from referrals.domain import Record


class TransactionBuilder(Protocol):
    def on_segment(self, event: SegmentEvent) -> Iterator[Record]: ...

    def finish(self) -> Iterator[Record]: ...


BuilderFactory = Callable[[ParseContext, SegmentEvent], TransactionBuilder]
_BUILDERS: dict[str, BuilderFactory] = {}


def register_builder(version_prefix: str, factory: BuilderFactory) -> None:
    """`version_prefix` matches the start of GS08 (`005010X222`, `005010X217`, ...)."""
    _BUILDERS[version_prefix] = factory


def builder_for(ctx: ParseContext, st_event: SegmentEvent) -> TransactionBuilder | None:
    _load_builtin_builders()
    version = st_event.envelope.vriic or ""
    for prefix, factory in _BUILDERS.items():
        if version.startswith(prefix):
            return factory(ctx, st_event)
    return None


def _load_builtin_builders() -> None:
    if _BUILDERS:
        return
    from parsers.x12 import claims, review

    register_builder("005010X222", claims.professional_builder)
    register_builder("005010X223", claims.institutional_builder)
    register_builder("004010X098", claims.professional_builder)
    register_builder("004010X096", claims.institutional_builder)
    register_builder("005010X217", review.review_builder)
