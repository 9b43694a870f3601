"""Replication benchmark: what a hot standby costs the collector's ingest, asynchronous and synchronous.

One throwaway, durable PostgreSQL cluster (synchronous_commit on, fsync on), the collector under
gunicorn, action logs posted over HTTP as in bench/collector_ingest.py: first with no standby, then
with a hot standby streaming asynchronously, then with the same standby synchronous
(synchronous_standby_names = '*': a commit is acknowledged once the standby has flushed it).

    python -m bench.replication --output docs/benchmarks.md [--sizes 100000]
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench import fleet
from bench.collector_ingest import Server, log_requests, reset, send_all
from bench.common import collector_cluster, free_port, fuelstats_env, run_sized, service
from tools.localpg import Cluster
from tools.localreplica import STANDBY_SLOT, replication_settings

SECTION = "replication"
ROWS = 100_000
BATCH = 100
SENDERS = 4
ROUNDS = 3
MODES = ("none", "asynchronous", "synchronous")


def measure(sizes: list[int]) -> list[dict[str, Any]]:
    return [result for rows in sizes for result in measure_rows(rows)]


def measure_rows(rows: int) -> list[dict[str, Any]]:
    best: dict[str, dict[str, Any]] = {}
    folder = Path(tempfile.mkdtemp(prefix="fuelstats-bench-standby-", dir="/tmp"))
    folder.chmod(0o755)
    standby = Cluster(folder, free_port())
    try:
        with collector_cluster() as (primary, url), \
                service(["collector", "serve"], fuelstats_env(url), "/api/v1/ping/") as (base, pid):
            server, postgres = Server("collector", base, pid), primary.pid()
            assert postgres is not None
            requests = log_requests(fleet.action_log_batches(rows, BATCH))
            # warm up workers, pools and partitions
            send_all(server, postgres, log_requests(fleet.action_log_batches(2_000, BATCH, offset=10**9)), SENDERS)
            standby.start_as_replica_of(primary, slot=STANDBY_SLOT, durable=True)
            for _ in range(ROUNDS):  # alternating, so that none gains from what the machine does meanwhile
                for mode in MODES:
                    primary.configure(replication_settings(mode == "synchronous"))
                    if mode == "none":
                        standby.stop()
                    else:
                        standby.start(durable=True)
                        standby.wait_until_ready()
                    reset(url)
                    caught_up(primary, standby if mode != "none" else None)
                    run = send_all(server, postgres, requests, SENDERS)
                    if run.rate > best.get(mode, {}).get("rate", 0):
                        best[mode] = {"mode": mode, "rows": rows, "rate": run.rate, "p50_ms": run.p50_ms,
                                      "p99_ms": run.p99_ms}
            primary.configure(replication_settings(False))
    finally:
        standby.stop()
        shutil.rmtree(folder, ignore_errors=True)
    return [best[mode] for mode in MODES]


def caught_up(primary: Cluster, standby: Cluster | None) -> None:
    """Until the standby has replayed everything (the truncate included): each mode starts level."""
    if standby is None:
        return
    position = primary.psql("SELECT pg_current_wal_insert_lsn()")
    while standby.psql(f"SELECT pg_last_wal_replay_lsn() >= '{position}'") != "t":
        time.sleep(0.1)


def render(results: list[dict[str, Any]]) -> str:
    lines = [
        f"<!-- {SECTION}: begin -->",
        "## Replication: what a hot standby costs ingest",
        "",
        f"Measured {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC on {platform.machine()}, {os.cpu_count()} cores, by"
        " `make bench` (bench/replication.py). The collector (gunicorn, 2 workers) stores",
        f"N action logs shaped like the fleet's (bench/fleet.py) in batches of {BATCH} posted by {SENDERS} senders,",
        "into a durable cluster",
        "(synchronous_commit on): alone, with a hot standby streaming asynchronously, and with the same",
        "standby synchronous (synchronous_standby_names = '*'), on the same machine: the network between",
        "them is loopback, so the synchronous cost here is the standby's flush, not a network round trip.",
        f"Each runs {ROUNDS} times, alternately; its best run counts.",
        "",
        "| action logs | standby | logs/s | of no standby | p50 latency | p99 latency |",
        "| ---: | --- | ---: | ---: | ---: | ---: |",
    ]
    alone = {r["rows"]: r["rate"] for r in results if r["mode"] == "none"}
    for r in results:
        lines.append(f"| {r['rows']:,} | {r['mode']} | {r['rate']:,.0f} | {r['rate'] / alone[r['rows']]:.0%} |"
                     f" {r['p50_ms']:.1f} ms | {r['p99_ms']:.1f} ms |")
    lines += ["", f"<!-- {SECTION}: end -->"]
    return "\n".join(lines) + "\n"


def main() -> int:
    return run_sized(__doc__, SECTION, [ROWS], measure, render)


if __name__ == "__main__":
    sys.exit(main())
