"""Every SQL statement of the collector.

Each batch costs a constant number of statements however many records it holds: records travel
to PostgreSQL as one JSON array (written by orjson, fuelstats.core.jsontext) and are unpacked there
(``jsonb_to_recordset``), and uniqueness is settled by ``INSERT ... ON CONFLICT``. Callers run these
functions inside one transaction, or, for the functions that do all in one statement (``store_*``),
on their own: PostgreSQL makes each statement a transaction, so a batch is stored whole or not at all.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, CursorResult, Engine, bindparam, text
from sqlalchemy.dialects.postgresql import JSONB

from fuelstats.core import jsontext

# --- prepared statements -------------------------------------------------------------------------

_PARAMETER = re.compile(r"(?<![:\w]):(\w+)")


class Prepared:
    """A statement PostgreSQL plans once per connection (PREPARE), then only executes: the batch
    statements below cost more to plan than to run on 100 records."""

    def __init__(self, name: str, statement: str) -> None:
        self.name = name
        self.parameters: list[str] = []

        def numbered(match: re.Match[str]) -> str:
            if match[1] not in self.parameters:
                self.parameters.append(match[1])
            return f"${self.parameters.index(match[1]) + 1}"

        self.preparation = f"PREPARE {name} AS {_PARAMETER.sub(numbered, statement)}"
        self.execution = f"EXECUTE {name} ({', '.join(f'%({parameter})s' for parameter in self.parameters)})"

    def execute(self, connection: Connection, values: dict[str, Any]) -> CursorResult[Any]:
        # The pool's info on the connection lasts as long as the DBAPI connection, as the preparation does.
        prepared = connection.connection.info.setdefault("fuelstats_prepared", set())
        if self.name not in prepared:
            connection.exec_driver_sql(self.preparation)
            prepared.add(self.name)
        return connection.exec_driver_sql(self.execution, values)


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


def _this_month_of(engine: Engine) -> tuple[str, dt.date]:
    return str(engine.url), _month_start(dt.datetime.now(dt.UTC).date())


def ensure_current_partitions(connection: Connection) -> None:
    """Make sure this month's partition exists; the check costs statements once a month per process."""
    known = _this_month_of(connection.engine)
    if known not in _months_with_partitions:
        ensure_action_log_partitions(connection, today=known[1])
        _months_with_partitions.add(known)


def ensure_current_partitions_of(engine: Engine) -> None:
    """``ensure_current_partitions`` in a transaction of its own, when this process needs it (once a month)."""
    if _this_month_of(engine) not in _months_with_partitions:
        with engine.begin() as connection:
            ensure_current_partitions(connection)


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

# A key already claimed is "existed", except that a verified record replaces an unverified one: a
# request nobody signed can never claim a master node's ids ahead of it (docs/security.md).
_VERIFIED_REPLACES_UNVERIFIED = "DO UPDATE SET verified = true WHERE NOT k.verified AND excluded.verified"
# For a request nobody signed that WHERE never passes, and a row not updated is not returned: DO
# NOTHING answers the same, without DO UPDATE's lock (a write) on every key claimed before.
_UNVERIFIED_REPLACES_NOTHING = "DO NOTHING"
_ACTION_LOGS_STORED = """
    claimed AS (
        INSERT INTO action_log_keys AS k (master_node_uid, external_id, verified)
        SELECT master_node_uid, external_id, CAST(:verified AS boolean) FROM incoming
        ON CONFLICT (master_node_uid, external_id) {on_conflict}
        RETURNING master_node_uid, external_id, (xmax = 0) AS new
    ),
    superseded AS (
        DELETE FROM action_logs a USING claimed c
        WHERE NOT c.new AND a.master_node_uid = c.master_node_uid AND a.external_id = c.external_id
    ),
    stored AS (
        INSERT INTO action_logs (master_node_uid, external_id, action_type, action_name, body, verified)
        SELECT incoming.master_node_uid, incoming.external_id, incoming.action_type, incoming.action_name,
               incoming.body, CAST(:verified AS boolean)
        FROM incoming JOIN claimed USING (master_node_uid, external_id)
        RETURNING master_node_uid, external_id
    )
"""
_INCOMING_ACTION_LOGS = """
    SELECT * FROM jsonb_to_recordset(CAST(:records AS jsonb)) AS r(
        master_node_uid text, external_id bigint, action_type text, action_name text, body jsonb)
"""
_INSERT_ACTION_LOGS = text(
    f"""
    WITH incoming AS ({_INCOMING_ACTION_LOGS}),
    {_ACTION_LOGS_STORED.format(on_conflict=_VERIFIED_REPLACES_UNVERIFIED)}
    SELECT stored.master_node_uid, stored.external_id, claimed.new
    FROM stored JOIN claimed USING (master_node_uid, external_id)
    """
)

# The same in one statement with the check of who may write these master nodes' records
# (authentication.check_writer): when the writer may not, nothing is stored and the rows returned
# are the enrolled master nodes of the batch, with their keys.
def _store_action_logs(name: str, on_conflict: str) -> Prepared:
    return Prepared(name, f"""
    WITH enrolled AS (
        SELECT master_node_uid, key_id FROM master_keys WHERE master_node_uid = ANY(CAST(:uids AS text[]))
    ),
    writer AS (
        SELECT CASE WHEN CAST(:key_id AS text) IS NULL THEN NOT EXISTS (SELECT FROM enrolled)
                    ELSE EXISTS (SELECT FROM enrolled WHERE master_node_uid = CAST(:header_uid AS text)
                                                        AND key_id = CAST(:key_id AS text)) END AS allowed
    ),
    incoming AS ({_INCOMING_ACTION_LOGS} WHERE (SELECT allowed FROM writer)),
    {_ACTION_LOGS_STORED.format(on_conflict=on_conflict)}
    SELECT false AS refused, stored.master_node_uid, stored.external_id, claimed.new, NULL AS key_id
    FROM stored JOIN claimed USING (master_node_uid, external_id)
    UNION ALL
    SELECT true, NULL, NULL, NULL, NULL FROM writer WHERE NOT allowed
    UNION ALL
    SELECT true, master_node_uid, NULL, NULL, key_id FROM enrolled WHERE NOT (SELECT allowed FROM writer)
    """)


_STORE_SIGNED_ACTION_LOGS = _store_action_logs("fuelstats_store_signed_action_logs", _VERIFIED_REPLACES_UNVERIFIED)
_STORE_UNSIGNED_ACTION_LOGS = _store_action_logs("fuelstats_store_unsigned_action_logs", _UNVERIFIED_REPLACES_NOTHING)


@dataclass(frozen=True)
class ActionLogRow:
    master_node_uid: str
    external_id: int
    action_type: str | None
    action_name: str | None
    body: dict[str, Any]


@dataclass(frozen=True)
class StoredNow:
    keys: set[tuple[str, int]]  # (master_node_uid, external_id) stored by this call
    replaced: int  # of them, how many replaced an unverified record


def _records(rows: Sequence[ActionLogRow]) -> str:
    """The rows as the statements take them: one per key, the first sent (the statements do not sort
    the batch to find repeats; one would fail an insert's ON CONFLICT, "cannot affect row a second time")."""
    first: dict[tuple[str, int], dict[str, Any]] = {}
    for row in rows:
        first.setdefault((row.master_node_uid, row.external_id), row.__dict__)
    return jsontext.dumps(list(first.values()))


def insert_action_logs(connection: Connection, rows: Sequence[ActionLogRow], *, verified: bool = False) -> StoredNow:
    """Store the rows not stored before (and, when ``verified``, over unverified ones); tell which."""
    if not rows:
        return StoredNow(set(), 0)
    result = connection.execute(_INSERT_ACTION_LOGS, {"records": _records(rows), "verified": verified}).all()
    return StoredNow({(uid, external_id) for uid, external_id, _ in result}, sum(not new for _, _, new in result))


@dataclass(frozen=True)
class WriterRefused:
    """The writer may not write these master nodes' records: the enrolled ones among them, with their keys."""

    enrolled: dict[str, str | None]


def store_action_logs(connection: Connection, rows: Sequence[ActionLogRow], *, master_node_uids: set[str],
                      header_uid: str | None, key_id: str | None) -> StoredNow | WriterRefused:
    """``insert_action_logs`` (verified when ``key_id`` signed the request) and the writer's check in one
    statement: the batch costs one round trip, and may run outside a transaction."""
    statement = _STORE_UNSIGNED_ACTION_LOGS if key_id is None else _STORE_SIGNED_ACTION_LOGS
    result = statement.execute(connection, {
        "records": _records(rows), "verified": key_id is not None, "uids": sorted(master_node_uids),
        "header_uid": header_uid, "key_id": key_id,
    }).all()
    if any(refused for refused, *_ in result):
        return WriterRefused({uid: key for refused, uid, _, _, key in result if refused and uid is not None})
    return StoredNow({(uid, external_id) for _, uid, external_id, _, _ in result},
                     sum(not new for *_, new, _ in result))


# --- installation structures ---------------------------------------------------------------------

_INSTALLATION_STRUCTURE_UPSERT = """
    INSERT INTO installation_structures AS current (master_node_uid, structure, release, is_filtered, verified)
    SELECT CAST(:master_node_uid AS text), CAST(:structure AS jsonb), CAST(:release AS text),
           CAST(:is_filtered AS boolean), CAST(:verified AS boolean)
    {allowed}
    ON CONFLICT (master_node_uid) DO UPDATE SET
        structure = excluded.structure,
        release = excluded.release,
        is_filtered = excluded.is_filtered,
        verified = excluded.verified,
        modification_date = now(),
        xact_id = pg_current_xact_id()
    WHERE excluded.verified OR NOT current.verified
    RETURNING (xmax = 0) AS created
"""
_UPSERT_INSTALLATION_STRUCTURE = text(_INSTALLATION_STRUCTURE_UPSERT.format(allowed=""))

# The same with the writer's check (authentication.check_writer) in one statement, as _store_action_logs.
_STORE_INSTALLATION_STRUCTURE = Prepared("fuelstats_store_installation_structure", f"""
    WITH enrolled AS (
        SELECT master_node_uid, key_id FROM master_keys WHERE master_node_uid = CAST(:master_node_uid AS text)
    ),
    writer AS (
        SELECT CASE WHEN CAST(:key_id AS text) IS NULL THEN NOT EXISTS (SELECT FROM enrolled)
                    ELSE EXISTS (SELECT FROM enrolled WHERE master_node_uid = CAST(:header_uid AS text)
                                                        AND key_id = CAST(:key_id AS text)) END AS allowed
    ),
    upserted AS ({_INSTALLATION_STRUCTURE_UPSERT.format(allowed="WHERE (SELECT allowed FROM writer)")})
    SELECT false AS refused, created, NULL AS master_node_uid, NULL AS key_id FROM upserted
    UNION ALL
    SELECT true, NULL, NULL, NULL FROM writer WHERE NOT allowed
    UNION ALL
    SELECT true, NULL, master_node_uid, key_id FROM enrolled WHERE NOT (SELECT allowed FROM writer)
""")


def upsert_installation_structure(
    connection: Connection, *, master_node_uid: str, structure: dict[str, Any], release: str | None, is_filtered: bool,
    verified: bool = False,
) -> bool | None:
    """Store the master node's current structure; True when it is the node's first, None when an
    unverified structure would have replaced a verified one (nothing changed)."""
    created = connection.execute(
        _UPSERT_INSTALLATION_STRUCTURE,
        {"master_node_uid": master_node_uid, "structure": jsontext.dumps(structure), "release": release,
         "is_filtered": is_filtered, "verified": verified},
    ).scalar_one_or_none()
    return None if created is None else bool(created)


def store_installation_structure(
    connection: Connection, *, master_node_uid: str, structure: dict[str, Any], release: str | None, is_filtered: bool,
    header_uid: str | None, key_id: str | None,
) -> bool | None | WriterRefused:
    """``upsert_installation_structure`` (verified when ``key_id`` signed it) and the writer's check in
    one statement."""
    rows = _STORE_INSTALLATION_STRUCTURE.execute(connection, {
        "master_node_uid": master_node_uid, "structure": jsontext.dumps(structure), "release": release,
        "is_filtered": is_filtered, "verified": key_id is not None, "header_uid": header_uid, "key_id": key_id,
    }).all()
    if any(refused for refused, *_ in rows):
        return WriterRefused({uid: key for refused, _, uid, key in rows if refused and uid is not None})
    return bool(rows[0][1]) if rows else None


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
        SELECT * FROM jsonb_to_recordset(CAST(:records AS jsonb)) AS r(
            master_node_uid text, external_id bigint, cluster_id bigint, created_date date, updated_time time,
            resource_type text, resource_checksum text, resource_data jsonb, version_info jsonb)
    )
    INSERT INTO oswl_stats AS current (master_node_uid, external_id, cluster_id, created_date, updated_time,
                                       resource_type, resource_checksum, resource_data, version_info, verified)
    SELECT master_node_uid, external_id, cluster_id, created_date, updated_time,
           resource_type, resource_checksum, resource_data, version_info, CAST(:verified AS boolean)
    FROM incoming
    ON CONFLICT (master_node_uid, external_id, resource_type) DO UPDATE SET
        cluster_id = excluded.cluster_id,
        created_date = excluded.created_date,
        updated_time = excluded.updated_time,
        resource_checksum = excluded.resource_checksum,
        resource_data = excluded.resource_data,
        version_info = excluded.version_info,
        verified = excluded.verified,
        received_at = now(),
        xact_id = pg_current_xact_id()
    WHERE excluded.verified OR NOT current.verified
    RETURNING master_node_uid, external_id, resource_type, (xmax = 0) AS created
    """
)


def upsert_oswl_stats(connection: Connection, records: Sequence[dict[str, Any]], *, verified: bool = False
                      ) -> dict[tuple[str, int, str], bool]:
    """Store each record, replacing an earlier one with the same key (never a verified one by an
    unverified one: that key is left out of the answer); map key to 'created now'."""
    if not records:
        return {}
    # ON CONFLICT DO UPDATE may touch a row once per statement: of repeated keys the last one wins.
    latest = {(r["master_node_uid"], r["external_id"], r["resource_type"]): r for r in records}
    result = connection.execute(_UPSERT_OSWL_STATS, {"records": jsontext.dumps(list(latest.values())),
                                                      "verified": verified})
    return {(uid, external_id, resource_type): created for uid, external_id, resource_type, created in result}


# --- failure reports and their notification outbox -----------------------------------------------

_INSERT_FAILURE_REPORT = text(
    """
    WITH report AS (
        INSERT INTO failure_reports AS stored (master_node_uid, report_id, release, cluster_id, task_uuid, task_name,
                                               error_message, contact, report, verified)
        VALUES (:master_node_uid, :report_id, :release, :cluster_id, :task_uuid, :task_name,
                :error_message, :contact, :report, :verified)
        ON CONFLICT (master_node_uid, report_id) DO UPDATE SET
            release = excluded.release, cluster_id = excluded.cluster_id, task_uuid = excluded.task_uuid,
            task_name = excluded.task_name, error_message = excluded.error_message, contact = excluded.contact,
            report = excluded.report, verified = true, received_at = now(), xact_id = pg_current_xact_id()
        WHERE NOT stored.verified AND excluded.verified
        RETURNING id
    ),
    outbox AS (
        -- A report that replaced an unverified one is notified afresh, as the master's own.
        INSERT INTO failure_notifications AS n (failure_report_id, channel)
        SELECT report.id, channel FROM report, unnest(CAST(:channels AS text[])) AS channel
        ON CONFLICT (failure_report_id, channel) DO UPDATE SET
            created_at = now(), attempts = 0, next_attempt_at = now(), delivered_at = NULL, last_error = NULL
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
    verified: bool


def insert_failure_report(connection: Connection, row: FailureReportRow, channels: Sequence[str]) -> bool:
    """Store the report with one outbox row per channel, in one statement; False when it was stored before
    (a verified report replaces an unverified one with the same id, and counts as stored now)."""
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
           r.release, r.cluster_id, r.task_uuid, r.task_name, r.error_message, r.contact, r.report, r.verified
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


# --- master keys, nonces and the quarantine (docs/security.md) -----------------------------------

_MASTER_KEY_LOCK = 0x6B6579  # "key": advisory locks on one master node's key, keyed by hashtext(uid)


def enrolled_keys(connection: Connection, master_node_uids: Iterable[str]) -> dict[str, str | None]:
    """Which of these master nodes are enrolled: uid to its key id (None after a reset, until it enrolls
    again); never enrolled uids are absent."""
    rows = connection.execute(text("SELECT master_node_uid, key_id FROM master_keys WHERE master_node_uid = ANY(:uids)"),
                              {"uids": sorted(set(master_node_uids))})
    return {uid: key for uid, key in rows}


def lock_master_key(connection: Connection, master_node_uid: str) -> None:
    """Until the transaction ends, no other enrolment, rotation or reset of this master node's key runs."""
    connection.execute(text("SELECT pg_advisory_xact_lock(:namespace, hashtext(:uid))"),
                       {"namespace": _MASTER_KEY_LOCK, "uid": master_node_uid})


@dataclass(frozen=True)
class MasterKeyRow:
    master_node_uid: str
    public_key: str | None
    key_id: str | None
    enrolled_at: dt.datetime
    changed_at: dt.datetime


# Looked up for every submission (authentication.check_submission) before its body is read.
_MASTER_KEY = Prepared("fuelstats_master_key", "SELECT master_node_uid, public_key, key_id, enrolled_at, changed_at"
                       " FROM master_keys WHERE master_node_uid = CAST(:uid AS text)")


def master_key(connection: Connection, master_node_uid: str) -> MasterKeyRow | None:
    row = _MASTER_KEY.execute(connection, {"uid": master_node_uid}).mappings().one_or_none()
    return MasterKeyRow(**row) if row else None


def set_master_key(connection: Connection, master_node_uid: str, public_key: str | None, key_id: str | None) -> None:
    """Enrol, rotate or reset (None) the master node's key."""
    connection.execute(
        text("""INSERT INTO master_keys AS k (master_node_uid, public_key, key_id) VALUES (:uid, :public_key, :key_id)
                ON CONFLICT (master_node_uid) DO UPDATE SET public_key = excluded.public_key,
                    key_id = excluded.key_id, changed_at = now()"""),
        {"uid": master_node_uid, "public_key": public_key, "key_id": key_id},
    )


@dataclass(frozen=True)
class KeyEvent:
    master_node_uid: str
    event: str
    old_key_id: str | None = None
    new_key_id: str | None = None
    actor: str | None = None
    address: str | None = None
    reason: str | None = None


def add_key_event(connection: Connection, event: KeyEvent) -> None:
    connection.execute(
        text("INSERT INTO master_key_events (master_node_uid, event, old_key_id, new_key_id, actor, address, reason)"
             " VALUES (:master_node_uid, :event, :old_key_id, :new_key_id, :actor, :address, :reason)"),
        event.__dict__,
    )


def key_events(connection: Connection, master_node_uid: str) -> list[dict[str, Any]]:
    """The master node's audit trail, oldest first."""
    rows = connection.execute(
        text("SELECT event, at, old_key_id, new_key_id, actor, address, reason FROM master_key_events"
             " WHERE master_node_uid = :uid ORDER BY id"), {"uid": master_node_uid}).mappings()
    return [dict(row) for row in rows]


def claim_nonce(connection: Connection, key_id: str, nonce: str, expires_at: dt.datetime) -> bool:
    """Record a signature's nonce; False when the key used it before (a replay)."""
    claimed = connection.execute(
        text("INSERT INTO signature_nonces (key_id, nonce, expires_at) VALUES (:key_id, :nonce, :expires_at)"
             " ON CONFLICT DO NOTHING RETURNING 1"),
        {"key_id": key_id, "nonce": nonce, "expires_at": expires_at},
    ).scalar_one_or_none()
    return claimed is not None


def prune_nonces(connection: Connection) -> int:
    """Forget the nonces whose signatures are too old to be accepted anyway."""
    return connection.execute(text("DELETE FROM signature_nonces WHERE expires_at < now()")).rowcount


@dataclass(frozen=True)
class Refusal:
    """A refused submission as the quarantine keeps it (fields already cut to their bounds)."""

    rule: str
    counted_as: str  # the enrolled master node it claimed to be, or ''
    master_node_uid: str | None
    key_id: str | None
    method: str
    path: str
    address: str | None
    message: str
    body: bytes
    body_bytes: int


# One statement: the exact count goes up, and the sample takes the slot of the ring its number falls
# on (slots beyond a ring made smaller go). A slot is overwritten only by a newer number.
_QUARANTINE = text(
    """
    WITH counted AS (
        INSERT INTO quarantine_counts AS c (rule, master_node_uid, count) VALUES (:rule, :counted_as, 1)
        ON CONFLICT (rule, master_node_uid) DO UPDATE SET count = c.count + 1, last_at = now()
    ),
    trimmed AS (
        DELETE FROM quarantine_samples WHERE slot >= :capacity
    )
    INSERT INTO quarantine_samples AS s (slot, sequence, rule, master_node_uid, key_id, method, path, address,
                                         message, body, body_bytes)
    SELECT number % greatest(:capacity, 1), number, :rule, :master_node_uid, :key_id, :method, :path, :address,
           :message, :body, :body_bytes
    FROM (SELECT nextval('quarantine_sequence') AS number) AS next
    WHERE :capacity > 0
    ON CONFLICT (slot) DO UPDATE SET
        sequence = excluded.sequence, received_at = now(), rule = excluded.rule,
        master_node_uid = excluded.master_node_uid, key_id = excluded.key_id, method = excluded.method,
        path = excluded.path, address = excluded.address, message = excluded.message, body = excluded.body,
        body_bytes = excluded.body_bytes
    WHERE s.sequence < excluded.sequence
    """
)


def quarantine(connection: Connection, refusal: Refusal, capacity: int) -> None:
    connection.execute(_QUARANTINE, {**refusal.__dict__, "capacity": capacity})


def quarantine_counts(connection: Connection) -> list[dict[str, Any]]:
    """Every count, the largest first."""
    rows = connection.execute(text("SELECT rule, master_node_uid, count, first_at, last_at FROM quarantine_counts"
                                   " ORDER BY count DESC, rule, master_node_uid")).mappings()
    return [dict(row) for row in rows]


def quarantine_samples(connection: Connection, *, rule: str | None, master_node_uid: str | None, offset: int,
                       limit: int) -> tuple[int, list[dict[str, Any]]]:
    """How many samples match, and a page of them, newest first."""
    where = ("WHERE (CAST(:rule AS text) IS NULL OR rule = CAST(:rule AS text))"
             " AND (CAST(:uid AS text) IS NULL OR master_node_uid = CAST(:uid AS text))")
    parameters = {"rule": rule, "uid": master_node_uid}
    total = connection.execute(text(f"SELECT count(*) FROM quarantine_samples {where}"), parameters).scalar_one()
    rows = connection.execute(
        text(f"""SELECT sequence, received_at, rule, master_node_uid, key_id, method, path, address, message,
                        body, body_bytes
                 FROM quarantine_samples {where} ORDER BY sequence DESC OFFSET :offset LIMIT :limit"""),
        {**parameters, "offset": offset, "limit": limit},
    ).mappings()
    return int(total), [dict(row) for row in rows]
