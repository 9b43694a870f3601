"""`fuelstats etl run` through outages: PostgreSQL restarted in the middle of a pass, Elasticsearch
unreachable when it starts. A follower waits them out; `--once` gives up with one line."""

from __future__ import annotations

import json
import os
import signal
import socket
import socketserver
import subprocess
import threading
import time
from collections.abc import Iterator

import pytest
from sqlalchemy import text

from fuelstats.collector import ingest
from fuelstats.core.database import engine_for
from fuelstats.etl import source
from tests.collector.payloads import http_request_log
from tests.conftest import free_port, migrate, throwaway_postgres
from tests.etl.test_cli import FUELSTATS, indexed
from tools.localpg import Cluster

PASSWORD = "s3cret-never-logged"  # the throwaway cluster trusts everyone, so any password connects


def etl_environment(database_url: str, node_url: str, prefix: str, **settings: str) -> dict[str, str]:
    return {**{k: v for k, v in os.environ.items() if not k.startswith("FUELSTATS_")},
            "FUELSTATS_DATABASE_URL": database_url, "FUELSTATS_ELASTICSEARCH_URL": node_url,
            "FUELSTATS_INDEX_PREFIX": prefix, **settings}


def log_lines(stderr: str, event: str) -> list[dict]:
    lines = []
    for line in stderr.splitlines():
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            continue
        if record.get("event") == event:
            lines.append(record)
    return lines


@pytest.fixture
def own_postgres() -> Iterator[Cluster]:
    """A cluster of this test's own, to restart without disturbing the session's."""
    with throwaway_postgres("fuelstats-pg-restart-") as cluster:
        yield cluster


def test_a_follower_waits_out_postgresql_restarting_in_the_middle_of_a_pass(own_postgres, es, prefix,
                                                                            elasticsearch_node, tmp_path):
    url = own_postgres.create_database("collector").replace("fuelstats@", f"fuelstats:{PASSWORD}@")
    migrate(url)
    rows = 4000
    engine = engine_for(url)
    for start in range(0, rows, 1000):
        ingest.record_action_logs(engine, None, [http_request_log(i) for i in range(start, start + 1000)])
    stderr_path = tmp_path / "etl.log"
    env = etl_environment(url, elasticsearch_node.url, prefix, FUELSTATS_ETL_BATCH_SIZE="5")
    with stderr_path.open("w") as stderr:
        follower = subprocess.Popen([FUELSTATS, "etl", "run", "--interval", "1"], env=env,
                                    stdout=subprocess.DEVNULL, stderr=stderr)
    try:
        for restart in range(2):  # once at the start of the pass, once further on
            deadline = time.monotonic() + 60
            while True:
                with engine.connect() as connection:
                    checkpoint = source.load_checkpoint(connection, "action_logs")
                    connection.commit()
                if checkpoint.indexed >= 300 * (restart + 1):
                    break
                assert time.monotonic() < deadline and follower.poll() is None, stderr_path.read_text()[-3000:]
                time.sleep(0.05)
            assert checkpoint.pass_snapshot is not None and checkpoint.indexed < rows, "the pass was over already"
            engine.dispose()
            own_postgres.stop()
            time.sleep(2)
            own_postgres.start(durable=False)
            own_postgres.wait_until_ready()
        deadline = time.monotonic() + 120
        while indexed(es, prefix) < rows:
            assert time.monotonic() < deadline and follower.poll() is None, stderr_path.read_text()[-3000:]
            time.sleep(0.5)
        assert follower.poll() is None, "the follower is still there"
    finally:
        follower.send_signal(signal.SIGTERM)
        follower.wait(timeout=60)
    log = stderr_path.read_text()
    assert follower.returncode == 0, log[-3000:]
    assert "Traceback" not in log
    waits = log_lines(log, "waiting")
    assert waits and all(w["service"] == "postgresql" and w["cause"] for w in waits), waits
    assert all(w["url"].startswith("postgresql") and w["url"].endswith("/collector") for w in waits), waits
    assert PASSWORD not in log
    with engine.connect() as connection:
        assert source.load_checkpoint(connection, "action_logs").indexed == rows, "each row carried once"
        assert connection.execute(text("SELECT count(*) FROM etl_dead_letters")).scalar_one() == 0


class Relay(socketserver.ThreadingTCPServer):
    """Forwards a port to Elasticsearch once it is started: Elasticsearch "coming up" on a port."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, port: int, target: tuple[str, int]) -> None:
        self.target = target
        super().__init__(("127.0.0.1", port), _Forward)


class _Forward(socketserver.BaseRequestHandler):
    def handle(self) -> None:
        upstream = socket.create_connection(self.server.target)  # type: ignore[attr-defined]

        def pump(source_socket: socket.socket, target_socket: socket.socket) -> None:
            try:
                while data := source_socket.recv(65536):
                    target_socket.sendall(data)
            except OSError:
                pass
            finally:
                target_socket.close()
                source_socket.close()

        back = threading.Thread(target=pump, args=(upstream, self.request), daemon=True)
        back.start()
        pump(self.request, upstream)
        back.join()


def test_a_follower_waits_for_elasticsearch_at_start(engine, es, prefix, database_url, elasticsearch_node, tmp_path):
    ingest.record_action_logs(engine, None, [http_request_log(i) for i in range(5)])
    port = free_port()  # nothing listens there yet
    stderr_path = tmp_path / "etl.log"
    env = etl_environment(database_url, f"http://elastic:{PASSWORD}@127.0.0.1:{port}", prefix)
    with stderr_path.open("w") as stderr:
        follower = subprocess.Popen([FUELSTATS, "etl", "run", "--interval", "0.5"], env=env,
                                    stdout=subprocess.DEVNULL, stderr=stderr)
    relay = None
    try:
        deadline = time.monotonic() + 30
        while len(log_lines(stderr_path.read_text(), "waiting")) < 2:
            assert time.monotonic() < deadline and follower.poll() is None, stderr_path.read_text()[-3000:]
            time.sleep(0.2)
        relay = Relay(port, ("127.0.0.1", elasticsearch_node.port))
        threading.Thread(target=relay.serve_forever, daemon=True).start()
        deadline = time.monotonic() + 60
        while indexed(es, prefix) < 5:
            assert time.monotonic() < deadline and follower.poll() is None, stderr_path.read_text()[-3000:]
            time.sleep(0.3)
    finally:
        follower.send_signal(signal.SIGTERM)
        follower.wait(timeout=60)
        if relay is not None:
            relay.shutdown()
            relay.server_close()
    log = stderr_path.read_text()
    assert follower.returncode == 0, log[-3000:]
    waits = log_lines(log, "waiting")
    assert [w["attempt"] for w in waits[:2]] == [1, 2] and waits[0]["step"] == "index setup"
    assert all(w["service"] == "elasticsearch" and w["url"] == f"http://127.0.0.1:{port}" and w["cause"]
               for w in waits), waits
    assert PASSWORD not in log and "Traceback" not in log


def test_once_gives_up_on_elasticsearch_with_one_line(engine, database_url, prefix):
    port = free_port()
    env = etl_environment(database_url, f"http://elastic:{PASSWORD}@127.0.0.1:{port}", prefix)
    result = subprocess.run([FUELSTATS, "etl", "run", "--once"], env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and PASSWORD not in result.stderr
    # One log line per attempt before it (5 attempts, 4 waits), then the line every command gives up with.
    *attempts, last = result.stderr.splitlines()
    assert len(attempts) == len(log_lines(result.stderr, "waiting")) == 4, result.stderr
    assert last.startswith(f"fuelstats: Elasticsearch at http://elastic:<sanitized>@127.0.0.1:{port}: ")
    assert "Connection refused" in last, last
