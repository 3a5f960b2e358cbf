"""Whatever the bytes, the X12 path returns records and never raises."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import FIXTURES, parse_records

OXYGEN = (FIXTURES / "x12" / "valid" / "837p_dme_oxygen.x12").read_bytes()


def _claims(path: Path) -> list[dict]:
    return [r for r in parse_records(path) if r["record_type"] == "claim"]


def test_line_break_styles_give_the_same_claims(tmp_path: Path) -> None:
    variants = {
        "lf": OXYGEN,
        "crlf": OXYGEN.replace(b"\n", b"\r\n"),
        "none": OXYGEN.replace(b"\n", b""),
        "bom_indented": b"\xef\xbb\xbf  " + OXYGEN.replace(b"~\n", b"~\r\n    "),
    }
    results = {}
    for name, data in variants.items():
        path = tmp_path / f"{name}.x12"
        path.write_bytes(data)
        results[name] = [{k: v for k, v in c.items() if k not in ("source", "id")} for c in _claims(path)]
    assert all(r == results["lf"] for r in results.values())
    assert results["lf"][0]["status"] == "ready"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    cut=st.integers(min_value=0, max_value=len(OXYGEN)),
    flips=st.lists(
        st.tuples(st.integers(min_value=0, max_value=len(OXYGEN) - 1), st.integers(min_value=0, max_value=255)),
        max_size=4,
    ),
)
def test_truncated_or_corrupted_files_never_raise(tmp_path: Path, cut: int, flips: list[tuple[int, int]]) -> None:
    data = bytearray(OXYGEN[:cut] if cut % 3 == 0 else OXYGEN)
    for position, value in flips:
        if position < len(data):
            data[position] = value
    path = tmp_path / "fuzz.x12"
    path.write_bytes(bytes(data))
    records = parse_records(path)  # schema-checked inside
    assert records
    assert all(r["status"] in ("ready", "needs_clarification", "rejected") for r in records)


def test_empty_file_is_a_rejected_document(tmp_path: Path) -> None:
    path = tmp_path / "empty.x12"
    path.write_bytes(b"")
    (record,) = parse_records(path)
    assert record["record_type"] == "document" and record["findings"][0]["code"] == "empty_file"
