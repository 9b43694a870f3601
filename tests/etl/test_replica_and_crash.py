"""The ETL reading from a real streaming replica, and killed in the middle of a pass."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from fuelstats.collector import ingest
from fuelstats.core.database import engine_for
from fuelstats.etl import search, source
from fuelstats.etl.pipeline import Etl
from tests.collector.payloads import http_request_log
from tests.conftest import free_port
from tools.localpg import Cluster


@pytest.fixture
def replica(postgres: Cluster, database_url: str) -> Iterator[str]:
    directory = Path(tempfile.mkdtemp(prefix="fuelstats-replica-", dir="/tmp"))
    directory.chmod(0o755)
    standby = Cluster(directory, free_port())
    standby.start_as_replica_of(postgres)
    standby.wait_until_ready()
    yield standby.url("collector")
    standby.stop()
    shutil.rmtree(directory, ignore_errors=True)


def replica_caught_up(primary_url: str, replica_url: str, timeout: float = 30) -> None:
    with engine_for(primary_url).connect() as primary:
        # The insert position: with synchronous_commit off, a commit may not be written out yet.
        target = primary.execute(text("SELECT pg_current_wal_insert_lsn()")).scalar_one()
    deadline = time.monotonic() + timeout
    with engine_for(replica_url).connect() as standby:
        while standby.execute(text("SELECT pg_last_wal_replay_lsn() >= CAST(:lsn AS pg_lsn)"),
                              {"lsn": target}).scalar_one() is not True:
            assert time.monotonic() < deadline, "the replica did not catch up"
            time.sleep(0.1)


def test_the_replica_is_read_and_checkpoints_stay_on_the_primary(engine, es, prefix, database_url, replica):
    etl = Etl(primary=engine, reader=engine_for(replica), es=es, prefix=prefix, batch_size=100)
    etl.prepare()
    with engine_for(replica).connect() as standby:
        assert standby.execute(text("SELECT pg_is_in_recovery()")).scalar_one() is True
        standby.execute(text("SELECT pg_wal_replay_pause()"))
    ingest.record_action_logs(engine, None, [http_request_log(i) for i in range(10)])

    # The rows are on the primary, but the paused replica does not have them yet.
    assert etl.run_once(["action_logs"])["action_logs"] == 0

    with engine_for(replica).connect() as standby:
        standby.execute(text("SELECT pg_wal_replay_resume()"))
    replica_caught_up(database_url, replica)
    assert etl.run_once(["action_logs"])["action_logs"] == 10
    with engine.connect() as primary:
        assert source.load_checkpoint(primary, "action_logs").indexed == 10


def test_the_cli_reads_the_replica_url(engine, es, prefix, database_url, replica, elasticsearch_node):
    ingest.record_action_logs(engine, None, [http_request_log(i) for i in range(3)])
    replica_caught_up(database_url, replica)
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("FUELSTATS_")},
           "FUELSTATS_DATABASE_URL": database_url, "FUELSTATS_REPLICA_DATABASE_URL": replica,
           "FUELSTATS_ELASTICSEARCH_URL": elasticsearch_node.url, "FUELSTATS_INDEX_PREFIX": prefix}
    with engine_for(replica).connect() as standby:
        standby.execute(text("SELECT pg_wal_replay_pause()"))
    try:
        ingest.record_action_logs(engine, None, [http_request_log(i) for i in range(3, 6)])
        fuelstats = str(Path(sys.executable).with_name("fuelstats"))
        result = subprocess.run([fuelstats, "etl", "run", "--once"], env=env, capture_output=True, text=True,
                                timeout=120)
        assert result.returncode == 0, result.stderr
    finally:
        with engine_for(replica).connect() as standby:
            standby.execute(text("SELECT pg_wal_replay_resume()"))
    es.indices.refresh(index=search.alias(prefix, "action_logs"))
    assert es.count(index=search.alias(prefix, "action_logs"))["count"] == 3, "only what the replica had"


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
