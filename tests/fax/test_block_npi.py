"""The one self-evident NPI in a party's titled block whose NPI caption OCR lost."""

from __future__ import annotations

from parsers.fax.block_npi import block_npis
from parsers.fax.extract import labelled_hits
from tests.fax.test_roles import _cells

SERVICING = [
    (939, [(114, "C. SERVICING PROVIDER / VENDOR")]),
    (982, [(110, "20 NAME"), (743, "ae"), (1100, "22 PHONE")]),
    (1015, [(119, "Valley Home Health"), (753, "1253704641"), (1110, "1-877-555-0148")]),
]


def _npis(rows: list[tuple[int, list[tuple[int, str]]]]) -> dict[str, object]:
    text = _cells(rows)
    return {c.path: c.value for c in block_npis(text, labelled_hits(text), [])}


def test_the_lone_npi_under_a_servicing_title_is_the_servicing_providers() -> None:
    """'21 NPI' read as 'ae': the ten digits starting 1 with their check digit are the vendor's NPI."""
    assert _npis(SERVICING) == {"servicing_provider.npi": "1253704641"}


def test_no_npi_from_a_block_with_two_or_from_a_number_failing_its_check() -> None:
    two = [*SERVICING, (1060, [(753, "1245319599")])]
    assert _npis(two) == {}
    bad = [row if row[0] != 1015 else (1015, [(753, "1253704642")]) for row in SERVICING]
    assert _npis(bad) == {}


def test_the_block_ends_at_another_partys_caption() -> None:
    """The orderer's block ends where the vendor's title starts, even with the title's mark garbled:
    the vendor's NPI is never the orderer's."""
    rows = [
        (688, [(115, "B. REQUESTING (ORDERING) PROVIDER")]),
        (732, [(110, "14 PROVIDER NAME (LAST, FIRST)"), (743, "TENA")]),
        (766, [(120, "Carter, Helen"), (751, "1643790632")]),  # misread: fails its check digit
        *[(top, cells) if top != 939 else (939, [(114, "€. SERVICING PROVIDER { VENDOR")]) for top, cells in SERVICING],
    ]
    assert "ordering_provider.npi" not in _npis(rows)
