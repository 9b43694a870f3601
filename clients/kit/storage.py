"""Every SQL statement the kit runs against the master node's database."""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, func, insert, select, update

from fuelstats_common.database import with_driver
from fuelstats_kit.models import (
    ActionLog,
    Cluster,
    ClusterPlugin,
    MasterNodeSettings,
    Node,
    OswlStat,
    Plugin,
    Release,
)


@functools.cache
def master_engine(url: str) -> Engine:
    """The master node's database, one engine per process and URL; pool_pre_ping: a PostgreSQL
    restart costs one failed ping, not one failed run."""
    return create_engine(with_driver(url), pool_pre_ping=True)


# Advisory lock keys of the master's database: one sender run at a time, one settings writer at a time.
SENDER_LOCK = 0x4675656C_0001
SETTINGS_LOCK = 0x4675656C_0002


def try_lock(connection: Connection, key: int) -> bool:
    """A session-level advisory lock, held until unlocked or the connection closes (a killed process too)."""
    return bool(connection.execute(select(func.pg_try_advisory_lock(key))).scalar_one())


def unlock(connection: Connection, key: int) -> None:
    connection.execute(select(func.pg_advisory_unlock(key)))


def lock_for_transaction(connection: Connection, key: int) -> None:
    connection.execute(select(func.pg_advisory_xact_lock(key)))


# --- master node settings ---

def master_node_settings(connection: Connection) -> tuple[str, dict[str, Any]] | None:
    row = connection.execute(
        select(MasterNodeSettings.master_node_uid, MasterNodeSettings.settings).order_by(MasterNodeSettings.id).limit(1)
    ).first()
    return (row.master_node_uid, row.settings) if row else None


def insert_master_node_settings(connection: Connection, master_node_uid: str, settings: dict[str, Any]) -> None:
    connection.execute(insert(MasterNodeSettings).values(master_node_uid=master_node_uid, settings=settings))


def replace_settings(connection: Connection, settings: dict[str, Any]) -> None:
    connection.execute(update(MasterNodeSettings).values(settings=settings))


# --- action logs ---

def insert_action_log(connection: Connection, values: dict[str, Any]) -> int:
    return int(connection.execute(insert(ActionLog).values(**values).returning(ActionLog.id)).scalar_one())


def open_task_start(connection: Connection, task_uuid: str) -> dt.datetime | None:
    """When the task's log that has no end yet began, or None."""
    return connection.execute(
        select(ActionLog.start_timestamp)
        .where(ActionLog.task_uuid == task_uuid, ActionLog.end_timestamp.is_(None))
        .order_by(ActionLog.id.desc()).limit(1)
    ).scalar_one_or_none()


def finish_task_log(connection: Connection, task_uuid: str, end: dt.datetime, info: dict[str, Any]) -> int | None:
    """Set the end of the task's open log and merge `info` into its additional_info; its id, or None."""
    row = connection.execute(
        select(ActionLog.id, ActionLog.additional_info)
        .where(ActionLog.task_uuid == task_uuid, ActionLog.end_timestamp.is_(None))
        .order_by(ActionLog.id.desc()).limit(1).with_for_update()
    ).first()
    if row is None:
        return None
    connection.execute(update(ActionLog).where(ActionLog.id == row.id).values(
        end_timestamp=end, additional_info={**(row.additional_info or {}), **info}))
    return int(row.id)


def unsent_action_logs(connection: Connection, after_id: int, limit: int) -> list[dict[str, Any]]:
    table = ActionLog.__table__
    rows = connection.execute(
        select(table).where(~table.c.is_sent, table.c.id > after_id).order_by(table.c.id).limit(limit)
    ).mappings()
    return [dict(row) for row in rows]


def mark_action_logs_sent(connection: Connection, ids: list[int]) -> None:
    if ids:
        connection.execute(update(ActionLog).where(ActionLog.id.in_(ids)).values(is_sent=True))


def count_unsent_action_logs(connection: Connection) -> int:
    return int(connection.execute(
        select(func.count()).select_from(ActionLog.__table__).where(~ActionLog.is_sent)).scalar_one())


# --- OSWL stats ---

def unsent_oswl_stats(connection: Connection, after_id: int, limit: int) -> list[dict[str, Any]]:
    table = OswlStat.__table__
    rows = connection.execute(
        select(table).where(~table.c.is_sent, table.c.id > after_id).order_by(table.c.id).limit(limit)
    ).mappings()
    return [dict(row) for row in rows]


def mark_oswl_stats_sent(connection: Connection, ids: list[int]) -> None:
    if ids:
        connection.execute(update(OswlStat).where(OswlStat.id.in_(ids)).values(is_sent=True))


def count_unsent_oswl_stats(connection: Connection) -> int:
    return int(connection.execute(
        select(func.count()).select_from(OswlStat.__table__).where(~OswlStat.is_sent)).scalar_one())


# --- what the installation info is read from ---

def clusters(connection: Connection) -> list[dict[str, Any]]:
    """Each cluster with its release's name, version and operating system."""
    rows = connection.execute(
        select(Cluster.__table__, Release.name.label("release_name"), Release.version.label("release_version"),
               Release.operating_system.label("release_os"))
        .join(Release, Cluster.release_id == Release.id).order_by(Cluster.id)
    ).mappings()
    return [dict(row) for row in rows]


def nodes(connection: Connection) -> list[dict[str, Any]]:
    return [dict(row) for row in connection.execute(select(Node.__table__).order_by(Node.id)).mappings()]


def enabled_plugins(connection: Connection) -> list[dict[str, Any]]:
    rows = connection.execute(
        select(ClusterPlugin.cluster_id, Plugin.name, Plugin.version, Plugin.fuel_version)
        .join(Plugin, ClusterPlugin.plugin_id == Plugin.id)
        .where(ClusterPlugin.enabled).order_by(ClusterPlugin.cluster_id, Plugin.name)
    ).mappings()
    return [dict(row) for row in rows]


# --- failure reports (failure_reports.py) ---

def finished_task_log(connection: Connection, task_uuid: str) -> dict[str, Any] | None:
    """The task's latest log that has an end, as its row; None when the task has not ended."""
    table = ActionLog.__table__
    row = connection.execute(
        select(table).where(table.c.task_uuid == task_uuid, table.c.end_timestamp.is_not(None))
        .order_by(table.c.id.desc()).limit(1)
    ).mappings().first()
    return dict(row) if row else None
