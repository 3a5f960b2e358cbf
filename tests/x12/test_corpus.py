"""The public X12 samples in ../shared/corpus/x12 (written by other projects, not by us).

Every file is read without a crash and every record keeps to the contract; the 837s pyx12
validates with zero errors give claims with no X12 finding; the invalid ones give findings at
the place their source names (SOURCES.md / manifest.csv).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SHARED, files, parse_records, requires_shared

CORPUS = SHARED / "corpus" / "x12"
pytestmark = requires_shared


@pytest.mark.parametrize("path", files(CORPUS / "837p") + files(CORPUS / "837i"))
def test_valid_837_gives_claims_without_x12_errors(path: Path) -> None:
    records = parse_records(path)
    assert records and all(r["record_type"] == "claim" for r in records)
    x12_errors = [
        f for r in records for f in r["findings"] if f["code"].startswith("x12_") and f["severity"] == "error"
    ]
    assert not x12_errors
    for claim in records:
        assert claim["claim_id"] and claim["lines"] and claim["total_charge"]


@pytest.mark.parametrize("path", sorted(CORPUS.rglob("*.x12")), ids=lambda p: p.stem)
def test_every_corpus_file_is_read_without_a_crash(path: Path, tmp_path: Path) -> None:
    records = parse_records(path, ack_dir=tmp_path)
    assert records
    for record in records:
        for finding in record["findings"]:
            assert finding["message"].endswith(".") and len(finding["message"]) > 20


# (file, finding code, loop id, segment): the place each source names for its defect.
EXPECTED_PLACES = [
    ("imsweb_x12_segment_errors", "x12_required_segment_missing", "2010AA", None),
    ("imsweb_x12_segments_out_of_order", "x12_required_segment_missing", "2010AA", None),
    ("stupidedi_837p_oxygen", "x12_invalid_code", "2400", "PWK"),
    ("stupidedi_837p_wheelchair", "x12_invalid_code", "2400", "PWK"),
    ("stupidedi_837i_automobile-accident", "x12_pattern_mismatch", "2010AA", "N4"),
    ("stupidedi_837i_two-claims-for-the-same-provider", "x12_pattern_mismatch", "2010AA", "N4"),
    ("stupidedi_837i_837-institutional-claim", "x12_invalid_date", "2300", "DTP"),
    ("lfh_X223A3_institutional-claim", "x12_invalid_code", None, None),
    ("pyx12_4010_per_segment_repeat", "x12_segment_over_max", "1000A", "PER"),
    ("pyx12_4010_bad_2010AA_bug", "x12_required_segment_missing", None, None),
    ("pyx12_4010_elements", "x12_invalid_date", None, "DMG"),
    ("imsweb_x12_bad_valid_code", "x12_invalid_code", None, None),
]


@pytest.mark.parametrize(("name", "code", "loop", "segment"), EXPECTED_PLACES, ids=[e[0] for e in EXPECTED_PLACES])
def test_invalid_sample_finding_is_where_the_source_says(
    name: str, code: str, loop: str | None, segment: str | None
) -> None:
    records = parse_records(CORPUS / "invalid" / f"{name}.x12")
    findings = [f for r in records for f in r["findings"] if f["code"] == code]
    assert findings, sorted({f["code"] for r in records for f in r["findings"]})
    if loop:
        assert any(f.get("loop_id") == loop for f in findings), [f.get("loop_id") for f in findings]
    if segment:
        assert any(f.get("segment") == segment for f in findings)
    assert all(r["status"] != "ready" for r in records)


@pytest.mark.parametrize("name", ["pyx12_4010_837miss", "imsweb_x12_bad_first_line"])
def test_broken_envelope_becomes_a_rejected_document(name: str, tmp_path: Path) -> None:
    records = parse_records(CORPUS / "invalid" / f"{name}.x12", ack_dir=tmp_path)
    assert [r["record_type"] for r in records] == ["document"]
    assert records[0]["status"] == "rejected"


def test_file_without_isa_is_an_unknown_document() -> None:
    (record,) = parse_records(CORPUS / "invalid" / "imsweb_x12_no_isa_line.x12")
    assert record["findings"][0]["code"] == "unknown_file_type"


def test_bom_crlf_indented_278_with_mismatched_envelope_does_not_crash(tmp_path: Path) -> None:
    records = parse_records(
        CORPUS / "invalid" / "oopfactory_278_Example_3_3_1_Request_bom_envelope.x12", ack_dir=tmp_path
    )
    assert records and all(r["status"] != "ready" for r in records)
