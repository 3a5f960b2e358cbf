"""PostgreSQL: the record JSON and outbox payloads compressed with lz4 instead of pglz.

A record's JSON is about 3 KB, so PostgreSQL compresses it (TOAST) in `records.data` and again
in `outbox_messages.payload`; pglz costs the server more CPU than the rest of the row (about
40 ms per 300 small X12 files, bench/service.py), lz4 about a third of that. Only where the
server was built with lz4; rows already stored stay as they are. SQLite: nothing to do.

Revision ID: 0006_lz4_json
Revises: 0005_login_failures
Create Date: 2026-11-26
"""

from __future__ import annotations

from alembic import op

revision = "0006_lz4_json"
down_revision = "0005_login_failures"
branch_labels = None
depends_on = None

COLUMNS = (("records", "data"), ("outbox_messages", "payload"))
_LZ4_BUILT_IN = "SELECT count(*) FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)"


def upgrade() -> None:
    _compress_with("lz4")


def downgrade() -> None:
    _compress_with("pglz")


def _compress_with(method: str) -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql" or not bind.exec_driver_sql(_LZ4_BUILT_IN).scalar():
        return
    for table, column in COLUMNS:
        op.execute(f"ALTER TABLE {table} ALTER COLUMN {column} SET COMPRESSION {method}")
