"""The master node's side: a failed deployment with a contact goes to the collector at once, is
kept in the spool while the collector is down, and without a contact only its action log travels."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import Engine, text

from fuelstats_kit import action_logs, master_settings
from fuelstats_kit.failure_reports import FailureReporter, finish_task, report_id_for
from fuelstats_kit.installation import DatabaseInstallationInfo
from tests.conftest import free_port
from tests.failures.servers import eventually
from tests.kit.conftest import master, master_url  # noqa: F401 (the kit's fixtures: its database)
from tests.kit.helpers import sender
from tests.kit.masterdata import fill

RELEASE = {"release": "9.0", "api": "1", "feature_groups": ["mirantis"], "build_id": "ga"}
OUTPUT = "\n".join(["deploying node-1", "keystone: password=s3cret-in-output", "ERR puppet exited with code 6"])


@pytest.fixture
def failing_task(master: Engine) -> str:  # noqa: F811
    """A master node with its environments, and a deployment of environment 1 still running."""
    fill(master)
    action_logs.task_started(master, task_uuid="deploy-42", name="deployment", cluster_id=1,
                             started=dt.datetime(2026, 11, 26, 6, 0))
    return "deploy-42"


def reporter(master: Engine, spool: Path, url: str) -> FailureReporter:  # noqa: F811
    return FailureReporter(master, DatabaseInstallationInfo(master, RELEASE), spool, url, timeout=3.0)


def with_contact(master: Engine, send: bool = True) -> master_settings.MasterNode:  # noqa: F811
    master_settings.ensure_master_node(master)
    return master_settings.set_contact(master, first_name="Ada", last_name="Lovelace", email="ada@customer.example",
                                       company="Acme", send=send)


def reports(engine: Engine) -> list[dict]:  # type: ignore[type-arg]
    with engine.connect() as connection:
        return [dict(row) for row in connection.execute(text(
            "SELECT CAST(report_id AS text) AS report_id, master_node_uid, release, cluster_id, task_uuid, contact,"
            " error_message, report FROM failure_reports")).mappings()]


def test_a_failed_deployment_with_a_contact_reaches_support_at_once(
        master, failing_task, served_collector, smtp, engine, tmp_path):  # noqa: F811
    node = with_contact(master)
    fate = finish_task(master, reporter(master, tmp_path / "spool", served_collector.url), task_uuid=failing_task,
                       status="error", message="Deployment has failed: netconfig on node-1", output=OUTPUT)
    assert fate == "sent"
    assert list((tmp_path / "spool").glob("*.json")) == []

    stored, = reports(engine)
    assert stored["report_id"] == report_id_for(node.uid, failing_task)
    assert (stored["master_node_uid"], stored["release"], stored["cluster_id"]) == (node.uid, "9.0", 1)
    assert stored["contact"] == {"name": "Ada Lovelace", "email": "ada@customer.example", "company": "Acme"}
    assert stored["error_message"] == "Deployment has failed: netconfig on node-1"
    assert stored["report"]["installation"]["environment"]["id"] == 1
    assert stored["report"]["action_log"]["body"]["additional_info"]["ended_with_status"] == "error"
    assert "s3cret" not in json.dumps(stored) and "ERR puppet exited" in stored["report"]["task"]["output"]

    message, = eventually(lambda: smtp.inbox.messages, what="the e-mail")
    text_part = message.get_body(("plain",)).get_content()
    assert "Ada Lovelace" in text_part and "ada@customer.example" in text_part
    assert "netconfig on node-1" in text_part and "s3cret" not in message.as_string()


def test_without_a_contact_only_the_action_log_goes_through_the_sender(
        master, failing_task, served_collector, smtp, engine, tmp_path):  # noqa: F811
    with_contact(master, send=False)  # filled in, but its owner did not agree to send it
    fate = finish_task(master, reporter(master, tmp_path / "spool", served_collector.url), task_uuid=failing_task,
                       status="error", message="Deployment has failed", output=OUTPUT)
    assert fate == "action-log-only"
    assert reports(engine) == [] and not (tmp_path / "spool").exists()

    sender(master, served_collector.url).run_once()
    with engine.connect() as connection:
        failed = connection.execute(text(
            "SELECT body->'additional_info'->>'ended_with_status' FROM action_logs WHERE body->>'task_uuid' = :uuid"
        ), {"uuid": failing_task}).scalars().all()
    assert failed == ["error"]
    assert reports(engine) == [] and smtp.inbox.received == []


def test_a_collector_that_is_down_gets_the_report_on_the_next_attempt(
        master, failing_task, served_collector, smtp, engine, tmp_path):  # noqa: F811
    node = with_contact(master)
    spool = tmp_path / "spool"
    nobody = f"http://127.0.0.1:{free_port()}"
    fate = finish_task(master, reporter(master, spool, nobody), task_uuid=failing_task, status="error",
                       message="Deployment has failed", output=OUTPUT)
    assert fate == "spooled"
    spooled, = spool.glob("*.json")
    assert spooled.stem == report_id_for(node.uid, failing_task)
    assert reports(engine) == []

    # The next try: the retry command (a later failure would do the same).
    from fuelstats_common.settings import settings_of
    from fuelstats_kit.cli import main

    settings_of.cache_clear()
    result = CliRunner().invoke(main, ["sender", "failures"], env={
        "FUELSTATS_MASTER_DATABASE_URL": master.url.render_as_string(hide_password=False),
        "FUELSTATS_COLLECTOR_URL": served_collector.url, "FUELSTATS_FAILURE_SPOOL_DIR": str(spool),
        "FUELSTATS_FUEL_VERSION_FILE": "/nonexistent"})
    settings_of.cache_clear()
    assert result.exit_code == 0, result.output
    assert "1 sent, 0 waiting, 0 refused" in result.output
    assert list(spool.glob("*.json")) == []
    assert len(reports(engine)) == 1
    eventually(lambda: smtp.inbox.received, what="the e-mail")


def test_the_hourly_sender_run_sends_what_the_spool_kept(
        master, failing_task, served_collector, smtp, engine, tmp_path):  # noqa: F811
    with_contact(master)
    spool = tmp_path / "spool"
    nobody = f"http://127.0.0.1:{free_port()}"
    assert finish_task(master, reporter(master, spool, nobody), task_uuid=failing_task, status="error",
                       message="Deployment has failed", output=OUTPUT) == "spooled"

    from fuelstats_kit.sender import Sender, SenderConfig

    report = reporter(master, spool, served_collector.url)
    run = Sender(master, report.provider, SenderConfig(collector_url=served_collector.url),
                 send_spooled_failures=lambda node: report.send_spooled(node).sent).run_once()
    assert (run.outcome, run.failure_reports_sent) == ("done", 1)
    assert list(spool.glob("*.json")) == [] and len(reports(engine)) == 1
    eventually(lambda: smtp.inbox.received, what="the e-mail")


def test_the_same_failure_reported_twice_is_one_report_and_one_email(
        master, failing_task, served_collector, smtp, engine, tmp_path):  # noqa: F811
    with_contact(master)
    report = reporter(master, tmp_path / "spool", served_collector.url)
    assert finish_task(master, report, task_uuid=failing_task, status="error", message="failed") == "sent"
    assert report.task_failed(failing_task, OUTPUT) == "sent"  # a task runner that reports again
    eventually(lambda: smtp.inbox.received, what="the e-mail")
    eventually(lambda: "notification delivered" in served_collector.log.read_text(), what="delivery")
    assert len(reports(engine)) == 1 and len(smtp.inbox.received) == 1


def test_a_task_that_did_not_fail_sends_nothing(master, failing_task, tmp_path):  # noqa: F811
    with_contact(master)
    nobody = f"http://127.0.0.1:{free_port()}"
    assert finish_task(master, reporter(master, tmp_path / "spool", nobody), task_uuid=failing_task,
                       status="ready") is None
    assert not (tmp_path / "spool").exists()
