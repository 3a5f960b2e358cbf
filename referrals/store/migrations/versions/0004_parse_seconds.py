"""How long parsing each document took (OCR for a fax), for `/metrics`.

Revision ID: 0004_parse_seconds
Revises: 0003_web
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_parse_seconds"
down_revision = "0003_web"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("parse_seconds", sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("parse_seconds")
