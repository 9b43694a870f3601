"""Every SQL statement of the collector.

Each batch costs a constant number of statements however many records it holds: records travel
to PostgreSQL as one JSON array and are unpacked there (``jsonb_to_recordset``), and uniqueness
is settled by ``INSERT ... ON CONFLICT``. Callers run these functions inside one transaction, so a
batch is stored whole or not at all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, bindparam, text
from sqlalchemy.dialects.postgresql import JSONB

PARTITIONS_AHEAD = 2
_PARTITION_LOCK = 0x66_75_65_6C  # "fuel": serialises partition creation between workers


def _month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def _next_month(month: dt.date) -> dt.date:
    return (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def partition_name(month: dt.date) -> str:
    return f"action_logs_{month:%Y_%m}"


def ensure_action_log_partitions(
    connection: Connection, *, today: dt.date | None = None, ahead: int = PARTITIONS_AHEAD
) -> list[str]:
    """Create the monthly partitions of action_logs from this month to ``ahead`` months on."""
    month = _month_start(today or dt.datetime.now(dt.UTC).date())
    connection.execute(text("SELECT pg_advisory_xact_lock(:lock)"), {"lock": _PARTITION_LOCK})
    names = []
    for _ in range(ahead + 1):
        following = _next_month(month)
        name = partition_name(month)
        connection.execute(
            text(
                f"CREATE TABLE IF NOT EXISTS {name} PARTITION OF action_logs "
                f"FOR VALUES FROM ('{month.isoformat()} 00:00+00') TO ('{following.isoformat()} 00:00+00')"
            )
        )
        names.append(name)
        month = following
    return names


_months_with_partitions: set[tuple[str, dt.date]] = set()


def ensure_current_partitions(connection: Connection) -> None:
    """Make sure this month's partition exists; the check costs statements once a month per process."""
    known = (str(connection.engine.url), _month_start(dt.datetime.now(dt.UTC).date()))
    if known not in _months_with_partitions:
        ensure_action_log_partitions(connection, today=known[1])
        _months_with_partitions.add(known)


def action_log_partitions(connection: Connection) -> list[str]:
    rows = connection.execute(
        text(
            "SELECT child.relname FROM pg_inherits"
            " JOIN pg_class parent ON parent.oid = pg_inherits.inhparent"
            " JOIN pg_class child ON child.oid = pg_inherits.inhrelid"
            " WHERE parent.relname = 'action_logs' ORDER BY child.relname"
        )
    )
    return [row[0] for row in rows]


# --- action logs ---------------------------------------------------------------------------------

_INSERT_ACTION_LOGS = text(
    """
    WITH incoming AS (
        SELECT * FROM jsonb_to_recordset(:records) AS r(
            master_node_uid text, external_id bigint, action_type text, action_name text, body jsonb)
    ),
    new_keys AS (
        INSERT INTO action_log_keys (master_node_uid, external_id)
        SELECT DISTINCT master_node_uid, external_id FROM incoming
        ON CONFLICT DO NOTHING
        RETURNING master_node_uid, external_id
    ),
    stored AS (
        INSERT INTO action_logs (master_node_uid, external_id, action_type, action_name, body)
        SELECT DISTINCT ON (incoming.master_node_uid, incoming.external_id)
               incoming.master_node_uid, incoming.external_id, incoming.action_type, incoming.action_name,
               incoming.body
        FROM incoming JOIN new_keys USING (master_node_uid, external_id)
        RETURNING master_node_uid, external_id
    )
    SELECT master_node_uid, external_id FROM stored
    """
).bindparams(bindparam("records", type_=JSONB))


@dataclass(frozen=True)
class ActionLogRow:
    master_node_uid: str
    external_id: int
    action_type: str | None
    action_name: str | None
    body: dict[str, Any]


def insert_action_logs(connection: Connection, rows: Sequence[ActionLogRow]) -> set[tuple[str, int]]:
    """Store the rows not stored before; return the keys (master_node_uid, external_id) stored now."""
    if not rows:
        return set()
    records = [row.__dict__ for row in rows]
    result = connection.execute(_INSERT_ACTION_LOGS, {"records": records})
    return {(uid, external_id) for uid, external_id in result}


# --- installation structures ---------------------------------------------------------------------

_UPSERT_INSTALLATION_STRUCTURE = text(
    """
    INSERT INTO installation_structures AS current (master_node_uid, structure, release, is_filtered)
    VALUES (:master_node_uid, :structure, :release, :is_filtered)
    ON CONFLICT (master_node_uid) DO UPDATE SET
        structure = excluded.structure,
        release = excluded.release,
        is_filtered = excluded.is_filtered,
        modification_date = now(),
        xact_id = pg_current_xact_id()
    RETURNING (xmax = 0) AS created
    """
).bindparams(bindparam("structure", type_=JSONB))


def upsert_installation_structure(
    connection: Connection, *, master_node_uid: str, structure: dict[str, Any], release: str | None, is_filtered: bool
) -> bool:
    """Store the master node's current structure; True when it is the node's first."""
    created = connection.execute(
        _UPSERT_INSTALLATION_STRUCTURE,
        {"master_node_uid": master_node_uid, "structure": structure, "release": release, "is_filtered": is_filtered},
    ).scalar_one()
    return bool(created)


def installation_creation_date(connection: Connection, master_node_uid: str) -> dt.date | None:
    created = connection.execute(
        text("SELECT creation_date FROM installation_structures WHERE master_node_uid = :uid"),
        {"uid": master_node_uid},
    ).scalar_one_or_none()
    return created.date() if created is not None else None


def installation_structures_for_filtering(connection: Connection) -> Iterable[tuple[int, dict[str, Any], dt.datetime, bool]]:
    """(id, structure, creation_date, is_filtered) of every stored structure, streamed."""
    result = connection.execute(
        text("SELECT id, structure, creation_date, is_filtered FROM installation_structures ORDER BY id"),
        execution_options={"stream_results": True, "yield_per": 1000},
    )
    for id_, structure, creation_date, is_filtered in result:
        yield id_, structure, creation_date, is_filtered


def set_filtered(connection: Connection, changes: dict[int, bool]) -> None:
    if not changes:
        return
    connection.execute(
        text(
            """
            UPDATE installation_structures AS s
            SET is_filtered = c.is_filtered, xact_id = pg_current_xact_id()
            FROM jsonb_to_recordset(:changes) AS c(id integer, is_filtered boolean)
            WHERE s.id = c.id
            """
        ).bindparams(bindparam("changes", type_=JSONB)),
        {"changes": [{"id": id_, "is_filtered": value} for id_, value in changes.items()]},
    )


# --- OSWL stats ----------------------------------------------------------------------------------

_UPSERT_OSWL_STATS = text(
    """
    WITH incoming AS (
        SELECT * FROM jsonb_to_recordset(:records) AS r(
            master_node_uid text, external_id bigint, cluster_id bigint, created_date date, updated_time time,
            resource_type text, resource_checksum text, resource_data jsonb, version_info jsonb)
    )
    INSERT INTO oswl_stats AS current (master_node_uid, external_id, cluster_id, created_date, updated_time,
                                       resource_type, resource_checksum, resource_data, version_info)
    SELECT master_node_uid, external_id, cluster_id, created_date, updated_time,
           resource_type, resource_checksum, resource_data, version_info
    FROM incoming
    ON CONFLICT (master_node_uid, external_id, resource_type) DO UPDATE SET
        cluster_id = excluded.cluster_id,
        created_date = excluded.created_date,
        updated_time = excluded.updated_time,
        resource_checksum = excluded.resource_checksum,
        resource_data = excluded.resource_data,
        version_info = excluded.version_info,
        received_at = now(),
        xact_id = pg_current_xact_id()
    RETURNING master_node_uid, external_id, resource_type, (xmax = 0) AS created
    """
).bindparams(bindparam("records", type_=JSONB))


def upsert_oswl_stats(connection: Connection, records: Sequence[dict[str, Any]]) -> dict[tuple[str, int, str], bool]:
    """Store each record, replacing an earlier one with the same key; map key to 'created now'."""
    if not records:
        return {}
    # ON CONFLICT DO UPDATE may touch a row once per statement: of repeated keys the last one wins.
    latest = {(r["master_node_uid"], r["external_id"], r["resource_type"]): r for r in records}
    result = connection.execute(_UPSERT_OSWL_STATS, {"records": list(latest.values())})
    return {(uid, external_id, resource_type): created for uid, external_id, resource_type, created in result}


# --- failure reports and their notification outbox -----------------------------------------------

_INSERT_FAILURE_REPORT = text(
    """
    WITH report AS (
        INSERT INTO failure_reports (master_node_uid, report_id, release, cluster_id, task_uuid, task_name,
                                     error_message, contact, report)
        VALUES (:master_node_uid, :report_id, :release, :cluster_id, :task_uuid, :task_name,
                :error_message, :contact, :report)
        ON CONFLICT (master_node_uid, report_id) DO NOTHING
        RETURNING id
    ),
    outbox AS (
        INSERT INTO failure_notifications (failure_report_id, channel)
        SELECT report.id, channel FROM report, unnest(CAST(:channels AS text[])) AS channel
    )
    SELECT id FROM report
    """
).bindparams(bindparam("contact", type_=JSONB), bindparam("report", type_=JSONB))


@dataclass(frozen=True)
class FailureReportRow:
    master_node_uid: str
    report_id: str
    release: str
    cluster_id: int | None
    task_uuid: str
    task_name: str
    error_message: str
    contact: dict[str, Any]
    report: dict[str, Any]


def insert_failure_report(connection: Connection, row: FailureReportRow, channels: Sequence[str]) -> bool:
    """Store the report with one outbox row per channel, in one statement; False when it was stored before."""
    stored = connection.execute(_INSERT_FAILURE_REPORT, {**row.__dict__, "channels": list(channels)})
    return stored.scalar_one_or_none() is not None


@dataclass(frozen=True, kw_only=True)
class DueNotification(FailureReportRow):
    """An outbox row claimed for delivery, with the report its message tells of."""

    id: int
    channel: str
    attempts: int
    received_at: dt.datetime


_CLAIM_DUE_NOTIFICATION = text(
    """
    SELECT n.id, n.channel, n.attempts, CAST(r.report_id AS text) AS report_id, r.master_node_uid, r.received_at,
           r.release, r.cluster_id, r.task_uuid, r.task_name, r.error_message, r.contact, r.report
    FROM failure_notifications n JOIN failure_reports r ON r.id = n.failure_report_id
    WHERE n.delivered_at IS NULL AND n.next_attempt_at <= clock_timestamp()
      AND n.channel = ANY(CAST(:channels AS text[])) AND n.id <> ALL(CAST(:passed AS bigint[]))
    ORDER BY n.next_attempt_at, n.id
    LIMIT 1
    FOR UPDATE OF n SKIP LOCKED
    """
)


def claim_due_notification(
    connection: Connection, channels: Sequence[str], passed: Sequence[int] = ()
) -> DueNotification | None:
    """Lock the notification due longest on one of ``channels`` (not one of ``passed``), skipping rows
    another dispatcher holds; the lock lasts until the caller's transaction ends."""
    row = connection.execute(_CLAIM_DUE_NOTIFICATION, {"channels": list(channels), "passed": list(passed)})
    found = row.mappings().one_or_none()
    return DueNotification(**found) if found else None


def mark_notification_delivered(connection: Connection, notification_id: int, note: str | None = None) -> None:
    connection.execute(
        text("UPDATE failure_notifications SET delivered_at = clock_timestamp(), attempts = attempts + 1,"
             " last_error = :note WHERE id = :id"),
        {"id": notification_id, "note": note},
    )


def mark_notification_failed(connection: Connection, notification_id: int, error: str, retry_in_seconds: float) -> None:
    connection.execute(
        text("UPDATE failure_notifications SET attempts = attempts + 1, last_error = :error,"
             " next_attempt_at = clock_timestamp() + make_interval(secs => :delay) WHERE id = :id"),
        {"id": notification_id, "error": error, "delay": retry_in_seconds},
    )


_OUTBOX_COUNTS = text(
    """
    SELECT channel, count(*) FILTER (WHERE next_attempt_at <= clock_timestamp()) AS due,
           count(*) FILTER (WHERE attempts > 0) AS failing
    FROM failure_notifications WHERE delivered_at IS NULL GROUP BY channel
    """
)


def outbox_counts(connection: Connection) -> dict[str, tuple[int, int]]:
    """Per channel, the undelivered notifications that are due now and those that failed at least once."""
    return {channel: (due, failing) for channel, due, failing in connection.execute(_OUTBOX_COUNTS)}
