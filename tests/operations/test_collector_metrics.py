"""The collector as deployed under systemd: health, and metrics summed over its gunicorn workers.

The server runs as its unit runs it: two workers, RUNTIME_DIRECTORY set (systemd's
RuntimeDirectory=), metrics on a loopback port of their own.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.collector.payloads import MASTER, http_request_log
from tests.conftest import free_port
from tests.operations.scraping import scrape, value
from tests.security.signing import Master
from tools.service import wait_ready

FUELSTATS = str(Path(sys.executable).with_name("fuelstats"))


@dataclass(frozen=True)
class Served:
    url: str
    metrics: str
    runtime: Path
    log: Path


@pytest.fixture(scope="module")
def served(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    folder = tmp_path_factory.mktemp("collector-unit")
    runtime = folder / "run"
    # What a run killed before it could clean up leaves behind: a worker's counts, never to be added in.
    (runtime / "metrics").mkdir(parents=True)
    (runtime / "metrics" / "counter_999999.db").write_bytes(b"left by a run killed long ago")
    port, metrics_port = free_port(), free_port()
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("FUELSTATS_")},
           "FUELSTATS_DATABASE_URL": database_url, "RUNTIME_DIRECTORY": str(runtime),
           "FUELSTATS_COLLECTOR_METRICS_BIND": f"127.0.0.1:{metrics_port}"}
    log = folder / "collector.log"
    with log.open("wb") as output:
        process = subprocess.Popen([FUELSTATS, "collector", "serve", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
                                   env=env, stdout=output, stderr=subprocess.STDOUT)
    served = Served(f"http://127.0.0.1:{port}", f"http://127.0.0.1:{metrics_port}/metrics", runtime, log)
    try:
        assert wait_ready(f"{served.url}/healthz", 60, process), log.read_text()[-3000:]
        assert wait_ready(served.metrics, 10, process), log.read_text()[-3000:]
        yield served
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_alive_and_ready_and_the_probes_stay_out_of_the_log(served: Served, engine):
    assert httpx.get(f"{served.url}/healthz").json() == {"status": "ok"}
    ready = httpx.get(f"{served.url}/readyz")
    assert (ready.status_code, ready.json()) == (200, {"status": "ok", "checks": {"database": "ok"}})
    httpx.get(f"{served.url}/api/v1/ping/")
    time.sleep(0.5)  # the log line is written as the answer ends
    paths = [line for line in served.log.read_text().splitlines() if '"event": "request"' in line]
    assert any('"/api/v1/ping/"' in line for line in paths)
    assert not any('"/healthz"' in line or '"/readyz"' in line for line in paths), "a probe that was fine is logged"


def test_requests_records_and_refusals_are_counted_across_workers(served: Served, engine):
    before = scrape(served.metrics)
    for _ in range(20):  # spread over both workers
        assert httpx.get(f"{served.url}/api/v1/ping/").status_code == 200
    batch = {"action_logs": [http_request_log(1), http_request_log(2)]}
    for _ in range(2):  # added, then existed
        assert httpx.post(f"{served.url}/api/v1/action_logs/", json=batch,
                          headers={"master-node-uid": MASTER}).status_code == 200
    assert httpx.post(f"{served.url}/api/v1/action_logs/", json={"action_logs": "x"}).status_code == 400
    # Signed by a master node that never enrolled its key: the signature's rules count like the others.
    signed = Master(served.url)
    assert signed.post("/api/v1/action_logs/", {"action_logs": [http_request_log(1, signed.uid)]}).status_code == 401
    for path in ("/api/v1/nothing/1", "/api/v1/nothing/2"):
        assert httpx.get(f"{served.url}{path}").status_code == 404
    after = scrape(served.metrics)

    def grew(name: str, **labels: str) -> float:
        return value(after, name, **labels) - value(before, name, **labels)

    assert grew("fuelstats_http_requests_total", route="/api/v1/ping/", method="GET", status="200") == 20
    assert grew("fuelstats_http_requests_total", route="/api/v1/action_logs/", method="POST", status="200") == 2
    assert grew("fuelstats_http_request_duration_seconds_count", route="/api/v1/action_logs/", method="POST") == 4
    assert grew("fuelstats_records_total", kind="action_logs", fate="added") == 2
    assert grew("fuelstats_records_total", kind="action_logs", fate="existed") == 2
    assert grew("fuelstats_refusals_total", rule="type") == 1
    assert grew("fuelstats_refusals_total", rule="not-enrolled") == 1
    assert grew("fuelstats_http_requests_total", route="/api/v1/action_logs/", method="POST", status="401") == 1
    # Paths no route template matches share one label, whatever they are.
    assert grew("fuelstats_http_requests_total", route="unmatched", method="GET", status="404") == 2
    assert not any("/api/v1/nothing" in str(labels) for _, labels in after)


def test_metrics_have_their_own_port_and_folder(served: Served):
    assert httpx.get(f"{served.url}/metrics").status_code == 404  # never on the public port
    files = sorted(path.name for path in (served.runtime / "metrics").iterdir())
    assert "counter_999999.db" not in files, "the folder was not emptied at start"
    assert files and all(name.endswith(".db") for name in files)


def test_a_taken_metrics_port_costs_the_metrics_not_the_service():
    import socket

    from fuelstats.core import metrics

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        assert metrics.serve(f"127.0.0.1:{port}", metrics.metrics_app(metrics.registry()), "test") is None
    assert metrics.serve("off", metrics.metrics_app(metrics.registry()), "test") is None
    server = metrics.serve(f"127.0.0.1:{free_port()}", metrics.metrics_app(metrics.registry()), "test")
    assert server is not None
    try:
        host, port = server.server_address[:2]
        assert httpx.get(f"http://{host}:{port}/healthz").json() == {"status": "ok"}
        assert httpx.get(f"http://{host}:{port}/readyz").status_code == 404  # only for programs without an API
    finally:
        server.shutdown()
        server.server_close()
