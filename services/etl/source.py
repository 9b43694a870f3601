"""Every SQL statement of the ETL: what it reads from the collector's tables and its checkpoints.

Reading follows PostgreSQL's snapshots, not ids or timestamps. Every row carries ``xact_id``, the
transaction that last wrote it. A pass reads the rows visible in a new snapshot and not in the
last completed one. A row whose transaction commits late, after rows with higher ids and times, is
not visible in the snapshot taken before that commit, so the next pass reads it: nothing is missed
and nothing is read twice.

Rows are read from the replica when one is configured; checkpoints are always kept on the primary.
The snapshots are always the primary's: a hot standby's ``pg_current_snapshot()`` leaves out the
transactions still in progress (it keeps them where that function does not look), so a pass that
took its snapshot there would mark them carried before they commit, and never read their rows. A
pass takes the primary's snapshot with the primary's WAL position, and reads on the standby once
the standby has replayed up to that position: it then sees every transaction the snapshot sees.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text

NO_SNAPSHOT = "1:1:"  # sees no transaction at all: the state before the first pass


@dataclass(frozen=True)
class Checkpoint:
    stream: str
    done_snapshot: str
    pass_snapshot: str | None
    pass_after_xact_id: str | None
    pass_after_id: int | None
    indexed: int
    updated_at: dt.datetime
    pass_lsn: str | None  # the primary's WAL position when pass_snapshot was taken


# The rows of each stream, with the columns its documents need; the stream's table is aliased "t".
# Action logs, the stream with the most rows, come as the fields of their body that the documents
# need: PostgreSQL picks them out, and additional_info comes as JSON text that goes into the
# document untouched. Decoding whole bodies and encoding them again was a third of the ETL's time.
# A request's result is Nailgun's response_data.status, or a response_code, or the result_code of
# fuelstats_kit (the specification's "result code").
# They carry their installation's release and filtered mark (reports filter on them), are verified
# when both they and their installation were signed by the master node (docs/security.md), for
# deployments and health check runs the release version of their environment as the installation
# structure reports it, and for a successful deployment, how many deployments of its environment
# failed since the last success before it.
_INFO = "t.body->'additional_info'"
_DEPLOYMENT = "t.action_name = 'deployment' AND t.body->>'action_type' = 'nailgun_task'"
_SAME_ENVIRONMENT = ("p.master_node_uid = t.master_node_uid AND p.action_name = 'deployment'"
                     " AND p.body->'cluster_id' = t.body->'cluster_id' AND p.external_id < t.external_id")
_OF_ENVIRONMENT = f"(({_DEPLOYMENT}) OR t.body->>'action_group' = 'health_check')"
_RELEASE_VERSION = ("jsonb_path_query_first(i.structure, '$.clusters[*] ? (@.id == $id).release.version',"
                    " jsonb_build_object('id', t.body->'cluster_id')) #>> '{}'")
_PREVIOUS_SUCCESS = (f"(SELECT max(p.external_id) FROM action_logs p WHERE {_SAME_ENVIRONMENT}"
                     " AND p.body->'additional_info'->>'ended_with_status' = 'ready')")
STREAM_SELECTS = {
    "installations": "SELECT t.id, t.master_node_uid, t.structure, t.release, t.is_filtered, t.creation_date,"
                     " t.modification_date, t.verified, t.xact_id::text AS xact_id FROM installation_structures t",
    "action_logs": f"""
        SELECT t.id, t.master_node_uid, t.external_id, t.received_at, t.xact_id::text AS xact_id,
               t.body->>'action_type' AS action_type, t.body->>'action_group' AS action_group,
               t.body->>'action_name' AS action_name, t.body->>'actor_id' AS actor_id,
               CASE WHEN jsonb_typeof(t.body->'cluster_id') = 'number' THEN t.body->>'cluster_id' END AS cluster_id,
               t.body->>'task_uuid' AS task_uuid,
               t.body->>'start_timestamp' AS start_timestamp, t.body->>'end_timestamp' AS end_timestamp,
               {_INFO}->>'ended_with_status' AS ended_with_status,
               coalesce(nullif({_INFO}->'response_data'->>'status', ''), {_INFO}->>'response_code',
                        {_INFO}->>'result_code') AS request_result,
               CASE WHEN jsonb_typeof({_INFO}->'message') = 'string' THEN {_INFO}->>'message' END AS message,
               CASE WHEN t.body->>'action_group' = 'health_check' THEN {_INFO}->'tests' END AS tests,
               CASE WHEN jsonb_typeof({_INFO}) = 'object' AND {_INFO} <> '{{}}' THEN ({_INFO})::text
               END AS additional_info,
               i.release, coalesce(i.is_filtered, false) AS is_filtered, i.creation_date AS installation_created,
               CASE WHEN {_OF_ENVIRONMENT} THEN {_RELEASE_VERSION} END AS release_version,
               t.verified AND coalesce(i.verified, false) AS verified,
               CASE WHEN {_DEPLOYMENT} AND {_INFO}->>'ended_with_status' = 'ready' THEN
                   (SELECT count(*) FROM action_logs p WHERE {_SAME_ENVIRONMENT}
                    AND p.body->'additional_info'->>'ended_with_status' = 'error'
                    AND p.external_id > coalesce({_PREVIOUS_SUCCESS}, -1))
               END AS failures_before,
               CASE WHEN {_DEPLOYMENT} AND {_INFO}->>'ended_with_status' = 'ready' THEN
                   {_PREVIOUS_SUCCESS} IS NULL
               END AS first_success
        FROM action_logs t LEFT JOIN installation_structures i USING (master_node_uid)""",
    "oswl_stats": "SELECT t.id, t.master_node_uid, t.external_id, t.cluster_id, t.created_date, t.updated_time,"
                  " t.resource_type, t.resource_checksum, t.resource_data, t.version_info, t.received_at, t.verified,"
                  " t.xact_id::text AS xact_id FROM oswl_stats t",
}
STREAM_TABLES = {"installations": "installation_structures", "action_logs": "action_logs", "oswl_stats": "oswl_stats"}

_IN_PASS = """
    t.xact_id >= pg_snapshot_xmin(CAST(:done AS pg_snapshot))
    AND NOT pg_visible_in_snapshot(t.xact_id, CAST(:done AS pg_snapshot))
    AND pg_visible_in_snapshot(t.xact_id, CAST(:target AS pg_snapshot))
"""


def begin_reading(connection: Connection) -> None:
    """Settings of a transaction that reads a stream.

    No JIT: the planner's estimates for a pass's rows make PostgreSQL compile its expressions, which
    took longer than running them (2 of 5 seconds for 100,000 action logs).
    """
    connection.execute(text("SET LOCAL jit = off"))


def primary_snapshot(connection: Connection) -> tuple[str, str]:
    """On the primary: a snapshot, and a WAL position a standby must have replayed to see all it sees.

    The position is read after the statement's snapshot was taken, so every commit the snapshot
    sees is before it.
    """
    snapshot, position = connection.execute(
        text("SELECT pg_current_snapshot()::text, pg_current_wal_insert_lsn()::text")).one()
    return str(snapshot), str(position)


def replay_state(connection: Connection, position: str) -> tuple[bool, bool]:
    """On the reader: whether it has replayed up to ``position`` (a primary always has), and whether
    its replay is paused (pg_wal_replay_pause), so that waiting for it is pointless."""
    reached, paused = connection.execute(
        text("SELECT NOT pg_is_in_recovery() OR pg_last_wal_replay_lsn() >= CAST(:position AS pg_lsn),"
             " pg_is_in_recovery() AND pg_get_wal_replay_pause_state() <> 'not paused'"),
        {"position": position},
    ).one()
    return bool(reached), bool(paused)


def primary_wal_position(connection: Connection) -> str:
    """On the primary: how far its WAL is written, what a standby can have received at most."""
    return str(connection.execute(text("SELECT pg_current_wal_lsn()::text")).scalar_one())


def replay_lag(connection: Connection, primary_position: str) -> tuple[int, float | None] | None:
    """On the reader: how many bytes of the primary's WAL it has still to replay, and the seconds
    since the primary committed the last transaction it has replayed (while it has WAL to replay;
    no transaction replayed since it started: None). A primary: None."""
    row = connection.execute(
        text("SELECT pg_is_in_recovery(),"
             " greatest(pg_wal_lsn_diff(CAST(:position AS pg_lsn), pg_last_wal_replay_lsn()), 0)::bigint,"
             " extract(epoch FROM clock_timestamp() - pg_last_xact_replay_timestamp())::float8"),
        {"position": primary_position},
    ).one()
    in_recovery, behind_bytes, since_last_replayed = row
    if not in_recovery:
        return None
    if behind_bytes == 0:
        return 0, 0.0
    return int(behind_bytes), None if since_last_replayed is None else max(0.0, float(since_last_replayed))


def rows_of_pass(
    connection: Connection, stream: str, *, done: str, target: str, after: tuple[str, int] | None, batch_size: int
) -> Iterator[Mapping[str, Any]]:
    """The stream's rows written after ``done`` and visible in ``target``, in (xact_id, id) order, streamed."""
    after_xact, after_id = after or ("0", 0)
    query = text(
        f"{STREAM_SELECTS[stream]} WHERE {_IN_PASS}"
        " AND (t.xact_id, t.id) > (CAST(:after_xact AS xid8), :after_id) ORDER BY t.xact_id, t.id"
    )
    result = connection.execute(
        query,
        {"done": done, "target": target, "after_xact": after_xact, "after_id": after_id},
        execution_options={"stream_results": True, "yield_per": batch_size},
    )
    yield from result.mappings()


def rows_visible(connection: Connection, stream: str, *, batch_size: int, target: str | None = None
                 ) -> Iterator[Mapping[str, Any]]:
    """Every row of the stream this transaction sees, and ``target`` too when given (for a rebuild), streamed."""
    where = " WHERE pg_visible_in_snapshot(t.xact_id, CAST(:target AS pg_snapshot))" if target else ""
    result = connection.execute(
        text(f"{STREAM_SELECTS[stream]}{where} ORDER BY t.xact_id, t.id"),
        {"target": target} if target else {},
        execution_options={"stream_results": True, "yield_per": batch_size},
    )
    yield from result.mappings()


def action_logs_of(connection: Connection, master_node_uids: list[str], *, batch_size: int
                   ) -> Iterator[Mapping[str, Any]]:
    """Every action log of these master nodes, as the action_logs stream reads them, streamed."""
    result = connection.execute(
        text(f"{STREAM_SELECTS['action_logs']} WHERE t.master_node_uid = ANY(:uids) ORDER BY t.xact_id, t.id"),
        {"uids": master_node_uids},
        execution_options={"stream_results": True, "yield_per": batch_size},
    )
    yield from result.mappings()


def public_id_secret(connection: Connection) -> str:
    """The key of the opaque installation ids the public search shows (made by the collector's migration 0006)."""
    return str(connection.execute(text("SELECT value FROM service_secrets WHERE name = 'public_id'")).scalar_one())


def count_pending(connection: Connection, stream: str, *, done: str) -> tuple[int, dt.datetime | None]:
    """How many rows the next passes still have to carry, and when the oldest of them was written."""
    time_column = "modification_date" if stream == "installations" else "received_at"
    row = connection.execute(
        text(
            f"SELECT count(*), min({time_column}) FROM {STREAM_TABLES[stream]}"
            " WHERE xact_id >= pg_snapshot_xmin(CAST(:done AS pg_snapshot))"
            " AND NOT pg_visible_in_snapshot(xact_id, CAST(:done AS pg_snapshot))"
        ),
        {"done": done},
    ).one()
    return int(row[0]), row[1]


def count_rows(connection: Connection, stream: str) -> int:
    return int(connection.execute(text(f"SELECT count(*) FROM {STREAM_TABLES[stream]}")).scalar_one())


# --- checkpoints (on the primary) ----------------------------------------------------------------

_LOCK_NAMESPACE = 0x65746C  # "etl"
# An installations pass carries action logs again with their installation's new release and mark;
# an action_logs pass beside it, reading an older snapshot, could write the old ones over them.
# So the two streams are held together: one process carries either at a time.
_LOCK_OF_STREAM = {"installations": "installations+action_logs", "action_logs": "installations+action_logs"}


def lock_stream(connection: Connection, stream: str) -> bool:
    """Hold the stream for this session: one ETL process per stream at a time."""
    return bool(connection.execute(
        text("SELECT pg_try_advisory_lock(:namespace, hashtext(:lock))"),
        {"namespace": _LOCK_NAMESPACE, "lock": _LOCK_OF_STREAM.get(stream, stream)},
    ).scalar_one())


def unlock_stream(connection: Connection, stream: str) -> None:
    connection.execute(text("SELECT pg_advisory_unlock(:namespace, hashtext(:lock))"),
                       {"namespace": _LOCK_NAMESPACE, "lock": _LOCK_OF_STREAM.get(stream, stream)})


_CHECKPOINT = ("stream, done_snapshot, pass_snapshot, pass_after_xact_id::text, pass_after_id, indexed, updated_at,"
               " pass_lsn")


def load_checkpoint(connection: Connection, stream: str) -> Checkpoint:
    connection.execute(text("INSERT INTO etl_checkpoints (stream) VALUES (:stream) ON CONFLICT DO NOTHING"),
                       {"stream": stream})
    row = connection.execute(text(f"SELECT {_CHECKPOINT} FROM etl_checkpoints WHERE stream = :stream"),
                             {"stream": stream}).one()
    return Checkpoint(*row)


def all_checkpoints(connection: Connection) -> list[Checkpoint]:
    rows = connection.execute(text(f"SELECT {_CHECKPOINT} FROM etl_checkpoints ORDER BY stream"))
    return [Checkpoint(*row) for row in rows]


def begin_pass(connection: Connection, stream: str, target: str, position: str) -> None:
    """A pass of ``stream`` carries what ``target`` (a snapshot of the primary at WAL ``position``) sees."""
    connection.execute(
        text("UPDATE etl_checkpoints SET pass_snapshot = :target, pass_lsn = :position, pass_after_xact_id = NULL,"
             " pass_after_id = NULL, updated_at = now() WHERE stream = :stream"),
        {"stream": stream, "target": target, "position": position},
    )


def advance_pass(connection: Connection, stream: str, after: tuple[str, int], indexed: int) -> None:
    """Everything up to ``after`` in this pass is in the index."""
    connection.execute(
        text("UPDATE etl_checkpoints SET pass_after_xact_id = CAST(:xact AS xid8), pass_after_id = :id,"
             " indexed = indexed + :indexed, updated_at = now() WHERE stream = :stream"),
        {"stream": stream, "xact": after[0], "id": after[1], "indexed": indexed},
    )


def finish_pass(connection: Connection, stream: str, snapshot: str) -> None:
    """Every row visible in ``snapshot`` is in the index."""
    connection.execute(
        text("UPDATE etl_checkpoints SET done_snapshot = :snapshot, pass_snapshot = NULL, pass_lsn = NULL,"
             " pass_after_xact_id = NULL, pass_after_id = NULL, updated_at = now() WHERE stream = :stream"),
        {"stream": stream, "snapshot": snapshot},
    )


def put_checkpoint(connection: Connection, checkpoint: Checkpoint) -> None:
    """Set a stream's checkpoint as it was (restoring a snapshot of its indices)."""
    connection.execute(
        text("INSERT INTO etl_checkpoints (stream, done_snapshot, pass_snapshot, pass_after_xact_id, pass_after_id,"
             " indexed, pass_lsn, updated_at)"
             " VALUES (:stream, :done_snapshot, :pass_snapshot, CAST(:pass_after_xact_id AS xid8), :pass_after_id,"
             " :indexed, :pass_lsn, now())"
             " ON CONFLICT (stream) DO UPDATE SET done_snapshot = excluded.done_snapshot,"
             " pass_snapshot = excluded.pass_snapshot, pass_after_xact_id = excluded.pass_after_xact_id,"
             " pass_after_id = excluded.pass_after_id, indexed = excluded.indexed, pass_lsn = excluded.pass_lsn,"
             " updated_at = now()"),
        {name: value for name, value in checkpoint.__dict__.items() if name != "updated_at"},
    )


def next_transaction(connection: Connection) -> int:
    """The id the primary's next transaction will get: no snapshot it took can see past it."""
    return int(connection.execute(text("SELECT pg_snapshot_xmax(pg_current_snapshot())::text")).scalar_one())


def snapshot_horizon(snapshot: str) -> int:
    """The first transaction id a snapshot (``xmin:xmax:xip``) sees nothing of."""
    return int(snapshot.split(":")[1])


# --- dead letters (on the primary): documents Elasticsearch refused for good ------------------------

@dataclass(frozen=True)
class DeadLetter:
    stream: str
    document_id: str
    kind: str
    source_id: int
    reason: str


def park(connection: Connection, letters: list[DeadLetter]) -> None:
    """Keep refused documents aside; a document refused again counts one more attempt."""
    if not letters:
        return
    connection.execute(
        text("INSERT INTO etl_dead_letters (stream, document_id, kind, source_id, reason)"
             " VALUES (:stream, :document_id, :kind, :source_id, :reason)"
             " ON CONFLICT (stream, document_id) DO UPDATE SET kind = excluded.kind, source_id = excluded.source_id,"
             " reason = excluded.reason, last_seen = now(), attempts = etl_dead_letters.attempts + 1"),
        [letter.__dict__ for letter in letters],
    )


def any_parked(connection: Connection) -> bool:
    return bool(connection.execute(text("SELECT EXISTS (SELECT FROM etl_dead_letters)")).scalar_one())


def unpark(connection: Connection, documents: list[tuple[str, str]]) -> None:
    """Elasticsearch has accepted these documents (stream, document id) now; those parked leave."""
    if documents:
        connection.execute(
            text("DELETE FROM etl_dead_letters WHERE (stream, document_id) IN"
                 " (SELECT * FROM unnest(CAST(:streams AS text[]), CAST(:ids AS text[])))"),
            {"streams": [stream for stream, _ in documents], "ids": [document_id for _, document_id in documents]},
        )


def unpark_older(connection: Connection, stream: str, than: dt.datetime) -> int:
    """After a rebuild: what it did not park again was accepted (or its row is gone)."""
    return int(connection.execute(
        text("DELETE FROM etl_dead_letters WHERE stream = :stream AND last_seen < :than"),
        {"stream": stream, "than": than},
    ).rowcount)


def dead_letter_counts(connection: Connection) -> dict[str, int]:
    rows = connection.execute(text("SELECT stream, count(*) FROM etl_dead_letters GROUP BY stream"))
    return {str(row[0]): int(row[1]) for row in rows}


def now(connection: Connection) -> dt.datetime:
    """The primary's clock, which stamps dead letters."""
    return connection.execute(text("SELECT now()")).scalar_one()  # type: ignore[no-any-return]
