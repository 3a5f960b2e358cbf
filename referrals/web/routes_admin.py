"""Admin pages: users (add, issue a token, disable). Only the admin role gets here."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request, Response
from fastapi.responses import RedirectResponse

from referrals.store.engine import session_scope
from referrals.users import Permission, Role, add_user, get_user, issue_token, list_users
from referrals.web.audit import record_event
from referrals.web.render import render
from referrals.web.security import Actor, require, require_write

router = APIRouter(include_in_schema=False)
Admin = Annotated[Actor, Depends(require(Permission.MANAGE_USERS))]
AdminWrite = Annotated[Actor, Depends(require_write(Permission.MANAGE_USERS))]


@router.get("/admin/users")
def users_page(request: Request, actor: Admin) -> Response:
    with session_scope(request.app.state.engine) as session:
        users = list_users(session)
    return render(request, "users.html", {"users": users, "roles": list(Role), "new_token": None})


@router.post("/admin/users")
def add_user_form(
    request: Request,
    actor: AdminWrite,
    name: Annotated[str, Form(max_length=64)],
    role: Annotated[Role, Form()],
    password: Annotated[str, Form(max_length=1024)],
) -> Response:
    with session_scope(request.app.state.engine) as session:
        user = add_user(session, name, role, password)
        record_event(session, actor=actor.name, action="user_add", note=f"user={user.name} role={role.value}")
    return RedirectResponse("/admin/users", status_code=303)


@router.post("/admin/users/{name}/token")
def token_form(request: Request, name: str, actor: AdminWrite) -> Response:
    """A new API token, shown once on the page that answers this form."""
    with session_scope(request.app.state.engine) as session:
        token = issue_token(session, name)
        record_event(session, actor=actor.name, action="token_issue", note=f"user={name}")
        users = list_users(session)
    return render(request, "users.html", {"users": users, "roles": list(Role), "new_token": (name, token)})


@router.post("/admin/users/{name}/disable")
def disable_form(request: Request, name: str, actor: AdminWrite) -> Response:
    with session_scope(request.app.state.engine) as session:
        get_user(session, name).disabled = True
        record_event(session, actor=actor.name, action="user_disable", note=f"user={name}")
    return RedirectResponse("/admin/users", status_code=303)
