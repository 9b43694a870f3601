"""Every SQL statement of the analytics: exports and counts, read from the collector's database
(its replica when there is one), streamed with server-side cursors.

Date ranges select installations by the day of their last report (modification_date), action
logs by the day they were received, OSWL records by their day (created_date). Filtered
installations (development and test builds) are left out unless asked for.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, text


@dataclass(frozen=True)
class Range:
    since: dt.date | None = None
    until: dt.date | None = None
    include_filtered: bool = False

    def parameters(self) -> dict[str, Any]:
        return {"since": self.since, "until": self.until, "include_filtered": self.include_filtered}


_INSTALLATIONS_IN_RANGE = """
    (CAST(:since AS date) IS NULL OR s.modification_date >= CAST(:since AS date))
    AND (CAST(:until AS date) IS NULL OR s.modification_date < CAST(:until AS date) + 1)
    AND (CAST(:include_filtered AS boolean) OR NOT s.is_filtered)
"""

EXPORTS: dict[str, tuple[list[str], str]] = {
    "clusters": (
        ["master_node_uid", "release", "is_filtered", "cluster_id", "status", "mode", "os", "openstack_version",
         "nodes_num", "hypervisor", "net_provider", "segmentation_type", "installation_created", "last_report"],
        f"""SELECT s.master_node_uid, s.release, s.is_filtered, c->>'id', c->>'status', c->>'mode',
                   c->'release'->>'os', c->'release'->>'version', c->>'nodes_num',
                   coalesce(c->'attributes'->'libvirt_type'->>'value', c->'attributes'->>'libvirt_type'),
                   coalesce(c->>'net_provider', c->'network_configuration'->>'net_provider'),
                   c->'network_configuration'->>'segmentation_type', s.creation_date, s.modification_date
            FROM installation_structures s, jsonb_array_elements(s.structure->'clusters') AS c
            WHERE jsonb_typeof(s.structure->'clusters') = 'array' AND {_INSTALLATIONS_IN_RANGE}
            ORDER BY s.id""",
    ),
    "nodes": (
        ["master_node_uid", "release", "cluster_id", "node_id", "roles", "pending_roles", "status", "os",
         "manufacturer", "platform_name"],
        f"""SELECT s.master_node_uid, s.release, c->>'id', n->>'id',
                   (SELECT string_agg(r, '+' ORDER BY r) FROM jsonb_array_elements_text(
                       CASE WHEN jsonb_typeof(n->'roles') = 'array' THEN n->'roles' ELSE '[]' END) AS r),
                   (SELECT string_agg(r, '+' ORDER BY r) FROM jsonb_array_elements_text(
                       CASE WHEN jsonb_typeof(n->'pending_roles') = 'array' THEN n->'pending_roles' ELSE '[]' END) AS r),
                   n->>'status', n->>'os', n->>'manufacturer', n->>'platform_name'
            FROM installation_structures s, jsonb_array_elements(s.structure->'clusters') AS c,
                 jsonb_array_elements(CASE WHEN jsonb_typeof(c->'nodes') = 'array' THEN c->'nodes' ELSE '[]' END) AS n
            WHERE jsonb_typeof(s.structure->'clusters') = 'array' AND {_INSTALLATIONS_IN_RANGE}
            ORDER BY s.id""",
    ),
    "plugins": (
        ["master_node_uid", "release", "cluster_id", "name", "version", "package_version"],
        f"""SELECT s.master_node_uid, s.release, c->>'id', p->>'name', p->>'version', p->>'package_version'
            FROM installation_structures s, jsonb_array_elements(s.structure->'clusters') AS c,
                 jsonb_array_elements(CASE WHEN jsonb_typeof(c->'installed_plugins') = 'array'
                                           THEN c->'installed_plugins' ELSE '[]' END) AS p
            WHERE jsonb_typeof(s.structure->'clusters') = 'array' AND {_INSTALLATIONS_IN_RANGE}
            ORDER BY s.id""",
    ),
    "action_logs": (
        ["master_node_uid", "external_id", "action_type", "action_group", "action_name", "actor_id", "cluster_id",
         "start_timestamp", "end_timestamp", "result", "received_at"],
        """SELECT a.master_node_uid, a.external_id, a.action_type, a.body->>'action_group', a.action_name,
                  a.body->>'actor_id', a.body->>'cluster_id', a.body->>'start_timestamp', a.body->>'end_timestamp',
                  coalesce(a.body->'additional_info'->>'ended_with_status',
                           a.body->'additional_info'->'response_data'->>'status'), a.received_at
           FROM action_logs a LEFT JOIN installation_structures s USING (master_node_uid)
           WHERE (CAST(:since AS date) IS NULL OR a.received_at >= CAST(:since AS date))
             AND (CAST(:until AS date) IS NULL OR a.received_at < CAST(:until AS date) + 1)
             AND (CAST(:include_filtered AS boolean) OR NOT coalesce(s.is_filtered, false))
           ORDER BY a.received_at, a.id""",
    ),
}

OSWL_COLUMNS = ["master_node_uid", "cluster_id", "record_id", "created_date", "updated_time", "resource_checksum",
                "resource_id", "resource"]
_OSWL = """
    SELECT o.master_node_uid, o.cluster_id, o.external_id, o.created_date, o.updated_time, o.resource_checksum,
           r->>'id', r::text
    FROM oswl_stats o LEFT JOIN installation_structures s USING (master_node_uid),
         jsonb_array_elements(CASE WHEN jsonb_typeof(o.resource_data->'current') = 'array'
                                   THEN o.resource_data->'current' ELSE '[]' END) AS r
    WHERE o.resource_type = :resource_type
      AND (CAST(:since AS date) IS NULL OR o.created_date >= CAST(:since AS date))
      AND (CAST(:until AS date) IS NULL OR o.created_date <= CAST(:until AS date))
      AND (CAST(:include_filtered AS boolean) OR NOT coalesce(s.is_filtered, false))
    ORDER BY o.created_date, o.id
"""

BATCH = 2000


def _stream(connection: Connection, sql: str, parameters: dict[str, Any]) -> Iterator[tuple[Any, ...]]:
    result = connection.execute(text(sql), parameters, execution_options={"stream_results": True, "yield_per": BATCH})
    for row in result:
        yield tuple(row)


def export_rows(connection: Connection, kind: str, selection: Range) -> Iterator[tuple[Any, ...]]:
    return _stream(connection, EXPORTS[kind][1], selection.parameters())


def oswl_rows(connection: Connection, resource_type: str, selection: Range) -> Iterator[tuple[Any, ...]]:
    return _stream(connection, _OSWL, {**selection.parameters(), "resource_type": resource_type})


def _unordered(sql: str) -> str:
    return sql.rpartition("ORDER BY")[0]


def _at_most(connection: Connection, sql: str, parameters: dict[str, Any], limit: int) -> int:
    """How many rows ``sql`` selects, counted up to ``limit`` only: cheap however many there are."""
    return int(connection.execute(text(f"SELECT count(*) FROM ({_unordered(sql)} LIMIT :at_most) AS counted"),
                                  {**parameters, "at_most": limit}).scalar_one())


def export_rows_at_most(connection: Connection, kind: str, selection: Range, limit: int) -> int:
    return _at_most(connection, EXPORTS[kind][1], selection.parameters(), limit)


def oswl_rows_at_most(connection: Connection, resource_type: str, selection: Range, limit: int) -> int:
    return _at_most(connection, _OSWL, {**selection.parameters(), "resource_type": resource_type}, limit)


def rows_at_most(connection: Connection, selection: Range, limit: int) -> int:
    """The archive's rows (every export, every OSWL resource type), counted up to ``limit`` only."""
    counted = 0
    for kind in EXPORTS:
        counted += export_rows_at_most(connection, kind, selection, limit - counted)
        if counted >= limit:
            return counted
    for resource_type in oswl_resource_types(connection):
        counted += oswl_rows_at_most(connection, resource_type, selection, limit - counted)
        if counted >= limit:
            break
    return counted


def _planned_rows(connection: Connection, sql: str, parameters: dict[str, Any]) -> int:
    """How many rows PostgreSQL's planner expects ``sql`` to select: no row is read (a job's estimate)."""
    plan = connection.execute(text(f"EXPLAIN (FORMAT JSON) {sql}"), parameters).scalar_one()  # psycopg2 decodes it
    return int(plan[0]["Plan"]["Plan Rows"])


def export_estimate(connection: Connection, kind: str, selection: Range) -> int:
    return _planned_rows(connection, EXPORTS[kind][1], selection.parameters())


def oswl_estimate(connection: Connection, resource_type: str, selection: Range) -> int:
    return _planned_rows(connection, _OSWL, {**selection.parameters(), "resource_type": resource_type})


def oswl_resource_types(connection: Connection) -> list[str]:
    return list(connection.execute(text("SELECT DISTINCT resource_type FROM oswl_stats ORDER BY 1")).scalars())


def installation(connection: Connection, master_node_uid: str) -> dict[str, Any] | None:
    row = connection.execute(
        text("SELECT structure, release, is_filtered, creation_date, modification_date"
             " FROM installation_structures WHERE master_node_uid = :uid"),
        {"uid": master_node_uid},
    ).mappings().one_or_none()
    return dict(row) if row else None


def action_logs_page(connection: Connection, master_node_uid: str, *, offset: int, limit: int
                     ) -> tuple[int, list[dict[str, Any]]]:
    total = connection.execute(text("SELECT count(*) FROM action_log_keys WHERE master_node_uid = :uid"),
                               {"uid": master_node_uid}).scalar_one()
    rows = connection.execute(
        text("SELECT external_id, body, received_at FROM action_logs WHERE master_node_uid = :uid"
             " ORDER BY external_id OFFSET :offset LIMIT :limit"),
        {"uid": master_node_uid, "offset": offset, "limit": limit},
    ).mappings()
    return int(total), [dict(row) for row in rows]


def oswl_page(connection: Connection, master_node_uid: str, *, offset: int, limit: int
              ) -> tuple[int, list[dict[str, Any]]]:
    total = connection.execute(text("SELECT count(*) FROM oswl_stats WHERE master_node_uid = :uid"),
                               {"uid": master_node_uid}).scalar_one()
    rows = connection.execute(
        text("SELECT external_id AS id, cluster_id, created_date, updated_time, resource_type, resource_checksum,"
             " resource_data, version_info FROM oswl_stats WHERE master_node_uid = :uid"
             " ORDER BY external_id, resource_type OFFSET :offset LIMIT :limit"),
        {"uid": master_node_uid, "offset": offset, "limit": limit},
    ).mappings()
    return int(total), [dict(row) for row in rows]


def counts(connection: Connection) -> dict[str, int]:
    row = connection.execute(text(
        "SELECT (SELECT count(*) FROM installation_structures WHERE NOT is_filtered),"
        " (SELECT count(*) FROM installation_structures WHERE is_filtered),"
        " (SELECT count(*) FROM action_log_keys), (SELECT count(*) FROM oswl_stats)"
    )).one()
    return {"installations": row[0], "filtered_installations": row[1], "action_logs": row[2], "oswl_stats": row[3]}


# --- failure reports -----------------------------------------------------------------------------

@dataclass(frozen=True)
class FailureReportFilter:
    release: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    notified: bool | None = None

    def parameters(self) -> dict[str, Any]:
        return {"release": self.release, "since": self.since, "until": self.until, "notified": self.notified}


_FAILURE_REPORTS_SELECTED = """
    FROM failure_reports r
    CROSS JOIN LATERAL (
        SELECT coalesce(bool_and(n.delivered_at IS NOT NULL), true) AS notified,
               coalesce(jsonb_agg(jsonb_build_object(
                   'channel', n.channel, 'delivered_at', n.delivered_at, 'attempts', n.attempts,
                   'next_attempt_at', CASE WHEN n.delivered_at IS NULL THEN n.next_attempt_at END,
                   'last_error', n.last_error) ORDER BY n.channel), '[]') AS notifications
        FROM failure_notifications n WHERE n.failure_report_id = r.id
    ) AS n
    WHERE (CAST(:release AS text) IS NULL OR r.release = CAST(:release AS text))
      AND (CAST(:since AS date) IS NULL OR r.received_at >= CAST(:since AS date))
      AND (CAST(:until AS date) IS NULL OR r.received_at < CAST(:until AS date) + 1)
      AND (CAST(:notified AS boolean) IS NULL OR n.notified = CAST(:notified AS boolean))
"""


def failure_reports_page(connection: Connection, selection: FailureReportFilter, *, offset: int, limit: int
                         ) -> tuple[int, list[dict[str, Any]]]:
    """How many reports match, and one page of them, newest first, each with its notifications."""
    parameters = selection.parameters()
    total = connection.execute(text(f"SELECT count(*) {_FAILURE_REPORTS_SELECTED}"), parameters).scalar_one()
    rows = connection.execute(
        text(f"""SELECT CAST(r.report_id AS text) AS report_id, r.master_node_uid, r.received_at, r.release,
                        r.cluster_id, r.task_name, r.task_uuid, r.error_message, r.contact, r.verified, n.notified,
                        n.notifications
                 {_FAILURE_REPORTS_SELECTED}
                 ORDER BY r.received_at DESC, r.id DESC OFFSET :offset LIMIT :limit"""),
        {**parameters, "offset": offset, "limit": limit},
    ).mappings()
    return int(total), [dict(row) for row in rows]


# --- ETL dead letters ----------------------------------------------------------------------------

STREAMS = ("installations", "action_logs", "oswl_stats")


def dead_letters_page(connection: Connection, stream: str | None, *, offset: int, limit: int
                      ) -> tuple[int, dict[str, int], list[dict[str, Any]]]:
    """How many parked documents the selection holds, how many each stream has, and one page of them,
    most recently refused first."""
    per_stream = dict.fromkeys(STREAMS, 0)
    for name, number in connection.execute(text("SELECT stream, count(*) FROM etl_dead_letters GROUP BY stream")):
        per_stream[name] = int(number)
    rows = connection.execute(
        text("SELECT stream, document_id, kind, source_id, reason, first_seen, last_seen, attempts"
             " FROM etl_dead_letters WHERE CAST(:stream AS text) IS NULL OR stream = CAST(:stream AS text)"
             " ORDER BY last_seen DESC, stream, document_id OFFSET :offset LIMIT :limit"),
        {"stream": stream, "offset": offset, "limit": limit},
    ).mappings()
    total = per_stream.get(stream, 0) if stream else sum(per_stream.values())
    return total, per_stream, [dict(row) for row in rows]


# --- the deployment history, a heavy report made by a job (docs/jobs.md) ---------------------------

# A Fuel timestamp as PostgreSQL's timestamptz (naive ones are UTC: the transaction's time zone), or
# NULL for anything else: masters may send any text, and one bad value must not fail a report over
# every deployment. The pattern lets through only what the cast takes (ISO 8601, a real day of the
# month); nested CASEs, unlike AND, are evaluated in order, so the day is checked only on a match.
_ISO_TIMESTAMP = (r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])[T ]([01][0-9]|2[0-3]):[0-5][0-9]"
                  r":([0-5][0-9]|60)(\.[0-9]+)?(Z|[+-](0[0-9]|1[0-5])(:?[0-5][0-9])?)?$")


def _timestamp(value: str) -> str:
    return f"""CASE WHEN {value} ~ '{_ISO_TIMESTAMP}' AND left({value}, 4) <> '0000' THEN
        CASE WHEN CAST(substr({value}, 9, 2) AS integer) <= extract(day from make_date(CAST(left({value}, 4) AS integer),
                  CAST(substr({value}, 6, 2) AS integer), 1) + interval '1 month - 1 day')
             THEN CAST({value} AS timestamptz) END END"""


DEPLOYMENT_HISTORY_COLUMNS = [
    "release", "month", "deployments", "successful", "failed", "environments_first_successful",
    "failures_before_first_success", "duration_average_seconds", "duration_median_seconds", "duration_p90_seconds",
]
# Deployments as the reports count them (docs/analytics.md): nailgun deployment tasks that ended ready
# or error, of an environment (the master and its cluster_id), in the master's order (its action log id).
# Each is counted in the month it started (the month it was received when it tells no start), under
# its installation's Fuel release; the failures before an environment's first success are counted
# over its whole history, whatever dates are asked for.
_DEPLOYMENT_HISTORY = f"""
WITH deployments AS (
    SELECT a.master_node_uid, a.body->'cluster_id' AS environment, a.external_id, a.received_at,
           a.body->'additional_info'->>'ended_with_status' AS status,
           {_timestamp("a.body->>'start_timestamp'")} AS started,
           {_timestamp("a.body->>'end_timestamp'")} AS ended,
           coalesce(s.release, 'unknown') AS release
    FROM action_logs a LEFT JOIN installation_structures s USING (master_node_uid)
    WHERE a.action_name = 'deployment' AND a.body->>'action_type' = 'nailgun_task'
      AND a.body->'additional_info'->>'ended_with_status' IN ('ready', 'error')
      AND (CAST(:include_filtered AS boolean) OR NOT coalesce(s.is_filtered, false))
), ordered AS (
    SELECT d.*, CAST(coalesce(d.started, d.received_at) AS date) AS day,
           CASE WHEN d.status = 'ready' AND d.ended >= d.started
                THEN extract(epoch from d.ended - d.started) END AS duration,
           count(*) FILTER (WHERE d.status = 'ready') OVER earlier AS successes_before,
           count(*) FILTER (WHERE d.status = 'error') OVER earlier AS failures_before
    FROM deployments d
    WINDOW earlier AS (PARTITION BY d.master_node_uid, d.environment ORDER BY d.external_id
                       ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
)
SELECT release, to_char(day, 'YYYY-MM') AS month, count(*) AS deployments,
       count(*) FILTER (WHERE status = 'ready') AS successful,
       count(*) FILTER (WHERE status = 'error') AS failed,
       count(*) FILTER (WHERE status = 'ready' AND successes_before = 0) AS environments_first_successful,
       avg(failures_before) FILTER (WHERE status = 'ready' AND successes_before = 0) AS failures_before_first_success,
       avg(duration) AS duration_average_seconds,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY duration) AS duration_median_seconds,
       percentile_cont(0.9) WITHIN GROUP (ORDER BY duration) AS duration_p90_seconds
FROM ordered
WHERE (CAST(:since AS date) IS NULL OR day >= CAST(:since AS date))
  AND (CAST(:until AS date) IS NULL OR day <= CAST(:until AS date))
GROUP BY release, to_char(day, 'YYYY-MM')
ORDER BY release, month
"""


def deployment_history(connection: Connection, selection: Range) -> list[dict[str, Any]]:
    """Per Fuel release and month: deployments, their outcomes and durations, and how many failed
    deployments came before each environment's first success. Over every action log: a job's work."""
    connection.execute(text("SET LOCAL TimeZone = 'UTC'"))  # naive timestamps are UTC; months are UTC's
    rows = connection.execute(text(_DEPLOYMENT_HISTORY), selection.parameters()).mappings()
    return [{key: float(value) if isinstance(value, Decimal) else value for key, value in row.items()} for row in rows]
