"""The asynchronous jobs (docs/jobs.md): their rows, and procrastinate's queue beside them.

procrastinate's schema is applied as the pinned version ships it (fuelstats.analytics.jobqueue), so
that `fuelstats analytics db upgrade` is the one step that makes the analytics' database ready.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

from fuelstats.analytics import jobqueue

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

PENDING = "state IN ('queued', 'running')"


def upgrade() -> None:
    op.create_table(
        "jobs",
        sa.Column("id", sa.Uuid(), server_default=sa.func.gen_random_uuid(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("parameters", JSONB(), nullable=False),
        sa.Column("dedupe_key", sa.Text(), nullable=False),
        sa.Column("state", sa.Text(), server_default=sa.text("'queued'"), nullable=False),
        sa.Column("queue_job_id", sa.BigInteger(), nullable=True),
        sa.Column("attempts", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("rows_done", sa.BigInteger(), server_default=sa.text("0"), nullable=False),
        sa.Column("rows_estimate", sa.BigInteger(), nullable=True),
        sa.Column("bytes_done", sa.BigInteger(), server_default=sa.text("0"), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("result_file", sa.Text(), nullable=True),
        sa.Column("result_bytes", sa.BigInteger(), nullable=True),
        sa.Column("result_sha256", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_jobs"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE", name="fk_jobs_user_id"),
        sa.CheckConstraint("kind IN ('export', 'report')", name="ck_jobs_kind"),
        sa.CheckConstraint("state IN ('queued', 'running', 'succeeded', 'failed', 'cancelled', 'expired')",
                           name="ck_jobs_state"),
    )
    op.create_index("uq_jobs_pending_dedupe_key", "jobs", ["dedupe_key"], unique=True,
                    postgresql_where=sa.text(PENDING))
    op.create_index("ix_jobs_user_id_created_at", "jobs", ["user_id", "created_at"])
    op.create_index("ix_jobs_state", "jobs", ["state"])
    jobqueue.apply_schema(op.get_bind().connection.dbapi_connection)


def downgrade() -> None:
    jobqueue.drop_schema(op.get_bind().connection.dbapi_connection)
    op.drop_table("jobs")
