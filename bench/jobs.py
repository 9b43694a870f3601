"""The action-log export as a job: a worker's rate against PostgreSQL's own COPY TO, and its memory.

`fuelstats analytics serve` takes `POST /api/v1/job_requests/` for the whole action-log export (an
admin's API token, as a script would ask); one `fuelstats worker run` makes it into its results
folder, by the same COPY exporter as the synchronous export. The job's rate is its rows over the
seconds between the worker's start and end of it (the job's `started_at` and `finished_at`); the
whole, from the request to its download being ready, is given too. The baseline, in the same run,
is `COPY (SELECT * FROM action_logs) TO STDOUT WITH CSV` into a sink that drops it
(bench.exports.copy_out). The worker's peak RSS (VmHWM) after each size shows whether a job's
memory grows with its size: one worker process runs every size, so flat means constant.

    python -m bench.jobs --output docs/benchmarks.md [--sizes 1000000 10000000]
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

from bench.common import FUELSTATS, analytics_reader, collector_cluster, free_port, fuelstats_env, load_average, \
    run_sized, service
from bench.etl import fill, peak_rss
from bench.exports import copy_out
from tools.service import wait_ready

SECTION = "jobs"
EXPORT = {"kind": "export", "name": "action_logs", "include_filtered": True}


@contextmanager
def worker(env: dict[str, str]) -> Iterator[int]:
    """`fuelstats worker run` until the block ends; yields its pid."""
    bind = f"127.0.0.1:{free_port()}"
    process = subprocess.Popen([FUELSTATS, "worker", "run"], env={**env, "FUELSTATS_WORKER_METRICS_BIND": bind},
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        if not wait_ready(f"http://{bind}/healthz", 60, process):
            raise RuntimeError("fuelstats worker run did not start")
        yield process.pid
    finally:
        process.terminate()
        process.wait(timeout=60)


def export_job(base: str, token: str) -> dict[str, Any]:
    """The whole action-log export asked for as a job, once it is done: the job, and the seconds from the
    request to its result being ready."""
    with httpx.Client(base_url=base, timeout=60, headers={"Authorization": f"Bearer {token}"}) as client:
        started = time.perf_counter()
        created = client.post("/api/v1/job_requests/", json=EXPORT)
        created.raise_for_status()
        while (job := client.get(created.headers["location"]).json())["state"] in ("queued", "running"):
            time.sleep(0.2)
        waited = time.perf_counter() - started
    if job["state"] != "succeeded":
        raise RuntimeError(f"the job {job['state']}: {job['error']}")
    return {**job, "waited": waited}


def measure(sizes: list[int]) -> list[dict[str, Any]]:
    results = []
    results_dir = Path(tempfile.mkdtemp(prefix="fuelstats-bench-jobs-", dir="/tmp"))
    try:
        with collector_cluster() as (cluster, url):
            accounts, token = analytics_reader(cluster)
            env = fuelstats_env(url, analytics_database_url=accounts, jobs_dir=str(results_dir))
            with service(["analytics", "serve"], env, "/api/v1/reports/", workers=1) as (base, _), \
                    worker(env) as pid:
                filled = 0
                for rows in sizes:
                    fill(url, rows - filled, offset=filled)
                    filled = rows
                    job = export_job(base, token)
                    if job["progress"]["rows_done"] != rows:
                        raise RuntimeError(f"the job wrote {job['progress']['rows_done']} rows of {rows}")
                    made = (dt.datetime.fromisoformat(job["finished_at"])
                            - dt.datetime.fromisoformat(job["started_at"])).total_seconds()
                    baseline = copy_out(url)
                    results.append({"rows": rows, "job_rate": rows / made, "whole_rate": rows / job["waited"],
                                    "copy_rate": rows / baseline, "mib": job["result"]["bytes"] / 2**20,
                                    "peak_mib": peak_rss(pid) / 2**20, "load": load_average()})
                    for result in results_dir.iterdir():  # the disk holds one size's result at a time
                        result.unlink()
    finally:
        shutil.rmtree(results_dir, ignore_errors=True)
    return results


def render(results: list[dict[str, Any]]) -> str:
    loads = ", ".join(f"{r['load']:.2f}" for r in results)
    lines = [
        f"<!-- {SECTION}: begin -->",
        "## Jobs: the action-log export made by a worker",
        "",
        f"Measured {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC on {platform.machine()}, {os.cpu_count()} cores, by"
        " `make bench` (bench/jobs.py): the whole action-log export asked for as a job through the analytics API",
        "and made by one `fuelstats worker run` into its results folder (fsynced, renamed into place). *Job* is",
        "the rows over the worker's time on it (the job's started_at to finished_at); *request to ready* adds the",
        "queueing and the client's polling. The baseline, in the same run, is `COPY (SELECT * FROM action_logs) TO",
        f"STDOUT WITH CSV` of the same rows into a sink. Load average (1 min) at the end of each size: {loads}.",
        "Peak RSS is the worker process's, after each size (one process for all): flat means constant memory.",
        "Target: at least 50% of COPY TO.",
        "",
        "| action logs | job rows/s | request to ready rows/s | COPY TO rows/s | job / COPY | result | worker peak RSS |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        lines.append(f"| {r['rows']:,} | {r['job_rate']:,.0f} | {r['whole_rate']:,.0f} | {r['copy_rate']:,.0f} |"
                     f" {r['job_rate'] / r['copy_rate']:.0%} | {r['mib']:,.0f} MiB | {r['peak_mib']:.0f} MiB |")
    lines += ["", f"<!-- {SECTION}: end -->"]
    return "\n".join(lines) + "\n"


def main() -> int:
    return run_sized(__doc__, SECTION, [1_000_000, 10_000_000], measure, render)


if __name__ == "__main__":
    sys.exit(main())
