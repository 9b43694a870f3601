"""How current the statistics are: the ETL's lag behind the collector, for the UI's "data as of".

The reports read Elasticsearch, which is only as current as the ETL's last pass. What the collector
received and the ETL has not carried yet is counted straight from PostgreSQL, as `fuelstats etl
status` does: everything received before the oldest waiting row is in the statistics. It is
counted on the primary, where the checkpoints are, not on a hot standby the ETL and the exports may
read: rows a lagging standby has not replayed yet are waiting too, and it would not show them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Engine

from fuelstats.etl.pipeline import stream_status


def data_status(primary: Engine, *, stale_after: float) -> dict[str, Any]:
    streams = stream_status(primary, primary)
    behind = max((stream["behind_seconds"] for stream in streams), default=0.0)
    as_of = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=behind)
    return {
        "data_as_of": as_of.isoformat(),
        "behind_seconds": behind,
        "stale": behind > stale_after,
        "stale_after_seconds": stale_after,
        "streams": [{name: stream[name] for name in ("stream", "pending", "behind_seconds", "pass_in_progress",
                                                      "last_activity")} for stream in streams],
    }
