from __future__ import annotations

from sqlalchemy import Engine, text

from tests.collector.payloads import MASTER, oswl_record

URL = "/api/v1/oswl_stats/"


def stored(engine: Engine) -> list[tuple]:
    with engine.connect() as connection:
        return [tuple(r) for r in connection.execute(text(
            "SELECT master_node_uid, external_id, resource_type, resource_checksum FROM oswl_stats"
            " ORDER BY external_id, resource_type"))]


def test_records_are_added_then_updated(client, engine):
    response = client.post(URL, json={"oswl_stats": [oswl_record(1), oswl_record(2, resource_type="volume")]})
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "oswl_stats": [
            {"master_node_uid": MASTER, "id": 1, "status": "added"},
            {"master_node_uid": MASTER, "id": 2, "status": "added"},
        ],
    }
    response = client.post(URL, json={"oswl_stats": [oswl_record(1, checksum="new")]})
    assert response.json()["oswl_stats"][0]["status"] == "updated"
    assert stored(engine) == [(MASTER, 1, "vm", "new"), (MASTER, 2, "volume", "c0ffee")]


def test_resending_the_same_batch_leaves_the_same_rows(client, engine):
    batch = {"oswl_stats": [oswl_record(1), oswl_record(1, resource_type="tenant")]}
    client.post(URL, json=batch)
    before = stored(engine)
    client.post(URL, json=batch)
    assert stored(engine) == before and len(before) == 2


def test_a_key_repeated_in_one_batch_keeps_the_last(client, engine):
    response = client.post(URL, json={"oswl_stats": [oswl_record(1, checksum="a"), oswl_record(1, checksum="b")]})
    assert [entry["status"] for entry in response.json()["oswl_stats"]] == ["added", "updated"]
    assert stored(engine) == [(MASTER, 1, "vm", "b")]


def test_a_contradicting_record_stores_nothing(client, engine):
    batch = {"oswl_stats": [oswl_record(1), oswl_record(2, master="intruder")]}
    response = client.post(URL, json=batch, headers={"master-node-uid": MASTER})
    assert response.status_code == 403
    assert response.json()["path"] == "$.oswl_stats[1].master_node_uid"
    assert stored(engine) == []
