"""`intake users`: people who may use the web app and the API (roles intake, billing, admin)."""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from referrals.errors import UsageError
from referrals.users import Role

app = typer.Typer(no_args_is_help=True, add_completion=False, help="users of the web app and API")
HomeOption = Annotated[Path | None, typer.Option(help="service home (default INTAKE_HOME or .intake)")]


@app.command("add")
def add_command(
    name: Annotated[str, typer.Argument(help="login name")],
    role: Annotated[Role, typer.Option(help="intake works the queue; billing sees claims; admin manages")],
    home: HomeOption = None,
) -> None:
    """Add a user; the password is read from standard input (asked twice on a terminal)."""
    from referrals.users import add_user
    from referrals.web.audit import record_event

    password = _read_password()
    with _session(home) as session:
        user = add_user(session, name, role, password)
        record_event(session, actor=_operator(), action="user_add", note=f"user={user.name} role={role.value}")
    typer.echo(f"added {name} ({role.value})")


@app.command("token")
def token_command(name: Annotated[str, typer.Argument(help="login name")], home: HomeOption = None) -> None:
    """Print a new API token for the user (send it as `Authorization: Bearer TOKEN`)."""
    from referrals.users import issue_token
    from referrals.web.audit import record_event

    with _session(home) as session:
        token = issue_token(session, name)
        record_event(session, actor=_operator(), action="token_issue", note=f"user={name}")
    typer.echo(token)


@app.command("list")
def list_command(home: HomeOption = None) -> None:
    """List users and their roles."""
    from referrals.users import list_users

    with _session(home) as session:
        for user in list_users(session):
            typer.echo(f"{user.name}\t{user.role}\t{'disabled' if user.disabled else 'active'}")


def _read_password() -> str:
    if sys.stdin.isatty():
        first = getpass.getpass("password: ")
        if getpass.getpass("again: ") != first:
            raise UsageError("the two passwords differ")
        return first
    password = sys.stdin.readline().rstrip("\r\n")
    if not password:
        raise UsageError("no password on standard input")
    return password


def _operator() -> str:
    try:
        return f"cli:{os.getlogin()}"
    except OSError:
        return "cli"


def _session(home: Path | None):  # type: ignore[no-untyped-def]
    from referrals.config import load_settings
    from referrals.store.engine import engine_for, session_scope, upgrade

    engine = engine_for(load_settings(home=home))
    upgrade(engine)
    return session_scope(engine)
