"""What the workers count for Prometheus (docs/operations.md): their jobs' attempts, how long each
took and how it ended, the rows they wrote, and the queue's depth.

The depth is read from the analytics' database when Prometheus scrapes (at most
FUELSTATS_READINESS_TIMEOUT seconds; a scrape while the database is away has no depth rather than a
stale one), so every worker tells the same, current number: jobs queued and running, by kind.
"""

from __future__ import annotations

from collections.abc import Iterator

import structlog
from prometheus_client import REGISTRY, Counter, Histogram
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from sqlalchemy import Engine

from fuelstats.analytics import jobstore
from fuelstats_common.commands import root_cause

log = structlog.get_logger("fuelstats.worker")

ATTEMPTS = Counter(
    "fuelstats_job_attempts_total", "Attempts at jobs that ended, by kind and outcome: succeeded, retried (failed,"
    " to be tried again), failed (for good), cancelled.", ["kind", "outcome"],
)
DURATION = Histogram(
    "fuelstats_job_duration_seconds", "Seconds an attempt at a job took, by kind and outcome.", ["kind", "outcome"],
    buckets=(0.1, 0.5, 1, 5, 10, 30, 60, 300, 600, 1800, 3600, 7200, 21600),
)
ROWS = Counter("fuelstats_job_rows_total", "Rows written into jobs' results, by kind.", ["kind"])
STALLED = Counter(
    "fuelstats_jobs_stalled_total", "Jobs found on a dead worker by this worker's sweeps: run again, failed when"
    " out of attempts, or aborted when the job had ended (cancelled, or finished before its worker died).",
    ["outcome"],
)


class QueueDepth(Collector):
    """fuelstats_jobs_pending{kind, state}: jobs queued and running now, read at each scrape."""

    def __init__(self, engine: Engine, timeout: float) -> None:
        self.engine = engine
        self.timeout_ms = int(timeout * 1000)

    def collect(self) -> Iterator[GaugeMetricFamily]:
        family = GaugeMetricFamily("fuelstats_jobs_pending", "Jobs queued or running now, by kind and state.",
                                   labels=["kind", "state"])
        try:
            with self.engine.connect() as connection, connection.begin():
                counted = {(row["kind"], row["state"]): row["jobs"]
                           for row in jobstore.pending_counts(connection, self.timeout_ms)}
        except Exception as error:  # the scrape goes on without the depth; the log says why
            log.warning("queue depth not read", error=root_cause(error))
            return
        for kind in ("export", "report"):
            for state in ("queued", "running"):
                family.add_metric([kind, state], counted.get((kind, state), 0))
        yield family


def count_queue(engine: Engine, timeout: float) -> None:
    REGISTRY.register(QueueDepth(engine, timeout))
