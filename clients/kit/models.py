"""The master node's tables the kit needs, in the shapes Nailgun gives them.

`action_logs`, `master_node_settings` and `oswl_stats` are Nailgun's; `releases`, `clusters`,
`nodes`, `plugins` and `cluster_plugins` are the part of Nailgun's schema the default
installation-info provider reads. Migrations: clients/kit/migrations.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, CheckConstraint, Date, DateTime, ForeignKey, Index, Integer, Text, Time, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class ActionLog(Base):
    __tablename__ = "action_logs"
    __table_args__ = (
        CheckConstraint("action_type IN ('http_request', 'nailgun_task')", name="ck_action_logs_action_type"),
        # The sender's one question: which logs are not sent yet, in order.
        Index("ix_action_logs_unsent", "id", postgresql_where=text("NOT is_sent")),
        Index("ix_action_logs_task_uuid", "task_uuid"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    actor_id: Mapped[str | None] = mapped_column(Text)
    action_group: Mapped[str] = mapped_column(Text)
    action_name: Mapped[str] = mapped_column(Text)
    action_type: Mapped[str] = mapped_column(Text)
    start_timestamp: Mapped[dt.datetime] = mapped_column(DateTime)
    end_timestamp: Mapped[dt.datetime | None] = mapped_column(DateTime)
    additional_info: Mapped[dict[str, Any]] = mapped_column(JSON, server_default=text("'{}'"))
    is_sent: Mapped[bool] = mapped_column(Boolean, server_default=text("false"))
    cluster_id: Mapped[int | None] = mapped_column(Integer)
    task_uuid: Mapped[str | None] = mapped_column(Text)


class MasterNodeSettings(Base):
    __tablename__ = "master_node_settings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    master_node_uid: Mapped[str] = mapped_column(Text, unique=True)
    settings: Mapped[dict[str, Any]] = mapped_column(JSON, server_default=text("'{}'"))


class OswlStat(Base):
    __tablename__ = "oswl_stats"
    __table_args__ = (Index("ix_oswl_stats_unsent", "id", postgresql_where=text("NOT is_sent")),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cluster_id: Mapped[int] = mapped_column(Integer)
    created_date: Mapped[dt.date] = mapped_column(Date)
    updated_time: Mapped[dt.time] = mapped_column(Time)
    resource_type: Mapped[str] = mapped_column(Text)
    resource_data: Mapped[dict[str, Any]] = mapped_column(JSON)
    resource_checksum: Mapped[str] = mapped_column(Text)
    version_info: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    is_sent: Mapped[bool] = mapped_column(Boolean, server_default=text("false"))


class Release(Base):
    __tablename__ = "releases"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    version: Mapped[str] = mapped_column(Text)
    operating_system: Mapped[str] = mapped_column(Text)


class Cluster(Base):
    __tablename__ = "clusters"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    mode: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(Text)
    release_id: Mapped[int] = mapped_column(ForeignKey("releases.id"))
    net_provider: Mapped[str] = mapped_column(Text)
    # Nailgun's editable attributes: {group: {name: {"value": ...}}}; credentials live here too.
    attributes: Mapped[dict[str, Any]] = mapped_column(JSON, server_default=text("'{}'"))
    network_configuration: Mapped[dict[str, Any]] = mapped_column(JSON, server_default=text("'{}'"))
    vmware_attributes: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class Node(Base):
    __tablename__ = "nodes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cluster_id: Mapped[int | None] = mapped_column(ForeignKey("clusters.id"))
    status: Mapped[str] = mapped_column(Text)
    roles: Mapped[list[str]] = mapped_column(JSON, server_default=text("'[]'"))
    pending_roles: Mapped[list[str]] = mapped_column(JSON, server_default=text("'[]'"))
    os_platform: Mapped[str | None] = mapped_column(Text)
    manufacturer: Mapped[str | None] = mapped_column(Text)
    platform_name: Mapped[str | None] = mapped_column(Text)
    meta: Mapped[dict[str, Any]] = mapped_column(JSON, server_default=text("'{}'"))


class Plugin(Base):
    __tablename__ = "plugins"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    version: Mapped[str] = mapped_column(Text)
    fuel_version: Mapped[list[str]] = mapped_column(JSON, server_default=text("'[]'"))


class ClusterPlugin(Base):
    __tablename__ = "cluster_plugins"

    cluster_id: Mapped[int] = mapped_column(ForeignKey("clusters.id", ondelete="CASCADE"), primary_key=True)
    plugin_id: Mapped[int] = mapped_column(ForeignKey("plugins.id", ondelete="CASCADE"), primary_key=True)
    enabled: Mapped[bool] = mapped_column(Boolean, server_default=text("true"))
