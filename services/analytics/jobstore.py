"""Every SQL statement on the asynchronous jobs' rows (``jobs``, in the analytics' own database; the queue
that runs them is procrastinate's, reached through fuelstats.analytics.jobqueue).

A row moves queued -> running -> succeeded | failed, and from queued or running to cancelled; a
succeeded one becomes expired when its result is deleted. What a worker writes is conditional on the
attempt it runs (``attempts``), so that a worker that lost its job to another (cut off from the
database long enough to be taken for dead) can no longer change it. Times are the database's.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Connection, RowMapping, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.sql import bindparam

from fuelstats.analytics.models import PENDING_JOB_STATES

_COLUMNS = """j.id, u.name AS owner, j.user_id, j.kind, j.name, j.parameters, j.dedupe_key, j.state,
              j.queue_job_id, j.attempts, j.rows_done, j.rows_estimate, j.bytes_done, j.error, j.result_file, j.result_bytes,
              j.result_sha256, j.created_at, j.started_at, j.finished_at, j.expires_at"""
_PENDING = f"j.state IN {PENDING_JOB_STATES!r}"


def _returning(statement: str) -> str:
    """An UPDATE of ``jobs j`` that answers with the row as it is now, its owner named."""
    return f"WITH j AS ({statement} RETURNING j.*) SELECT {_COLUMNS} FROM j JOIN users u ON u.id = j.user_id"


# --- the API's --------------------------------------------------------------------------------------

def insert_job(connection: Connection, user_id: int, kind: str, name: str, parameters: dict[str, Any],
               dedupe_key: str) -> uuid.UUID | None:
    """A new queued job; None when an identical one of the same user is pending (the unique index)."""
    return connection.execute(  # type: ignore[no-any-return]
        text(f"INSERT INTO jobs (user_id, kind, name, parameters, dedupe_key)"
             f" VALUES (:user_id, :kind, :name, :parameters, :dedupe_key)"
             f" ON CONFLICT (dedupe_key) WHERE state IN {PENDING_JOB_STATES!r} DO NOTHING RETURNING id")
        .bindparams(bindparam("parameters", type_=JSONB)),
        {"user_id": user_id, "kind": kind, "name": name, "parameters": parameters, "dedupe_key": dedupe_key},
    ).scalar_one_or_none()


def set_queue_job(connection: Connection, job_id: uuid.UUID, queue_job_id: int) -> None:
    connection.execute(text("UPDATE jobs SET queue_job_id = :queue_job_id WHERE id = :id"),
                       {"id": job_id, "queue_job_id": queue_job_id})


def pending_job(connection: Connection, dedupe_key: str) -> RowMapping | None:
    return connection.execute(
        text(f"SELECT {_COLUMNS} FROM jobs j JOIN users u ON u.id = j.user_id"
             f" WHERE j.dedupe_key = :key AND {_PENDING}"), {"key": dedupe_key}).mappings().first()


def is_pending(connection: Connection, job_id: uuid.UUID) -> bool:
    return connection.execute(text(f"SELECT EXISTS (SELECT FROM jobs j WHERE j.id = :id AND {_PENDING})"),
                              {"id": job_id}).scalar_one()  # type: ignore[no-any-return]


def job(connection: Connection, job_id: uuid.UUID) -> RowMapping | None:
    return connection.execute(text(f"SELECT {_COLUMNS} FROM jobs j JOIN users u ON u.id = j.user_id WHERE j.id = :id"),
                              {"id": job_id}).mappings().first()


def jobs_page(connection: Connection, user_id: int | None, kinds: tuple[str, ...], offset: int,
              limit: int) -> tuple[int, list[RowMapping]]:
    """Jobs of one user (None: everyone's) of the given kinds, newest first."""
    where = "(CAST(:user_id AS integer) IS NULL OR j.user_id = :user_id) AND j.kind IN :kinds"
    parameters = {"user_id": user_id, "kinds": kinds}
    total = connection.execute(text(f"SELECT count(*) FROM jobs j WHERE {where}")
                               .bindparams(bindparam("kinds", expanding=True)), parameters).scalar_one()
    rows = connection.execute(
        text(f"SELECT {_COLUMNS} FROM jobs j JOIN users u ON u.id = j.user_id WHERE {where}"
             f" ORDER BY j.created_at DESC, j.id OFFSET :offset LIMIT :limit")
        .bindparams(bindparam("kinds", expanding=True)),
        {**parameters, "offset": offset, "limit": limit}).mappings().all()
    return int(total), list(rows)


def cancel_job(connection: Connection, job_id: uuid.UUID) -> RowMapping | None:
    """The job, cancelled now; None when it was no longer pending."""
    return connection.execute(text(_returning(
        f"UPDATE jobs j SET state = 'cancelled', finished_at = now() WHERE j.id = :id AND {_PENDING}")),
        {"id": job_id}).mappings().first()


# --- the workers' ------------------------------------------------------------------------------------

def start_attempt(connection: Connection, job_id: uuid.UUID, attempt: int) -> RowMapping | None:
    """The job, now running its attempt ``attempt``; None when it is no longer pending (cancelled)."""
    return connection.execute(text(_returning(
        f"UPDATE jobs j SET state = 'running', attempts = :attempt, rows_done = 0, bytes_done = 0, rows_estimate = NULL,"
        f" started_at = now() WHERE j.id = :id AND {_PENDING}")),
        {"id": job_id, "attempt": attempt}).mappings().first()


def note_progress(connection: Connection, job_id: uuid.UUID, attempt: int, rows_done: int, bytes_done: int,
                  rows_estimate: int | None) -> bool:
    """Progress of a running attempt; False when the job is no longer this attempt's to run (cancelled,
    or taken over)."""
    return connection.execute(
        text("UPDATE jobs SET rows_done = :rows_done, bytes_done = :bytes_done,"
             " rows_estimate = coalesce(:rows_estimate, rows_estimate)"
             " WHERE id = :id AND attempts = :attempt AND state = 'running' RETURNING id"),
        {"id": job_id, "attempt": attempt, "rows_done": rows_done, "bytes_done": bytes_done,
         "rows_estimate": rows_estimate},
    ).first() is not None


def finish_job(connection: Connection, job_id: uuid.UUID, attempt: int, rows_done: int, result_file: str,
               result_bytes: int, result_sha256: str, lifetime: int) -> bool:
    """The attempt's result is the job's, kept ``lifetime`` seconds; False when the job was no longer
    this attempt's (its result must then go)."""
    return connection.execute(
        text("UPDATE jobs SET state = 'succeeded', rows_done = :rows_done, result_file = :file, result_bytes = :bytes,"
             " result_sha256 = :sha256, error = NULL, finished_at = now(),"
             " expires_at = now() + make_interval(secs => :lifetime)"
             " WHERE id = :id AND attempts = :attempt AND state = 'running' RETURNING id"),
        {"id": job_id, "attempt": attempt, "rows_done": rows_done, "file": result_file, "bytes": result_bytes,
         "sha256": result_sha256, "lifetime": lifetime},
    ).first() is not None


def attempt_failed(connection: Connection, job_id: uuid.UUID, attempt: int, error: str, *, final: bool) -> None:
    """A failed attempt: the job waits for its next one (queued), or has failed for good, with why."""
    connection.execute(
        text("UPDATE jobs SET state = CASE WHEN :final THEN 'failed' ELSE 'queued' END, error = :error,"
             " finished_at = CASE WHEN :final THEN now() END"
             " WHERE id = :id AND attempts = :attempt AND state = 'running'"),
        {"id": job_id, "attempt": attempt, "error": error, "final": final})


def fail_job(connection: Connection, job_id: uuid.UUID, error: str) -> None:
    """A pending job failed for good, whatever attempt it was at (its worker died once too often)."""
    connection.execute(text(f"UPDATE jobs j SET state = 'failed', error = :error, finished_at = now()"
                            f" WHERE j.id = :id AND {_PENDING}"), {"id": job_id, "error": error})


def fail_forsaken(connection: Connection, error: str) -> list[uuid.UUID]:
    """Pending jobs whose run no worker will take up, failed for good with ``error``: procrastinate ended
    their run (succeeded, failed, cancelled, aborted) but the worker's last word on the row was lost.
    Left pending, the row would be handed to whoever asks for the identical job, forever."""
    return list(connection.execute(text(
        f"UPDATE jobs j SET state = 'failed', error = :error, finished_at = now() WHERE {_PENDING}"
        f" AND NOT EXISTS (SELECT FROM procrastinate_jobs q WHERE q.id = j.queue_job_id"
        f" AND q.status IN ('todo', 'doing')) RETURNING j.id"), {"error": error}).scalars())


def expire_results(connection: Connection) -> list[RowMapping]:
    """Succeeded jobs whose results are due to go, now expired: their files, to delete."""
    return list(connection.execute(text(
        "UPDATE jobs SET state = 'expired' WHERE state = 'succeeded' AND expires_at <= now()"
        " RETURNING id, kind, result_file")).mappings())


def kept_files(connection: Connection, job_ids: list[uuid.UUID]) -> tuple[set[uuid.UUID], set[str]]:
    """Of these jobs, those still pending (their attempts' files are in use), and the results still served."""
    rows = connection.execute(
        text("SELECT id, state, result_file FROM jobs WHERE id IN :ids").bindparams(bindparam("ids", expanding=True)),
        {"ids": job_ids}).all() if job_ids else []
    return ({row.id for row in rows if row.state in PENDING_JOB_STATES},
            {row.result_file for row in rows if row.state == "succeeded" and row.result_file})


def delete_old_jobs(connection: Connection, days: int) -> int:
    """Rows of jobs that ended more than ``days`` ago (their results are long gone)."""
    return connection.execute(
        text(f"DELETE FROM jobs j WHERE NOT {_PENDING} AND coalesce(j.finished_at, j.created_at)"
             f" < now() - make_interval(days => :days)"), {"days": days}).rowcount


def pending_counts(connection: Connection, timeout_ms: int) -> list[RowMapping]:
    """How many jobs wait and run, by kind and state (the queue's depth, for the metrics), asked for at
    most ``timeout_ms`` milliseconds (in the caller's transaction)."""
    connection.execute(text("SELECT set_config('statement_timeout', :timeout, true)"), {"timeout": str(timeout_ms)})
    return list(connection.execute(text(
        f"SELECT j.kind, j.state, count(*) AS jobs FROM jobs j WHERE {_PENDING} GROUP BY j.kind, j.state")).mappings())
