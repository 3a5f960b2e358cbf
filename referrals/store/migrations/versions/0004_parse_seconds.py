"""How long parsing each document took (OCR for a fax), for `/metrics`; a billed line's CLM05-3.

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
    # ensure_tables (first use without the service's migrations) creates the table with the column.
    columns = {c["name"] for c in sa.inspect(op.get_bind()).get_columns("reconcile_billed_lines")}
    if "frequency_code" not in columns:
        with op.batch_alter_table("reconcile_billed_lines") as batch:
            batch.add_column(sa.Column("frequency_code", sa.String(length=1), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("reconcile_billed_lines") as batch:
        batch.drop_column("frequency_code")
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("parse_seconds")
