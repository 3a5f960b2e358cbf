"""Alembic environment: runs on the connection `referrals.store.engine.upgrade` hands over."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

import referrals.reconcile.tables
import referrals.store.models
import referrals.users  # noqa: F401  (the web app's tables: users, api_tokens, web_sessions, login_failures)

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through `intake db upgrade` (referrals.store.engine.upgrade)")
context.configure(connection=connection, target_metadata=SQLModel.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
