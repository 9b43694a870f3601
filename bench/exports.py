"""Private CSV export: rate against PostgreSQL's own COPY TO, and the server's memory as exports grow.

`fuelstats analytics serve` (one gunicorn worker) streams `/api/v1/private/exports/action_logs/`
of N action logs to a client that reads and drops it; the baseline, in the same run, is
`COPY (SELECT * FROM action_logs) TO STDOUT WITH CSV` into a sink that drops it. The worker's
peak RSS (VmHWM) after each size shows whether an export's memory grows with its size.

    python -m bench.exports --output docs/benchmarks.md [--sizes 100000 1000000]
"""

from __future__ import annotations

import datetime as dt
import io
import os
import platform
import sys
import time
from pathlib import Path
from typing import Any

import httpx

from bench.common import analytics_reader, collector_cluster, fuelstats_env, run_sized, service
from bench.etl import fill, peak_rss
from fuelstats.core.database import engine_for

SECTION = "exports"


class Sink(io.RawIOBase):
    """Counts what COPY writes and keeps none of it."""

    def __init__(self) -> None:
        self.bytes = 0

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self.bytes += len(data)
        return len(data)


def copy_out(url: str) -> float:
    raw = engine_for(url).raw_connection()
    try:
        started = time.perf_counter()
        with raw.cursor() as cursor:
            cursor.copy_expert("COPY (SELECT * FROM action_logs) TO STDOUT WITH CSV HEADER", Sink())
        return time.perf_counter() - started
    finally:
        raw.close()


def export(base: str, token: str) -> tuple[float, int]:
    """Seconds to stream the whole action-log export, and its lines."""
    lines = 0
    started = time.perf_counter()
    with httpx.Client(timeout=600, headers={"Authorization": f"Bearer {token}"}) as client, client.stream(
            "GET", f"{base}/api/v1/private/exports/action_logs/", params={"include_filtered": "true"}) as response:
        response.raise_for_status()
        for chunk in response.iter_bytes():
            lines += chunk.count(b"\n")
    return time.perf_counter() - started, lines


def worker_pid(master: int) -> int:
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return int(children[0])


def measure(sizes: list[int]) -> list[dict[str, Any]]:
    results = []
    with collector_cluster() as (cluster, url):
        accounts, token = analytics_reader(cluster)
        env = fuelstats_env(url, analytics_database_url=accounts)
        with service(["analytics", "serve"], env, "/api/v1/reports/", workers=1) as (base, pid):
            worker = worker_pid(pid)
            filled = 0
            for rows in sizes:
                fill(url, rows - filled, offset=filled)
                filled = rows
                seconds, lines = export(base, token)
                if lines != rows + 1:
                    raise RuntimeError(f"the export has {lines} lines for {rows} rows")
                baseline = copy_out(url)
                results.append({"rows": rows, "export_rate": rows / seconds, "copy_rate": rows / baseline,
                                "peak_mib": peak_rss(worker) / 2**20})
    return results


def render(results: list[dict[str, Any]]) -> str:
    lines = [
        f"<!-- {SECTION}: begin -->",
        "## Analytics: private CSV export",
        "",
        f"Measured {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC on {platform.machine()}, {os.cpu_count()} cores, by"
        " `make bench` (bench/exports.py): `fuelstats analytics serve` with one worker streams the",
        "action-log export to a client that drops it; the baseline is PostgreSQL's `COPY ... TO STDOUT WITH CSV`",
        "of the same table in the same run. Peak RSS is the worker's, after each size: flat means constant memory.",
        "",
        "| action logs | export rows/s | COPY TO rows/s | export / COPY | worker peak RSS |",
        "| ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        lines.append(f"| {r['rows']:,} | {r['export_rate']:,.0f} | {r['copy_rate']:,.0f} |"
                     f" {r['export_rate'] / r['copy_rate']:.0%} | {r['peak_mib']:.0f} MiB |")
    lines += ["", f"<!-- {SECTION}: end -->"]
    return "\n".join(lines) + "\n"


def main() -> int:
    return run_sized(__doc__, SECTION, [100_000, 1_000_000], measure, render)


if __name__ == "__main__":
    sys.exit(main())
