"""People who use the web app and the API: users, roles, passwords (argon2) and API tokens.

    add_user(session, "ann", Role.INTAKE, password)   # password hashed with argon2id
    token = issue_token(session, "ann")               # printed once; only its sha256 is stored
    user = user_for_token(session, token)             # None when unknown or revoked

User names are not patient data and may be logged; passwords and tokens never are.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from enum import StrEnum

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Column
from sqlmodel import Field, Session, SQLModel, col, select

from referrals.errors import ConflictError, NotFoundError, UsageError
from referrals.store.models import UTCDateTime, utcnow

TOKEN_PREFIX = "itk_"
MIN_PASSWORD_LENGTH = 12
_hasher = PasswordHasher()
# Verifying against this keeps an unknown user name as slow as a wrong password.
_DUMMY_HASH = _hasher.hash("not-a-real-password-" + secrets.token_hex(8))


class Role(StrEnum):
    INTAKE = "intake"
    BILLING = "billing"
    ADMIN = "admin"


class Permission(StrEnum):
    WORK_QUEUE = "work_queue"  # see, correct, release and reject records in the exception queue
    VIEW_CLAIMS = "view_claims"
    VIEW_RECONCILIATION = "view_reconciliation"
    VIEW_DASHBOARD = "view_dashboard"
    MANAGE_USERS = "manage_users"
    MANAGE_CODESETS = "manage_codesets"


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.INTAKE: frozenset({Permission.WORK_QUEUE, Permission.VIEW_DASHBOARD}),
    Role.BILLING: frozenset({Permission.VIEW_CLAIMS, Permission.VIEW_RECONCILIATION, Permission.VIEW_DASHBOARD}),
    Role.ADMIN: frozenset(Permission),
}


class User(SQLModel, table=True):
    __tablename__ = "users"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True, max_length=64)
    role: str = Field(max_length=16)
    password_hash: str = Field(max_length=255)
    disabled: bool = False
    created_at: dt.datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))

    @property
    def permissions(self) -> frozenset[Permission]:
        return ROLE_PERMISSIONS.get(Role(self.role), frozenset())

    def can(self, permission: Permission) -> bool:
        return permission in self.permissions


class ApiToken(SQLModel, table=True):
    __tablename__ = "api_tokens"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="users.id", index=True)
    token_sha256: str = Field(unique=True, max_length=64)
    created_at: dt.datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    revoked: bool = False


class WebSession(SQLModel, table=True):
    """A browser login (referrals/web/sessions.py); the cookie holds an id whose sha256 is kept here."""

    __tablename__ = "web_sessions"

    id_sha256: str = Field(primary_key=True, max_length=64)
    user_id: int = Field(foreign_key="users.id", index=True)
    csrf_token: str = Field(max_length=64)
    created_at: dt.datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    expires_at: dt.datetime = Field(sa_column=Column(UTCDateTime(), nullable=False, index=True))


class LoginFailure(SQLModel, table=True):
    """One failed login, counted by the login throttle (referrals/web/security.py) for a minute.

    Kept in the database so that every `intake serve` process sharing it counts the same
    failures; `key_sha256` is the digest of "name:<user name>" or "address:<client address>"."""

    __tablename__ = "login_failures"

    id: int | None = Field(default=None, primary_key=True)
    key_sha256: str = Field(max_length=64, index=True)
    at: dt.datetime = Field(sa_column=Column(UTCDateTime(), nullable=False, index=True))


def valid_name(name: str) -> str:
    cleaned = name.strip()
    if not cleaned or len(cleaned) > 64 or not all(c.isalnum() or c in "._-@" for c in cleaned):
        raise UsageError("a user name is 1-64 letters, digits or . _ - @")
    return cleaned


def add_user(session: Session, name: str, role: Role, password: str) -> User:
    """A new user with an argon2id password hash; ConflictError if the name is taken."""
    name = valid_name(name)
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UsageError(f"the password must have at least {MIN_PASSWORD_LENGTH} characters")
    if find_user(session, name) is not None:
        raise ConflictError(f"user {name} exists", remedy="Choose another name.")
    user = User(name=name, role=role.value, password_hash=_hasher.hash(password), created_at=utcnow())
    session.add(user)
    session.flush()
    return user


def find_user(session: Session, name: str) -> User | None:
    return session.exec(select(User).where(User.name == name)).first()


def get_user(session: Session, name: str) -> User:
    user = find_user(session, name)
    if user is None:
        raise NotFoundError(f"no user named {name}", remedy="`intake users add NAME --role ROLE` creates one.")
    return user


def list_users(session: Session) -> list[User]:
    return list(session.exec(select(User).order_by(col(User.name))))


def authenticate(session: Session, name: str, password: str) -> User | None:
    """The user if the password is right and the account enabled; None otherwise (same timing)."""
    user = find_user(session, name)
    if not _password_matches(user.password_hash if user else _DUMMY_HASH, password):
        return None
    if user is None or user.disabled:
        return None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    return user


def _password_matches(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def issue_token(session: Session, name: str) -> str:
    """A new API token for the user; the caller shows it once, the store keeps only its hash."""
    user = get_user(session, name)
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    assert user.id is not None
    session.add(ApiToken(user_id=user.id, token_sha256=token_digest(token), created_at=utcnow()))
    return token


def user_for_token(session: Session, token: str) -> User | None:
    if not token.startswith(TOKEN_PREFIX):
        return None
    query = (
        select(User)
        .join(ApiToken)
        .where(
            ApiToken.token_sha256 == token_digest(token),
            ApiToken.revoked == False,  # noqa: E712
        )
    )
    user = session.exec(query).first()
    return None if user is None or user.disabled else user


def token_digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()
