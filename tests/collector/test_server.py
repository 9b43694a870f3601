"""The collector as deployed: gunicorn workers, JSON request log, configuration errors, PostgreSQL down."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.collector.payloads import MASTER, http_request_log
from tests.conftest import free_port

FUELSTATS = str(Path(sys.executable).with_name("fuelstats"))


def request_lines(log: Path) -> list[dict]:
    lines = []
    for line in log.read_text().splitlines():
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            continue
        if record.get("event") == "request":
            lines.append(record)
    return lines


def test_one_json_line_per_request(collector_server: str, collector_log: Path, engine):
    response = httpx.post(f"{collector_server}/api/v1/action_logs/", json={"action_logs": [http_request_log(1)]},
                          headers={"master-node-uid": MASTER, "x-request-id": "req-42"})
    assert response.status_code == 200
    assert response.headers["x-request-id"] == "req-42"
    refused = httpx.post(f"{collector_server}/api/v1/action_logs/", json={"action_logs": "x"})
    assert refused.status_code == 400

    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        lines = request_lines(collector_log)
        ours = [line for line in lines if line.get("request_id") == "req-42"]
        if ours:
            break
        time.sleep(0.1)
    assert len(ours) == 1
    line = ours[0]
    assert line["master_node_uid"] == MASTER
    assert line["outcome"] == "ok" and line["status"] == 200
    assert line["added"] == 1 and line["records"] == 1
    assert isinstance(line["duration_ms"], float)
    assert line["path"] == "/api/v1/action_logs/" and line["method"] == "POST"
    rejected = [ln for ln in request_lines(collector_log) if ln.get("rule") == "type" and ln["status"] == 400]
    assert rejected and rejected[-1]["outcome"] == "rejected" and rejected[-1]["request_id"]


def run_fuelstats(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("FUELSTATS_")}
    return subprocess.run([FUELSTATS, *args], capture_output=True, text=True, env={**clean, **env}, timeout=60)


@pytest.mark.parametrize(
    ("env", "complaint"),
    [
        ({"FUELSTATS_DATABSE_URL": "postgresql://x/y"}, "unknown setting FUELSTATS_DATABSE_URL (did you mean FUELSTATS_DATABASE_URL?)"),
        ({"FUELSTATS_DATABASE_URL": "not a url"}, "FUELSTATS_DATABASE_URL"),
        ({"FUELSTATS_DATABASE_URL": "postgresql://x/y", "FUELSTATS_WORKERS": "many"}, "FUELSTATS_WORKERS"),
        ({"FUELSTATS_DATABASE_URL": "postgresql://x/y", "FUELSTATS_LOG_LEVEL": "LOUD"}, "FUELSTATS_LOG_LEVEL"),
        ({}, "FUELSTATS_DATABASE_URL is not set"),
        ({"FUELSTATS_DATABASE_URL": "postgresql://x/y", "FUELSTATS_FILTERING_RULES": "/nonexistent.yaml"},
         "filtering rules /nonexistent.yaml"),
    ],
)
def test_a_bad_setting_stops_serve_with_one_line(env, complaint):
    result = run_fuelstats("collector", "serve", "--bind", f"127.0.0.1:{free_port()}", env=env)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1, result.stderr
    assert complaint in result.stderr
    assert "Traceback" not in result.stderr


def test_postgresql_down_is_503_not_500(postgres, tmp_path: Path):
    from tools.service import wait_ready

    dead = f"postgresql://fuelstats@127.0.0.1:{free_port()}/nothing"  # nothing listens there
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("FUELSTATS_")}
    log = (tmp_path / "collector.log").open("wb")
    process = subprocess.Popen([FUELSTATS, "collector", "serve", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
                               env={**env, "FUELSTATS_DATABASE_URL": dead}, stdout=log, stderr=subprocess.STDOUT)
    try:
        assert wait_ready(f"http://127.0.0.1:{port}/api/v1/ping/", 60, process)
        response = httpx.post(f"http://127.0.0.1:{port}/api/v1/action_logs/",
                              json={"action_logs": [http_request_log(1)]}, timeout=30)
        assert response.status_code == 503
        assert response.json()["status"] == "error"
        assert response.headers["retry-after"] == "30"
    finally:
        process.terminate()
        process.wait(timeout=30)


def children_of(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (gunicorn's workers of a master)."""
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            children.append(int(stat.parent.name))
    return children


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    return state != "Z"


def serve_collector(database_url: str, port: int, log: Path, **env: str) -> subprocess.Popen[bytes]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("FUELSTATS_")}
    with log.open("ab") as output:
        return subprocess.Popen([FUELSTATS, "collector", "serve", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
                                env={**clean, "FUELSTATS_DATABASE_URL": database_url, **env}, stdout=output,
                                stderr=subprocess.STDOUT)


def test_workers_exit_when_their_master_is_killed(database_url, tmp_path: Path):
    from tools.service import wait_ready

    port = free_port()
    log = tmp_path / "collector.log"
    master = serve_collector(database_url, port, log)
    workers: list[int] = []
    try:
        assert wait_ready(f"http://127.0.0.1:{port}/api/v1/ping/", 60, master), log.read_text()[-2000:]
        deadline = time.monotonic() + 30
        while len(workers := children_of(master.pid)) < 2:
            assert time.monotonic() < deadline, "gunicorn did not start its two workers"
            time.sleep(0.1)
        master.kill()
        master.wait(timeout=10)
        deadline = time.monotonic() + 30
        while any(alive(pid) for pid in workers):
            assert time.monotonic() < deadline, "the workers outlived their master"
            time.sleep(0.2)
        # The port is free again: a new collector binds it and serves.
        again = serve_collector(database_url, port, log)
        try:
            assert wait_ready(f"http://127.0.0.1:{port}/api/v1/ping/", 60, again), log.read_text()[-2000:]
        finally:
            again.terminate()
            again.wait(timeout=30)
    finally:
        if master.poll() is None:
            master.kill()
            master.wait()
        for pid in workers:  # only if the test failed: those of our master that are left
            if alive(pid):
                os.kill(pid, signal.SIGKILL)


def test_each_collector_keeps_its_control_socket_to_itself(database_url, tmp_path: Path):
    from tools.service import wait_ready

    home = tmp_path / "home"
    home.mkdir()
    port = free_port()
    log = tmp_path / "collector.log"
    process = serve_collector(database_url, port, log, HOME=str(home), XDG_RUNTIME_DIR="")
    try:
        assert wait_ready(f"http://127.0.0.1:{port}/api/v1/ping/", 60, process), log.read_text()[-2000:]
        # gunicorn's default, one path per user for every instance, is not used.
        assert not (home / ".gunicorn").exists()
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_a_worker_builds_its_app_then_freezes_it_and_collects_garbage_rarely(monkeypatch):
    import gc

    from fuelstats.core import server

    built = []
    monkeypatch.setattr(server.importlib, "import_module", lambda name: type("Module", (), {
        "create": staticmethod(lambda: built.append(gc.get_freeze_count()) or (lambda scope, receive, send: None))}))
    before = gc.get_threshold()
    try:
        app = server._Server("factory:create", {"bind": "127.0.0.1:0", "workers": 1}).load()
        assert isinstance(app, server.KeepAliveRequests)
        assert gc.get_threshold() == server.GC_THRESHOLDS
        assert gc.get_freeze_count() > built[0]  # what the app was built of is frozen
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()
