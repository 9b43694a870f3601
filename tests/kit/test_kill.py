"""`fuelstats-master sender run --once` killed (SIGKILL) at any moment: a re-run leaves everything exact."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from fuelstats_kit import master_settings
from tests.kit import masterdata
from tests.kit.helpers import stored, unsent
from tests.kit.misbehaving import Misbehaving

FUELSTATS_MASTER = str(Path(sys.executable).with_name("fuelstats-master"))


def start_sender(env: dict[str, str], collector_url: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen([FUELSTATS_MASTER, "sender", "run", "--once"], env={**env, "FUELSTATS_COLLECTOR_URL": collector_url},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def run_sender(env: dict[str, str], collector_url: str) -> dict[str, object]:
    process = start_sender(env, collector_url)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 0, err.decode()
    runs = [json.loads(line) for line in err.decode().splitlines() if '"sender run"' in line]
    assert len(runs) == 1, err.decode()  # one line per run, and nothing else at INFO
    return runs[0]


def test_killed_while_the_collector_holds_the_answer(master, engine, collector_server, kit_env):
    masterdata.fill(master)
    master_settings.ensure_master_node(master)
    with Misbehaving(collector_server, ["forward", "hang-after"]) as proxy:
        process = start_sender(kit_env, proxy.url)
        # The second batch is stored by the collector; its answer never comes: kill the sender now.
        while proxy.forwarded < 2:
            assert process.poll() is None
            time.sleep(0.02)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    assert stored(engine)["action_logs"] == 19
    assert unsent(master)["action_logs"] == [5, *range(11, 31)]

    report = run_sender(kit_env, collector_server)
    assert report["outcome"] == "done" and report["action_logs_sent"] == 20
    assert stored(engine) == {"action_logs": 29, "action_log_ids": 29, "installation_structures": 1,
                              "oswl_stats": 3}
    assert unsent(master) == {"action_logs": [5], "oswl_stats": []}


def test_killed_at_random_moments(master, engine, collector_server, kit_env):
    masterdata.fill(master)
    master_settings.ensure_master_node(master)
    rng = random.Random(6)
    with Misbehaving(collector_server, "slow-answer", delay=0.15) as proxy:
        for _ in range(5):
            process = start_sender({**kit_env, "FUELSTATS_SEND_BATCH_SIZE": "3"}, proxy.url)
            time.sleep(rng.uniform(0.3, 2.0))
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=30)
            counts = stored(engine)
            assert counts["action_logs"] == counts["action_log_ids"]
    report = run_sender(kit_env, collector_server)
    assert report["outcome"] == "done"
    assert stored(engine) == {"action_logs": 29, "action_log_ids": 29, "installation_structures": 1,
                              "oswl_stats": 3}
    assert unsent(master) == {"action_logs": [5], "oswl_stats": []}
    # A second clean run finds nothing left to send.
    again = run_sender(kit_env, collector_server)
    assert (again["action_logs_sent"], again["oswl_stats_sent"]) == (0, 0)


def test_the_daemon_runs_on_its_own_and_stops_on_sigterm(master, engine, collector_server, kit_env):
    masterdata.fill(master)
    master_settings.ensure_master_node(master)
    process = subprocess.Popen([FUELSTATS_MASTER, "sender", "run"], env={**kit_env, "FUELSTATS_SEND_INTERVAL": "0.5"},
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while stored(engine)["oswl_stats"] < 3:
            assert time.monotonic() < deadline and process.poll() is None
            time.sleep(0.1)
        time.sleep(1.0)  # a run or two more, which find nothing new
    finally:
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=60)
    assert process.returncode == 0
    runs = [json.loads(line) for line in err.decode().splitlines() if '"sender run"' in line]
    assert len(runs) >= 2 and sum(run["action_logs_sent"] for run in runs) == 29
    assert stored(engine)["action_logs"] == 29
