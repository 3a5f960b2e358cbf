"""`intake users add/token/list` and what their tokens open."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from referrals.cli import main
from referrals.config import Settings
from referrals.web import create_app
from referrals.web.config import WebSettings


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("INTAKE_HOME", "INTAKE_DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path / "home"


def _run(monkeypatch: pytest.MonkeyPatch, args: list[str], stdin: str = "") -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return main(args)


def test_users_add_reads_the_password_from_stdin_and_token_opens_the_api(
    home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        _run(
            monkeypatch,
            ["users", "add", "ann", "--role", "intake", "--home", str(home)],
            "a long enough password\n",
        )
        == 0
    )
    assert _run(monkeypatch, ["users", "token", "ann", "--home", str(home)]) == 0
    token = capsys.readouterr().out.strip().splitlines()[-1]
    assert token.startswith("itk_")
    assert _run(monkeypatch, ["users", "list", "--home", str(home)]) == 0
    assert "ann\tintake\tactive" in capsys.readouterr().out
    app = create_app(Settings(home=home), WebSettings())
    with TestClient(app) as client:
        assert client.get("/api/queue", headers={"Authorization": f"Bearer {token}"}).status_code == 200
        assert client.get("/admin/users", headers={"Authorization": f"Bearer {token}"}).status_code == 403


def test_users_add_refuses_a_short_password_a_duplicate_and_an_unknown_role_or_user(
    home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    add = ["users", "add", "bob", "--role", "billing", "--home", str(home)]
    assert _run(monkeypatch, add, "short\n") == 2
    assert _run(monkeypatch, add, "") == 2
    assert _run(monkeypatch, add, "a long enough password\n") == 0
    assert _run(monkeypatch, add, "a long enough password\n") == 4
    assert _run(monkeypatch, ["users", "add", "eve", "--role", "root", "--home", str(home)], "x" * 20) != 0
    assert _run(monkeypatch, ["users", "token", "nobody", "--home", str(home)]) == 3
    assert "a long enough password" not in capsys.readouterr().err
