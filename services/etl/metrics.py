"""What the ETL counts for Prometheus while it follows the collector (docs/operations.md).

The lag is what a pass found waiting when it began: rows written since the last completed pass
and the age of the oldest of them. Between two passes it stands still; a lag that only grows,
or a last pass that recedes into the past, is what to alert on. The standby's replication lag is
measured after every round of passes (pipeline.replication_lag).
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from prometheus_client import Counter, Gauge

DOCUMENTS = Counter("fuelstats_etl_documents_total", "Rows carried into Elasticsearch, by stream.", ["stream"])
PASSES = Counter("fuelstats_etl_passes_total", "Passes completed, by stream.", ["stream"])
ERRORS = Counter("fuelstats_etl_errors_total", "Passes that failed (and are tried again), by stream.", ["stream"])
LAG_ROWS = Gauge("fuelstats_etl_lag_rows", "Rows waiting for the ETL when its last pass began, by stream.", ["stream"])
LAG_SECONDS = Gauge(
    "fuelstats_etl_lag_seconds", "Age of the oldest row waiting when the last pass began, by stream.", ["stream"]
)
LAST_PASS = Gauge(
    "fuelstats_etl_last_pass_timestamp_seconds", "When the stream's last pass completed (Unix time).", ["stream"]
)
# Counted where the pipeline parks a document in etl_dead_letters (one refused again counts again).
DEAD_LETTERS = Counter(
    "fuelstats_etl_dead_letters_total", "Documents Elasticsearch refused for good, parked as dead letters, by stream.",
    ["stream"],
)
REPLICA_LAG_BYTES = Gauge(
    "fuelstats_etl_replica_lag_bytes",
    "WAL the standby the ETL reads has yet to replay (0 when it reads the primary; NaN when unknown).",
)
REPLICA_LAG_SECONDS = Gauge(
    "fuelstats_etl_replica_lag_seconds",
    "How old the newest transaction the standby has replayed is, while it has WAL to replay (0 when it has none"
    " or the ETL reads the primary; NaN when unknown).",
)


def pass_began(stream: str, pending: int, oldest: dt.datetime | None) -> None:
    LAG_ROWS.labels(stream).set(pending)
    LAG_SECONDS.labels(stream).set((dt.datetime.now(dt.UTC) - oldest).total_seconds() if oldest else 0.0)


def pass_completed(stream: str) -> None:
    PASSES.labels(stream).inc()
    LAST_PASS.labels(stream).set_to_current_time()


def replication_lag_seen(lag_bytes: float, lag_seconds: float | None) -> None:
    """The standby's lag as the follower measured it after a round; NaN for what is not known (a standby
    that has replayed nothing since it started, or that did not answer)."""
    REPLICA_LAG_BYTES.set(lag_bytes)
    REPLICA_LAG_SECONDS.set(math.nan if lag_seconds is None else lag_seconds)


class _Stream(Protocol):
    name: str


R = TypeVar("R")


def counting_failures(run_pass: Callable[[Any, _Stream], R]) -> Callable[[Any, _Stream], R]:
    """A pass that raises counts as one of its stream's errors, and raises on (to be tried again)."""

    @functools.wraps(run_pass)
    def counted(etl: Any, stream: _Stream) -> R:
        try:
            return run_pass(etl, stream)
        except Exception:
            ERRORS.labels(stream.name).inc()
            raise

    return counted
