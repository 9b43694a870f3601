"""Private CSV export: rate against PostgreSQL's own COPY TO, and the server's memory as exports grow.

`fuelstats analytics serve` (one gunicorn worker) streams `/api/v1/private/exports/action_logs/`
of N action logs to a client that reads and drops it, as this checkout serves it and as the
revision before issue 13 did (bench.collector_ingest.source_of). The baselines, in the same run,
COPY into a sink that drops it: `COPY (SELECT * FROM action_logs) TO STDOUT WITH CSV`, the table
as it is, and the export's own columns read by the same query without its CSV rules. Each runs
twice, alternately, and its best run counts. The worker's peak RSS (VmHWM) after each size shows
whether an export's memory grows with its size.

    python -m bench.exports --output docs/benchmarks.md [--sizes 100000 1000000]
"""

from __future__ import annotations

import datetime as dt
import io
import os
import platform
import re
import sys
import time
from pathlib import Path
from typing import Any

import httpx

from bench.common import (
    BEFORE,
    analytics_reader,
    collector_cluster,
    fuelstats_env,
    load_average,
    run_sized,
    service,
    source_of,
)
from bench.etl import fill, peak_rss
from fuelstats.analytics import storage
from fuelstats.analytics.storage import Range
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


TABLE = "SELECT * FROM action_logs"


def copy_out(url: str, query: str = TABLE) -> float:
    raw = engine_for(url).raw_connection()
    try:
        started = time.perf_counter()
        with raw.cursor() as cursor:
            cursor.copy_expert(f"COPY ({query}) TO STDOUT WITH CSV HEADER", Sink())
        return time.perf_counter() - started
    finally:
        raw.close()


def same_columns(cursor_url: str) -> str:
    """The export's own query, its parameters bound, without its CSV rules (PostgreSQL's CSV instead)."""
    raw = engine_for(cursor_url).raw_connection()
    try:
        with raw.cursor() as cursor:
            query = storage.EXPORTS["action_logs"].rows_sql().replace("%", "%%")
            query = re.sub(r"(?<![:\w]):(\w+)", r"%(\1)s", query)
            return cursor.mogrify(query, Range(include_filtered=True).parameters()).decode()
    finally:
        raw.close()


def export(base: str, token: str | None) -> tuple[float, int]:
    """Seconds to stream the whole action-log export, and its lines."""
    lines = 0
    started = time.perf_counter()
    headers = {"Authorization": f"Bearer {token}"} if token else {}  # *before* had no accounts
    with httpx.Client(timeout=600, headers=headers) as client, client.stream(
            "GET", f"{base}/api/v1/private/exports/action_logs/", params={"include_filtered": "true"}) as response:
        response.raise_for_status()
        for chunk in response.iter_bytes():
            lines += chunk.count(b"\n")
    return time.perf_counter() - started, lines


def worker_pid(master: int) -> int:
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return int(children[0])


def measure(sizes: list[int], before: str = BEFORE, rounds: int = 2) -> list[dict[str, Any]]:
    results = []
    with collector_cluster() as (cluster, url), source_of(before) as before_env:
        accounts, token = analytics_reader(cluster)
        with (service(["analytics", "serve"], fuelstats_env(url, analytics_database_url=accounts), "/api/v1/reports/",
                      workers=1) as (base, pid),
              service(["analytics", "serve"], {**fuelstats_env(url), **before_env}, "/api/v1/reports/",
                      workers=1) as (old_base, _)):
            worker = worker_pid(pid)
            filled = 0
            for rows in sizes:
                fill(url, rows - filled, offset=filled)
                filled = rows
                runs: dict[str, list[float]] = {"export": [], "before": [], "table": [], "columns": []}
                for _ in range(rounds):
                    for name, server, credential in (("export", base, token), ("before", old_base, None)):
                        seconds, lines = export(server, credential)
                        if lines != rows + 1:
                            raise RuntimeError(f"the export has {lines} lines for {rows} rows")
                        runs[name].append(seconds)
                    runs["table"].append(copy_out(url))
                    runs["columns"].append(copy_out(url, same_columns(url)))
                rates = {name: rows / min(seconds) for name, seconds in runs.items()}
                results.append({"rows": rows, **{f"{name}_rate": rate for name, rate in rates.items()},
                                "peak_mib": peak_rss(worker) / 2**20, "before": before, "load": load_average()})
    return results


def render(results: list[dict[str, Any]]) -> str:
    loads = ", ".join(f"{r['load']:.2f}" for r in results)
    lines = [
        f"<!-- {SECTION}: begin -->",
        "## Analytics: private CSV export",
        "",
        f"Measured {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC on {platform.machine()}, {os.cpu_count()} cores, by"
        " `make bench` (bench/exports.py): `fuelstats analytics serve` with one worker streams the",
        "action-log export to a client that drops it, as this code writes it (PostgreSQL's COPY builds the lines)",
        f"and as *before* (`{results[0]['before']}`, rows read into Python and written by the csv module) did.",
        "Baselines in the same run: `COPY (SELECT * FROM action_logs) TO STDOUT WITH CSV` (the table as stored), and",
        "COPY of the export's own query without its CSV rules (the same columns, PostgreSQL's CSV). Best of 2 runs each,",
        f"alternating; load average (1 min) at the end of each size: {loads}.",
        "Peak RSS is the worker's, after each size: flat means constant memory. Target: at least 50% of COPY TO.",
        "",
        "| action logs | export rows/s | *before* rows/s | COPY TO table rows/s | export / COPY | COPY TO same columns rows/s"
        " | export / same columns | worker peak RSS |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        lines.append(f"| {r['rows']:,} | {r['export_rate']:,.0f} | {r['before_rate']:,.0f} | {r['table_rate']:,.0f} |"
                     f" {r['export_rate'] / r['table_rate']:.0%} | {r['columns_rate']:,.0f} |"
                     f" {r['export_rate'] / r['columns_rate']:.0%} | {r['peak_mib']:.0f} MiB |")
    lines += ["", f"<!-- {SECTION}: end -->"]
    return "\n".join(lines) + "\n"


def main() -> int:
    return run_sized(__doc__, SECTION, [100_000, 1_000_000], measure, render)


if __name__ == "__main__":
    sys.exit(main())
