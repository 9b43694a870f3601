"""The ETL reading from a real hot standby (paused, lagging, restarted), and killed in the middle of a pass."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from prometheus_client import REGISTRY
from sqlalchemy import Connection, Engine, text

from fuelstats.collector import ingest, storage
from fuelstats.core.database import engine_for
from fuelstats.etl import search, source
from fuelstats.etl.pipeline import STREAMS, Etl
from tests.collector.payloads import http_request_log
from tests.conftest import wait_for_replay


def open_transaction_with_logs(engine: Engine, ids: range) -> Connection:
    """A transaction on the primary that has written these action logs and not committed yet."""
    connection = engine.connect()
    connection.begin()
    storage.ensure_current_partitions(connection)
    storage.insert_action_logs(connection, [
        storage.ActionLogRow(log["master_node_uid"], log["external_id"], log["body"]["action_type"],
                             log["body"]["action_name"], log["body"])
        for log in map(http_request_log, ids)
    ])
    return connection


def indexed_ids(es, prefix: str) -> list[int]:  # type: ignore[no-untyped-def]
    es.indices.refresh(index=search.alias(prefix, "action_logs"))
    hits = search.scan(es, index=search.alias(prefix, "action_logs"), query={"_source": False})
    return sorted(int(hit["_id"].rsplit(":", 1)[1]) for hit in hits)


def pause(replica_url: str) -> None:
    with engine_for(replica_url).connect() as standby:
        assert standby.execute(text("SELECT pg_is_in_recovery()")).scalar_one() is True
        standby.execute(text("SELECT pg_wal_replay_pause()"))


def resume(replica_url: str) -> None:
    with engine_for(replica_url).connect() as standby:
        standby.execute(text("SELECT pg_wal_replay_resume()"))


def test_the_replica_is_read_and_checkpoints_stay_on_the_primary(engine, es, prefix, database_url, replica_url):
    etl = Etl(primary=engine, reader=engine_for(replica_url), es=es, prefix=prefix, batch_size=100)
    etl.prepare()
    pause(replica_url)
    ingest.record_action_logs(engine, None, [http_request_log(i) for i in range(10)])

    # The rows are on the primary, but the paused standby does not have them yet: the pass waits.
    assert etl.run_once(["action_logs"])["action_logs"] == 0
    with engine.connect() as primary:
        assert source.load_checkpoint(primary, "action_logs").pass_snapshot is not None, "the pass is pending"

    resume(replica_url)
    assert etl.run_once(["action_logs"])["action_logs"] == 10
    with engine.connect() as primary:
        checkpoint = source.load_checkpoint(primary, "action_logs")
    assert checkpoint.indexed == 10 and checkpoint.pass_snapshot is None
    assert indexed_ids(es, prefix) == list(range(10))


def test_transactions_that_commit_out_of_order_are_carried_exactly_once(engine, es, prefix, database_url,
                                                                         replica_url):
    """A standby's own snapshots leave out the transactions in progress: a pass that took one there
    would mark first and second carried before they commit, and lose their rows."""
    etl = Etl(primary=engine, reader=engine_for(replica_url), es=es, prefix=prefix, batch_size=7)
    etl.prepare()
    first = open_transaction_with_logs(engine, range(0, 20))
    second = open_transaction_with_logs(engine, range(20, 40))
    ingest.record_action_logs(engine, None, [http_request_log(i) for i in range(40, 60)])  # committed at once
    wait_for_replay(database_url, replica_url)
    try:
        assert etl.run_once(["action_logs"])["action_logs"] == 20
        second.commit()
        wait_for_replay(database_url, replica_url)
        assert etl.run_once(["action_logs"])["action_logs"] == 20
        first.commit()
        assert etl.run_once(["action_logs"])["action_logs"] == 20
    finally:
        first.close()
        second.close()
    assert etl.run_once(["action_logs"])["action_logs"] == 0
    assert indexed_ids(es, prefix) == list(range(60)), "each row once"
    with engine.connect() as primary:
        assert source.load_checkpoint(primary, "action_logs").indexed == 60


def test_a_lagging_standby_delays_the_etl_and_loses_nothing(engine, es, prefix, database_url, replica_url):
    etl = Etl(primary=engine, reader=engine_for(replica_url), es=es, prefix=prefix, batch_size=10)
    etl.prepare()
    ingest.record_action_logs(engine, None, [http_request_log(i) for i in range(0, 30)])
    wait_for_replay(database_url, replica_url)
    lag = etl.replication_lag()
    assert lag is not None and lag.bytes == 0 and lag.seconds == 0
    assert etl.run_once(["action_logs"])["action_logs"] == 30

    pause(replica_url)
    open_on_primary = open_transaction_with_logs(engine, range(30, 50))
    ingest.record_action_logs(engine, None, [http_request_log(i) for i in range(50, 70)])
    time.sleep(1.2)
    lag = etl.replication_lag()
    assert lag is not None and lag.bytes > 0 and lag.seconds is not None and lag.seconds >= 1.0
    assert etl.run_once(["action_logs"])["action_logs"] == 0, "nothing the standby does not have"

    open_on_primary.commit()
    open_on_primary.close()
    ingest.record_action_logs(engine, None, [http_request_log(i) for i in range(70, 80)])
    resume(replica_url)
    # The pending pass carries what its snapshot saw; the next one the rest (run_once makes both).
    assert etl.run_pass(STREAMS["action_logs"]) == 20
    assert etl.run_pass(STREAMS["action_logs"]) == 30
    assert indexed_ids(es, prefix) == list(range(80))


def replica_lag_gauges() -> tuple[float, float]:
    """What the follower's metrics say of the standby's lag, in this process: bytes and seconds."""
    return (REGISTRY.get_sample_value("fuelstats_etl_replica_lag_bytes") or 0.0,
            REGISTRY.get_sample_value("fuelstats_etl_replica_lag_seconds") or 0.0)


def until(condition: Callable[[], bool], what: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, what
        time.sleep(0.1)


def test_the_follower_measures_the_standby_s_lag_for_its_metrics(engine, es, prefix, database_url, replica_url):
    etl = Etl(primary=engine, reader=engine_for(replica_url), es=es, prefix=prefix, batch_size=100,
              replica_wait=0.1)  # passes left for later at once: rounds come often
    stop = threading.Event()
    follower = threading.Thread(target=etl.follow, args=(0.2, stop))
    pause(replica_url)
    try:
        ingest.record_action_logs(engine, None, [http_request_log(i) for i in range(5)])
        time.sleep(1.2)
        follower.start()
        until(lambda: replica_lag_gauges()[0] > 0 and replica_lag_gauges()[1] >= 1.0,
              "the follower's metrics show the paused standby's lag")
        resume(replica_url)
        until(lambda: replica_lag_gauges() == (0.0, 0.0), "the lag is gone once the standby has replayed")
        until(lambda: indexed_ids(es, prefix) == list(range(5)), "what the standby replayed is carried")
    finally:
        resume(replica_url)
        stop.set()
        if follower.is_alive():
            follower.join(timeout=60)


def test_a_standby_restarted_in_the_middle_of_a_pass(engine, es, prefix, database_url, replica_url, standby):
    """The pass reading the standby fails when it stops; the retry resumes after the last accepted
    chunk, with the same snapshot, and a transaction left open across the restart is carried later."""
    restarts = []

    class RestartingTheStandby(Etl):
        def _send(self, stream, actions):  # type: ignore[no-untyped-def]
            refused = super()._send(stream, actions)
            if not restarts:
                restarts.append(time.monotonic())
                standby.stop()
                standby.start(durable=False)
            return refused

    etl = RestartingTheStandby(primary=engine, reader=engine_for(replica_url), es=es, prefix=prefix, batch_size=20)
    etl.prepare()
    open_on_primary = open_transaction_with_logs(engine, range(1000, 1010))
    ingest.record_action_logs(engine, None, [http_request_log(i) for i in range(0, 400)])
    wait_for_replay(database_url, replica_url)
    try:
        assert etl.run_once(["action_logs"], attempts=5)["action_logs"] < 400, "the retry resumed"
        assert restarts, "the standby was restarted during the pass"
        open_on_primary.commit()
    finally:
        open_on_primary.close()
    assert etl.run_once(["action_logs"])["action_logs"] == 10
    assert indexed_ids(es, prefix) == [*range(400), *range(1000, 1010)]
    with engine.connect() as primary:
        assert source.load_checkpoint(primary, "action_logs").indexed == 410


def test_the_cli_reads_the_replica_and_shows_its_lag(engine, es, prefix, database_url, replica_url,
                                                     elasticsearch_node):
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("FUELSTATS_")},
           "FUELSTATS_DATABASE_URL": database_url, "FUELSTATS_REPLICA_DATABASE_URL": replica_url,
           "FUELSTATS_ELASTICSEARCH_URL": elasticsearch_node.url, "FUELSTATS_INDEX_PREFIX": prefix}
    fuelstats = str(Path(sys.executable).with_name("fuelstats"))
    pause(replica_url)
    try:
        ingest.record_action_logs(engine, None, [http_request_log(i) for i in range(3)])
        result = subprocess.run([fuelstats, "etl", "run", "--once"], env=env, capture_output=True, text=True,
                                timeout=120)
        assert result.returncode == 0, result.stderr
        assert "waiting for the standby" in result.stderr
        status = subprocess.run([fuelstats, "etl", "status", "--json"], env=env, capture_output=True, text=True,
                                timeout=60)
        assert status.returncode == 0, status.stderr
        assert json.loads(status.stdout)["replica"]["lag_bytes"] > 0
        table = subprocess.run([fuelstats, "etl", "status"], env=env, capture_output=True, text=True, timeout=60)
        assert "standby replication lag:" in table.stdout
    finally:
        resume(replica_url)
    es.indices.refresh(index=search.alias(prefix, "action_logs"))
    assert es.count(index=search.alias(prefix, "action_logs"))["count"] == 0, "only what the standby had"
    result = subprocess.run([fuelstats, "etl", "run", "--once"], env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert indexed_ids(es, prefix) == [0, 1, 2]


def test_a_rebuild_on_the_standby_sees_only_committed_rows_and_leaves_the_rest(engine, es, prefix, database_url,
                                                                                replica_url):
    etl = Etl(primary=engine, reader=engine_for(replica_url), es=es, prefix=prefix, batch_size=10)
    etl.prepare()
    open_on_primary = open_transaction_with_logs(engine, range(100, 110))
    ingest.record_action_logs(engine, None, [http_request_log(i) for i in range(30)])
    try:
        etl.reindex("action_logs")
        assert indexed_ids(es, prefix) == list(range(30))
        open_on_primary.commit()
    finally:
        open_on_primary.close()
    assert etl.run_once(["action_logs"])["action_logs"] == 10
    assert indexed_ids(es, prefix) == [*range(30), *range(100, 110)]


def test_a_killed_run_resumes_and_ends_as_a_clean_run(engine, es, prefix, database_url, elasticsearch_node):
    rows = 3000
    for start in range(0, rows, 500):
        ingest.record_action_logs(engine, None, [http_request_log(i) for i in range(start, start + 500)])
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("FUELSTATS_")},
           "FUELSTATS_DATABASE_URL": database_url, "FUELSTATS_ELASTICSEARCH_URL": elasticsearch_node.url,
           "FUELSTATS_INDEX_PREFIX": prefix, "FUELSTATS_ETL_BATCH_SIZE": "20"}
    fuelstats = str(Path(sys.executable).with_name("fuelstats"))
    process = subprocess.Popen([fuelstats, "etl", "run", "--once"], env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    with engine.connect() as connection:
        while True:
            checkpoint = source.load_checkpoint(connection, "action_logs")
            connection.commit()
            if checkpoint.indexed >= 200:
                break
            assert time.monotonic() < deadline and process.poll() is None, "the pass ended before it was killed"
            time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait()
    with engine.connect() as connection:
        killed_at = source.load_checkpoint(connection, "action_logs")
    assert killed_at.pass_snapshot is not None and 0 < killed_at.indexed < rows

    etl = Etl(primary=engine, reader=engine_for(database_url), es=es, prefix=prefix, batch_size=100)
    carried = etl.run_once(["action_logs"])["action_logs"]

    assert carried == rows - killed_at.indexed, "the rerun resumes after the last accepted chunk"
    es.indices.refresh(index=search.alias(prefix, "action_logs"))
    assert es.count(index=search.alias(prefix, "action_logs"))["count"] == rows
    with engine.connect() as connection:
        done = source.load_checkpoint(connection, "action_logs")
    assert done.pass_snapshot is None and done.indexed == rows
    # The same documents as one clean run: a rebuild from scratch finds exactly these.
    ids = {hit["_id"] for hit in search.scan(es, index=search.alias(prefix, "action_logs"), query={"_source": False})}
    assert ids == {f"{http_request_log(0)['master_node_uid']}:{i}" for i in range(rows)}
