"""Parts of a worker tried alone, against the tests' PostgreSQL: what happens when an error says nothing
(an empty message), which must never stop the thread or the scrape that met it; how many jobs a
worker may run at once."""

from __future__ import annotations

import subprocess
import uuid
from collections.abc import Callable

import pytest
from prometheus_client import CollectorRegistry, generate_latest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from fuelstats.analytics.jobs import JobSpec
from fuelstats.analytics.storage import Range
from fuelstats.core.database import POOL_CONNECTIONS, engine_for
from fuelstats.worker import metrics, runner
from fuelstats.worker.settings import WorkerSettings
from fuelstats_common.settings import ConfigurationError, load_settings
from tests.jobs.conftest import FUELSTATS


def failing_once_then(answer: bool) -> Callable[[], bool]:
    """procrastinate's should_abort as a worker sees it when its first look fails with an empty message."""
    looks = 0

    def should_abort() -> bool:
        nonlocal looks
        looks += 1
        if looks == 1:
            raise RuntimeError()
        return answer

    return should_abort


def test_a_cancel_stops_a_reports_query_even_after_a_look_failed_without_a_message(database_url, queue):
    attempt = runner.Attempt(uuid.uuid4(), 1, JobSpec("report", "deployment_history", Range(None, None, False)),
                             engine_for(queue), failing_once_then(True))
    with engine_for(database_url).connect() as connection, connection.begin():
        # The watcher logs the first look's error and goes on: its second look cancels the statement.
        with pytest.raises(OperationalError, match="canceling statement"):
            with runner._cancelled_on_stop(attempt, connection.connection.dbapi_connection):
                connection.execute(text("SELECT pg_sleep(5)"))


class Unreachable:
    """An engine whose every connection fails with an error that says nothing."""

    def connect(self) -> None:
        raise ConnectionError()


def test_a_queue_depth_not_read_for_an_error_without_a_message_leaves_the_scrape_whole():
    registry = CollectorRegistry()
    registry.register(metrics.QueueDepth(Unreachable(), 1.0))  # type: ignore[arg-type]
    assert b"fuelstats_jobs_pending" not in generate_latest(registry)


def test_a_worker_runs_no_more_jobs_at_once_than_its_engines_have_connections(monkeypatch):
    # Each running job holds a connection to the collector's database: one more would wait for it and fail.
    refused = subprocess.run([FUELSTATS, "worker", "run", "--concurrency", str(POOL_CONNECTIONS + 1)],
                             capture_output=True, text=True, timeout=60)
    assert refused.returncode == 2 and f"not in the range 1<=x<={POOL_CONNECTIONS}" in refused.stderr
    monkeypatch.setenv("FUELSTATS_WORKER_CONCURRENCY", str(POOL_CONNECTIONS + 1))
    with pytest.raises(ConfigurationError, match="FUELSTATS_WORKER_CONCURRENCY"):
        load_settings(WorkerSettings)
    monkeypatch.setenv("FUELSTATS_WORKER_CONCURRENCY", str(POOL_CONNECTIONS))
    assert load_settings(WorkerSettings).worker_concurrency == POOL_CONNECTIONS
