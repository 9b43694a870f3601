"""ETL checkpoints: how far each stream has been carried into Elasticsearch.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from fuelstats.collector.models import Xid8

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "etl_checkpoints",
        sa.Column("stream", sa.Text(), nullable=False),
        sa.Column("done_snapshot", sa.Text(), server_default=sa.text("'1:1:'"), nullable=False),
        sa.Column("pass_snapshot", sa.Text(), nullable=True),
        sa.Column("pass_after_xact_id", Xid8(), nullable=True),
        sa.Column("pass_after_id", sa.BigInteger(), nullable=True),
        sa.Column("indexed", sa.BigInteger(), server_default=sa.text("0"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.PrimaryKeyConstraint("stream", name="pk_etl_checkpoints"),
    )


def downgrade() -> None:
    op.drop_table("etl_checkpoints")
