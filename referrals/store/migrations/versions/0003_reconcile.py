"""Billing reconciliation's tables (referrals/reconcile/tables.py): authorizations on file, billed lines,
per-line results, runs, sync marks.

Revision ID: 0003_reconcile
Revises: 0002
Create Date: 2026-11-25

The tables as they were at this revision (later columns come in later revisions). A table that
exists already is left alone: `referrals.reconcile.persist.ensure_tables` creates them on first
use in a database the service has not migrated.
"""

from __future__ import annotations

import sqlalchemy as sa
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
    existing = set(sa.inspect(op.get_bind()).get_table_names())
    if "reconcile_authorizations" not in existing:
        op.create_table(
            "reconcile_authorizations",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("number", sa.String(length=64), nullable=True),
            sa.Column("number_key", sa.String(length=64), nullable=False),
            sa.Column("member_id", sa.String(length=80), nullable=True),
            sa.Column("payer_id", sa.String(length=80), nullable=True),
            sa.Column("service_codes", sa.Text(), nullable=False),
            sa.Column("authorized_quantity", sa.Float(), nullable=True),
            sa.Column("effective_from", sa.Date(), nullable=True),
            sa.Column("effective_to", sa.Date(), nullable=True),
            sa.Column("servicing_npi", sa.String(length=10), nullable=True),
            sa.Column("status", sa.String(length=16), nullable=False),
            sa.Column("source_kind", sa.String(length=16), nullable=False),
            sa.Column("source_id", sa.String(length=160), nullable=False),
            sa.Column("source_document", sa.String(length=64), nullable=True),
            sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=True),
            sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True),
            sa.PrimaryKeyConstraint("id"),
            sa.UniqueConstraint("source_kind", "source_id", "number_key", name="uq_reconcile_auth_source"),
        )
        op.create_index(
            op.f("ix_reconcile_authorizations_member_id"), "reconcile_authorizations", ["member_id"], unique=False
        )
        op.create_index(
            op.f("ix_reconcile_authorizations_number_key"), "reconcile_authorizations", ["number_key"], unique=False
        )
        op.create_index(
            op.f("ix_reconcile_authorizations_payer_id"), "reconcile_authorizations", ["payer_id"], unique=False
        )
        op.create_index(
            op.f("ix_reconcile_authorizations_updated_at"), "reconcile_authorizations", ["updated_at"], unique=False
        )
    if "reconcile_billed_lines" not in existing:
        op.create_table(
            "reconcile_billed_lines",
            sa.Column("claim_record_id", sa.String(length=40), nullable=False),
            sa.Column("line_index", sa.Integer(), nullable=False),
            sa.Column("claim_id", sa.String(length=64), nullable=True),
            sa.Column("member_id", sa.String(length=80), nullable=True),
            sa.Column("payer_id", sa.String(length=80), nullable=True),
            sa.Column("code", sa.String(length=16), nullable=False),
            sa.Column("modifiers", sa.String(length=32), nullable=False),
            sa.Column("charge_cents", sa.Integer(), nullable=False),
            sa.Column("units", sa.Float(), nullable=False),
            sa.Column("service_date", sa.Date(), nullable=True),
            sa.Column("prior_authorization", sa.String(length=64), nullable=True),
            sa.Column("authorization_on_line", sa.Boolean(), nullable=False),
            sa.Column("billing_npi", sa.String(length=10), nullable=True),
            sa.Column("rendering_npi", sa.String(length=10), nullable=True),
            sa.Column("source_document", sa.String(length=64), nullable=True),
            sa.Column("received_at", sa.DateTime(timezone=True), nullable=True),
            sa.Column("stored_at", sa.DateTime(timezone=True), nullable=True),
            sa.PrimaryKeyConstraint("claim_record_id", "line_index"),
        )
        op.create_index(
            op.f("ix_reconcile_billed_lines_claim_id"), "reconcile_billed_lines", ["claim_id"], unique=False
        )
        op.create_index(
            op.f("ix_reconcile_billed_lines_payer_id"), "reconcile_billed_lines", ["payer_id"], unique=False
        )
        op.create_index(
            op.f("ix_reconcile_billed_lines_stored_at"), "reconcile_billed_lines", ["stored_at"], unique=False
        )
        op.create_index(
            "ix_reconcile_lines_billing_order",
            "reconcile_billed_lines",
            ["service_date", "received_at", "claim_record_id", "line_index"],
            unique=False,
        )
    if "reconcile_results" not in existing:
        op.create_table(
            "reconcile_results",
            sa.Column("claim_record_id", sa.String(length=40), nullable=False),
            sa.Column("line_index", sa.Integer(), nullable=False),
            sa.Column("outcome", sa.String(length=16), nullable=False),
            sa.Column("match_kind", sa.String(length=16), nullable=False),
            sa.Column("authorization_id", sa.Integer(), nullable=True),
            sa.Column("authorization_number", sa.String(length=64), nullable=True),
            sa.Column("match_reason", sa.Text(), nullable=False),
            sa.Column("kinds", sa.String(length=255), nullable=False),
            sa.Column("discrepancies", sa.Text(), nullable=False),
            sa.Column("at_risk_cents", sa.Integer(), nullable=False),
            sa.Column("units_billed_before", sa.Float(), nullable=False),
            sa.Column("signature", sa.String(length=40), nullable=False),
            sa.Column("change", sa.String(length=24), nullable=False),
            sa.Column("previous_outcome", sa.String(length=16), nullable=True),
            sa.Column("first_seen_at", sa.DateTime(timezone=True), nullable=True),
            sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True),
            sa.Column("run_id", sa.Integer(), nullable=True),
            sa.PrimaryKeyConstraint("claim_record_id", "line_index"),
        )
        op.create_index(op.f("ix_reconcile_results_outcome"), "reconcile_results", ["outcome"], unique=False)
    if "reconcile_runs" not in existing:
        op.create_table(
            "reconcile_runs",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
            sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
            sa.Column("lines", sa.Integer(), nullable=False),
            sa.Column("changed", sa.Integer(), nullable=False),
            sa.Column("newly_matched", sa.Integer(), nullable=False),
            sa.Column("at_risk_cents", sa.Integer(), nullable=False),
            sa.PrimaryKeyConstraint("id"),
        )
    if "reconcile_sync_marks" not in existing:
        op.create_table(
            "reconcile_sync_marks",
            sa.Column("name", sa.String(length=32), nullable=False),
            sa.Column("mark", sa.DateTime(timezone=True), nullable=True),
            sa.PrimaryKeyConstraint("name"),
        )


def downgrade() -> None:
    for name in reversed(TABLES):
        op.drop_table(name)
