"""Restore drills against real clusters: a lost primary restored from pgBackRest, a point-in-time
recovery, a failover to the standby (docs/backups.md states what they show)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
from sqlalchemy import text

from fuelstats.backups import pgbackrest
from fuelstats.collector import ingest
from fuelstats.etl import search
from fuelstats.etl.pipeline import Etl
from tests.backups.conftest import ANALYTICS_DATABASE, Drill, engine, fill, fingerprint, wait_until_primary
from tests.collector.payloads import http_request_log
from tests.conftest import running_collector

FUELSTATS = str(Path(sys.executable).with_name("fuelstats"))


def fuelstats(*arguments: str, **settings: str) -> subprocess.CompletedProcess[str]:
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("FUELSTATS_")},
           **{f"FUELSTATS_{name.upper()}": value for name, value in settings.items()}}
    return subprocess.run([FUELSTATS, *arguments], env=env, capture_output=True, text=True, timeout=300)


def test_a_lost_primary_is_restored_from_the_latest_backup(drill: Drill):
    site = drill.site()
    collector = site.primary.url("collector")
    # The analytics' own tables live in a database of their own in the same cluster.
    site.primary.create_database(ANALYTICS_DATABASE)
    site.primary.psql("CREATE TABLE accounts (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text);"
                      " INSERT INTO accounts (name) SELECT 'user-' || n FROM generate_series(1, 30) n",
                      database=ANALYTICS_DATABASE)
    settings = {"pgbackrest_config": str(site.stanza.config)}

    fill(collector, 0)
    full = fuelstats("backup", "run", "--type", "full", **settings)
    assert full.returncode == 0, full.stderr
    fill(collector, 1)
    site.primary.psql("INSERT INTO accounts (name) VALUES ('after the full backup')", database=ANALYTICS_DATABASE)
    incremental = fuelstats("backup", "run", **settings)
    assert incremental.returncode == 0, incremental.stderr
    fill(collector, 2)  # after the last backup: only in the archived WAL
    listed = fuelstats("backup", "list", "--json", **settings)
    assert listed.returncode == 0, listed.stderr
    assert [made["kind"] for made in json.loads(listed.stdout)["backups"]] == ["full", "incr"]
    verified = fuelstats("backup", "verify", **settings)
    assert verified.returncode == 0, verified.stderr

    before = fingerprint(site.primary)
    assert before[(ANALYTICS_DATABASE, "public.accounts")][0] == 31
    assert before[("collector", "public.action_logs")][0] == 120
    pgbackrest.check(site.stanza)  # the segment being written now goes to the repository too
    site.primary.stop("immediate")
    site.standby.stop("immediate")
    shutil.rmtree(site.primary.data)

    restored = drill.empty_cluster("restored")
    started = time.monotonic()
    pgbackrest.restore(site.stanza, restored.data)
    restored.start()
    wait_until_primary(restored)
    print(f"restore drill: {time.monotonic() - started:.1f} s from `pgbackrest restore` to a writable primary")
    assert fingerprint(restored) == before


def test_point_in_time_recovery_to_between_two_batches(drill: Drill):
    site = drill.site()
    collector = engine(site.primary.url("collector"))
    full = pgbackrest.backup(site.stanza, "full")
    ingest.record_action_logs(collector, None, [http_request_log(i) for i in range(50)])
    with collector.connect() as connection:
        between = connection.execute(text("SELECT clock_timestamp()")).scalar_one()
    time.sleep(0.2)
    ingest.record_action_logs(collector, None, [http_request_log(i) for i in range(50, 100)])
    pgbackrest.check(site.stanza)
    site.primary.stop("immediate")

    restored = drill.empty_cluster("restored")
    pgbackrest.restore(site.stanza, restored.data, target_time=between, backup_set=full.label)
    restored.start()
    wait_until_primary(restored)
    with engine(restored.url("collector")).connect() as connection:
        ids = connection.execute(text("SELECT external_id FROM action_logs ORDER BY external_id")).scalars().all()
    assert ids == list(range(50)), "exactly the first batch"


def test_failover_to_a_synchronous_standby_loses_no_acknowledged_record(drill: Drill, elasticsearch_node, es,
                                                                         tmp_path):
    site = drill.site(synchronous=True)
    assert site.primary.psql("SELECT sync_state FROM pg_stat_replication") == "sync"
    prefix = "test-failover"
    primary_url, standby_url = site.primary.url("collector"), site.standby.url("collector")
    etl = Etl(primary=engine(primary_url), reader=engine(standby_url), es=es, prefix=prefix, batch_size=50)
    etl.prepare()

    acknowledged: list[int] = []
    refused = 0
    stop = threading.Event()

    def post(base: str, first: int) -> bool:
        batch = [http_request_log(first + i) for i in range(10)]
        try:
            answer = httpx.post(f"{base}/api/v1/action_logs/", json={"action_logs": batch}, timeout=10)
        except httpx.HTTPError:
            return False
        if answer.status_code == 200:
            acknowledged.extend(log["external_id"] for log in batch)
            return True
        return False

    def keep_posting(base: str) -> None:
        nonlocal refused
        first = 0
        while not stop.is_set():
            if not post(base, first):
                refused += 1
                time.sleep(0.05)
            first += 10

    with running_collector(primary_url, tmp_path / "before.log", workers=1) as base:
        writer = threading.Thread(target=keep_posting, args=(base,))
        writer.start()
        time.sleep(2)
        etl.run_once()
        time.sleep(1)
        site.primary.stop("immediate")  # the primary dies in the middle of the stream
        time.sleep(1)
        stop.set()
        writer.join()
    assert acknowledged and refused, "some batches were acknowledged before the primary died, some refused after"

    started = time.monotonic()
    site.standby.promote()
    # Synchronous commits would wait for a standby the new primary does not have yet.
    site.standby.configure({"synchronous_standby_names": ""})
    wait_until_primary(site.standby)
    print(f"failover drill: {time.monotonic() - started:.1f} s from `pg_ctl promote` to a writable primary")
    promoted = engine(standby_url)
    with promoted.connect() as connection:
        stored = set(connection.execute(text("SELECT external_id FROM action_logs")).scalars())
    assert set(acknowledged) <= stored, "every acknowledged record is on the promoted standby"

    # The collector carries on once its URL names the new primary; the ETL with it.
    with running_collector(standby_url, tmp_path / "after.log", workers=1) as base:
        assert post(base, 1_000_000)
    after_failover = Etl(primary=promoted, reader=promoted, es=es, prefix=prefix, batch_size=50)
    after_failover.run_once()
    es.indices.refresh(index=search.alias(prefix, "action_logs"))
    assert es.count(index=search.alias(prefix, "action_logs"))["count"] == len(stored) + 10


def test_asynchronous_replication_loses_what_the_standby_had_not_received(drill: Drill):
    site = drill.site(synchronous=False)
    primary = engine(site.primary.url("collector"))
    ingest.record_action_logs(primary, None, [http_request_log(i) for i in range(20)])
    position = site.primary.psql("SELECT pg_current_wal_insert_lsn()")
    deadline = time.monotonic() + 30
    while site.standby.psql(f"SELECT pg_last_wal_replay_lsn() >= '{position}'") != "t":
        assert time.monotonic() < deadline
        time.sleep(0.05)
    site.standby.stop()  # cut off: what the primary acknowledges now, only the primary has
    ingest.record_action_logs(primary, None, [http_request_log(i) for i in range(20, 40)])
    site.primary.stop("immediate")

    site.standby.start()
    site.standby.promote()
    wait_until_primary(site.standby)
    with engine(site.standby.url("collector")).connect() as connection:
        ids = connection.execute(text("SELECT external_id FROM action_logs ORDER BY external_id")).scalars().all()
    assert ids == list(range(20)), "the acknowledged second batch is lost"


def test_retention_keeps_the_newest_full_backups_and_the_wal_they_need(drill: Drill):
    site = drill.site()
    settings = {"pgbackrest_config": str(site.stanza.config)}
    collector = site.primary.url("collector")
    kept_fulls = 2  # pgbackrest.render_config's repo1-retention-full, as `make up` and docs/backups.md set it
    for wave in range(kept_fulls + 1):
        fill(collector, wave)
        made = fuelstats("backup", "run", "--type", "full", **settings)
        assert made.returncode == 0, made.stderr
    incremental = fuelstats("backup", "run", **settings)
    assert incremental.returncode == 0, incremental.stderr

    listed = fuelstats("backup", "list", "--json", **settings)
    assert listed.returncode == 0, listed.stderr
    found = json.loads(listed.stdout)["backups"]
    assert [made["kind"] for made in found] == ["full"] * kept_fulls + ["incr"], "the oldest full backup is expired"
    oldest_wal, _ = pgbackrest.archived_wal(site.stanza)
    assert oldest_wal == pgbackrest.backups(site.stanza)[0].wal_start, "WAL older than the oldest backup goes too"
    verified = fuelstats("backup", "verify", **settings)
    assert verified.returncode == 0, verified.stderr
