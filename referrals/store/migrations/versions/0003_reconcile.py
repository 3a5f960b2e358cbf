"""Billing reconciliation's tables (referrals/reconcile/tables.py): authorizations on file, billed lines,
per-line results, runs, sync marks.

Revision ID: 0003_reconcile
Revises: 0002
Create Date: 2026-11-25

Re-chain `down_revision` to the newest revision at merge time (the web app's 0003 also revises 0002).
The tables are created from their SQLModel definitions, skipping any that exist: before this
migration, `referrals.reconcile.persist.ensure_tables` created them on first use.
"""

from __future__ import annotations

from alembic import op

revision = "0003_reconcile"
down_revision = "0002"
branch_labels = None
depends_on = None

TABLES = (
    "reconcile_authorizations",
    "reconcile_billed_lines",
    "reconcile_results",
    "reconcile_runs",
    "reconcile_sync_marks",
)


def upgrade() -> None:
    from referrals.reconcile.persist import ensure_tables

    ensure_tables(op.get_bind())


def downgrade() -> None:
    for name in reversed(TABLES):
        op.drop_table(name)
