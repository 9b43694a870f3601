"""Failure reports and their notification outbox.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

from fuelstats.collector.models import Xid8

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "failure_reports",
        sa.Column("id", sa.BigInteger(), sa.Identity(), nullable=False),
        sa.Column("master_node_uid", sa.Text(), nullable=False),
        sa.Column("report_id", sa.Uuid(), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("release", sa.Text(), nullable=False),
        sa.Column("cluster_id", sa.BigInteger(), nullable=True),
        sa.Column("task_uuid", sa.Text(), nullable=False),
        sa.Column("task_name", sa.Text(), nullable=False),
        sa.Column("error_message", sa.Text(), nullable=False),
        sa.Column("contact", JSONB(), nullable=False),
        sa.Column("report", JSONB(), nullable=False),
        sa.Column("xact_id", Xid8(), nullable=False, server_default=sa.text("pg_current_xact_id()")),
        sa.PrimaryKeyConstraint("id", name="pk_failure_reports"),
        sa.UniqueConstraint("master_node_uid", "report_id", name="uq_failure_reports_master_node_uid_report_id"),
    )
    op.create_index("ix_failure_reports_xact_id_id", "failure_reports", ["xact_id", "id"])
    op.create_index("ix_failure_reports_received_at", "failure_reports", ["received_at"])
    op.create_index("ix_failure_reports_release", "failure_reports", ["release"])

    op.create_table(
        "failure_notifications",
        sa.Column("id", sa.BigInteger(), sa.Identity(), nullable=False),
        sa.Column("failure_report_id", sa.BigInteger(), nullable=False),
        sa.Column("channel", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("attempts", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("delivered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_failure_notifications"),
        sa.ForeignKeyConstraint(["failure_report_id"], ["failure_reports.id"], ondelete="CASCADE",
                                name="fk_failure_notifications_report"),
        sa.UniqueConstraint("failure_report_id", "channel", name="uq_failure_notifications_failure_report_id_channel"),
        sa.CheckConstraint("channel IN ('email', 'webhook')", name="ck_failure_notifications_channel"),
    )
    # Only the rows still to deliver: what every dispatcher pass looks for.
    op.create_index("ix_failure_notifications_due", "failure_notifications", ["next_attempt_at"],
                    postgresql_where=sa.text("delivered_at IS NULL"))


def downgrade() -> None:
    op.drop_table("failure_notifications")
    op.drop_table("failure_reports")
