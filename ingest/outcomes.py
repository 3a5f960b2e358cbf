"""What became of a file: typed outcomes, never booleans. Each names ids and codes, never data."""

from __future__ import annotations

from dataclasses import dataclass, field

from referrals.store.documents import DocumentRef


@dataclass(frozen=True)
class Registered:
    """The file is archived and has a document row; `document` is set when this worker holds its lease."""

    document_id: str
    document: DocumentRef | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Ready:
    document_id: str
    record_ids: tuple[str, ...]
    label: str = "ready"


@dataclass(frozen=True)
class NeedsClarification:
    document_id: str
    record_ids: tuple[str, ...]
    codes: tuple[str, ...] = field(default_factory=tuple)
    label: str = "needs_clarification"


@dataclass(frozen=True)
class Rejected:
    document_id: str
    record_ids: tuple[str, ...]
    codes: tuple[str, ...] = field(default_factory=tuple)
    label: str = "rejected"


@dataclass(frozen=True)
class Duplicate:
    """The same bytes were received before: processed once, this copy archived as a duplicate."""

    document_id: str
    label: str = "duplicate"


@dataclass(frozen=True)
class Quarantined:
    """The file could not be read (or is not a regular file); moved to quarantine with a sidecar."""

    reason_code: str
    label: str = "quarantined"


@dataclass(frozen=True)
class InProgress:
    """Another worker holds the document's lease (or it is already done): nothing to do here."""

    document_id: str
    label: str = "in_progress"


@dataclass(frozen=True)
class Vanished:
    """The file disappeared before it could be taken (another watcher took it)."""

    label: str = "vanished"


Outcome = Ready | NeedsClarification | Rejected | Duplicate | Quarantined | InProgress | Vanished
ProcessedOutcome = Ready | NeedsClarification | Rejected
