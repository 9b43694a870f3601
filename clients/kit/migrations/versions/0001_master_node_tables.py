"""The master node's tables the kit needs: action logs, master node settings, OSWL stats, and the
releases, clusters, nodes and plugins the installation info is read from.

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _json(name: str, default: str | None) -> sa.Column:
    server_default = sa.text(f"'{default}'") if default is not None else None
    return sa.Column(name, sa.JSON(), nullable=default is None, server_default=server_default)


def upgrade() -> None:
    op.create_table(
        "action_logs",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("actor_id", sa.Text(), nullable=True),
        sa.Column("action_group", sa.Text(), nullable=False),
        sa.Column("action_name", sa.Text(), nullable=False),
        sa.Column("action_type", sa.Text(), nullable=False),
        sa.Column("start_timestamp", sa.DateTime(), nullable=False),
        sa.Column("end_timestamp", sa.DateTime(), nullable=True),
        _json("additional_info", "{}"),
        sa.Column("is_sent", sa.Boolean(), nullable=False, server_default=sa.text("false")),
        sa.Column("cluster_id", sa.Integer(), nullable=True),
        sa.Column("task_uuid", sa.Text(), nullable=True),
        sa.CheckConstraint("action_type IN ('http_request', 'nailgun_task')", name="ck_action_logs_action_type"),
    )
    op.create_index("ix_action_logs_unsent", "action_logs", ["id"], postgresql_where=sa.text("NOT is_sent"))
    op.create_index("ix_action_logs_task_uuid", "action_logs", ["task_uuid"])
    op.create_table(
        "master_node_settings",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("master_node_uid", sa.Text(), nullable=False, unique=True),
        _json("settings", "{}"),
    )
    op.create_table(
        "oswl_stats",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("cluster_id", sa.Integer(), nullable=False),
        sa.Column("created_date", sa.Date(), nullable=False),
        sa.Column("updated_time", sa.Time(), nullable=False),
        sa.Column("resource_type", sa.Text(), nullable=False),
        sa.Column("resource_data", sa.JSON(), nullable=False),
        sa.Column("resource_checksum", sa.Text(), nullable=False),
        sa.Column("version_info", sa.JSON(), nullable=True),
        sa.Column("is_sent", sa.Boolean(), nullable=False, server_default=sa.text("false")),
    )
    op.create_index("ix_oswl_stats_unsent", "oswl_stats", ["id"], postgresql_where=sa.text("NOT is_sent"))
    op.create_table(
        "releases",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("version", sa.Text(), nullable=False),
        sa.Column("operating_system", sa.Text(), nullable=False),
    )
    op.create_table(
        "clusters",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("mode", sa.Text(), nullable=False),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("release_id", sa.Integer(), sa.ForeignKey("releases.id"), nullable=False),
        sa.Column("net_provider", sa.Text(), nullable=False),
        _json("attributes", "{}"),
        _json("network_configuration", "{}"),
        _json("vmware_attributes", None),
    )
    op.create_table(
        "nodes",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("cluster_id", sa.Integer(), sa.ForeignKey("clusters.id"), nullable=True),
        sa.Column("status", sa.Text(), nullable=False),
        _json("roles", "[]"),
        _json("pending_roles", "[]"),
        sa.Column("os_platform", sa.Text(), nullable=True),
        sa.Column("manufacturer", sa.Text(), nullable=True),
        sa.Column("platform_name", sa.Text(), nullable=True),
        _json("meta", "{}"),
    )
    op.create_table(
        "plugins",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("version", sa.Text(), nullable=False),
        _json("fuel_version", "[]"),
    )
    op.create_table(
        "cluster_plugins",
        sa.Column("cluster_id", sa.Integer(), sa.ForeignKey("clusters.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("plugin_id", sa.Integer(), sa.ForeignKey("plugins.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("enabled", sa.Boolean(), nullable=False, server_default=sa.text("true")),
    )


def downgrade() -> None:
    for table in ("cluster_plugins", "plugins", "nodes", "clusters", "releases", "oswl_stats",
                  "master_node_settings", "action_logs"):
        op.drop_table(table)
