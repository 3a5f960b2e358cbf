"""Provenance: one row per record (the JSON object field path -> entry) instead of one per field.

A small X12 claim has about 14 provenance entries; a row each was the largest part of what the
service stored per file, and nothing queries provenance by field (the web UI, the API and
`queue show` read it from the record's JSON). Existing rows are merged per record, in the order
they were written; the downgrade splits them again.

Revision ID: 0007_provenance_per_record
Revises: 0006_lz4_json
Create Date: 2026-11-26
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0007_provenance_per_record"
down_revision = "0006_lz4_json"
branch_labels = None
depends_on = None

OLD = "provenance_per_field"


def upgrade() -> None:
    op.drop_index("ix_provenance_record_id", table_name="provenance")
    _set_aside()
    op.create_table(
        "provenance",
        sa.Column("record_id", sa.String(length=40), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["record_id"], ["records.id"]),
        sa.PrimaryKeyConstraint("record_id"),
    )
    merged: dict[str, dict[str, object]] = {}
    old_rows = op.get_bind().exec_driver_sql(f"SELECT record_id, field, data FROM {OLD} ORDER BY id")
    for record_id, field, data in old_rows:
        merged.setdefault(record_id, {})[field] = json.loads(data)
    rows = [{"record_id": record_id, "data": json.dumps(entries)} for record_id, entries in merged.items()]
    if rows:
        op.bulk_insert(_per_record(), rows)
    op.drop_table(OLD)


def downgrade() -> None:
    _set_aside()
    op.create_table(
        "provenance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.String(length=40), nullable=False),
        sa.Column("field", sa.String(length=255), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["record_id"], ["records.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_provenance_record_id", "provenance", ["record_id"], unique=False)
    rows = [
        {"record_id": record_id, "field": field, "data": json.dumps(entry)}
        for record_id, data in op.get_bind().exec_driver_sql(f"SELECT record_id, data FROM {OLD} ORDER BY record_id")
        for field, entry in json.loads(data).items()
    ]
    if rows:
        op.bulk_insert(sa.table("provenance", sa.column("record_id"), sa.column("field"), sa.column("data")), rows)
    op.drop_table(OLD)


def _set_aside() -> None:
    """Rename the table out of the way, and on PostgreSQL its primary key's index too (index
    names are per schema there, and the new table's would be the same)."""
    op.rename_table("provenance", OLD)
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"ALTER INDEX provenance_pkey RENAME TO {OLD}_pkey")


def _per_record() -> sa.TableClause:
    return sa.table("provenance", sa.column("record_id"), sa.column("data"))
