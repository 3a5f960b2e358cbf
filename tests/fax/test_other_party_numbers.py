"""A number's caption qualified by a party we map to no field ('Facility NPI', 'Group NPI') is not the
party's whose block it stands in: a referral's facility NPI under its referring practitioner's heading
went out as the practitioner's NPI (its check digit valid, as every NPI's)."""

from __future__ import annotations

from parsers.fax.labels import hits_in
from parsers.fax.model import Segment
from parsers.fax.roles import with_roles
from tests.fax.test_reading_units import _words


def _segment(text: str, index: int, top: int) -> Segment:
    return Segment(page=1, index=index, words=tuple(_words(text, top=top)))


def test_a_facility_npi_under_a_practitioners_heading_has_no_role() -> None:
    segments = [
        _segment("Referring physician: Priya Patel, MD", 0, 100),
        _segment("NPI 1718754074", 1, 140),
        _segment("Facility NPI 1310346402", 2, 180),
    ]
    hits = [h for s in segments for h in hits_in(s)]
    roles = {h.segment.text: h.role for h in with_roles(hits, 1728) if h.kind == "npi"}
    assert roles["NPI 1718754074"] == "provider"
    assert roles["Facility NPI 1310346402"] is None
