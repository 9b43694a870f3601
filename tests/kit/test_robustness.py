"""Whatever the collector or the network does, no record is lost and none is stored twice.

The collector is the real one (gunicorn, PostgreSQL); between it and the sender stands a real HTTP
server on loopback that misbehaves (misbehaving.py). After each mishap a clean run must leave both
databases exact: 29 action logs stored once each, the running task still pending, 3 OSWL records.
"""

from __future__ import annotations

import threading
import time

import pytest

from fuelstats_kit import master_settings
from tests.conftest import free_port
from tests.kit import masterdata
from tests.kit.helpers import sender, stored, unsent
from tests.kit.misbehaving import Misbehaving

EXACT = {"action_logs": 29, "action_log_ids": 29, "installation_structures": 1, "oswl_stats": 3}
ALL_SENT = {"action_logs": [5], "oswl_stats": []}
EVERYTHING_UNSENT = {"action_logs": list(range(1, 31)), "oswl_stats": [1, 2, 3]}


@pytest.fixture
def filled(master, engine):  # type: ignore[no-untyped-def]
    masterdata.fill(master)
    master_settings.ensure_master_node(master)
    return master


def settle(master, engine, collector_server) -> None:  # type: ignore[no-untyped-def]
    """A clean run, after which everything is where it belongs, exactly once."""
    report = sender(master, collector_server).run_once()
    assert report.outcome == "done", report
    assert stored(engine) == EXACT
    assert unsent(master) == ALL_SENT


def test_collector_unreachable(filled, engine, collector_server):
    report = sender(filled, f"http://127.0.0.1:{free_port()}").run_once()
    assert report.outcome == "collector-down" and "ConnectError" in report.errors[0]
    assert unsent(filled) == EVERYTHING_UNSENT
    settle(filled, engine, collector_server)


@pytest.mark.parametrize("mode", ["error-500", "error-503", "garbage", "huge", "wrong-shape", "cut-before"])
def test_collector_answers_nonsense_and_stores_nothing(filled, engine, collector_server, mode):
    with Misbehaving(collector_server, mode) as proxy:
        report = sender(filled, proxy.url).run_once()
    assert report.outcome == "collector-down", report
    assert proxy.posts == 2  # the first batch, tried twice (attempts=2), then the run gave up
    if mode == "huge":
        assert "more than 4194304 bytes" in report.errors[0]  # read no further than that
    assert unsent(filled) == EVERYTHING_UNSENT
    assert stored(engine)["action_logs"] == 0
    settle(filled, engine, collector_server)


@pytest.mark.parametrize("mode", ["cut-after", "cut-mid-answer"])
def test_the_answer_is_lost_after_the_collector_stored_the_batch(filled, engine, collector_server, mode):
    # The first batch is stored but its answer never arrives: the sender must not mark it sent...
    with Misbehaving(collector_server, mode) as proxy:
        report = sender(filled, proxy.url, attempts=1).run_once()
    assert report.outcome == "collector-down" and proxy.forwarded == 1
    assert stored(engine)["action_logs"] == 9  # ids 1-10 but 5, the running task
    assert unsent(filled) == EVERYTHING_UNSENT
    # ...and sending it again stores nothing twice: the collector answers `existed`.
    settle(filled, engine, collector_server)


def test_a_cut_mid_run_keeps_what_was_acknowledged(filled, engine, collector_server):
    # Two batches go through, the third is cut after the collector stored it.
    with Misbehaving(collector_server, ["forward", "forward", "cut-after"]) as proxy:
        report = sender(filled, proxy.url, attempts=1).run_once()
    assert report.outcome == "collector-down" and report.action_logs_sent == 19
    assert stored(engine)["action_logs"] == 29  # the third batch (ids 21-30) was stored
    assert unsent(filled)["action_logs"] == [5, *range(21, 31)]
    settle(filled, engine, collector_server)


def test_a_flaky_collector_is_retried_within_the_run(filled, engine, collector_server):
    with Misbehaving(collector_server, ["error-503", "cut-after", "forward"]) as proxy:
        report = sender(filled, proxy.url, attempts=3).run_once()
    assert report.outcome == "done", report
    assert report.action_logs_sent == 29 and proxy.forwarded >= 5
    assert stored(engine) == EXACT and unsent(filled) == ALL_SENT


def test_a_slow_collector_costs_a_bounded_time(filled, engine, collector_server):
    with Misbehaving(collector_server, "slow", ping_mode="slow", delay=30) as proxy:
        started = time.monotonic()
        report = sender(filled, proxy.url, timeout=0.5, attempts=5, run_seconds=2.0).run_once()
        took = time.monotonic() - started
    assert report.outcome in ("collector-down", "out-of-time"), report
    assert took < 4.0
    assert unsent(filled) == EVERYTHING_UNSENT
    settle(filled, engine, collector_server)


def test_one_sender_at_a_time(filled, engine, collector_server):
    with Misbehaving(collector_server, "hang-after") as proxy:
        first = threading.Thread(target=lambda: sender(filled, proxy.url, timeout=20, attempts=1).run_once())
        first.start()
        assert proxy.forwarded_event.wait(20)
        assert sender(filled, collector_server).run_once().outcome == "busy"
    first.join(30)
    settle(filled, engine, collector_server)


def test_a_refused_record_does_not_hold_back_the_others(filled, engine, collector_server):
    from sqlalchemy import text

    # A body the collector refuses (a NUL character cannot be stored): it stays unsent, the rest go.
    with filled.begin() as connection:
        connection.execute(text("""UPDATE action_logs SET additional_info = '{"note": "a\\u0000b"}' WHERE id = 7"""))
    report = sender(filled, collector_server).run_once()
    assert report.action_logs_sent == 28 and report.action_logs_pending == 2
    assert any("record 7 refused" in error for error in report.errors)
    assert unsent(filled)["action_logs"] == [5, 7]
    assert stored(engine)["action_logs"] == 28


def test_the_master_database_down_fails_the_run_not_the_daemon(collector_server):
    from fuelstats.core.database import engine_for

    url = f"postgresql://fuelstats@127.0.0.1:{free_port()}/master"
    report = sender(engine_for(url), collector_server).run_once()
    # The run's line says which database and why, in one line (fuelstats_common.database).
    assert report.outcome == "failed" and report.errors[0].startswith(f"PostgreSQL at {url}: ")
