"""Server-side login sessions: the cookie holds a random id, the store only its sha256.

A login always starts a new session (whatever id the browser presented is dropped), so an id
planted before login is worthless after it (no session fixation). Each session has its own
CSRF token, which every form and every cookie-authenticated write must echo.
"""

from __future__ import annotations

import datetime as dt
import secrets

from sqlmodel import Session, col, delete, select

from referrals.store.models import utcnow
from referrals.users import User, WebSession, token_digest


def start_session(session: Session, user: User, hours: float, replacing: str | None) -> str:
    """A fresh session for `user`; the one presented before login (if any) is deleted."""
    if replacing:
        end_session(session, replacing)
    session_id = secrets.token_urlsafe(32)
    now = utcnow()
    assert user.id is not None
    session.add(
        WebSession(
            id_sha256=token_digest(session_id),
            user_id=user.id,
            csrf_token=secrets.token_urlsafe(32),
            created_at=now,
            expires_at=now + dt.timedelta(hours=hours),
        )
    )
    return session_id


def session_user(session: Session, session_id: str) -> tuple[User, WebSession] | None:
    """The user and session behind a cookie value, if it is live."""
    query = select(User, WebSession).join(WebSession).where(WebSession.id_sha256 == token_digest(session_id))
    row = session.exec(query).first()
    if row is None:
        return None
    user, web_session = row
    if web_session.expires_at <= utcnow() or user.disabled:
        return None
    return user, web_session


def end_session(session: Session, session_id: str) -> None:
    session.exec(delete(WebSession).where(col(WebSession.id_sha256) == token_digest(session_id)))


def end_expired_sessions(session: Session) -> None:
    session.exec(delete(WebSession).where(col(WebSession.expires_at) <= utcnow()))
