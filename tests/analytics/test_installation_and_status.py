"""One installation's history, and how current the statistics are ("data as of")."""

from __future__ import annotations

import datetime as dt
import os
import time

from sqlalchemy import text

from fuelstats.analytics.context import queries
from fuelstats.collector import ingest
from fuelstats.core.database import engine_for
from fuelstats.core.elastic import connect
from fuelstats.etl.pipeline import Etl
from fuelstats_common.settings import settings_of
from tests.analytics.fixture import CHECK_DNS, CREATE_VOLUME, RELEASE_VERSION
from tests.collector.payloads import http_request_log
from tests.conftest import wait_for_replay


def test_an_installations_deployments_and_health_check_runs(analytics, public_id):
    # Public: the installation is named by its opaque id, as the search shows it, never by its uid.
    history = analytics.get(f"/api/v1/installations/{public_id('a')}/history/").json()
    assert history["installation_id"] == public_id("a") and "master_node_uid" not in history
    # a/1: error after 5 and 7 minutes, ready after 40; a/2: ready after 15 (fixture.py).
    assert history["environments"] == [
        {"cluster_id": 1, "attempts": 3, "failures": 2, "successes": 1, "last_result": "ready",
         "average_success_seconds": 40 * 60},
        {"cluster_id": 2, "attempts": 1, "failures": 0, "successes": 1, "last_result": "ready",
         "average_success_seconds": 15 * 60}]
    assert [(d["cluster_id"], d["result"], d["duration_seconds"], d["release_version"])
            for d in history["deployments"]] == [
        (1, "error", 300, "mitaka-9.0"), (1, "error", 420, "mitaka-9.0"), (1, "ready", 2400, "mitaka-9.0"),
        (2, "ready", 900, RELEASE_VERSION)]
    assert [(r["cluster_id"], r["test_set"], r["ran"], r["failed"], r["failed_tests"])
            for r in history["health_check_runs"]] == [
        (1, "sanity", 3, 1, [CREATE_VOLUME]), (1, "sanity", 3, 2, [CREATE_VOLUME, CHECK_DNS])]


def test_an_installation_without_history_and_one_that_does_not_exist(analytics, public_id):
    quiet = analytics.get(f"/api/v1/installations/{public_id('c')}/history/").json()
    assert (quiet["environments"], quiet["deployments"], quiet["health_check_runs"]) == ([], [], [])
    missing = analytics.get(f"/api/v1/installations/{public_id('nobody')}/history/")
    assert (missing.status_code, missing.json()["rule"], missing.json()["path"]) == (
        404, "known-installation", "path.installation_id")
    # A master node's uid is no installation id: the public part takes none.
    by_uid = analytics.get("/api/v1/installations/a/history/")
    assert (by_uid.status_code, by_uid.json()["rule"], by_uid.json()["path"]) == (400, "pattern", "path.installation_id")


def test_data_as_of_follows_the_etl_and_says_when_it_is_stale(analytics, database_url, elasticsearch_node,
                                                              population, monkeypatch):
    status = analytics.get("/api/v1/status/").json()
    assert (status["behind_seconds"], status["stale"], status["stale_after_seconds"]) == (0, False, 3600)
    assert {s["stream"]: s["pending"] for s in status["streams"]} == {
        "installations": 0, "action_logs": 0, "oswl_stats": 0}

    # The collector receives a log the ETL has not carried yet.
    engine = engine_for(database_url)
    ingest.record_action_logs(engine, None, [http_request_log(99, master="a")])
    monkeypatch.setitem(os.environ, "FUELSTATS_DATA_STALE_AFTER", "0.2")
    settings_of.cache_clear()
    queries.cache_clear()
    time.sleep(0.5)
    waiting = analytics.get("/api/v1/status/").json()
    assert waiting["stale"] is True and waiting["behind_seconds"] >= 0.5
    assert {s["stream"]: s["pending"] for s in waiting["streams"]}["action_logs"] == 1
    as_of = dt.datetime.fromisoformat(waiting["data_as_of"])
    assert as_of <= dt.datetime.now(dt.UTC) - dt.timedelta(seconds=0.5), "before the log that waits"

    Etl(primary=engine, reader=engine, es=connect(elasticsearch_node.url), prefix=population,
        batch_size=100).run_once()
    assert analytics.get("/api/v1/status/").json()["stale"] is False


def test_data_as_of_counts_what_a_standby_has_not_replayed_yet(analytics, database_url, replica_url, elasticsearch_node,
                                                             population, monkeypatch):
    monkeypatch.setitem(os.environ, "FUELSTATS_REPLICA_DATABASE_URL", replica_url)
    monkeypatch.setitem(os.environ, "FUELSTATS_DATA_STALE_AFTER", "0.2")
    settings_of.cache_clear()
    with engine_for(replica_url).connect() as standby:
        standby.execute(text("SELECT pg_wal_replay_pause()"))
    engine = engine_for(database_url)
    ingest.record_action_logs(engine, None, [http_request_log(98, master="a")])
    time.sleep(0.5)

    # The standby the exports read does not have the log yet; it is waiting all the same.
    with engine_for(replica_url).connect() as standby:
        assert standby.execute(text("SELECT count(*) FROM action_logs WHERE master_node_uid = 'a' AND external_id = 98")).scalar_one() == 0
    waiting = analytics.get("/api/v1/status/").json()
    assert {s["stream"]: s["pending"] for s in waiting["streams"]}["action_logs"] == 1
    assert waiting["stale"] is True and waiting["behind_seconds"] >= 0.5

    with engine_for(replica_url).connect() as standby:
        standby.execute(text("SELECT pg_wal_replay_resume()"))
    wait_for_replay(database_url, replica_url)
    Etl(primary=engine, reader=engine_for(replica_url), es=connect(elasticsearch_node.url), prefix=population,
        batch_size=100).run_once()
    wait_for_replay(database_url, replica_url)  # the ETL's own checkpoints, written on the primary
    assert analytics.get("/api/v1/status/").json()["stale"] is False
