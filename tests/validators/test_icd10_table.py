"""The derived ICD-10-CM table: built once into a cache directory, rebuilt when missing or broken."""

from __future__ import annotations

from pathlib import Path

import pytest

from validators.icd10_build import references
from validators.icd10_table import cache_stem, load_table


@pytest.mark.slow
def test_cache_is_built_then_reused_then_rebuilt_when_broken(tmp_path: Path) -> None:
    built = load_table(tmp_path)  # derives from the packages (seconds)
    table_file = tmp_path / f"{cache_stem()}.marshal"
    assert table_file.is_file() and (tmp_path / f"{cache_stem()}.names.marshal").is_file()
    reused = load_table(tmp_path)
    assert reused.valid == built.valid and reused.codes == built.codes
    assert reused.names["E119"] == "Type 2 diabetes mellitus without complications"
    table_file.write_bytes(b"\x00broken")
    assert load_table(tmp_path).valid == built.valid
    assert table_file.stat().st_size > 1_000_000


def test_a_read_only_cache_dir_still_gives_a_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import validators.icd10_table as module

    def refuse(path: Path, value: object) -> None:
        raise PermissionError("read-only")

    monkeypatch.setattr(module, "_write_atomic", refuse)
    monkeypatch.setattr(module.icd10_build, "build", lambda: {**_tiny(), "names": {"E119": "x"}})
    table = load_table(tmp_path / "ro")
    assert table.billable_range("E119", 20261101) is not None and table.names == {"E119": "x"}


def _tiny() -> dict[str, object]:
    return {
        "versions": {},
        "last_date": 20270331,
        "valid": {"E119": ((20151001, 20270331, 0),)},
        "codes": ["E11", "E119"],
        "excludes": {},
        "block_chain": {},
        "seven": {},
        "ages": (),
    }


@pytest.mark.parametrize(
    ("note", "ranges"),
    [
        ("gestational diabetes (O24.4-)", [("O244", "O244")]),
        ("type 1 diabetes mellitus (E10.-)", [("E10", "E10")]),
        ("congenital malformations (Q00-Q99)", [("Q00", "Q99")]),
        ("neonatal diabetes mellitus (P70.2)", [("P702", "P702")]),
        ("fracture (S72. with final characters -99)", []),
        ("nothing referenced (NOS)", []),
    ],
)
def test_excludes1_note_references(note: str, ranges: list[tuple[str, str]]) -> None:
    assert references(note) == ranges
