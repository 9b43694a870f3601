"""The action-log middleware in front of a real WSGI server, and the task-logging API."""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Iterator
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import httpx
import pytest
from sqlalchemy import text

from fuelstats_kit import action_logs, master_settings
from fuelstats_kit.middleware import ActionLogMiddleware
from tests.kit.helpers import sender, stored, unsent

received: list[bytes] = []


def api(environ, start_response):  # type: ignore[no-untyped-def]
    """A stand-in for Nailgun's API: echoes, fails on /boom, refuses on /bad."""
    body = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
    received.append(body)
    if environ["PATH_INFO"].endswith("/boom"):
        raise RuntimeError("the handler broke")
    if environ["PATH_INFO"].endswith("/bad"):
        start_response("400 Bad Request", [("Content-Type", "application/json")])
        return [b'{"message": "Node 7 is offline: mysql://nova:s3cret@10.20.0.2/nova"}', b" " * 10_000]
    start_response("200 OK", [("Content-Type", "application/json")])
    return [b'{"ok": true}']


class _Quiet(WSGIRequestHandler):
    def log_message(self, *_: object) -> None:
        pass


@pytest.fixture
def web(master) -> Iterator[str]:  # type: ignore[no-untyped-def]
    server: WSGIServer = make_server("127.0.0.1", 0, ActionLogMiddleware(api, master), handler_class=_Quiet)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    received.clear()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def logs(master) -> list[dict]:  # type: ignore[no-untyped-def]
    with master.connect() as connection:
        return [dict(row) for row in connection.execute(text("SELECT * FROM action_logs ORDER BY id")).mappings()]


def test_a_modifying_request_is_logged_without_its_credentials(master, web):
    master_settings.ensure_master_node(master)
    master_settings.set_sending(master, False)  # logging does not depend on it
    body = {"name": "prod", "editable": {"access": {"password": {"value": "hunter2"}}}, "token": "abc"}
    response = httpx.put(f"{web}/api/clusters/3/changes", json=body,
                         headers={"User-Agent": "fuel-cli/9.0", "X-User-Id": "admin"})
    assert response.status_code == 200
    assert json.loads(received[0]) == body  # the API got the body untouched
    [log] = logs(master)
    assert (log["actor_id"], log["action_group"], log["action_name"], log["action_type"], log["cluster_id"]) == (
        "admin", "clusters", "PUT /api/clusters/{id}/changes", "http_request", 3)
    info = log["additional_info"]
    assert (info["result_code"], info["client"], info["http_method"]) == (200, "fuel-cli", "PUT")
    assert info["execution_time"] >= 0 and log["end_timestamp"] >= log["start_timestamp"]
    assert "hunter2" not in json.dumps(info) and "abc" not in json.dumps(info)
    assert info["request_data"]["name"] == "prod"
    assert not log["is_sent"]


def test_failures_are_logged_reads_are_not(master, web):
    assert httpx.get(f"{web}/api/clusters/").status_code == 200
    assert httpx.post(f"{web}/api/nodes/bad", json={}, headers={"User-Agent": "Mozilla/5.0 fuel-web"}).status_code == 400
    assert httpx.delete(f"{web}/api/v1/nodes/7/boom").status_code == 500
    assert [(log["action_name"], log["additional_info"]["result_code"], log["additional_info"]["client"])
            for log in logs(master)] == [("POST /api/nodes/bad", 400, "fuel-web"),
                                         ("DELETE /api/v1/nodes/{id}/boom", 500, "other")]


def test_a_failed_requests_answer_is_kept_without_its_credentials(master, web):
    assert httpx.put(f"{web}/api/clusters/3", json={}).status_code == 200
    answer = httpx.post(f"{web}/api/nodes/bad", json={})
    assert answer.status_code == 400 and "s3cret" in answer.text  # the client gets the answer untouched
    succeeded, failed = (log["additional_info"] for log in logs(master))
    assert "message" not in succeeded
    assert failed["message"].startswith('{"message": "Node 7 is offline: mysql://nova:<sanitized>@10.20.0.2/nova"}')
    assert "s3cret" not in failed["message"]
    assert len(failed["message"]) < 4200, "its first 4 KiB, not the whole answer"


def test_a_task_is_kept_until_it_ends_then_sent_with_its_execution_time(master, engine, collector_server):
    master_settings.ensure_master_node(master)
    start = dt.datetime(2026, 11, 20, 10, 0)
    action_logs.task_started(master, task_uuid="t-1", name="deployment", cluster_id=1, started=start)
    report = sender(master, collector_server).run_once()
    assert (report.action_logs_sent, report.action_logs_pending) == (0, 1)
    assert stored(engine)["action_logs"] == 0

    assert action_logs.task_finished(master, task_uuid="t-1", status="ready", ended=start + dt.timedelta(minutes=30))
    assert action_logs.task_finished(master, task_uuid="t-unknown", status="ready") is None
    [log] = logs(master)
    assert log["additional_info"] == {"operation": "deployment", "ended_with_status": "ready", "message": "",
                                      "execution_time": 1800.0}
    assert sender(master, collector_server).run_once().action_logs_sent == 1
    assert stored(engine)["action_logs"] == 1 and unsent(master)["action_logs"] == []


def test_the_settings_api_turns_sending_off_and_is_logged(master, engine, collector_server):
    from fuelstats_kit.settings_api import wsgi_app
    from tests.kit import masterdata

    masterdata.fill(master)
    node = master_settings.ensure_master_node(master)
    app = ActionLogMiddleware(wsgi_app(master), master)
    server = make_server("127.0.0.1", 0, app, handler_class=_Quiet)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}/api/settings"
    try:
        off = httpx.patch(url, json={"settings": {"statistics": {"send_anonymous_statistic": {"value": False}}}},
                          headers={"User-Agent": "fuel-web"})
        assert off.status_code == 200, off.text
        assert off.json()["master_node_uid"] == node.uid
        assert off.json()["settings"]["statistics"]["send_anonymous_statistic"] == {"value": False}
        assert httpx.patch(url, json={"settings": {"statistics": {"secret": {"value": 1}}}}).status_code == 400
        assert httpx.patch(url, json={"master_node_uid": "x", "settings": {"statistics": {}}}).status_code == 400
        assert httpx.get(url).json()["settings"]["statistics"]["send_anonymous_statistic"] == {"value": False}
    finally:
        server.shutdown()
        server.server_close()
    assert sender(master, collector_server).run_once().outcome == "disabled"
    assert stored(engine)["action_logs"] == 0
    # The change itself was logged (the refused ones too), and waits to be sent once sending is back on.
    assert [(log["action_name"], log["additional_info"]["result_code"]) for log in logs(master)
            if log["action_group"] == "settings"] == [
        ("PATCH /api/settings", 200), ("PATCH /api/settings", 400), ("PATCH /api/settings", 400)]
