"""An NM1 party (a provider, payer or person) as both the 837 and the 278 builders read it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Self

from parsers.x12.engine import SegmentEvent
from referrals.domain import Finding, Severity


@dataclass
class NamedParty:
    """One NM1: entity code, person or organisation name, and its identifier (NM108/NM109)."""

    event: SegmentEvent
    entity: str | None
    is_person: bool
    last_or_org: str | None
    first: str | None
    id_qualifier: str | None
    identifier: str | None

    @classmethod
    def of(cls, ev: SegmentEvent) -> Self:
        return cls(
            event=ev,
            entity=ev.value("NM101"),
            is_person=ev.value("NM102") == "1",
            last_or_org=ev.value("NM103"),
            first=ev.value("NM104"),
            id_qualifier=ev.value("NM108"),
            identifier=ev.value("NM109"),
        )

    @property
    def display_name(self) -> str | None:
        if self.is_person and self.first:
            return f"{self.first} {self.last_or_org or ''}".strip()
        return self.last_or_org

    @property
    def npi(self) -> str | None:
        """The NPI when NM108 says XX and it has the NPI's shape (10 digits); else None."""
        if self.id_qualifier != "XX" or self.identifier is None:
            return None
        return self.identifier if len(self.identifier) == 10 and self.identifier.isdigit() else None

    def npi_shape_finding(self, field: str, who: str) -> Finding | None:
        """A finding when an NPI is given (XX) but is not 10 digits: the record then holds null."""
        if self.id_qualifier != "XX" or self.identifier is None or self.npi is not None:
            return None
        ev = self.event
        return Finding(
            field=field,
            code="npi_format",
            severity=Severity.ERROR,
            message=(
                f"The {who}'s NPI {self.identifier!r} (NM109, line {ev.line}) is not 10 digits; "
                "ask the sender to confirm the NPI."
            ),
            loop_id=ev.loop_id,
            segment="NM1",
            segment_ordinal=ev.ordinal,
            line=ev.line,
            element="NM109",
        )
