"""Nothing a master node sends stops the ETL: documents are bounded, what Elasticsearch still refuses
is parked, and streams never wait for each other."""

from __future__ import annotations

import copy
import threading
import time

from sqlalchemy import text

from fuelstats.collector import ingest
from fuelstats.collector.filtering import FilteringRules
from fuelstats.etl import bounds, search
from fuelstats.etl.pipeline import Etl
from tests.collector.payloads import MASTER, http_request_log, installation_structure, oswl_record
from tests.etl.test_etl import count, dead_letters, document

DEEP = 25  # objects within objects: Elasticsearch flattens 20
TOO_LONG_AN_ID = "m" * 600  # a document id holds 512 bytes


def nested(levels: int) -> dict:
    value: dict = {"leaf": "here"}
    for _ in range(levels - 1):
        value = {"a": value}
    return value


def depth_of_objects(value: object) -> int:
    if isinstance(value, dict):
        return 1 + max((depth_of_objects(item) for item in value.values()), default=0)
    if isinstance(value, list):
        return max((depth_of_objects(item) for item in value), default=0)
    return 0


def poisoned_installation() -> dict:
    structure = installation_structure("poisoned")
    cluster = structure["clusters"][0]
    cluster["attributes"]["deep"] = nested(DEEP)
    cluster["vmware_attributes"] = {"k" * 40_000: 1}  # a flattened key longer than a Lucene term
    huge = copy.deepcopy(cluster)
    huge.update(id=2, nodes_num=10_001, nodes=[{"id": n, "roles": ["compute"]} for n in range(10_001)])
    structure["clusters"].append(huge)
    structure["clusters_num"] = 2
    return structure


def test_one_poisoned_master_stops_nothing(engine, es, prefix, etl: Etl):
    ingest.record_installation_structure(engine, None, poisoned_installation(), FilteringRules())
    ingest.record_installation_structure(engine, None, installation_structure(), FilteringRules())
    ingest.record_action_logs(engine, None, [http_request_log(1, additional_info=nested(DEEP)),
                                             *(http_request_log(n) for n in range(2, 6)),
                                             http_request_log(1, master=TOO_LONG_AN_ID)])
    resources = {"added": [], "removed": [], "modified": [], "current": [{"id": "vm-1", "deep": nested(DEEP)}]}
    ingest.record_oswl_stats(engine, None, [oswl_record(1, resource_data=resources)])

    assert etl.run_once() == {"installations": 2, "action_logs": 6, "oswl_stats": 1}

    # Indexed in their bounded forms.
    assert count(es, prefix, "installations") == 2 and count(es, prefix, "clusters") == 3
    first = document(es, prefix, "clusters", "poisoned:1")
    assert depth_of_objects(first["attributes"]) == bounds.FLATTENED_DEPTH
    assert first["attributes"]["libvirt_type"] == "kvm"  # the rest as sent
    [key] = first["vmware_attributes"]
    assert len(key) == bounds.MAX_KEY_CHARS and key.startswith("kkk")
    huge = document(es, prefix, "clusters", "poisoned:2")
    assert len(huge["nodes"]) == bounds.NESTED_CAPS["nodes"]
    assert huge["nodes_omitted"] == 10_001 - bounds.NESTED_CAPS["nodes"] and huge["nodes_num"] == 10_001
    log = document(es, prefix, "action_logs", f"{MASTER}:1")
    assert depth_of_objects(log["additional_info"]) == bounds.FLATTENED_DEPTH
    cut = log["additional_info"]
    for _ in range(bounds.FLATTENED_DEPTH - 1):
        cut = cut["a"]
    assert cut["a"] == '{"a":{"a":{"a":{"a":{"leaf":"here"}}}}}'  # levels 21 to 25, as JSON text
    assert count(es, prefix, "action_logs") == 5
    oswl = document(es, prefix, "oswl_stats", f"{MASTER}:1:vm")
    assert depth_of_objects(oswl["current"]) == bounds.FLATTENED_DEPTH

    # What Elasticsearch refuses still (an id over 512 bytes) is parked, with why.
    [parked] = dead_letters(engine)
    assert (parked["stream"], parked["document_id"], parked["kind"]) == ("action_logs", f"{TOO_LONG_AN_ID}:1",
                                                                         "action_logs")
    assert "action_request_validation_exception" in parked["reason"] and parked["attempts"] == 1
    assert {row["stream"]: (row["pending"], row["dead_letters"]) for row in etl.status()} == {
        "installations": (0, 0), "action_logs": (0, 1), "oswl_stats": (0, 0)}


def test_a_stream_that_keeps_failing_does_not_hold_up_the_others(engine, es, prefix, etl: Etl):
    ingest.record_installation_structure(engine, None, installation_structure(), FilteringRules())
    clusters = search.alias(prefix, "clusters")
    # Installations cannot be written (a block stays until lifted): their stream fails pass after pass.
    es.indices.put_settings(index=clusters, settings={"index.blocks.write": True})
    stop = threading.Event()
    follower = threading.Thread(target=etl.follow, args=(0.2, stop))
    follower.start()
    try:
        for wave in range(2):
            ingest.record_action_logs(engine, None, [http_request_log(wave * 10 + n) for n in range(10)])
            deadline = time.monotonic() + 30
            while count(es, prefix, "action_logs") < (wave + 1) * 10:
                assert time.monotonic() < deadline, "the action logs waited for the installations"
                time.sleep(0.2)
        assert count(es, prefix, "clusters") == 0
        with engine.connect() as connection:
            pass_open = connection.execute(text(
                "SELECT pass_snapshot IS NOT NULL FROM etl_checkpoints WHERE stream = 'installations'")).scalar_one()
        assert pass_open, "the installations pass is still to be done"
    finally:
        es.indices.put_settings(index=clusters, settings={"index.blocks.write": None})
        stop.set()
        follower.join(timeout=60)
    assert not follower.is_alive()
    assert etl.run_once(["installations"]) == {"installations": 1}


def test_parked_documents_are_in_the_private_api(engine, es, prefix, etl: Etl, as_admin):
    from fuelstats.analytics.app import create_app

    ingest.record_action_logs(engine, None, [http_request_log(1), http_request_log(1, master=TOO_LONG_AN_ID)])
    etl.run_once(["action_logs"])

    with create_app().test_client(client=("127.0.0.1", 40000), headers=as_admin) as private:
        everything = private.get("/api/v1/private/etl/dead_letters/")
        none = private.get("/api/v1/private/etl/dead_letters/", params={"stream": "oswl_stats"}).json()
        unknown = private.get("/api/v1/private/etl/dead_letters/", params={"stream": "everything"})
    with create_app().test_client(client=("192.0.2.7", 40000), headers=as_admin) as stranger:
        assert stranger.get("/api/v1/private/etl/dead_letters/").status_code == 403
    assert everything.status_code == 200, everything.text
    answer = everything.json()
    assert (answer["total"], answer["streams"]) == (1, {"installations": 0, "action_logs": 1, "oswl_stats": 0})
    [letter] = answer["items"]
    assert (letter["stream"], letter["document_id"], letter["kind"], letter["source_id"], letter["attempts"]) == (
        "action_logs", f"{TOO_LONG_AN_ID}:1", "action_logs", 2, 1)
    assert "action_request_validation_exception" in letter["reason"] and letter["first_seen"] == letter["last_seen"]
    assert (none["total"], none["items"]) == (0, [])
    assert (unknown.status_code, unknown.json()["path"]) == (400, "query.stream")


def test_a_parked_document_leaves_when_a_later_version_is_accepted(engine, es, prefix, etl: Etl):
    structure = installation_structure()
    structure["clusters"][0]["installed_plugins"] = [{"name": {"not": "a name"}, "version": "1.0.0"}]
    ingest.record_installation_structure(engine, None, structure, FilteringRules())
    etl.run_once(["installations"])
    [parked] = dead_letters(engine)
    assert (parked["stream"], parked["document_id"], parked["kind"]) == ("installations", f"{MASTER}:1", "clusters")
    assert count(es, prefix, "installations") == 1, "the installation's own document went in"

    structure["clusters"][0]["installed_plugins"] = [{"name": "contrail", "version": "1.0.0"}]
    ingest.record_installation_structure(engine, None, structure, FilteringRules())
    etl.run_once(["installations"])
    assert dead_letters(engine) == []
    assert document(es, prefix, "clusters", f"{MASTER}:1")["plugins"][0]["name"] == "contrail"


def test_bulk_bodies_stay_under_their_size(engine, es, prefix, etl: Etl, monkeypatch):
    monkeypatch.setattr(search, "MAX_BULK_BYTES", 4000)
    ingest.record_action_logs(engine, None, [http_request_log(n, additional_info={"text": "x" * 1500})
                                             for n in range(10)])
    assert etl.run_once(["action_logs"]) == {"action_logs": 10}
    assert count(es, prefix, "action_logs") == 10

    actions = [search.index_action((str(n), {"text": "x" * 1500}), "any") for n in range(10)]
    bodies = list(search.bulk_bodies(actions))
    assert len(bodies) == 5 and all(len(body) <= 4000 for _, body in bodies)
    assert [action for held, _ in bodies for action in held] == actions
    alone = [search.index_action(("big", {"text": "x" * 9000}), "any")]
    assert [held for held, _ in search.bulk_bodies(alone)] == [alone]  # larger alone: it goes alone
