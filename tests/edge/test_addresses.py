"""Real client addresses through the front door: the private API answers this machine alone, the analytics
their networks alone, the collector everyone, and nothing a client writes in its headers changes who it is.

The clients on other addresses are the test host's (tests/edge/hosts.py); this machine's go to loopback.
"""

from __future__ import annotations

import json
import ssl
import uuid

import httpx
import pytest
from sqlalchemy import text

from fuelstats_common import signatures
from tests.collector.payloads import http_request_log
from tests.edge.conftest import Edge

SPOOFED = {"X-Forwarded-For": "127.0.0.1", "X-Real-IP": "127.0.0.1", "Forwarded": "for=127.0.0.1;host=localhost",
           "Host": "localhost", "X-Forwarded-Host": "localhost"}
LOCAL_ONLY = {"status": "error", "rule": "local-only",
              "message": "the private API answers only requests from this machine"}
NOT_ALLOWED = {"status": "error", "rule": "allowed-networks",
               "message": "the analytics answer only from the networks they are limited to"}


def from_test_host(edge: Edge, source: str, path: str, headers: dict[str, str] | None = None) -> dict:
    [answer] = edge.host.run({"ca": str(edge.ca.ca), "source": source,
                              "requests": [{"url": f"{edge.remote_https}{path}", "headers": headers or {}}]})
    return answer


def from_this_machine(edge: Edge, path: str, headers: dict[str, str] | None = None) -> httpx.Response:
    return httpx.get(f"{edge.https}{path}", headers=headers, verify=ssl.create_default_context(cafile=str(edge.ca.ca)))


def test_the_private_api_answers_this_machine_through_nginx(edge, engine, as_admin):
    answer = from_this_machine(edge, "/api/v1/private/summary/", as_admin)
    assert answer.status_code == 200
    assert answer.json() == {"installations": 0, "filtered_installations": 0, "action_logs": 0, "oswl_stats": 0}


@pytest.mark.parametrize("headers", [{}, SPOOFED], ids=["plain", "spoofed"])
def test_the_private_api_refuses_a_client_on_another_address(edge, headers, as_admin):
    for path in ("/api/v1/private/summary/", "/api/v1/private/exports/clusters/"):
        answer = from_test_host(edge, edge.allowed, path, {**headers, **as_admin})
        assert answer["status"] == 403, answer
        assert json.loads(answer["body"]) == LOCAL_ONLY


@pytest.mark.parametrize("headers", [{}, SPOOFED], ids=["plain", "spoofed"])
def test_the_analytics_refuse_a_network_not_allowed_and_the_collector_does_not(edge, headers):
    api = from_test_host(edge, edge.outside, "/api/v1/reports/", headers)
    assert (api["status"], json.loads(api["body"])) == (403, NOT_ALLOWED)
    page = from_test_host(edge, edge.outside, "/", headers)
    assert page["status"] == 403 and page["headers"]["content-type"].startswith("text/html")
    assert "only from the networks" in page["body"]
    ping = from_test_host(edge, edge.outside, "/api/v1/ping/", {**headers, "master-node-uid": "outside"})
    assert ping["status"] == 200, ping


def test_an_allowed_network_gets_the_analytics(edge):
    assert from_test_host(edge, edge.allowed, "/api/v1/reports/")["status"] == 200
    assert from_test_host(edge, edge.allowed, "/")["status"] == 200


def test_the_collector_logs_the_real_client_address(edge):
    request_id = uuid.uuid4().hex
    answer = from_test_host(edge, edge.outside, "/api/v1/ping/",
                            {**SPOOFED, "X-Request-Id": request_id, "master-node-uid": "logged"})
    assert answer["status"] == 200
    [line] = [json.loads(line) for line in edge.collector_log.read_text().splitlines() if request_id in line]
    assert (line["event"], line["client"], line["master_node_uid"]) == ("request", edge.outside, "logged")
    assert "forwarded_by" not in line


def test_a_refused_submission_is_quarantined_with_the_real_client_address(edge, engine):
    """The quarantine and the master keys' audit name who sent a request as the request log does."""
    uid = str(uuid.uuid4())
    url = f"{edge.remote_https}/api/v1/action_logs/"
    body = json.dumps({"action_logs": [http_request_log(1, uid)]})
    headers = {"content-type": "application/json", "master-node-uid": uid}
    # Signed by a key the collector does not know for this master node: refused and quarantined.
    signatures.sign(signatures.HttpMessage("POST", url, headers), signatures.new_private_key(), body.encode())
    [answer] = edge.host.run({"ca": str(edge.ca.ca), "source": edge.outside, "requests": [
        {"method": "POST", "url": url, "headers": {**SPOOFED, **headers}, "body": body}]})
    assert (answer["status"], json.loads(answer["body"])["rule"]) == (401, "not-enrolled"), answer
    with engine.connect() as connection:
        kept = connection.execute(text("SELECT rule, address FROM quarantine_samples WHERE master_node_uid = :uid"),
                                  {"uid": uid}).all()
    assert [tuple(row) for row in kept] == [("not-enrolled", edge.outside)]
