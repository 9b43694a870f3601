"""Jobs for real: `fuelstats worker run` processes against the tests' PostgreSQL, the analytics' API in
this process asking for jobs and serving their results, over the fixture population of tests/analytics.

The workers beat every half second and sweep every second, so a killed one is found dead within
two seconds; a failed attempt waits a second before the next (FUELSTATS_JOB_RETRY_WAIT=1).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import text

from fuelstats.core.database import engine_for
from tests.analytics.conftest import app_client, population  # noqa: F401  (the fixture population, shared)
from tests.conftest import free_port
from tools.service import wait_ready

FUELSTATS = str(Path(sys.executable).with_name("fuelstats"))
FAST = {"FUELSTATS_WORKER_HEARTBEAT": "0.5", "FUELSTATS_WORKER_SWEEP_INTERVAL": "1", "FUELSTATS_JOB_RETRY_WAIT": "1"}


@dataclass
class Worker:
    """A `fuelstats worker run` process, and what it logs (JSON lines)."""

    process: subprocess.Popen[bytes]
    log: Path
    metrics: str  # its metrics listener's base URL

    def events(self, event: str) -> list[dict[str, Any]]:
        lines = [json.loads(line) for line in self.log.read_text().splitlines() if line.startswith("{")]
        return [line for line in lines if line.get("event") == event]

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.terminate()
        return self.process.wait(timeout=60)


@pytest.fixture
def jobs_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The results folder the workers write and the API (this process) serves."""
    folder = tmp_path / "results"
    folder.mkdir()
    monkeypatch.setenv("FUELSTATS_JOBS_DIR", str(folder))
    return folder


@pytest.fixture
def queue(analytics_database_url: str) -> Iterator[str]:
    """The analytics' database with no job and no worker in it, before and after each test."""
    def empty() -> None:
        with engine_for(analytics_database_url).begin() as connection:
            connection.execute(text("TRUNCATE jobs, procrastinate_jobs, procrastinate_workers,"
                                    " procrastinate_periodic_defers, procrastinate_events CASCADE"))

    empty()
    yield analytics_database_url
    empty()


@pytest.fixture
def start_worker(database_url: str, queue: str, jobs_dir: Path, tmp_path: Path
                 ) -> Iterator[Callable[..., Worker]]:
    """A function that starts a worker (settings as keyword arguments override the fast ones); each is
    stopped at the end of the test."""
    started: list[Worker] = []

    def start(**settings: str) -> Worker:
        port = free_port()
        env = {**{name: value for name, value in os.environ.items() if not name.startswith("FUELSTATS_")},
               "FUELSTATS_DATABASE_URL": database_url, "FUELSTATS_ANALYTICS_DATABASE_URL": queue,
               "FUELSTATS_JOBS_DIR": str(jobs_dir), "FUELSTATS_WORKER_METRICS_BIND": f"127.0.0.1:{port}",
               "FUELSTATS_LOG_FORMAT": "json", **FAST, **settings}
        log = tmp_path / f"worker-{len(started)}.log"
        with log.open("wb") as output:
            process = subprocess.Popen([FUELSTATS, "worker", "run"], env=env, stdout=output, stderr=subprocess.STDOUT)
        worker = Worker(process, log, f"http://127.0.0.1:{port}")
        started.append(worker)
        assert wait_ready(f"{worker.metrics}/healthz", 60, process), log.read_text()[-3000:]
        return worker

    yield start
    for worker in started:
        worker.stop()


@pytest.fixture
def api(population, app_client, jobs_dir: Path, as_admin: dict[str, str], queue: str):  # type: ignore[no-untyped-def]  # noqa: F811
    """The analytics' API as the tests' admin, on this machine."""
    return app_client(**as_admin)


def wait_for(api: Any, job_id: str, *states: str, timeout: float = 60) -> dict[str, Any]:
    """The job once it is in one of ``states``."""
    deadline = time.monotonic() + timeout
    while True:
        job = api.get(f"/api/v1/jobs/{job_id}/").json()
        if job["state"] in states:
            return job
        assert time.monotonic() < deadline, f"job still {job['state']}: {job}"
        time.sleep(0.1)


def create(api: Any, **request: Any) -> dict[str, Any]:
    answer = api.post("/api/v1/job_requests/", json=request)
    assert answer.status_code == 202, answer.text
    assert answer.headers["location"] == f"/api/v1/jobs/{answer.json()['id']}/"
    return answer.json()  # type: ignore[no-any-return]


def metrics_of(worker: Worker) -> str:
    return httpx.get(f"{worker.metrics}/metrics", timeout=10).text
