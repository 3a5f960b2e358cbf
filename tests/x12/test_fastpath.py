"""`parsers.x12.fastpath` changes speed, not results: every X12 file we have (the public corpus,
the golden fixtures valid and invalid, the 278 fixtures) walks to the same events and the same
diagnostics with pyx12's own reader and counter as with ours."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pyx12.nodeCounter import NodeCounter

from parsers.x12.engine import X12Walker
from parsers.x12.fastpath import PathCounter
from parsers.x12.reader import NormalizedX12Stream
from tests.conftest import FIXTURES, SHARED

X12_FILES = sorted(FIXTURES.rglob("*.x12")) + sorted((SHARED / "corpus" / "x12").rglob("*.x12"))


def _walk(path: Path, pyx12_classes: bool) -> tuple[list[Any], Any, Any]:
    with NormalizedX12Stream.open(path) as stream:
        walker = X12Walker(stream, pyx12_classes=pyx12_classes)
        events = [
            (e.segment_id, e.loop_id, e.line, e.ordinal, e.segment.format(), e.diagnostics) for e in walker.events()
        ]
    return events, walker.result.diagnostics, walker.result.fatal


@pytest.mark.parametrize("path", X12_FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_fastpath_walks_like_pyx12(path: Path) -> None:
    assert _walk(path, pyx12_classes=False) == _walk(path, pyx12_classes=True)


def test_fastpath_walks_like_pyx12_on_a_corrupted_file() -> None:
    """Segments dropped and repeated out of order: the loop counts and resets are what differ."""
    text = (FIXTURES / "x12" / "valid" / "837p_groups_and_sets.x12").read_text()
    segments = text.split("~")
    shuffled = segments[:12] + segments[20:30] + segments[12:20] + segments[20:25] + segments[30:]
    stream = io.StringIO("~".join(shuffled))
    walker_fast, walker_ref = X12Walker(stream), X12Walker(io.StringIO("~".join(shuffled)), pyx12_classes=True)
    fast = [(e.loop_id, e.diagnostics) for e in walker_fast.events()]
    ref = [(e.loop_id, e.diagnostics) for e in walker_ref.events()]
    assert fast == ref and walker_fast.result.diagnostics == walker_ref.result.diagnostics
    assert any(diagnostics for _, diagnostics in fast)


PATHS = st.sampled_from(["/A", "/A/B", "/A/B/C", "/A/BB", "/A/B/C/SEG", "/AB", "/A/B/SEG", "/X"])
OPERATIONS = st.lists(st.tuples(st.sampled_from(["increment", "reset_to_node", "setCount"]), PATHS), max_size=40)


@settings(max_examples=200, deadline=None)
@given(OPERATIONS, PATHS)
def test_path_counter_counts_like_pyx12s_node_counter(operations: list[tuple[str, str]], probe: str) -> None:
    ours, theirs = PathCounter(), NodeCounter()
    for operation, path in operations:
        for counter in (ours, theirs):
            if operation == "setCount":
                counter.setCount(path, 7)
            else:
                getattr(counter, operation)(path)
    assert ours.get_count(probe) == theirs.get_count(probe)
    assert ours.getState() == {key.format(): count for key, count in theirs.getState().items()}
