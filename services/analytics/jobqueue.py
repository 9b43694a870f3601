"""procrastinate, the jobs' queue (docs/jobs.md), as the analytics' API uses it, and its schema.

The queue lives in the analytics' own database, beside the ``jobs`` rows it runs: a job is deferred in
the same transaction that inserts its row, and cancelled in the one that marks it cancelled, so no
row ever waits for a queue entry that does not exist, nor the other way round. The API reaches
procrastinate through its SQLAlchemy connector on our psycopg2 connections for that; the workers
(fuelstats.worker) through psycopg 3, whose LISTEN/NOTIFY wakes them when a job is deferred.

procrastinate's version is pinned (pyproject.toml): its schema is part of ours, applied by the
analytics' migration 0002, which notes the version it applied on ``procrastinate_jobs``. A new pin
comes with a migration of ours that applies procrastinate's own migration scripts from that
version on (``procrastinate schema --migrations-path`` lists them).
"""

from __future__ import annotations

import functools
from importlib.metadata import version
from typing import Any

from procrastinate import App
from procrastinate.contrib.sqlalchemy import SQLAlchemyPsycopg2Connector
from procrastinate.schema import SchemaManager
from sqlalchemy import Connection

# The tasks the workers run (fuelstats.worker.tasks), by name: the API defers them without importing them.
QUEUE = "jobs"
RUN_TASK = "fuelstats.jobs.run"
SWEEP_TASK = "fuelstats.jobs.sweep"


@functools.cache
def api_app() -> App:
    """The API's procrastinate: it only defers and cancels, always on a connection of ours."""
    return App(connector=SQLAlchemyPsycopg2Connector())


def defer(connection: Connection, job_id: str, dedupe_key: str) -> int:
    """Queue the run of job ``job_id`` in the transaction of ``connection``; procrastinate's id.

    The queueing lock refuses a second waiting run of an identical job, as the jobs table's own index does."""
    deferrer = api_app().configure_task(RUN_TASK, queue=QUEUE, queueing_lock=dedupe_key, connection=connection)
    return deferrer.defer(job_id=job_id)


def cancel(connection: Connection, queue_job_id: int) -> None:
    """A waiting run is cancelled; a running one is asked to stop (the worker sees it within a second)."""
    api_app().job_manager.cancel_job_by_id(queue_job_id, abort=True, connection=connection)


# --- the schema (migrations 0002 and later) ------------------------------------------------------------

def schema_version() -> str:
    return version("procrastinate")


def apply_schema(connection: Any) -> None:
    """procrastinate's schema, of the version installed, on a DBAPI (psycopg2) connection in a transaction."""
    with connection.cursor() as cursor:
        cursor.execute(SchemaManager.get_schema())  # no parameters: its % stay as they are
        cursor.execute(f"COMMENT ON TABLE procrastinate_jobs IS 'procrastinate {schema_version()}'")


def drop_schema(connection: Any) -> None:
    """Everything procrastinate's schema made: its tables, functions and types."""
    with connection.cursor() as cursor:
        cursor.execute("""
            DO $$
            DECLARE thing record;
            BEGIN
                FOR thing IN SELECT tablename FROM pg_tables
                             WHERE schemaname = current_schema() AND tablename LIKE 'procrastinate\\_%' LOOP
                    EXECUTE format('DROP TABLE IF EXISTS %I CASCADE', thing.tablename);
                END LOOP;
                FOR thing IN SELECT p.oid::regprocedure AS signature FROM pg_proc p
                             WHERE p.pronamespace = current_schema()::regnamespace
                               AND p.proname LIKE 'procrastinate\\_%' LOOP
                    EXECUTE format('DROP FUNCTION IF EXISTS %s CASCADE', thing.signature);
                END LOOP;
                FOR thing IN SELECT t.typname FROM pg_type t
                             WHERE t.typnamespace = current_schema()::regnamespace
                               AND t.typname LIKE 'procrastinate\\_%' AND t.typtype IN ('e', 'c') LOOP
                    EXECUTE format('DROP TYPE IF EXISTS %I CASCADE', thing.typname);
                END LOOP;
            END $$""")
