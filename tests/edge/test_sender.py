"""The sender through the front door: delivered with the collector's certificate verified and every
request signed with the master's key (nginx passes the path and the master-node-uid header the
signature covers as they were sent), and nothing sent (nor marked sent) to a collector whose
certificate does not verify."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sqlalchemy import text

from fuelstats_kit import master_settings
from fuelstats_kit.master_key import ensure_key
from tests.edge.conftest import Edge
from tests.kit import masterdata
from tests.kit.helpers import sender, stored, unsent
from tools.frontdoor import make_local_ca

# The kit's fixtures come first in each test: its master database is migrated by a command that must
# read its settings before the collector's database fixture leaves them cached without it.
NOTHING_STORED = {"action_logs": 0, "action_log_ids": 0, "installation_structures": 0, "oswl_stats": 0}


def access_log(edge: Edge, master_node_uid: str) -> list[dict[str, object]]:
    lines = [json.loads(line) for line in edge.front_door.access_log.read_text().splitlines()]
    return [line for line in lines if line["master_node_uid"] == master_node_uid]


def test_the_sender_delivers_signed_through_nginx_with_the_certificate_verified(master, engine, edge, tmp_path):
    masterdata.fill(master)
    masterdata.add_http_requests(master, range(31, 1031))  # a backlog of a thousand more
    uid = master_settings.ensure_master_node(master).uid
    key_file = tmp_path / "master-key.pem"
    ensure_key(key_file)  # as `fuelstats-master init` makes it

    # The real batch size: ping, the key's enrolment, 11 batches of action logs, the installation,
    # the OSWL records; every one signed.
    report = sender(master, edge.https, batch_size=100, ca_file=edge.ca.ca, key_file=key_file).run_once()
    assert (report.outcome, report.signed) == ("done", True), report
    assert (report.action_logs_sent, report.installation_structure, report.oswl_stats_sent) == (1029, "sent", 3)
    assert stored(engine) == {"action_logs": 1029, "action_log_ids": 1029, "installation_structures": 1,
                              "oswl_stats": 3}
    assert unsent(master) == {"action_logs": [5], "oswl_stats": []}
    # The collector verified each signature as nginx passed the request on: every record is verified,
    # and nothing was refused (the quarantine is empty).
    with engine.connect() as connection:
        assert connection.execute(text(
            "SELECT (SELECT bool_and(verified) FROM action_logs), (SELECT bool_and(verified) FROM oswl_stats),"
            " (SELECT bool_and(verified) FROM installation_structures),"
            " (SELECT count(*) FROM quarantine_counts)")).one() == (True, True, True, 0)
        assert connection.execute(text("SELECT event FROM master_key_events WHERE master_node_uid = :uid"),
                                  {"uid": uid}).scalars().all() == ["enrolled"]
    # A well-behaved sender is never limited: not refused, not even slowed.
    requests = access_log(edge, uid)
    assert len(requests) == 15
    assert {(line["limit_req"], line["limit_conn"], line["tls"]) for line in requests} == {
        ("PASSED", "PASSED", "TLSv1.3")}
    assert {line["status"] for line in requests} == {200, 201}  # 201: the key's enrolment, the installation info


@pytest.fixture(scope="module")
def another_ca(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_local_ca(tmp_path_factory.mktemp("another-ca"), ("localhost",)).ca


@pytest.mark.parametrize("case", ["system authorities", "another authority", "another name"])
def test_a_certificate_that_does_not_verify_gets_nothing_sent(master, engine, edge, another_ca, case):
    masterdata.fill(master)
    master_settings.ensure_master_node(master)
    url, ca_file = {
        "system authorities": (edge.https, None),          # the test CA is nobody's but ours
        "another authority": (edge.https, another_ca),
        "another name": (f"https://127.0.0.2:{edge.settings.https_port}", edge.ca.ca),  # not in the certificate
    }[case]

    report = sender(master, url, ca_file=ca_file).run_once()
    assert report.outcome == "collector-untrusted", report
    [error] = report.errors
    assert error.startswith("the collector's certificate is not trusted (") and "\n" not in error
    assert ("address mismatch" if case == "another name" else "unable to get local issuer certificate") in error
    assert stored(engine) == NOTHING_STORED
    assert unsent(master) == {"action_logs": list(range(1, 31)), "oswl_stats": [1, 2, 3]}


def run_sender(master_url: str, edge: Edge, **settings: str) -> subprocess.CompletedProcess[str]:
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("FUELSTATS_")},
           "FUELSTATS_MASTER_DATABASE_URL": master_url, "FUELSTATS_COLLECTOR_URL": edge.https,
           "FUELSTATS_FUEL_VERSION_FILE": "/nonexistent", "FUELSTATS_SEND_ATTEMPTS": "1", **settings}
    return subprocess.run([str(Path(sys.executable).with_name("fuelstats-master")), "sender", "run", "--once"],
                          env=env, capture_output=True, text=True, timeout=120)


def test_the_sender_command_verifies_against_its_ca_file_setting(master, master_url, engine, edge):
    masterdata.fill(master)
    master_settings.ensure_master_node(master)

    refused = run_sender(master_url, edge)
    assert refused.returncode == 1
    [line] = [json.loads(line) for line in refused.stderr.splitlines() if '"sender run"' in line]
    assert line["outcome"] == "collector-untrusted"
    assert stored(engine) == NOTHING_STORED

    delivered = run_sender(master_url, edge, FUELSTATS_COLLECTOR_CA_FILE=str(edge.ca.ca))
    assert delivered.returncode == 0, delivered.stderr[-2000:]
    assert stored(engine)["action_logs"] == 29

    missing = run_sender(master_url, edge, FUELSTATS_COLLECTOR_CA_FILE="/nonexistent/ca.pem")
    assert missing.returncode == 2
    assert "FUELSTATS_COLLECTOR_CA_FILE='/nonexistent/ca.pem': Value error, not a readable file" in missing.stderr
