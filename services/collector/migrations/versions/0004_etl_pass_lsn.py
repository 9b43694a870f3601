"""ETL checkpoints: the primary's WAL position of a pass's snapshot, for passes that read a standby.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("etl_checkpoints", sa.Column("pass_lsn", sa.Text(), nullable=True))


def downgrade() -> None:
    op.drop_column("etl_checkpoints", "pass_lsn")
