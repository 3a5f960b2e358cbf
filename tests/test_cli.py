"""`intake parse` as a user runs it: JSON Lines on stdout, exit codes 0 / 1 / 2, no PHI on stderr."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from referrals import cli
from tests.conftest import FIXTURES, ROOT, schema_errors

VALID = FIXTURES / "x12" / "valid"
INTAKE = [sys.executable, "-m", "referrals.cli"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*INTAKE, *args], capture_output=True, text=True, cwd=ROOT, timeout=120)


def test_parse_prints_one_contract_record_per_line() -> None:
    done = run("parse", str(VALID / "837p_groups_and_sets.x12"), str(VALID / "837i_home_health.x12"))
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["claim_id"] for r in records] == ["OXY1001", "CPT4004", "DEP2002", "OXY1002", "HH3003"]
    assert all(not schema_errors(r) for r in records)


def test_needs_clarification_still_exits_zero() -> None:
    done = run("parse", str(FIXTURES / "x12" / "invalid" / "npi_check_digit.x12"))
    assert done.returncode == 0
    assert json.loads(done.stdout)["status"] == "needs_clarification"


def test_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    done = run("parse", str(tmp_path / "nope.x12"))
    assert done.returncode == 2
    assert "input_file_unreadable" in done.stderr


def test_no_arguments_is_a_usage_error() -> None:
    assert run("parse").returncode == 2


def test_jobs_gives_the_same_output_as_one_process(tmp_path: Path) -> None:
    files = [str(VALID / "837p_groups_and_sets.x12")]
    one, two = run("parse", *files), run("parse", "--jobs", "2", *files)
    assert one.stdout == two.stdout and one.returncode == two.returncode == 0
    many = [str(p) for p in sorted(VALID.glob("*.x12"))]
    assert run("parse", *many).stdout == run("parse", "--jobs", "2", *many).stdout


def test_internal_failure_exits_one_without_data(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def explode(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("JANE DOE W123456789")  # a message carrying PHI must not be shown

    monkeypatch.setattr("ingest.parse_many.parse_files", explode)
    code = cli.main(["parse", str(VALID / "837p_dme_oxygen.x12")])
    captured = capsys.readouterr()
    assert code == 1
    assert "RuntimeError" in captured.err and "JANE" not in captured.err and "W123456789" not in captured.err
