"""Who is asking, and may they: bearer tokens, session cookies, CSRF, roles, login throttling.

Route dependencies:
    actor: Actor = Depends(require(Permission.WORK_QUEUE))           # reads
    actor: Actor = Depends(require_write(Permission.WORK_QUEUE))     # the same; writes check CSRF
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from fastapi import Request, Response
from sqlalchemy import Engine
from sqlmodel import Session, col, delete, func, select
from starlette.concurrency import run_in_threadpool

from referrals.errors import PermissionDenied
from referrals.store.engine import session_scope
from referrals.store.models import utcnow
from referrals.users import ROLE_PERMISSIONS, LoginFailure, Permission, Role, User, token_digest, user_for_token
from referrals.web.errors import CsrfFailed, NotAuthenticated, TooManyAttempts
from referrals.web.sessions import session_user

SESSION_COOKIE = "intake_session"
LOGIN_COOKIE = "intake_login"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"


@dataclass(frozen=True)
class Actor:
    """The authenticated caller. `csrf_token` is set for cookie sessions, None for API tokens."""

    user_id: int
    name: str
    role: Role
    csrf_token: str | None

    def can(self, permission: Permission) -> bool:
        return permission in ROLE_PERMISSIONS[self.role]


def _actor(user: User, csrf_token: str | None) -> Actor:
    assert user.id is not None
    return Actor(user_id=user.id, name=user.name, role=Role(user.role), csrf_token=csrf_token)


def find_actor(request: Request) -> Actor | None:
    """The caller from `Authorization: Bearer` or the session cookie; None when neither is valid."""
    engine = request.app.state.engine
    bearer = _bearer_token(request)
    with session_scope(engine) as session:
        if bearer is not None:
            user = user_for_token(session, bearer)
            return _actor(user, None) if user else None
        cookie = request.cookies.get(SESSION_COOKIE)
        found = session_user(session, cookie) if cookie else None
        return _actor(found[0], found[1].csrf_token) if found else None


def _bearer_token(request: Request) -> str | None:
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


def current_actor(request: Request) -> Actor:
    actor = find_actor(request)
    if actor is None:
        raise NotAuthenticated("authentication required")
    request.state.actor = actor
    return actor


UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def require(permission: Permission) -> Callable[[Request], Awaitable[Actor]]:
    """The caller, if their role has `permission`; on a write (POST, PATCH, ...) made with the
    session cookie, the session's CSRF token must come too (form field or X-CSRF-Token header).
    Secure by default: routers mounted from other packages get the CSRF check as well."""

    async def dependency(request: Request) -> Actor:
        actor = await run_in_threadpool(current_actor, request)
        if not actor.can(permission):
            raise PermissionDenied(f"role {actor.role} may not {permission.value.replace('_', ' ')}")
        if request.method in UNSAFE_METHODS:
            await check_csrf(request, actor)
        return actor

    return dependency


# The name says what the route does; the check is the same (`require` checks CSRF on writes).
require_write = require


async def check_csrf(request: Request, actor: Actor) -> None:
    if actor.csrf_token is None:  # bearer token: not sent by browsers on their own
        return
    sent = request.headers.get(CSRF_HEADER) or await _form_csrf(request)
    if not sent or not hmac.compare_digest(sent, actor.csrf_token):
        raise CsrfFailed("the form's CSRF token is missing or wrong")


async def _form_csrf(request: Request) -> str | None:
    if "form" not in request.headers.get("content-type", ""):
        return None
    value = (await request.form()).get(CSRF_FIELD)
    return value if isinstance(value, str) else None


def login_form_token(secret: bytes, nonce: str) -> str:
    """The login form's CSRF token: bound to the pre-login cookie's random nonce by HMAC."""
    return hmac.new(secret, f"login:{nonce}".encode(), hashlib.sha256).hexdigest()


def check_login_token(secret: bytes, nonce: str | None, sent: str | None) -> None:
    if not nonce or not sent or not hmac.compare_digest(login_form_token(secret, nonce), sent):
        raise CsrfFailed("the login form's CSRF token is missing or wrong")


def set_cookie(request: Request, response: Response, name: str, value: str, max_age: int) -> None:
    """HttpOnly, SameSite=Lax, and Secure whenever the app is reached over TLS."""
    response.set_cookie(
        name,
        value,
        max_age=max_age,
        path="/",
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
    )


class LoginThrottle:
    """Failed logins per user name and per client address, in a moving one-minute window.

    The failures are rows in the database, so several `intake serve` processes behind one load
    balancer throttle together (an in-memory count would give an attacker N times the tries)."""

    WINDOW = dt.timedelta(minutes=1)

    def __init__(self, engine: Engine, per_name: int, per_address: int) -> None:
        self._engine = engine
        self._per_name = per_name
        self._per_address = per_address

    def check(self, name: str, address: str) -> None:
        with session_scope(self._engine) as session:
            since = utcnow() - self.WINDOW
            if (
                _failures_since(session, _name_key(name), since) >= self._per_name
                or _failures_since(session, _address_key(address), since) >= self._per_address
            ):
                raise TooManyAttempts("too many failed logins")

    def failed(self, name: str, address: str) -> None:
        with session_scope(self._engine) as session:
            now = utcnow()
            session.exec(delete(LoginFailure).where(col(LoginFailure.at) < now - self.WINDOW))
            session.add(LoginFailure(key_sha256=_name_key(name), at=now))
            session.add(LoginFailure(key_sha256=_address_key(address), at=now))


def _failures_since(session: Session, key: str, since: dt.datetime) -> int:
    query = select(func.count()).where(col(LoginFailure.key_sha256) == key, col(LoginFailure.at) >= since)
    return session.exec(query).one()


def _name_key(name: str) -> str:
    return token_digest("name:" + name.lower())


def _address_key(address: str) -> str:
    return token_digest("address:" + address)
