"""`fuelstats etl ...` as an operator runs it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

from fuelstats.collector import ingest
from fuelstats.etl import search
from tests.collector.payloads import http_request_log
from tests.conftest import free_port
from tests.operations.scraping import scrape, value

FUELSTATS = str(Path(sys.executable).with_name("fuelstats"))


def environment(database_url: str, node_url: str, prefix: str) -> dict[str, str]:
    return {**{k: v for k, v in os.environ.items() if not k.startswith("FUELSTATS_")},
            "FUELSTATS_DATABASE_URL": database_url, "FUELSTATS_ELASTICSEARCH_URL": node_url,
            "FUELSTATS_INDEX_PREFIX": prefix}


def indexed(es, prefix: str) -> int:  # type: ignore[no-untyped-def]
    name = search.alias(prefix, "action_logs")
    if not es.indices.exists_alias(name=name):
        return 0
    es.indices.refresh(index=name)
    return int(es.count(index=name)["count"])


def test_following_picks_up_new_rows_and_stops_on_sigterm(engine, es, prefix, database_url, elasticsearch_node):
    env = environment(database_url, elasticsearch_node.url, prefix)
    follower = subprocess.Popen([FUELSTATS, "etl", "run", "--interval", "0.5"], env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        for wave in range(2):
            ingest.record_action_logs(engine, None, [http_request_log(wave * 10 + i) for i in range(10)])
            deadline = time.monotonic() + 30
            while indexed(es, prefix) < (wave + 1) * 10:
                assert time.monotonic() < deadline and follower.poll() is None, "the follower did not pick them up"
                time.sleep(0.2)
    finally:
        follower.send_signal(signal.SIGTERM)
        _, stderr = follower.communicate(timeout=30)
    assert follower.returncode == 0, stderr
    # Without a terminal: structured log lines, one per pass that carried rows.
    passes = [json.loads(line) for line in stderr.splitlines() if '"pass done"' in line]
    assert sum(p["rows"] for p in passes if p["stream"] == "action_logs") == 20


def test_status_as_json(engine, es, prefix, database_url, elasticsearch_node):
    ingest.record_action_logs(engine, None, [http_request_log(i) for i in range(4)])
    env = environment(database_url, elasticsearch_node.url, prefix)
    result = subprocess.run([FUELSTATS, "etl", "status", "--json"], env=env, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    status = json.loads(result.stdout)
    report = {row["stream"]: row for row in status["streams"]}
    assert report["action_logs"]["pending"] == 4 and report["action_logs"]["indexed"] == 0
    assert status["replica"] is None, "it reads the primary"
    assert report["action_logs"]["dead_letters"] == 0
    table = subprocess.run([FUELSTATS, "etl", "status"], env=env, capture_output=True, text=True, timeout=60)
    assert "dead letters" in table.stdout.splitlines()[0], table.stdout


def test_reindex_command(engine, es, prefix, database_url, elasticsearch_node):
    ingest.record_action_logs(engine, None, [http_request_log(i) for i in range(4)])
    env = environment(database_url, elasticsearch_node.url, prefix)
    result = subprocess.run([FUELSTATS, "etl", "reindex", "action_logs"], env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert f"action_logs -> {prefix}-action_logs-v" in result.stdout
    assert indexed(es, prefix) == 4


def test_the_follower_serves_its_metrics_and_health(engine, es, prefix, database_url, elasticsearch_node):
    port = free_port()
    env = {**environment(database_url, elasticsearch_node.url, prefix), "FUELSTATS_ETL_METRICS_BIND": f"127.0.0.1:{port}"}
    follower = subprocess.Popen([FUELSTATS, "etl", "run", "--interval", "0.5"], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    metrics = f"http://127.0.0.1:{port}/metrics"
    try:
        ingest.record_action_logs(engine, None, [http_request_log(i) for i in range(7)])
        deadline = time.monotonic() + 30
        while True:
            assert time.monotonic() < deadline and follower.poll() is None, "no metrics of the rows carried"
            try:
                samples = scrape(metrics)
            except httpx.HTTPError:
                samples = {}
            if value(samples, "fuelstats_etl_documents_total", stream="action_logs") == 7:
                break
            time.sleep(0.2)
        assert value(samples, "fuelstats_etl_passes_total", stream="action_logs") >= 1
        assert value(samples, "fuelstats_etl_last_pass_timestamp_seconds", stream="action_logs") > time.time() - 60
        assert value(samples, "fuelstats_etl_errors_total", stream="action_logs") == 0
        assert ("fuelstats_etl_lag_rows", frozenset({("stream", "oswl_stats")})) in samples
        assert httpx.get(f"http://127.0.0.1:{port}/healthz").json() == {"status": "ok"}
        ready = httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=10)
        assert (ready.status_code, ready.json()["checks"]) == (200, {"database": "ok", "elasticsearch": "ok"})
    finally:
        follower.send_signal(signal.SIGTERM)
        follower.communicate(timeout=30)
    assert follower.returncode == 0
