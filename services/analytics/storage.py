"""Every SQL statement the analytics send the collector's database (its replica when there is one):
exports and counts, streamed with server-side cursors. Their own database has two modules of its
own: accountstore.py (accounts, sessions, tokens, audit) and jobstore.py (the jobs' rows).

Date ranges select installations by the day of their last report (modification_date), action
logs by the day they were received, OSWL records by their day (created_date). Filtered
installations (development and test builds) are left out unless asked for.
"""

from __future__ import annotations

import datetime as dt
import re
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

@dataclass(frozen=True)
class Export:
    """One CSV export: its columns (header name, SQL expression, kind) and where its rows come from
    (``FROM ... WHERE ...``, then ``ORDER BY ...``). Read as rows (``rows_sql``), or as the CSV lines
    that Python's csv module writes from those rows, built by PostgreSQL (``lines_sql``, for COPY)."""

    columns: tuple[tuple[str, str, str], ...]  # header, expression, kind (a key of _CELLS)
    source: str
    order: str

    @property
    def header(self) -> list[str]:
        return [name for name, _, _ in self.columns]

    def rows_sql(self) -> str:
        return f"SELECT {', '.join(expression for _, expression, _ in self.columns)} {self.source} ORDER BY {self.order}"

    def lines_sql(self) -> str:
        """One text per row: the row's CSV line, line end included. Each expression is computed once,
        in a LATERAL subquery that OFFSET 0 keeps from being merged into the cells that use it."""
        values = ", ".join(expression for _, expression, _ in self.columns)
        names = ", ".join(f"c{index}" for index in range(len(self.columns)))
        cells = ", ',', ".join(_CELLS[kind].format(f"e.c{index}") for index, (_, _, kind) in enumerate(self.columns))
        source, _, where = self.source.partition("WHERE")
        return (f"SELECT concat({cells}, E'\\r\\n') {source}, LATERAL (SELECT {values} OFFSET 0) AS e({names})"
                f" WHERE {where} ORDER BY {self.order}")


# Each kind of value as the csv module writes it after exports.neutralize_formula: text neutralized
# and quoted as the csv module quotes (when it holds a comma, a quote or a line break; quotes
# doubled), the others as Python prints them (str(int), str(bool), isoformat()), NULL as nothing.
# ascii() is the code of the first character (0 for none): = + - @ tab CR, as FORMULA_TRIGGERS.
_NEUTRALIZED = "CASE WHEN ascii({0}) IN (61, 43, 45, 64, 9, 13) THEN '''' || {0} ELSE {0} END"
_CELLS = {
    "text": f"""CASE WHEN {{0}} ~ '[",\\r\\n]' THEN '"' || replace({_NEUTRALIZED}, '"', '""') || '"'"""
            f" ELSE {_NEUTRALIZED} END",
    "integer": "CAST({0} AS text)",
    "boolean": "CASE WHEN {0} THEN 'True' WHEN NOT {0} THEN 'False' END",
    # One to_char; isoformat() leaves out a fraction of zero microseconds.
    "timestamptz": """replace(replace(to_char({0}, 'YYYY-MM-DD"T"HH24:MI:SS.USTZH:TZM'), '.000000+', '+'),"""
                   " '.000000-', '-')",
    "date": "to_char({0}, 'YYYY-MM-DD')",
    "time": "to_char(CAST({0} AS interval), 'HH24:MI:SS') || CASE WHEN to_char(CAST({0} AS interval), 'US') = '000000'"
            " THEN '' ELSE to_char(CAST({0} AS interval), '.US') END",
}

_CLUSTERS = """
    FROM installation_structures s, jsonb_array_elements(s.structure->'clusters') AS c"""
_CLUSTERS_IN_RANGE = f"""
    WHERE jsonb_typeof(s.structure->'clusters') = 'array' AND {_INSTALLATIONS_IN_RANGE}"""
_ROLES = """(SELECT string_agg(r, '+' ORDER BY r) FROM jsonb_array_elements_text(
               CASE WHEN jsonb_typeof(n->'{0}') = 'array' THEN n->'{0}' ELSE '[]' END) AS r)"""

EXPORTS: dict[str, Export] = {
    "clusters": Export((
        ("master_node_uid", "s.master_node_uid", "text"), ("release", "s.release", "text"),
        ("is_filtered", "s.is_filtered", "boolean"), ("cluster_id", "c->>'id'", "text"),
        ("status", "c->>'status'", "text"), ("mode", "c->>'mode'", "text"), ("os", "c->'release'->>'os'", "text"),
        ("openstack_version", "c->'release'->>'version'", "text"), ("nodes_num", "c->>'nodes_num'", "text"),
        ("hypervisor", "coalesce(c->'attributes'->'libvirt_type'->>'value', c->'attributes'->>'libvirt_type')",
         "text"),
        ("net_provider", "coalesce(c->>'net_provider', c->'network_configuration'->>'net_provider')", "text"),
        ("segmentation_type", "c->'network_configuration'->>'segmentation_type'", "text"),
        ("installation_created", "s.creation_date", "timestamptz"),
        ("last_report", "s.modification_date", "timestamptz"),
    ), _CLUSTERS + _CLUSTERS_IN_RANGE, "s.id"),
    "nodes": Export((
        ("master_node_uid", "s.master_node_uid", "text"), ("release", "s.release", "text"),
        ("cluster_id", "c->>'id'", "text"), ("node_id", "n->>'id'", "text"),
        ("roles", _ROLES.format("roles"), "text"), ("pending_roles", _ROLES.format("pending_roles"), "text"),
        ("status", "n->>'status'", "text"), ("os", "n->>'os'", "text"), ("manufacturer", "n->>'manufacturer'", "text"),
        ("platform_name", "n->>'platform_name'", "text"),
    ), _CLUSTERS + """,
         jsonb_array_elements(CASE WHEN jsonb_typeof(c->'nodes') = 'array' THEN c->'nodes' ELSE '[]' END) AS n"""
       + _CLUSTERS_IN_RANGE, "s.id"),
    "plugins": Export((
        ("master_node_uid", "s.master_node_uid", "text"), ("release", "s.release", "text"),
        ("cluster_id", "c->>'id'", "text"), ("name", "p->>'name'", "text"), ("version", "p->>'version'", "text"),
        ("package_version", "p->>'package_version'", "text"),
    ), _CLUSTERS + """,
         jsonb_array_elements(CASE WHEN jsonb_typeof(c->'installed_plugins') = 'array'
                                   THEN c->'installed_plugins' ELSE '[]' END) AS p""" + _CLUSTERS_IN_RANGE, "s.id"),
    "action_logs": Export((
        ("master_node_uid", "a.master_node_uid", "text"), ("external_id", "a.external_id", "integer"),
        ("action_type", "a.action_type", "text"), ("action_group", "a.body->>'action_group'", "text"),
        ("action_name", "a.action_name", "text"), ("actor_id", "a.body->>'actor_id'", "text"),
        ("cluster_id", "a.body->>'cluster_id'", "text"), ("start_timestamp", "a.body->>'start_timestamp'", "text"),
        ("end_timestamp", "a.body->>'end_timestamp'", "text"),
        ("result", "coalesce(a.body->'additional_info'->>'ended_with_status',"
                   " a.body->'additional_info'->'response_data'->>'status')", "text"),
        ("received_at", "a.received_at", "timestamptz"),
    ), """
        FROM action_logs a LEFT JOIN installation_structures s USING (master_node_uid)
        WHERE (CAST(:since AS date) IS NULL OR a.received_at >= CAST(:since AS date))
          AND (CAST(:until AS date) IS NULL OR a.received_at < CAST(:until AS date) + 1)
          AND (CAST(:include_filtered AS boolean) OR NOT coalesce(s.is_filtered, false))""", "a.received_at, a.id"),
}

OSWL = Export((
    ("master_node_uid", "o.master_node_uid", "text"), ("cluster_id", "o.cluster_id", "integer"),
    ("record_id", "o.external_id", "integer"), ("created_date", "o.created_date", "date"),
    ("updated_time", "o.updated_time", "time"), ("resource_checksum", "o.resource_checksum", "text"),
    ("resource_id", "r->>'id'", "text"), ("resource", "r::text", "text"),
), """
    FROM oswl_stats o LEFT JOIN installation_structures s USING (master_node_uid),
         jsonb_array_elements(CASE WHEN jsonb_typeof(o.resource_data->'current') = 'array'
                                   THEN o.resource_data->'current' ELSE '[]' END) AS r
    WHERE o.resource_type = :resource_type
      AND (CAST(:since AS date) IS NULL OR o.created_date >= CAST(:since AS date))
      AND (CAST(:until AS date) IS NULL OR o.created_date <= CAST(:until AS date))
      AND (CAST(:include_filtered AS boolean) OR NOT coalesce(s.is_filtered, false))""", "o.created_date, o.id")
OSWL_COLUMNS = OSWL.header

BATCH = 2000


def _stream(connection: Connection, sql: str, parameters: dict[str, Any]) -> Iterator[tuple[Any, ...]]:
    result = connection.execute(text(sql), parameters, execution_options={"stream_results": True, "yield_per": BATCH})
    for row in result:
        yield tuple(row)


def export_rows(connection: Connection, kind: str, selection: Range) -> Iterator[tuple[Any, ...]]:
    """An export's rows as Python values (exports.py streams its lines instead: ``export_copy``)."""
    return _stream(connection, EXPORTS[kind].rows_sql(), selection.parameters())


def oswl_rows(connection: Connection, resource_type: str, selection: Range) -> Iterator[tuple[Any, ...]]:
    return _stream(connection, OSWL.rows_sql(), {**selection.parameters(), "resource_type": resource_type})


_PARAMETER = re.compile(r"(?<![:\w]):(\w+)")


def _copy_statement(cursor: Any, export: Export, parameters: dict[str, Any]) -> str:
    """COPY of the export's CSV lines (one text each, in COPY's text format), its parameters bound."""
    query = _PARAMETER.sub(r"%(\1)s", export.lines_sql().replace("%", "%%"))
    return f"COPY ({cursor.mogrify(query, parameters).decode()}) TO STDOUT"


def export_copy(cursor: Any, kind: str, selection: Range) -> str:
    """The COPY statement of an export's lines, for ``cursor`` (a DBAPI cursor: it binds the parameters)."""
    return _copy_statement(cursor, EXPORTS[kind], selection.parameters())


def oswl_copy(cursor: Any, resource_type: str, selection: Range) -> str:
    return _copy_statement(cursor, OSWL, {**selection.parameters(), "resource_type": resource_type})


def _at_most(connection: Connection, export: Export, parameters: dict[str, Any], limit: int) -> int:
    """How many rows an export has, counted up to ``limit`` only: cheap however many there are."""
    return int(connection.execute(text(f"SELECT count(*) FROM (SELECT 1 {export.source} LIMIT :at_most) AS counted"),
                                  {**parameters, "at_most": limit}).scalar_one())


def export_rows_at_most(connection: Connection, kind: str, selection: Range, limit: int) -> int:
    return _at_most(connection, EXPORTS[kind], selection.parameters(), limit)


def oswl_rows_at_most(connection: Connection, resource_type: str, selection: Range, limit: int) -> int:
    return _at_most(connection, OSWL, {**selection.parameters(), "resource_type": resource_type}, limit)


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


def _planned_rows(connection: Connection, export: Export, parameters: dict[str, Any]) -> int:
    """How many rows PostgreSQL's planner expects an export to have: no row is read (a job's estimate)."""
    plan = connection.execute(text(f"EXPLAIN (FORMAT JSON) SELECT 1 {export.source}"),
                              parameters).scalar_one()  # psycopg2 decodes it
    return int(plan[0]["Plan"]["Plan Rows"])


def export_estimate(connection: Connection, kind: str, selection: Range) -> int:
    return _planned_rows(connection, EXPORTS[kind], selection.parameters())


def oswl_estimate(connection: Connection, resource_type: str, selection: Range) -> int:
    return _planned_rows(connection, OSWL, {**selection.parameters(), "resource_type": resource_type})


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
