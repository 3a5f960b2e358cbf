"""The login throttle counts failed logins in the database, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest

from referrals.config import Settings
from referrals.store.engine import make_engine, upgrade
from referrals.store.models import utcnow
from referrals.web import security
from referrals.web.errors import TooManyAttempts
from referrals.web.security import LoginThrottle


def test_login_throttle_is_shared_by_every_server_process(settings: Settings) -> None:
    """Two `intake serve` processes on one database: failures seen by one count in the other."""
    upgrade(make_engine(settings.database_url))
    first, second = (LoginThrottle(make_engine(settings.database_url), per_name=3, per_address=100) for _ in range(2))
    for throttle in (first, second, first):
        throttle.check("ann", "10.0.0.1")
        throttle.failed("ann", "10.0.0.1")
    with pytest.raises(TooManyAttempts):
        second.check("ann", "10.0.0.2")  # the name is locked, whichever address and process
    second.check("bob", "10.0.0.1")  # another name from the same address is not (yet)


def test_login_throttle_forgets_failures_after_a_minute(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    engine = make_engine(settings.database_url)
    upgrade(engine)
    throttle = LoginThrottle(engine, per_name=1, per_address=1)
    throttle.failed("ann", "10.0.0.1")
    with pytest.raises(TooManyAttempts):
        throttle.check("ann", "10.0.0.1")
    later = utcnow() + dt.timedelta(seconds=61)
    monkeypatch.setattr(security, "utcnow", lambda: later)
    throttle.check("ann", "10.0.0.1")
