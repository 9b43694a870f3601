"""POST /api/v1/failure_reports/: stored, and the support team told at once by e-mail and webhook,
through an outbox that survives a channel being down and never notifies twice."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
import uuid

import pytest
from click.testing import CliRunner
from sqlalchemy import Engine, text

from fuelstats.collector import failure_reports, notifications
from fuelstats.collector.settings import get_settings
from fuelstats_common.sanitize import SANITIZED
from fuelstats_common.settings import settings_of
from tests.collector.payloads import MASTER
from tests.conftest import free_port
from tests.failures.payloads import CONTACT, ERROR, OUTPUT, failure_report
from tests.failures.servers import SUPPORT, WEBHOOK_SECRET, SmtpServer, eventually, self_signed_certificate

URL = "/api/v1/failure_reports/"


def notifications_of(engine: Engine) -> dict[str, dict]:  # type: ignore[type-arg]
    with engine.connect() as connection:
        rows = connection.execute(text(
            "SELECT channel, attempts, delivered_at, last_error, next_attempt_at FROM failure_notifications"
        )).mappings()
        return {row["channel"]: dict(row) for row in rows}


def count(engine: Engine, table: str) -> int:
    with engine.connect() as connection:
        return int(connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())


@pytest.fixture
def tls_smtp(request, tmp_path, notify_settings, monkeypatch):  # type: ignore[no-untyped-def]
    """An SMTP server that speaks only TLS (request.param: starttls or ssl), and the settings to reach it."""
    certificate, key = self_signed_certificate(tmp_path)
    server = SmtpServer(free_port(), tls=(request.param, certificate, key))
    server.start()
    monkeypatch.setenv("FUELSTATS_SMTP_PORT", str(server.port))
    monkeypatch.setenv("FUELSTATS_SMTP_TLS", request.param)
    monkeypatch.delenv("FUELSTATS_WEBHOOK_URL")
    settings_of.cache_clear()
    yield server, certificate
    server.stop()


@pytest.mark.parametrize("tls_smtp", ["starttls", "ssl"], indirect=True)
def test_the_email_goes_over_tls_to_a_server_whose_certificate_is_trusted(tls_smtp, engine, monkeypatch):
    from fuelstats.collector.app import create_app

    server, certificate = tls_smtp
    monkeypatch.setenv("FUELSTATS_SMTP_CA_FILE", str(certificate))
    settings_of.cache_clear()
    with create_app().test_client() as client:
        assert client.post(URL, json=failure_report(), headers={"master-node-uid": MASTER}).status_code == 201
        eventually(lambda: server.inbox.received, what="the e-mail over TLS")


@pytest.mark.parametrize("tls_smtp", ["starttls", "ssl"], indirect=True)
def test_a_server_whose_certificate_is_not_trusted_gets_nothing(tls_smtp, engine):
    from fuelstats.collector.app import create_app

    server, _ = tls_smtp
    with create_app().test_client() as client:
        assert client.post(URL, json=failure_report(), headers={"master-node-uid": MASTER}).status_code == 201
        email = eventually(lambda: notifications_of(engine)["email"]["last_error"] and notifications_of(engine)["email"],
                           what="a failed attempt")
    assert "CERTIFICATE_VERIFY_FAILED" in email["last_error"] and email["delivered_at"] is None
    assert server.inbox.received == []


def test_the_support_team_gets_an_email_with_the_contact_and_the_failure(collector, smtp, engine):
    body = failure_report()
    report_id = body["failure_report"]["report_id"]
    response = collector.post(URL, json=body, headers={"master-node-uid": MASTER})
    assert response.status_code == 201, response.text
    assert response.json() == {"status": "ok", "report_id": report_id, "report": "added", "action_log": "added"}

    (sender, recipients, message), = eventually(lambda: smtp.inbox.received, what="the e-mail")
    assert sender == "fuel-stats@collector.test"
    assert sorted(recipients) == sorted(SUPPORT)
    assert "Deployment failed" in message["Subject"] and MASTER in message["Subject"]
    assert message["Reply-To"] == CONTACT["email"]
    assert message["Message-ID"] == f"<failure-report-{report_id}@fuel-stats>"
    text_part = message.get_body(("plain",)).get_content()
    for expected in (CONTACT["name"], CONTACT["email"], CONTACT["company"], CONTACT["phone"], ERROR,
                     "Could not configure br-mgmt", "Fuel release:  9.0", report_id):
        assert expected in text_part
    attachment, = list(message.iter_attachments())
    document = json.loads(attachment.get_content())
    assert document["contact"] == CONTACT
    assert document["task"]["message"] == ERROR and document["task"]["output"] == OUTPUT
    assert document["installation"]["environment"]["status"] == "error"
    assert document["action_log"]["body"]["additional_info"]["ended_with_status"] == "error"

    email = eventually(lambda: notifications_of(engine)["email"]["delivered_at"] and notifications_of(engine)["email"])
    assert (email["attempts"], email["last_error"]) == (1, None)


def test_a_webhook_receiver_gets_the_same_report(collector, webhook, engine):
    body = failure_report()
    report_id = body["failure_report"]["report_id"]
    assert collector.post(URL, json=body).status_code == 201

    call, = eventually(lambda: webhook.calls, what="the webhook call")
    document = call.json()
    assert call.headers["content-type"] == "application/json"
    assert call.headers["idempotency-key"] == f"failure-report-{report_id}"
    signature = hmac.new(WEBHOOK_SECRET.encode(), call.body, hashlib.sha256).hexdigest()
    assert call.headers["x-fuelstats-signature"] == f"sha256={signature}"
    assert document["event"] == "deployment_failed"
    assert (document["report_id"], document["master_node_uid"], document["release"]) == (report_id, MASTER, "9.0")
    assert document["contact"] == CONTACT
    assert document["task"]["message"] == ERROR and document["task"]["output"] == OUTPUT
    eventually(lambda: notifications_of(engine)["webhook"]["delivered_at"], what="the webhook marked delivered")


def test_with_the_smtp_server_down_the_report_is_stored_and_the_email_arrives_once_it_is_back(
        collector, smtp, webhook, engine):
    smtp.stop()
    response = collector.post(URL, json=failure_report())
    assert response.status_code == 201
    assert count(engine, "failure_reports") == 1

    # Tried, refused, kept for later; the webhook does not wait for the e-mail.
    email = eventually(lambda: (n := notifications_of(engine)["email"])["attempts"] >= 2 and n,
                       what="two failed attempts")
    assert email["delivered_at"] is None and "SMTP 127.0.0.1" in email["last_error"]
    assert smtp.inbox.received == []
    eventually(lambda: webhook.calls, what="the webhook call")

    smtp.start()
    message, = eventually(lambda: smtp.inbox.messages, what="the e-mail after the server came back")
    assert CONTACT["email"] in message.get_body(("plain",)).get_content()
    eventually(lambda: notifications_of(engine)["email"]["delivered_at"], what="the e-mail marked delivered")
    time.sleep(1)  # several dispatcher intervals: nothing goes out again
    assert len(smtp.inbox.received) == 1


def test_a_webhook_that_fails_is_retried_and_the_email_is_not_sent_again(collector, smtp, webhook, engine):
    webhook.failures_to_give = 2
    assert collector.post(URL, json=failure_report()).status_code == 201
    eventually(lambda: webhook.calls, what="the webhook call after two refusals")
    hook = eventually(lambda: (n := notifications_of(engine)["webhook"])["delivered_at"] and n)
    assert (hook["attempts"], hook["last_error"]) == (3, None)
    assert len(smtp.inbox.received) == 1


def test_a_duplicate_submission_notifies_once(collector, smtp, webhook, engine):
    body = failure_report()
    first = collector.post(URL, json=body)
    again = collector.post(URL, json=body)
    assert (first.status_code, first.json()["report"]) == (201, "added")
    assert (again.status_code, again.json()["report"], again.json()["action_log"]) == (200, "existed", "existed")
    eventually(lambda: smtp.inbox.received and webhook.calls, what="both notifications")
    # A retry that arrives after delivery must not notify either.
    later = collector.post(URL, json=body)
    assert later.status_code == 200
    time.sleep(1)
    assert (len(smtp.inbox.received), len(webhook.calls)) == (1, 1)
    assert (count(engine, "failure_reports"), count(engine, "failure_notifications")) == (1, 2)


def test_concurrent_duplicates_store_and_notify_once(collector, smtp, webhook, engine):
    body = failure_report()
    statuses: list[int] = []

    def send() -> None:
        statuses.append(collector.post(URL, json=body).status_code)

    senders = [threading.Thread(target=send) for _ in range(6)]
    for sender in senders:
        sender.start()
    for sender in senders:
        sender.join()
    assert sorted(statuses) == [200] * 5 + [201]
    eventually(lambda: smtp.inbox.received and webhook.calls, what="both notifications")
    time.sleep(1)
    assert (len(smtp.inbox.received), len(webhook.calls)) == (1, 1)


def test_a_report_without_contact_stores_only_the_action_log(collector, smtp, webhook, engine):
    response = collector.post(URL, json=failure_report(contact=None))
    assert response.status_code == 200
    assert response.json()["report"] == "without_contact" and response.json()["action_log"] == "added"
    with engine.connect() as connection:
        logs = connection.execute(text("SELECT master_node_uid, external_id, action_name FROM action_logs")).all()
    assert [tuple(row) for row in logs] == [(MASTER, 41, "deployment")]
    assert (count(engine, "failure_reports"), count(engine, "failure_notifications")) == (0, 0)
    time.sleep(1)
    assert smtp.inbox.received == [] and webhook.calls == []


def test_the_action_log_sent_before_is_not_stored_twice(collector, engine):
    body = failure_report()
    log = body["failure_report"]["action_log"]
    collector.post("/api/v1/action_logs/", json={"action_logs": [{"master_node_uid": MASTER, **log}]})
    response = collector.post(URL, json=body)
    assert (response.status_code, response.json()["action_log"]) == (201, "existed")
    assert count(engine, "action_logs") == 1


def test_no_credential_reaches_the_database_or_the_support_team(collector, smtp, webhook, engine):
    secrets = ("hunter2", "s3cr3t-token", "dbpass")
    body = failure_report(
        message="keystone auth failed: password: hunter2",
        output="curl -H 'X-Auth-Token: s3cr3t-token' http://10.20.0.2:5000\nmysql://nova:dbpass@10.20.0.3/nova",
        editable={"access": {"password": {"type": "password", "value": "hunter2"}}},
    )
    body["failure_report"]["action_log"]["body"]["additional_info"]["admin_password"] = "hunter2"
    assert collector.post(URL, json=body).status_code == 201
    eventually(lambda: smtp.inbox.received and webhook.calls, what="both notifications")
    with engine.connect() as connection:
        stored = connection.execute(text(
            "SELECT row_to_json(r)::text FROM failure_reports r UNION ALL SELECT body::text FROM action_logs"
        )).scalars().all()
    sent = [smtp.inbox.received[0][2].as_string(), webhook.calls[0].body.decode()]
    for secret in secrets:
        for where in [*stored, *sent]:
            assert secret not in where, where[where.find(secret) - 300:]
    assert SANITIZED in stored[0] and "keystone auth failed" in stored[0]


def test_another_master_nodes_report_is_refused_and_stores_nothing(collector, engine):
    response = collector.post(URL, json=failure_report(), headers={"master-node-uid": "someone-else"})
    assert (response.status_code, response.json()["rule"], response.json()["path"]) == (
        403, "master-node-uid", "$.failure_report.master_node_uid")
    assert (count(engine, "failure_reports"), count(engine, "action_logs")) == (0, 0)


def test_a_malformed_report_is_refused_with_its_path(collector, engine):
    body = failure_report(report_id="not-a-uuid")
    response = collector.post(URL, json=body)
    assert (response.status_code, response.json()["rule"], response.json()["path"]) == (
        400, "pattern", "$.failure_report.report_id")
    body = failure_report()
    del body["failure_report"]["task"]["message"]
    response = collector.post(URL, json=body)
    assert (response.status_code, response.json()["path"]) == (400, "$.failure_report.task.message")
    assert count(engine, "failure_reports") == 0


def test_two_dispatchers_never_send_the_same_notification(engine, smtp, notify_settings):
    channels = notifications.configured_channels(get_settings())
    email_only = {notifications.EMAIL: channels[notifications.EMAIL]}
    for _ in range(12):
        failure_reports.record_failure_report(engine, None, failure_report()["failure_report"], ["email"])
    backoff = notifications.Backoff(0.2, 0.5)
    workers = [threading.Thread(target=notifications.deliver_due, args=(engine, email_only, backoff))
               for _ in range(3)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    ids = [message["Message-ID"] for message in smtp.inbox.messages]
    assert len(ids) == 12 and len(set(ids)) == 12


def test_emails_wait_while_smtp_is_not_configured_and_the_notify_command_sends_them(
        engine, smtp, notify_settings, monkeypatch):
    from fuelstats.cli import main
    from fuelstats.collector.app import create_app

    monkeypatch.delenv("FUELSTATS_SMTP_HOST")
    monkeypatch.delenv("FUELSTATS_WEBHOOK_URL")
    settings_of.cache_clear()
    with create_app().test_client() as unconfigured:
        assert unconfigured.post(URL, json=failure_report()).status_code == 201
        time.sleep(0.5)
    assert notifications_of(engine)["email"]["attempts"] == 0
    assert smtp.inbox.received == []

    settings_of.cache_clear()
    result = CliRunner().invoke(main, ["collector", "notify"],
                                env={**notify_settings, "FUELSTATS_WEBHOOK_URL": None,
                                     "FUELSTATS_DATABASE_URL": str(engine.url.render_as_string(False))})
    settings_of.cache_clear()
    assert result.exit_code == 0, result.output
    assert "1 delivered, 0 failed" in result.output
    assert len(smtp.inbox.received) == 1
    assert notifications_of(engine)["email"]["delivered_at"] is not None


def test_report_ids_are_uuids_in_any_case(collector, engine):
    report_id = str(uuid.uuid4())
    assert collector.post(URL, json=failure_report(report_id.upper())).status_code == 201
    assert collector.post(URL, json=failure_report(report_id)).status_code == 200


def test_the_served_collector_notifies_from_its_workers(served_collector, smtp):
    """The worker that stored the report sends at once, and a worker's periodic pass delivers what an SMTP
    outage held back."""
    import httpx

    url = served_collector.url + URL
    assert httpx.post(url, json=failure_report()).status_code == 201
    eventually(lambda: smtp.inbox.received, what="the e-mail")
    smtp.stop()
    assert httpx.post(url, json=failure_report()).status_code == 201
    eventually(lambda: "notification failed" in served_collector.log.read_text(), what="a failed attempt")
    smtp.start()
    eventually(lambda: len(smtp.inbox.received) == 2, what="the held-back e-mail")
    assert "notification delivered" in served_collector.log.read_text()


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")  # loopback, in a test
def test_smtp_credentials_are_used_and_a_wrong_password_is_retried(engine, notify_settings, monkeypatch):
    from tests.conftest import free_port
    from tests.failures.servers import SmtpServer

    guarded = SmtpServer(free_port(), credentials=("fuelstats", "right-password"))
    guarded.start()
    try:
        monkeypatch.setenv("FUELSTATS_SMTP_PORT", str(guarded.port))
        monkeypatch.setenv("FUELSTATS_SMTP_USER", "fuelstats")
        monkeypatch.setenv("FUELSTATS_SMTP_PASSWORD", "wrong-password")
        settings_of.cache_clear()
        failure_reports.record_failure_report(engine, None, failure_report()["failure_report"], ["email"])
        email = {notifications.EMAIL: notifications.configured_channels(get_settings())[notifications.EMAIL]}
        assert "wrong-password" not in repr(email)
        result = notifications.deliver_due(engine, email, notifications.Backoff(0.01, 0.01))
        assert (result.delivered, result.failed) == (0, 1)
        assert "SMTPAuthenticationError" in notifications_of(engine)["email"]["last_error"]

        monkeypatch.setenv("FUELSTATS_SMTP_PASSWORD", "right-password")
        settings_of.cache_clear()
        email = {notifications.EMAIL: notifications.configured_channels(get_settings())[notifications.EMAIL]}
        time.sleep(0.05)
        result = notifications.deliver_due(engine, email, notifications.Backoff(0.01, 0.01))
        assert (result.delivered, result.failed) == (1, 0)
        assert len(guarded.inbox.received) == 1
    finally:
        guarded.stop()
        settings_of.cache_clear()
