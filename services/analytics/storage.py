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
