"""The committed fax fixtures are exactly what the generator writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.fax_accuracy import TUNED_LAYOUTS
from tests.fax.conftest import FIXTURES, load_expected
from tests.fixtures.fax.generate import CASES, generate_case
from tests.fixtures.fax.layouts_late import LATE_LAYOUTS


@pytest.mark.slow
def test_committed_fixtures_are_what_the_generator_writes(tmp_path: Path) -> None:
    for case in CASES:
        written = generate_case(case, tmp_path)
        assert written.read_bytes() == (FIXTURES / written.name).read_bytes(), written.name
        expected = f"{case.name}.expected.json"
        assert (tmp_path / expected).read_text() == (FIXTURES / expected).read_text(), expected


def test_late_layouts_have_both_resolutions_and_no_discharge_date() -> None:
    """The prior-authorization request and the EHR order (held out until 2026-11-26, then tuned on:
    bench TUNED_LAYOUTS) have a committed fixture at fine and at standard resolution, whose expected
    record asks for no discharge date (neither form prints one)."""
    assert LATE_LAYOUTS and set(LATE_LAYOUTS) <= TUNED_LAYOUTS
    for layout in LATE_LAYOUTS:
        cases = [case for case in CASES if case.layout == layout]
        assert {case.resolution for case in cases} == {"fine", "standard"}, layout
        for case in cases:
            meta = load_expected(FIXTURES / f"{case.name}.expected.json")
            assert meta["layout"] == layout and meta["fields"]["discharge_date"] is None
