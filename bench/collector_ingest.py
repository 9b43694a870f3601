"""Ingest benchmark: action logs per second through the collector's HTTP API, against raw COPY.

Both run in the same process, on the same throwaway PostgreSQL cluster, with the same rows, so
their ratio says what the HTTP path costs whatever the machine. Results go to docs/benchmarks.md.

    python -m bench.collector_ingest --output docs/benchmarks.md
"""

from __future__ import annotations

import argparse
import concurrent.futures
import datetime as dt
import json
import os
import platform
import sys
import time
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import text

from bench.common import (
    action_log,
    collector_database,
    copy_action_logs,
    fuelstats_env,
    percentile,
    service,
    write_section,
)
from fuelstats.core.database import engine_for

ROWS = 20_000
CLIENTS = 4
SECTION = "collector-ingest"


def batches(rows: int, size: int, offset: int) -> list[list[dict[str, Any]]]:
    """Batches as Fuel sends them: each from one master node (100 of them), ids counting up."""
    masters = [f"bench-master-{n:03d}" for n in range(100)]
    per_master = max(size, rows // len(masters))
    logs = [action_log(masters[(i // per_master) % len(masters)], offset + i) for i in range(rows)]
    return [logs[i:i + size] for i in range(0, rows, size)]


def truncate(url: str) -> None:
    with engine_for(url).begin() as connection:
        connection.execute(text("TRUNCATE action_log_keys, action_logs"))


def through_http(base: str, payloads: list[list[dict[str, Any]]]) -> tuple[float, list[float]]:
    # Encoded beforehand, as the COPY baseline's rows are: the clients share the server's cores.
    requests = [
        (json.dumps({"action_logs": batch}).encode(),
         {"content-type": "application/json", "master-node-uid": batch[0]["master_node_uid"]})
        for batch in payloads
    ]

    def send(client: httpx.Client, request: tuple[bytes, dict[str, str]]) -> float:
        started = time.perf_counter()
        response = client.post(f"{base}/api/v1/action_logs/", content=request[0], headers=request[1])
        response.raise_for_status()
        return time.perf_counter() - started

    with httpx.Client(timeout=60, limits=httpx.Limits(max_connections=CLIENTS)) as client:
        started = time.perf_counter()
        with concurrent.futures.ThreadPoolExecutor(CLIENTS) as pool:
            latencies = list(pool.map(lambda request: send(client, request), requests))
        elapsed = time.perf_counter() - started
    rows = sum(len(batch) for batch in payloads)
    return rows / elapsed, latencies


def measure(rows: int) -> list[dict[str, Any]]:
    results = []
    with collector_database() as url, service(["collector", "serve"], fuelstats_env(url), "/api/v1/ping/") as (base, _):
        through_http(base, batches(2_000, 100, 10_000_000))  # warm up workers, pools and partitions
        for size in (100, 1000):
            payloads = batches(rows, size, 0)
            truncate(url)
            copy_rate = copy_action_logs(url, payloads)
            truncate(url)
            http_rate, latencies = through_http(base, payloads)
            results.append({
                "batch": size, "rows": rows, "http_rate": http_rate, "copy_rate": copy_rate,
                "ratio": http_rate / copy_rate,
                "p50_ms": percentile(latencies, 0.50) * 1000, "p99_ms": percentile(latencies, 0.99) * 1000,
            })
    return results


def render(results: list[dict[str, Any]]) -> str:
    lines = [
        f"<!-- {SECTION}: begin -->",
        "## Collector ingest: action logs through HTTP against raw COPY",
        "",
        f"Measured {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC on {platform.machine()}, {os.cpu_count()} cores,"
        f" Python {platform.python_version()}, by `make bench` (bench/collector_ingest.py).",
        f"The collector runs under gunicorn with 2 workers; {CLIENTS} clients post batches concurrently from 100 master",
        "nodes. The baseline COPYs the same rows into the same tables (keys and logs) on the same cluster in",
        "the same run. Target: HTTP at least 20% of the COPY rate.",
        "",
        "| batch | rows | HTTP logs/s | COPY logs/s | HTTP / COPY | p50 latency | p99 latency |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        lines.append(
            f"| {r['batch']} | {r['rows']} | {r['http_rate']:,.0f} | {r['copy_rate']:,.0f} | {r['ratio']:.0%} |"
            f" {r['p50_ms']:.1f} ms | {r['p99_ms']:.1f} ms |"
        )
    lines += ["", f"<!-- {SECTION}: end -->"]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=Path("docs/benchmarks.md"))
    parser.add_argument("--rows", type=int, default=ROWS)
    args = parser.parse_args()
    results = measure(args.rows)
    section = render(results)
    print(section)
    write_section(args.output, SECTION, section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
