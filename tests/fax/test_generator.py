"""The committed fax fixtures are exactly what the generator writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fax.conftest import FIXTURES
from tests.fixtures.fax.generate import CASES, generate_case


@pytest.mark.slow
def test_committed_fixtures_are_what_the_generator_writes(tmp_path: Path) -> None:
    for case in CASES:
        written = generate_case(case, tmp_path)
        assert written.read_bytes() == (FIXTURES / written.name).read_bytes(), written.name
        expected = f"{case.name}.expected.json"
        assert (tmp_path / expected).read_text() == (FIXTURES / expected).read_text(), expected
