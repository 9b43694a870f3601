"""Whatever a client sends: a clear 4xx JSON error naming the field and rule, and nothing stored."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, text

from tests.collector.payloads import http_request_log, installation_structure, oswl_record
from tests.conftest import COLLECTOR_TABLES


def nothing_stored(engine: Engine) -> bool:
    """No record stored; the quarantine keeps some refused submissions on purpose (docs/security.md)."""
    with engine.connect() as connection:
        return all(connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one() == 0
                   for table in COLLECTOR_TABLES if not table.startswith("quarantine_"))


def wrong(field_path: str, value):  # type: ignore[no-untyped-def]
    """A valid action-log batch with one field replaced."""
    log = http_request_log(1)
    target = log
    *parents, leaf = field_path.split(".")
    for part in parents:
        target = target[part]
    target[leaf] = value
    return {"action_logs": [http_request_log(0), log]}


@pytest.mark.parametrize(
    ("body", "path", "rule"),
    [
        (wrong("external_id", "7"), "$.action_logs[1].external_id", "type"),
        (wrong("external_id", -1), "$.action_logs[1].external_id", "minimum"),
        (wrong("master_node_uid", ""), "$.action_logs[1].master_node_uid", "minLength"),
        (wrong("body", []), "$.action_logs[1].body", "type"),
        (wrong("body.action_type", "cron_job"), "$.action_logs[1].body.action_type", "enum"),
        (wrong("body.cluster_id", "one"), "$.action_logs[1].body.cluster_id", "type"),
        (wrong("surprise", 1), "$.action_logs[1].surprise", "additionalProperties"),
        ({"action_logs": [{"master_node_uid": "m", "body": {}}]}, "$.action_logs[0].external_id", "required"),
        ({"action_logs": "all of them"}, "$.action_logs", "type"),
        ({}, "$.action_logs", "required"),
        ({"action_logs": [], "extra": True}, "$.extra", "additionalProperties"),
        ([], "$", "type"),
    ],
)
def test_schema_violations_name_path_and_rule(client, engine, body, path, rule):
    response = client.post("/api/v1/action_logs/", json=body)
    assert response.status_code == 400
    error = response.json()
    assert error["status"] == "error"
    assert (error["path"], error["rule"]) == (path, rule)
    assert error["message"]
    assert nothing_stored(engine)


@pytest.mark.parametrize(
    ("url", "body", "path", "rule"),
    [
        ("/api/v1/installation_structure/", {"installation_structure": {**installation_structure(), "clusters": {}}},
         "$.installation_structure.clusters", "type"),
        ("/api/v1/installation_structure/", {"installation_structure": {"master_node_uid": "m"}},
         "$.installation_structure.clusters_num", "required"),
        ("/api/v1/oswl_stats/", {"oswl_stats": [oswl_record(1, created_date="yesterday")]},
         "$.oswl_stats[0].created_date", "format"),
        ("/api/v1/oswl_stats/", {"oswl_stats": [oswl_record(1, updated_time="25:00")]},
         "$.oswl_stats[0].updated_time", "pattern"),
        ("/api/v1/oswl_stats/", {"oswl_stats": [{**oswl_record(1), "resource_data": {"current": []}}]},
         "$.oswl_stats[0].resource_data.added", "required"),
    ],
)
def test_schema_violations_on_every_endpoint(client, engine, url, body, path, rule):
    response = client.post(url, json=body)
    assert response.status_code == 400
    assert (response.json()["path"], response.json()["rule"]) == (path, rule)
    assert nothing_stored(engine)


@pytest.mark.parametrize("raw", [b"{", b'{"action_logs": [}', b"\xff\xfe", b'{"action_logs": [] } trailing'])
def test_malformed_json(client, engine, raw):
    response = client.post("/api/v1/action_logs/", content=raw, headers={"content-type": "application/json"})
    assert response.status_code == 400
    assert response.json()["rule"] == "json-syntax"
    assert nothing_stored(engine)


def test_missing_body(client, engine):
    response = client.post("/api/v1/action_logs/", content=b"", headers={"content-type": "application/json"})
    assert response.status_code == 400
    assert response.json()["rule"] == "required"


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", "application/xml"])
def test_wrong_content_type(client, engine, content_type):
    response = client.post("/api/v1/action_logs/", content=b'{"action_logs": []}',
                           headers={"content-type": content_type})
    assert response.status_code == 415
    assert response.json()["rule"] == "content-type"
    assert nothing_stored(engine)


def test_body_over_the_limit_by_its_length(client, engine):
    from fuelstats.collector.settings import get_settings

    too_big = b" " * (get_settings().max_body_bytes + 1)
    response = client.post("/api/v1/action_logs/", content=too_big, headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert response.json()["rule"] == "max-body-size"


def test_body_over_the_limit_sent_in_chunks(client, engine):
    from fuelstats.collector.settings import get_settings

    limit = get_settings().max_body_bytes

    def chunks():  # no Content-Length: the limit has to count what arrives
        sent = 0
        while sent <= limit:
            yield b" " * 65536
            sent += 65536

    response = client.post("/api/v1/action_logs/", content=chunks(), headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert nothing_stored(engine)


def test_a_contradicting_header_rejects_the_whole_batch(client, engine):
    batch = {"action_logs": [http_request_log(1), http_request_log(2, master="not-me")]}
    response = client.post("/api/v1/action_logs/", json=batch, headers={"master-node-uid": batch["action_logs"][0]["master_node_uid"]})
    assert response.status_code == 403
    assert (response.json()["path"], response.json()["rule"]) == ("$.action_logs[1].master_node_uid", "master-node-uid")
    assert nothing_stored(engine)


def test_unknown_query_parameters_are_refused(client, engine):
    response = client.post("/api/v1/action_logs/?debug=1", json={"action_logs": []})
    assert response.status_code == 400
    assert response.json()["status"] == "error"


def test_unknown_url_and_method(client):
    assert client.get("/api/v1/nothing/").status_code == 404
    assert client.get("/api/v1/nothing/").json()["status"] == "error"
    assert client.get("/api/v1/action_logs/").status_code == 405


@pytest.mark.parametrize(
    ("raw", "path"),
    [
        ('{"action_logs": [{"master_node_uid": "m", "external_id": 1, "body": {"x": "a\\u0000b"}}]}',
         "$.action_logs[0].body.x"),
        ('{"action_logs": [{"master_node_uid": "m", "external_id": 1, "body": {"k\\ud800": 1}}]}',
         "$.action_logs[0].body.k\ud800"),
    ],
)
def test_text_postgresql_cannot_store_is_refused_with_its_path(client, engine, raw, path):
    response = client.post("/api/v1/action_logs/", content=raw.encode(), headers={"content-type": "application/json"})
    assert response.status_code == 400
    assert response.json()["rule"] == "storable-text"
    assert nothing_stored(engine)


def test_a_proper_surrogate_pair_is_stored(client, engine):
    raw = '{"action_logs": [{"master_node_uid": "m", "external_id": 1, "body": {"x": "\\ud83d\\ude00"}}]}'
    response = client.post("/api/v1/action_logs/", content=raw.encode(), headers={"content-type": "application/json"})
    assert response.status_code == 200


@pytest.mark.parametrize("number", ["1e400", "NaN", "Infinity", "-Infinity"])
def test_numbers_json_cannot_carry_are_refused(client, engine, number):
    raw = '{"action_logs": [{"master_node_uid": "m", "external_id": 1, "body": {"x": %s}}]}' % number
    response = client.post("/api/v1/action_logs/", content=raw.encode(), headers={"content-type": "application/json"})
    assert response.status_code == 400
    assert response.json()["rule"] == "json-syntax"


def test_ids_beyond_64_bits_are_refused(client, engine):
    body = {"action_logs": [{**http_request_log(1), "external_id": 2**63}]}
    response = client.post("/api/v1/action_logs/", json=body)
    assert (response.status_code, response.json()["rule"]) == (400, "maximum")


def test_an_empty_header_names_no_master_node(client, engine):
    response = client.post("/api/v1/action_logs/", json={"action_logs": [http_request_log(1)]},
                           headers={"master-node-uid": ""})
    assert response.status_code == 200



def nested(levels: int) -> dict:
    """``levels`` objects nested in each other, under the key "a"."""
    value: dict = {}
    for _ in range(levels - 1):
        value = {"a": value}
    return value


def test_a_body_exactly_as_deep_as_the_limit_is_stored(client, engine):
    from fuelstats.core.web import MAX_JSON_DEPTH

    # $ (1), action_logs (2), the record (3), body (4): additional_info is the fifth level.
    log = http_request_log(1, additional_info=nested(MAX_JSON_DEPTH - 4))
    response = client.post("/api/v1/action_logs/", json={"action_logs": [log]})
    assert response.status_code == 200, response.text


DEEP = "DEEP-ARRAYS"  # stands for arrays nested as deep as the test says: json.dumps cannot write 1000 levels
CLUSTER = {"id": 1, "nodes_num": 0, "nodes": [], "mode": "ha_compact", "status": "new",
           "release": {"version": "v", "os": "Ubuntu", "name": "n"}}


@pytest.mark.parametrize(
    ("url", "body", "levels", "path"),
    [
        # One level beyond the limit, named where it starts.
        ("/api/v1/action_logs/", {"action_logs": [http_request_log(1, additional_info=nested(61))]}, 0,
         "$.action_logs[0].body.additional_info" + ".a" * 60),
        # What used to be a 500: arrays 500 deep in additional_info, 1000 deep in cluster attributes.
        ("/api/v1/action_logs/", {"action_logs": [http_request_log(1, additional_info={"x": DEEP})]}, 500,
         "$.action_logs[0].body.additional_info.x" + "[0]" * 59),
        ("/api/v1/installation_structure/",
         {"installation_structure": installation_structure(clusters=[{**CLUSTER, "attributes": {"x": DEEP}}])}, 1000,
         "$.installation_structure.clusters[0].attributes.x" + "[0]" * 59),
        ("/api/v1/oswl_stats/", {"oswl_stats": [oswl_record(1, resource_data={
            "added": [], "removed": [], "modified": [], "current": [DEEP]})]}, 100_000,
         "$.oswl_stats[0].resource_data.current[0]" + "[0]" * 59),
    ],
)
def test_deep_nesting_is_refused_before_parsing(client, engine, url, body, levels, path):
    import json

    raw = json.dumps(body).replace(json.dumps(DEEP), "[" * levels + "]" * levels)
    response = client.post(url, content=raw.encode(), headers={"content-type": "application/json"})
    assert response.status_code == 400, response.text
    error = response.json()
    assert (error["rule"], error["path"]) == ("max-depth", path)
    assert nothing_stored(engine)


@pytest.mark.parametrize("raw", [r'{"a": "[[[[[[", "b": [1]}', r'{"a\\": "\\\"[{", "b": []}', r'["]]]]", [[]]]'])
def test_brackets_inside_strings_do_not_count(raw):
    import json

    from fuelstats.core.jsondepth import nesting_depth

    def parsed_depth(value: object) -> int:
        children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else None
        return 0 if children is None else 1 + max((parsed_depth(child) for child in children), default=0)

    assert nesting_depth(raw.encode(), give_up_above=64) == parsed_depth(json.loads(raw))
