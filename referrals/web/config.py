"""The web app's settings (env prefix INTAKE_, like referrals.config.Settings)."""

from __future__ import annotations

import secrets
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

SECRET_FILE_NAME = "web-secret"


class WebSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="INTAKE_", extra="ignore")

    web_secret: str | None = Field(default=None, description="HMAC key for login forms; default: a file in home")
    session_hours: float = Field(default=10.0, gt=0, description="a login lasts this long")
    login_attempts_per_minute: int = Field(default=5, ge=1, description="failed logins per user name")
    login_attempts_per_ip_minute: int = Field(default=20, ge=1, description="failed logins per client address")
    queue_poll_seconds: int = Field(default=10, ge=1, description="how often the queue page looks for news")


def load_secret(settings: WebSettings, home: Path) -> bytes:
    """The configured secret, else one kept in `home/web-secret` (created 0600 on first use)."""
    if settings.web_secret:
        return settings.web_secret.encode()
    path = home / SECRET_FILE_NAME
    if not path.exists():
        home.mkdir(parents=True, exist_ok=True)
        path.touch(mode=0o600)
        path.write_text(secrets.token_hex(32))
    return path.read_text().strip().encode()
