"""Every loop and segment of every 278 sample and fixture walks through our map as expected."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.x12_278.conftest import corpus_samples, fixtures, requires_corpus, walk

ENVELOPE = {"ISA", "GS", "GE", "IEA"}
# Defects the public samples really have (counted by hand): their SE01 is one short.
KNOWN_SAMPLE_DEFECTS = {
    "stupidedi_admission-request-for-review.x12": [("st", "4")],
    "stupidedi_request-for-home-health-care.x12": [("st", "4")],
}
RESPONSE_ONLY = {"HCR", "AAA"}


def _check_walk(path: Path, expected: list[tuple[str, str]]) -> None:
    result = walk(path)
    assert result.fatal is None
    assert result.envelope.validated_as == "005010X217" and not result.envelope.map_missing
    assert [(d.level, d.code) for d in result.diagnostics] == expected
    unplaced = [e.segment_id for e in result.events if e.segment_id not in ENVELOPE and not e.loop_id]
    assert unplaced == []
    loops = {e.loop_id for e in result.events}
    assert {"2000A", "2010A", "2000B", "2010B", "2000C", "2010C", "2000E"} <= loops


@requires_corpus
@pytest.mark.parametrize("path", corpus_samples(), ids=lambda p: p.stem)
def test_corpus_sample_walks_through_the_map(path: Path) -> None:
    _check_walk(path, KNOWN_SAMPLE_DEFECTS.get(path.name, []))


@pytest.mark.parametrize("path", fixtures("valid"), ids=lambda p: p.stem)
def test_valid_fixture_walks_without_errors(path: Path) -> None:
    _check_walk(path, [])


@pytest.mark.parametrize("path", fixtures("valid"), ids=lambda p: p.stem)
def test_response_segments_sit_in_response_loops(path: Path) -> None:
    events = walk(path).events
    response = any(e.segment_id == "BHT" and e.value("BHT02") == "11" for e in events)
    placed = {(e.segment_id, e.loop_id) for e in events if e.segment_id in RESPONSE_ONLY}
    assert bool(placed) is response
    assert placed <= {("HCR", "2000E"), ("HCR", "2000F"), ("AAA", "2000E"), ("AAA", "2000F")}


@pytest.mark.parametrize("path", fixtures("invalid"), ids=lambda p: p.stem)
def test_broken_fixture_gives_the_expected_pyx12_error(path: Path) -> None:
    expected = json.loads(path.with_suffix(".expected.json").read_text())
    pyx12 = expected["pyx12"]
    diagnostics = walk(path).diagnostics
    assert diagnostics, "the defect went unnoticed"
    for diag in diagnostics:
        assert (diag.level, diag.code, diag.segment_id, diag.loop_id) == (
            pyx12["level"],
            pyx12["code"],
            pyx12["segment"],
            expected["loop_id"],
        )
        if "element" in pyx12:
            assert f"{diag.segment_id}{diag.element_position:02d}" == pyx12["element"]
