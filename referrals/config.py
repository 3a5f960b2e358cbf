"""Settings: environment variables prefixed INTAKE_, each with a matching CLI flag."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="INTAKE_", extra="ignore")

    home: Path = Field(default=Path(".intake"), description="service home: inbox, archive, outbox, acks, db")
    database_url: str | None = Field(default=None, description="SQLAlchemy URL; default sqlite in home")
    urgent_hours: int = Field(default=24, description="due time for urgent referrals, hours")
    standard_hours: int = Field(default=72, description="due time for standard referrals, hours")
    ocr_confidence_threshold: float = Field(default=0.80, ge=0, le=1)
    webhook_url: str | None = None
    webhook_secret: str | None = None
    log_level: str = "INFO"
    # The service (intake watch / outbox deliver).
    stable_seconds: float = Field(default=1.0, ge=0, description="a file is taken once unchanged this long")
    poll_inbox: bool = Field(default=False, description="poll the inbox (network shares) instead of inotify")
    lease_seconds: float = Field(default=300.0, gt=0, description="a claim on a document lasts this long")
    outbox_max_attempts: int = Field(default=8, ge=1, description="deliveries tried before dead-letter")
    outbox_backoff_seconds: float = Field(default=2.0, ge=0, description="first retry delay, doubling")
    outbox_backoff_max_seconds: float = Field(default=600.0, ge=0)
    webhook_timeout_seconds: float = Field(default=10.0, gt=0)

    @property
    def effective_database_url(self) -> str:
        return self.database_url or f"sqlite:///{self.home / 'intake.db'}"


def load_settings(**overrides: object) -> Settings:
    """Settings from the environment, with CLI flags (non-None overrides) taking precedence."""
    given = {k: v for k, v in overrides.items() if v is not None}
    return Settings(**given)  # type: ignore[arg-type]
