"""Collector schema: action logs (partitioned by month), installation structures, OSWL stats.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

from fuelstats.collector.models import Xid8

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _xact_id() -> sa.Column:
    return sa.Column("xact_id", Xid8(), nullable=False, server_default=sa.text("pg_current_xact_id()"))


def upgrade() -> None:
    op.create_table(
        "action_log_keys",
        sa.Column("master_node_uid", sa.Text(), nullable=False),
        sa.Column("external_id", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("master_node_uid", "external_id", name="pk_action_log_keys"),
    )
    op.create_table(
        "action_logs",
        sa.Column("id", sa.BigInteger(), sa.Identity(), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("master_node_uid", sa.Text(), nullable=False),
        sa.Column("external_id", sa.BigInteger(), nullable=False),
        sa.Column("action_type", sa.Text(), nullable=True),
        sa.Column("action_name", sa.Text(), nullable=True),
        sa.Column("body", JSONB(), nullable=False),
        _xact_id(),
        sa.PrimaryKeyConstraint("id", "received_at", name="pk_action_logs"),
        postgresql_partition_by="RANGE (received_at)",
    )
    # (xact_id, id): the order in which the ETL reads, and where a killed pass resumes.
    op.create_index("ix_action_logs_xact_id_id", "action_logs", ["xact_id", "id"])
    op.create_index("ix_action_logs_master_node_uid_external_id", "action_logs", ["master_node_uid", "external_id"])
    op.create_index("ix_action_logs_deployments", "action_logs", ["master_node_uid", "external_id"],
                    postgresql_where=sa.text("action_name = 'deployment'"))

    op.create_table(
        "installation_structures",
        sa.Column("id", sa.Integer(), sa.Identity(), nullable=False),
        sa.Column("master_node_uid", sa.Text(), nullable=False),
        sa.Column("structure", JSONB(), nullable=False),
        sa.Column("release", sa.Text(), nullable=True),
        sa.Column("is_filtered", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("creation_date", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("modification_date", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        _xact_id(),
        sa.PrimaryKeyConstraint("id", name="pk_installation_structures"),
        sa.UniqueConstraint("master_node_uid", name="uq_installation_structures_master_node_uid"),
    )
    op.create_index("ix_installation_structures_xact_id_id", "installation_structures", ["xact_id", "id"])
    for column in ("creation_date", "modification_date", "release", "is_filtered"):
        op.create_index(f"ix_installation_structures_{column}", "installation_structures", [column])

    op.create_table(
        "oswl_stats",
        sa.Column("id", sa.BigInteger(), sa.Identity(), nullable=False),
        sa.Column("master_node_uid", sa.Text(), nullable=False),
        sa.Column("external_id", sa.BigInteger(), nullable=False),
        sa.Column("cluster_id", sa.BigInteger(), nullable=False),
        sa.Column("created_date", sa.Date(), nullable=False),
        sa.Column("updated_time", sa.Time(), nullable=False),
        sa.Column("resource_type", sa.Text(), nullable=False),
        sa.Column("resource_checksum", sa.Text(), nullable=False),
        sa.Column("resource_data", JSONB(), nullable=False),
        sa.Column("version_info", JSONB(), nullable=True),
        sa.Column("received_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        _xact_id(),
        sa.PrimaryKeyConstraint("id", name="pk_oswl_stats"),
        sa.UniqueConstraint(
            "master_node_uid", "external_id", "resource_type",
            name="uq_oswl_stats_master_node_uid_external_id_resource_type",
        ),
    )
    op.create_index("ix_oswl_stats_xact_id_id", "oswl_stats", ["xact_id", "id"])
    op.create_index("ix_oswl_stats_created_date", "oswl_stats", ["created_date"])


def downgrade() -> None:
    op.drop_table("oswl_stats")
    op.drop_table("installation_structures")
    op.drop_table("action_logs")  # its monthly partitions go with it
    op.drop_table("action_log_keys")
