"""The service commands through `referrals.cli.main` (exit codes included)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from referrals.cli import main
from referrals.store.engine import head_revision
from tests.conftest import schema_errors


@pytest.fixture
def demo_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Path:
    monkeypatch.delenv("INTAKE_DATABASE_URL", raising=False)
    home = tmp_path / "demo"
    assert main(["demo", "--home", str(home)]) == 0
    (tmp_path / "demo.out").write_text(capsys.readouterr().out)
    return home


def test_demo_processes_the_sample_inbox(demo_home: Path) -> None:
    out = (demo_home.parent / "demo.out").read_text()
    assert "837p-two-ready-claims.x12: ready" in out and "not-an-order.txt: rejected" in out
    delivered = [json.loads(path.read_text()) for path in (demo_home / "outbox").glob("rec_*.json")]
    kinds = sorted(record["source"]["kind"] for record in delivered)
    # two claims, two 278 referrals, the e-fax (text layer); the scanned faxes depend on live OCR
    assert kinds.count("x12_837p") == 2 and kinds.count("x12_278") == 2 and "fax" in kinds
    assert all(record["status"] == "ready" for record in delivered)
    assert [schema_errors(record) for record in delivered] == [[]] * len(delivered)
    assert list((demo_home / "inbox").iterdir()) == []


def test_queue_list_json_then_resolve_releases_the_record(demo_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["queue", "list", "--json", "--reason", "claim_charge_unbalanced", "--home", str(demo_home)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert record["status"] == "needs_clarification"
    assert (
        main(
            [
                "queue",
                "resolve",
                record["id"],
                "--set",
                "total_charge=300.00",
                "--home",
                str(demo_home),
                "--actor",
                "clerk.test",
            ]
        )
        == 0
    )
    assert f"{record['id']}: ready" in capsys.readouterr().out
    assert main(["outbox", "deliver", "--once", "--home", str(demo_home)]) == 0
    assert (demo_home / "outbox" / f"{record['id']}.json").exists()
    assert main(["stats", "--json", "--home", str(demo_home)]) == 0
    stats = json.loads(capsys.readouterr().out.splitlines()[-1])
    delivered = len(list((demo_home / "outbox").glob("rec_*.json")))
    assert stats["records_by_status"]["ready"] == delivered and stats["dead_letters"] == 0


def test_unknown_record_is_exit_code_3(demo_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["queue", "show", "rec_nope", "--home", str(demo_home)]) == 3
    assert "not_found" in capsys.readouterr().err


def test_resolving_a_ready_record_is_a_conflict(demo_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ready = next((demo_home / "outbox").glob("rec_*.json")).stem
    assert main(["queue", "reject", ready, "--reason", "x", "--home", str(demo_home)]) == 4


def test_db_upgrade(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("INTAKE_DATABASE_URL", raising=False)
    assert main(["db", "upgrade", "--home", str(tmp_path / "h")]) == 0
    assert f"revision {head_revision()}" in capsys.readouterr().out
