"""What the collector counts for Prometheus: records by fate, and the failure notifications' outbox.

Served with the HTTP metrics of fuelstats.core.metrics (docs/operations.md describes each). The
outbox's gauges are what the database held when a dispatcher last looked, set by whichever
process looked last: any of the collector's workers, or `fuelstats collector notify --follow`.
"""

from __future__ import annotations

import collections
from collections.abc import Iterable, Mapping

from prometheus_client import Counter, Gauge

RECORDS = Counter(
    "fuelstats_records_total", "Records the collector was sent, by kind and fate (added, existed, ...).",
    ["kind", "fate"],
)

NOTIFICATIONS_SENT = Counter("fuelstats_notifications_sent_total", "Failure notifications delivered.", ["channel"])
NOTIFICATIONS_FAILED = Counter(
    "fuelstats_notifications_failed_total", "Delivery attempts that failed (each is tried again later).", ["channel"]
)
NOTIFICATIONS_DUE = Gauge(
    "fuelstats_notifications_due", "Undelivered notifications whose next attempt is due.", ["channel"],
    multiprocess_mode="mostrecent",
)
NOTIFICATIONS_FAILING = Gauge(
    "fuelstats_notifications_failing", "Undelivered notifications that failed at least once.", ["channel"],
    multiprocess_mode="mostrecent",
)
NOTIFICATIONS_LAST_PASS = Gauge(
    "fuelstats_notifications_last_pass_timestamp_seconds", "When a dispatcher last finished a pass (Unix time).",
    multiprocess_mode="max",
)


def count_records(kind: str, fates: Iterable[str]) -> dict[str, int]:
    """Count a request's records by fate; the counts, for its log line."""
    counts = collections.Counter(fates)
    for fate, count in counts.items():
        RECORDS.labels(kind, fate).inc(count)
    return dict(counts)


def outbox_seen(channels: Iterable[str], counts: Mapping[str, tuple[int, int]]) -> None:
    """The outbox as a dispatcher's pass left it: (due, failing) per channel; a channel absent has none."""
    for channel in channels:
        due, failing = counts.get(channel, (0, 0))
        NOTIFICATIONS_DUE.labels(channel).set(due)
        NOTIFICATIONS_FAILING.labels(channel).set(failing)
    NOTIFICATIONS_LAST_PASS.set_to_current_time()
