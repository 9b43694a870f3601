"""Key rotation signed by the old key, and the reset of a lost key by an operator, audited."""

from __future__ import annotations

import os

import pytest
from click.testing import CliRunner

from fuelstats_common import signatures
from fuelstats_common.settings import settings_of
from fuelstats_kit.collector import CollectorUnauthorized
from tests.collector.payloads import http_request_log
from tests.security.signing import Master, rows, unsigned
from tests.conftest import ADMIN

LOGS = "/api/v1/action_logs/"


def test_rotation_works_and_the_old_key_stops_working(collector_server, engine):
    master = Master(collector_server)
    master.enrol()
    old = master.key
    new = signatures.new_private_key()
    collector = master.collector()
    assert collector.rotate(new) == "rotated"
    assert collector.rotate(new) == "existed"  # a retry after a lost answer changes nothing
    collector.close()
    refused = master.post(LOGS, {"action_logs": [http_request_log(1, master.uid)]}, key=old)
    assert (refused.status_code, refused.json()["rule"]) == (401, "unknown-key")
    assert master.post(LOGS, {"action_logs": [http_request_log(1, master.uid)]}, key=new).status_code == 200
    # A rotation that the new key does not sign too is refused: nobody rotates to a key they do not hold.
    stranger = signatures.new_private_key()
    body = {"master_node_uid": master.uid, "public_key": signatures.public_key_text(stranger.public_key())}
    answer = master.post("/api/v1/master_keys/rotation/", body, key=new)
    assert (answer.status_code, answer.json()["rule"]) == (401, "unknown-key")
    assert rows(engine, "SELECT event, old_key_id, new_key_id FROM master_key_events ORDER BY id") == [
        ("enrolled", None, signatures.key_id(old.public_key())),
        ("rotated", signatures.key_id(old.public_key()), signatures.key_id(new.public_key()))]


@pytest.fixture
def private_api(database_url, as_admin):  # type: ignore[no-untyped-def]
    """The analytics' private part, as the tests' admin (tests/conftest.py)."""
    from fuelstats.analytics.app import create_app

    settings_of.cache_clear()

    def client(address: str = "127.0.0.1"):  # type: ignore[no-untyped-def]
        return create_app().test_client(client=(address, 50000), headers=as_admin)

    yield client
    settings_of.cache_clear()


def test_a_lost_key_is_reset_through_the_private_api_and_audited(collector_server, engine, private_api):
    master = Master(collector_server)
    master.enrol()
    path = f"/api/v1/private/master_keys/{master.uid}/reset/"
    with private_api("10.1.2.3") as outsider:
        assert outsider.post(path, json={"reason": "I lost it"}).status_code == 403
    with private_api() as local:
        reset = local.post(path, json={"reason": "ticket 4711: master reinstalled"})
        assert reset.status_code == 200, reset.text
        assert reset.json()["key_id"] is None
        assert [(e["event"], e["address"], e["reason"]) for e in reset.json()["events"]] == [
            ("enrolled", "127.0.0.1", "first contact"), ("reset", "127.0.0.1", "ticket 4711: master reinstalled")]
        # Who did it: the admin the request authenticated (docs/authentication.md), in both trails.
        assert reset.json()["events"][-1]["actor"] == ADMIN
        trail = local.get("/api/v1/private/audit/", params={"event": "master-key-reset"}).json()["items"]
        assert (trail[0]["actor"], trail[0]["details"]["master_node_uid"]) == (ADMIN, master.uid)
    # Still protected: unsigned writes stay refused; the master enrolls the key it has now.
    assert unsigned(collector_server, LOGS, {"action_logs": [http_request_log(1, master.uid)]}).status_code == 401
    lost = master.key
    master.key = signatures.new_private_key()
    assert master.enrol() == "added"
    assert master.post(LOGS, {"action_logs": [http_request_log(1, master.uid)]}, key=lost).status_code == 401
    assert master.post(LOGS, {"action_logs": [http_request_log(1, master.uid)]}).status_code == 200
    with private_api() as local:
        state = local.get(f"/api/v1/private/master_keys/{master.uid}/").json()
    assert [event["event"] for event in state["events"]] == ["enrolled", "reset", "enrolled"]
    assert state["key_id"] == signatures.key_id(master.key.public_key())


def test_an_operator_installs_a_key_with_the_cli_on_the_collector_machine(collector_server, engine, database_url):
    from fuelstats.cli import main

    master = Master(collector_server)
    master.enrol()
    replacement = signatures.new_private_key()
    result = CliRunner().invoke(main, ["collector", "reset-key", master.uid, "--reason", "stolen key",
                                       "--public-key", signatures.public_key_text(replacement.public_key())],
                                env={"FUELSTATS_DATABASE_URL": database_url})
    assert result.exit_code == 0, result.output
    actor = rows(engine, "SELECT actor, reason FROM master_key_events WHERE event = 'reset'")
    assert actor == [(f"os:{os.environ.get('USER') or __import__('getpass').getuser()}", "stolen key")]
    # The stolen key stops at once, the installed one works without a new enrolment.
    collector = master.collector()
    with pytest.raises(CollectorUnauthorized):
        collector.send_action_logs([http_request_log(1, master.uid)])
    collector.close()
    assert master.post(LOGS, {"action_logs": [http_request_log(1, master.uid)]}, key=replacement).status_code == 200
