"""The ETL against a real PostgreSQL and a real Elasticsearch node."""

from __future__ import annotations

import copy
import threading

import pytest
from elastic_transport import ConnectionError as ElasticConnectionError
from prometheus_client import REGISTRY
from sqlalchemy import text

from fuelstats.collector import ingest
from fuelstats.collector.filtering import FilteringRules
from fuelstats.etl import search, source
from fuelstats.etl.pipeline import STREAMS, DocumentsRejected, Etl, StreamBusy
from tests.collector.payloads import MASTER, http_request_log, installation_structure, nailgun_task_log, oswl_record

RULES = FilteringRules.model_validate({"releases": {"10.0-dev": {"accept": "none"}}})


def fill(engine, masters: int = 3, logs: int = 20) -> None:  # type: ignore[no-untyped-def]
    for n in range(masters):
        uid = f"master-{n}"
        ingest.record_installation_structure(engine, None, installation_structure(uid), RULES)
        ingest.record_action_logs(engine, None, [http_request_log(i, master=uid) for i in range(logs)])
        ingest.record_oswl_stats(engine, None, [oswl_record(1, master=uid), oswl_record(1, master=uid,
                                                                                       resource_type="volume")])


def count(es, prefix: str, kind: str, **term: str) -> int:  # type: ignore[no-untyped-def]
    es.indices.refresh(index=search.alias(prefix, kind))
    query = {"term": term} if term else {"match_all": {}}
    return int(es.count(index=search.alias(prefix, kind), query=query)["count"])


def document(es, prefix: str, kind: str, document_id: str) -> dict:  # type: ignore[no-untyped-def]
    return dict(es.get(index=search.alias(prefix, kind), id=document_id)["_source"])


def test_counts_and_contents_match_after_a_run(engine, es, prefix, etl: Etl):
    fill(engine)
    ingest.record_action_logs(engine, None, [nailgun_task_log(500, master="master-0")])
    ingest.record_installation_structure(engine, None, installation_structure("dev", release="10.0-dev"), RULES)

    carried = etl.run_once()

    assert carried == {"installations": 4, "action_logs": 61, "oswl_stats": 6}
    assert count(es, prefix, "installations") == 4
    assert count(es, prefix, "clusters") == 4
    assert count(es, prefix, "action_logs") == 61
    assert count(es, prefix, "oswl_stats") == 6
    assert count(es, prefix, "installations", is_filtered="true") == 1

    cluster = document(es, prefix, "clusters", "master-0:1")
    assert cluster["release"] == "9.0" and cluster["is_filtered"] is False
    assert cluster["hypervisor"] == "kvm" and cluster["network_type"] == "neutron-vlan"
    assert cluster["components"] == ["sahara"]
    assert [n["roles_combination"] for n in cluster["nodes"]] == ["controller", "cinder+compute"]
    assert cluster["attributes"]["access"]["password"] == "<sanitized>"

    task = document(es, prefix, "action_logs", "master-0:500")
    assert task["duration_seconds"] == 42 * 60 + 30
    assert task["result"] == "ready" and task["action_name"] == "deployment"

    oswl = document(es, prefix, "oswl_stats", "master-1:1:volume")
    assert oswl["current_count"] == 1 and oswl["added_count"] == 1 and oswl["fuel_version"] == "9.0"


def test_a_rerun_indexes_nothing_and_new_rows_are_picked_up(engine, es, prefix, etl: Etl):
    fill(engine, masters=1, logs=5)
    etl.run_once()
    assert etl.run_once() == {"installations": 0, "action_logs": 0, "oswl_stats": 0}

    ingest.record_action_logs(engine, None, [http_request_log(i, master="master-0") for i in range(5, 8)])
    assert etl.run_once() == {"installations": 0, "action_logs": 3, "oswl_stats": 0}
    assert count(es, prefix, "action_logs") == 8


def test_an_updated_installation_replaces_its_documents(engine, es, prefix, etl: Etl):
    structure = installation_structure(MASTER)
    second = copy.deepcopy(structure["clusters"][0])
    second["id"] = 2
    structure["clusters"].append(second)
    ingest.record_installation_structure(engine, None, structure, RULES)
    etl.run_once()
    assert count(es, prefix, "clusters") == 2

    structure["clusters"] = [structure["clusters"][0]]
    structure["clusters"][0]["status"] = "error"
    structure["fuel_release"]["release"] = "10.0-dev"
    ingest.record_installation_structure(engine, None, structure, RULES)
    assert etl.run_once()["installations"] == 1

    assert count(es, prefix, "clusters") == 1
    cluster = document(es, prefix, "clusters", f"{MASTER}:1")
    assert cluster["status"] == "error" and cluster["is_filtered"] is True
    assert document(es, prefix, "installations", MASTER)["release"] == "10.0-dev"


def test_a_transaction_that_commits_late_is_not_missed(engine, es, prefix, etl: Etl):
    # The late transaction takes its id and xact_id first, then commits after a later one:
    # a "highest id seen" mark would skip it for good.
    late = engine.connect()
    late_transaction = late.begin()
    ingest_late = [http_request_log(1)]
    from fuelstats.collector import storage

    storage.ensure_current_partitions(late)
    storage.insert_action_logs(late, [storage.ActionLogRow(MASTER, 1, "http_request", "x", ingest_late[0]["body"])])

    ingest.record_action_logs(engine, None, [http_request_log(2)])
    assert etl.run_once()["action_logs"] == 1

    late_transaction.commit()
    late.close()
    assert etl.run_once()["action_logs"] == 1
    assert count(es, prefix, "action_logs") == 2
    with engine.connect() as connection:
        ids = connection.execute(text("SELECT external_id FROM action_logs ORDER BY id")).scalars().all()
    assert ids == [1, 2], "the late row has the lower id"


def test_reindex_builds_a_new_version_and_swaps_the_alias(engine, es, prefix, etl: Etl):
    fill(engine, masters=2, logs=10)
    etl.run_once()
    before = search.indices_behind(es, search.alias(prefix, "clusters"))

    built = etl.reindex("installations")

    after = search.indices_behind(es, search.alias(prefix, "clusters"))
    assert after == [built["clusters"]] and after != before
    assert not es.indices.exists(index=before[0]), "the old version is gone"
    assert count(es, prefix, "clusters") == 2 and count(es, prefix, "installations") == 2
    # The checkpoint moved to the rebuild's snapshot: nothing is carried twice.
    assert etl.run_once()["installations"] == 0


def test_an_existing_index_gets_the_fields_a_newer_version_added(es, prefix):
    name = search.alias(prefix, "action_logs")
    es.indices.create(index=f"{name}-v1", aliases={name: {}},
                      mappings={"properties": {"master_node_uid": {"type": "keyword"}}})

    search.ensure_indices(es, prefix)

    mapping = es.indices.get_mapping(index=name)[f"{name}-v1"]["mappings"]["properties"]
    assert mapping["health_checks"]["type"] == "nested"
    assert search.indices_behind(es, name) == [f"{name}-v1"], "the existing version stays behind the alias"


def test_a_field_whose_type_changed_waits_for_a_reindex(engine, es, prefix, etl: Etl):
    name = search.alias(prefix, "action_logs")
    for index in search.indices_behind(es, name):
        es.indices.delete(index=index)
    es.indices.create(index=f"{name}-v1", aliases={name: {}}, mappings={"properties": {"result": {"type": "long"}}})

    etl.prepare()  # does not fail: the index keeps its mapping (a conflict refuses all of it) until the rebuild

    assert etl.reindex("action_logs")["action_logs"] != f"{name}-v1"
    mapping = es.indices.get_mapping(index=name)
    assert next(iter(mapping.values()))["mappings"]["properties"]["result"]["type"] == "keyword"


def test_installations_and_action_logs_are_never_carried_side_by_side(engine, etl: Etl):
    # Another process carrying installations (which re-carries action logs) holds both streams.
    with engine.connect() as other:
        assert source.lock_stream(other, "installations")
        with pytest.raises(StreamBusy):
            etl.run_pass(STREAMS["action_logs"])
        assert etl.run_pass(STREAMS["oswl_stats"]) == 0, "other streams go on"
        source.unlock_stream(other, "installations")
    assert etl.run_pass(STREAMS["action_logs"]) == 0


def test_elasticsearch_down_keeps_the_checkpoint(engine, es, prefix, etl: Etl):
    fill(engine, masters=1, logs=5)
    dead = Etl(primary=etl.primary, reader=etl.reader, es=search.connect("http://127.0.0.1:9"), prefix=prefix,
               batch_size=100)
    with pytest.raises(ElasticConnectionError):
        dead.run_once(["action_logs"], attempts=2)
    with engine.connect() as connection:
        checkpoint = source.load_checkpoint(connection, "action_logs")
    assert checkpoint.indexed == 0 and checkpoint.done_snapshot == source.NO_SNAPSHOT

    assert etl.run_once(["action_logs"])["action_logs"] == 5


def dead_letters(engine) -> list[dict]:  # type: ignore[no-untyped-def]
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT * FROM etl_dead_letters ORDER BY stream, document_id")).mappings()
        return [dict(row) for row in rows]


def parked_so_far(stream: str) -> float:
    """The follower's count of documents parked, in this process (fuelstats_etl_dead_letters_total)."""
    return REGISTRY.get_sample_value("fuelstats_etl_dead_letters_total", {"stream": stream}) or 0.0


def test_a_document_refused_for_good_is_parked_and_the_stream_goes_on(engine, es, prefix, etl: Etl):
    counted = parked_so_far("action_logs")
    ingest.record_action_logs(engine, None, [http_request_log(1), http_request_log(2)])
    # An index that accepts no document of ours, put behind the alias.
    strict = f"{prefix}-strict"  # outside the template's pattern: its mapping is all there is
    es.indices.create(index=strict, mappings={"dynamic": "strict", "properties": {"x": {"type": "keyword"}}})
    search.swap_alias(es, prefix, "action_logs", strict)

    assert etl.run_once(["action_logs"]) == {"action_logs": 2}

    parked = dead_letters(engine)
    assert [(d["stream"], d["document_id"], d["kind"], d["source_id"], d["attempts"]) for d in parked] == [
        ("action_logs", f"{MASTER}:1", "action_logs", 1, 1), ("action_logs", f"{MASTER}:2", "action_logs", 2, 1)]
    assert all("strict_dynamic_mapping_exception" in d["reason"] for d in parked)
    assert all(d["first_seen"] == d["last_seen"] for d in parked)
    assert parked_so_far("action_logs") - counted == 2
    with engine.connect() as connection:
        checkpoint = source.load_checkpoint(connection, "action_logs")
    assert checkpoint.pass_snapshot is None and checkpoint.done_snapshot != source.NO_SNAPSHOT
    assert {row["stream"]: row["dead_letters"] for row in etl.status()} == {
        "installations": 0, "action_logs": 2, "oswl_stats": 0}

    # A rebuild sends them again: into the proper mapping they go, and out of the dead letters.
    etl.reindex("action_logs")
    assert count(es, prefix, "action_logs") == 2
    assert dead_letters(engine) == []
    assert parked_so_far("action_logs") - counted == 2, "nothing parked again"


def test_a_document_refused_for_a_while_keeps_the_checkpoint(engine, es, prefix, etl: Etl):
    ingest.record_action_logs(engine, None, [http_request_log(1), http_request_log(2)])
    index = search.alias(prefix, "action_logs")
    es.indices.put_settings(index=index, settings={"index.blocks.write": True})
    try:
        with pytest.raises(DocumentsRejected) as refused:
            etl.run_once(["action_logs"], attempts=1)
    finally:
        es.indices.put_settings(index=index, settings={"index.blocks.write": None})
    assert f"{MASTER}:1" in str(refused.value)
    with engine.connect() as connection:
        checkpoint = source.load_checkpoint(connection, "action_logs")
    assert checkpoint.indexed == 0 and checkpoint.pass_after_id is None
    assert dead_letters(engine) == []
    assert etl.run_once(["action_logs"]) == {"action_logs": 2}


def test_documents_refused_as_busy_are_sent_again(engine, es, prefix, etl: Etl):
    ingest.record_action_logs(engine, None, [http_request_log(1), http_request_log(2)])
    index = search.alias(prefix, "action_logs")
    # The block a full disk puts on an index: Elasticsearch answers each item 429 until it is lifted.
    es.indices.put_settings(index=index, settings={"index.blocks.read_only_allow_delete": True})
    lift = threading.Timer(1.5, lambda: es.indices.put_settings(
        index=index, settings={"index.blocks.read_only_allow_delete": None}))
    lift.start()
    try:
        assert etl.run_once(["action_logs"], attempts=1) == {"action_logs": 2}
    finally:
        lift.join()
    assert count(es, prefix, "action_logs") == 2


def test_status_tells_what_is_pending(engine, es, prefix, etl: Etl):
    fill(engine, masters=1, logs=4)
    etl.run_once()
    ingest.record_action_logs(engine, None, [http_request_log(i, master="master-0") for i in range(4, 7)])

    report = {row["stream"]: row for row in etl.status()}

    assert report["action_logs"]["indexed"] == 4
    assert report["action_logs"]["pending"] == 3
    assert report["action_logs"]["behind_seconds"] >= 0
    assert report["installations"]["pending"] == 0


def test_values_elasticsearch_cannot_hold_do_not_stop_the_etl(engine, es, prefix, etl: Etl):
    structure = installation_structure(MASTER)
    node = structure["clusters"][0]["nodes"][0]
    node["id"] = 2**70  # beyond a long, and beyond what orjson encodes
    node["manufacturer"] = "x" * 40_000  # beyond what a keyword can index
    structure["clusters"][0]["attributes"]["huge"] = {"value": -(2**80)}
    ingest.record_installation_structure(engine, None, structure, RULES)
    log = http_request_log(1, start_timestamp="yesterday", end_timestamp="1", cluster_id=2**70,
                           additional_info={"response_data": {"size": 2**70}})

    ingest.record_action_logs(engine, None, [log])
    assert etl.run_once() == {"installations": 1, "action_logs": 1, "oswl_stats": 0}

    cluster = document(es, prefix, "clusters", f"{MASTER}:1")
    assert cluster["nodes"][0]["id"] == 2**70, "kept in the source, not indexed"
    logged = document(es, prefix, "action_logs", f"{MASTER}:1")
    assert logged["duration_seconds"] is None and logged["cluster_id"] is None
    assert logged["additional_info"] == {"response_data": {"size": 2**70}}


def test_postgresql_down_fails_the_pass_and_moves_nothing(engine, es, prefix, etl: Etl):
    from fuelstats.core.database import engine_for
    from tests.conftest import free_port

    fill(engine, masters=1, logs=3)
    unreachable = engine_for(f"postgresql://fuelstats@127.0.0.1:{free_port()}/nothing")
    cut_off = Etl(primary=etl.primary, reader=unreachable, es=es, prefix=prefix, batch_size=100)
    with pytest.raises(Exception, match="connect|Connection refused"):
        cut_off.run_once(["action_logs"], attempts=2)
    with engine.connect() as connection:
        checkpoint = source.load_checkpoint(connection, "action_logs")
    assert checkpoint.indexed == 0 and checkpoint.pass_snapshot is None
    assert etl.run_once(["action_logs"])["action_logs"] == 3


def deployment(external_id: int, status: str, cluster_id: int = 1, master: str = MASTER):  # type: ignore[no-untyped-def]
    log = nailgun_task_log(external_id, master=master, cluster_id=cluster_id)
    log["body"]["additional_info"]["ended_with_status"] = status
    return log


def test_action_logs_carry_their_installation_and_follow_its_changes(engine, es, prefix, etl: Etl):
    ingest.record_action_logs(engine, None, [http_request_log(1), http_request_log(2)])
    etl.run_once()
    assert document(es, prefix, "action_logs", f"{MASTER}:1")["release"] is None

    ingest.record_installation_structure(engine, None, installation_structure(MASTER, release="10.0-dev"), RULES)
    etl.run_once()
    log = document(es, prefix, "action_logs", f"{MASTER}:2")
    assert (log["release"], log["is_filtered"]) == ("10.0-dev", True)

    ingest.record_installation_structure(engine, None, installation_structure(MASTER, release="9.0"), RULES)
    etl.run_once()
    log = document(es, prefix, "action_logs", f"{MASTER}:2")
    assert (log["release"], log["is_filtered"]) == ("9.0", False)


def test_a_deployment_gets_its_environments_release_version_once_the_structure_names_it(engine, es, prefix,
                                                                                         etl: Etl):
    # The sender sends action logs before the installation structure: a new environment's
    # deployment is indexed before any structure names its environment.
    structure = installation_structure(MASTER)
    ingest.record_installation_structure(engine, None, structure, RULES)
    ingest.record_action_logs(engine, None, [nailgun_task_log(1), nailgun_task_log(2, cluster_id=2),
                                             http_request_log(3, cluster_id=1)])
    etl.run_once()
    versions = lambda: [document(es, prefix, "action_logs", f"{MASTER}:{n}")["release_version"]  # noqa: E731
                        for n in (1, 2, 3)]
    assert versions() == ["mitaka-9.0", None, None]

    second = {**copy.deepcopy(structure["clusters"][0]), "id": 2,
              "release": {"version": "2014.2-6.0", "os": "CentOS", "name": "Juno on CentOS 6.5"}}
    ingest.record_installation_structure(
        engine, None, installation_structure(MASTER, clusters=[structure["clusters"][0], second], clusters_num=2),
        RULES)
    etl.run_once()
    assert versions() == ["mitaka-9.0", "2014.2-6.0", None], "only deployments and health checks carry it"
    installation = document(es, prefix, "installations", MASTER)
    assert installation["release_versions"] == ["2014.2-6.0", "mitaka-9.0"]
    assert installation["operating_systems"] == ["CentOS", "Ubuntu"]
    assert (installation["hypervisors"], installation["network_types"], installation["components"]) == (
        ["kvm"], ["neutron-vlan"], ["sahara"])


def test_failed_deployments_before_each_success(engine, es, prefix, etl: Etl):
    ingest.record_action_logs(engine, None, [
        deployment(10, "error"), deployment(11, "error"), deployment(12, "ready"),
        deployment(13, "error"), deployment(14, "ready"),
        deployment(20, "ready", cluster_id=2), deployment(21, "error", cluster_id=3),
    ])
    etl.run_once()

    def marks(external_id: int) -> tuple:
        log = document(es, prefix, "action_logs", f"{MASTER}:{external_id}")
        return log["failures_before"], log["first_success"]

    assert marks(12) == (2, True)
    assert marks(14) == (1, False)
    assert marks(20) == (0, True)
    assert marks(11) == (None, None) and marks(21) == (None, None)


def test_once_leaves_nothing_pending_that_was_there_when_it_began(engine, es, prefix, etl: Etl):
    ingest.record_action_logs(engine, None, [http_request_log(i) for i in range(5)])
    # A pass that took its snapshot and was interrupted before carrying anything...
    with engine.connect() as connection:
        source.load_checkpoint(connection, "action_logs")
        source.begin_pass(connection, "action_logs", *source.primary_snapshot(connection))
        connection.commit()
    # ...and rows written after it.
    ingest.record_action_logs(engine, None, [http_request_log(i) for i in range(5, 10)])

    assert etl.run_once(["action_logs"]) == {"action_logs": 10}
    assert {row["stream"]: row["pending"] for row in etl.status()}["action_logs"] == 0
    assert count(es, prefix, "action_logs") == 10
