"""Login and logout. The login form has its own CSRF token (bound to a pre-login cookie) and
failed attempts are throttled per user name and per address. A login always gets a new
session id; whatever session the browser presented before is ended (no session fixation)."""

from __future__ import annotations

import logging
import secrets
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request, Response
from fastapi.responses import RedirectResponse
from sqlmodel import Session

from referrals.store.engine import session_scope
from referrals.users import Role, User, authenticate
from referrals.web.audit import record_event
from referrals.web.render import render
from referrals.web.security import (
    LOGIN_COOKIE,
    SESSION_COOKIE,
    Actor,
    LoginThrottle,
    check_csrf,
    check_login_token,
    current_actor,
    find_actor,
    login_form_token,
    set_cookie,
)
from referrals.web.sessions import end_expired_sessions, end_session, start_session

log = logging.getLogger(__name__)
router = APIRouter(include_in_schema=False)
LOGIN_COOKIE_SECONDS = 15 * 60
HOME_BY_ROLE = {Role.INTAKE: "/queue", Role.BILLING: "/claims", Role.ADMIN: "/queue"}


@router.get("/")
def home(request: Request) -> Response:
    actor = find_actor(request)
    return RedirectResponse(HOME_BY_ROLE[actor.role] if actor else "/login", status_code=303)


@router.get("/login")
def login_page(request: Request, next: str = "/") -> Response:
    return _login_form(request, _safe_next(next), error=None, status=200)


def _login_form(request: Request, next_path: str, error: str | None, status: int) -> Response:
    nonce = secrets.token_urlsafe(24)
    token = login_form_token(request.app.state.secret, nonce)
    context = {"csrf_token": token, "next": next_path, "error": error}
    response = render(request, "login.html", context, status=status)
    set_cookie(request, response, LOGIN_COOKIE, nonce, LOGIN_COOKIE_SECONDS)
    return response


@router.post("/login")
def login(
    request: Request,
    username: Annotated[str, Form(max_length=64)],
    password: Annotated[str, Form(max_length=1024)],
    csrf_token: Annotated[str, Form(max_length=128)] = "",
    next: Annotated[str, Form(max_length=512)] = "/",
) -> Response:
    check_login_token(request.app.state.secret, request.cookies.get(LOGIN_COOKIE), csrf_token)
    throttle: LoginThrottle = request.app.state.throttle
    address = request.client.host if request.client else "unknown"
    throttle.check(username, address)
    with session_scope(request.app.state.engine) as session:
        user = authenticate(session, username, password)
        session_id = None if user is None else _start(request, session, user)
    if session_id is None:
        throttle.failed(username, address)  # its own transaction, after this one has ended
        log.info("login failed")
        return _login_form(request, _safe_next(next), "Wrong user name or password.", status=401)
    response = RedirectResponse(_safe_next(next), status_code=303)
    set_cookie(request, response, SESSION_COOKIE, session_id, int(request.app.state.web.session_hours * 3600))
    response.delete_cookie(LOGIN_COOKIE, path="/")
    return response


def _start(request: Request, session: Session, user: User) -> str:
    hours = request.app.state.web.session_hours
    end_expired_sessions(session)
    session_id = start_session(session, user, hours, replacing=request.cookies.get(SESSION_COOKIE))
    record_event(session, actor=user.name, action="login")
    log.info("login user_id=%s", user.id)
    return session_id


@router.post("/logout")
async def logout(request: Request, actor: Annotated[Actor, Depends(current_actor)]) -> Response:
    await check_csrf(request, actor)
    with session_scope(request.app.state.engine) as session:
        end_session(session, request.cookies.get(SESSION_COOKIE, ""))
        record_event(session, actor=actor.name, action="logout")
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


def _safe_next(path: str) -> str:
    """Only a path on this site (no scheme, no host, no `//`) may follow a login."""
    if not path.startswith("/") or path.startswith("//") or "\\" in path or "://" in path:
        return "/"
    return path
