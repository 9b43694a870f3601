"""Transforms produce exactly the fields their Document classes map, with the values reports need.

Action logs are read as their stream reads them, from PostgreSQL: it picks out the fields of their
bodies (source.py).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from fuelstats.collector import ingest
from fuelstats.core.elastic import dumps
from fuelstats.etl import documents, source, transform
from tests.collector.payloads import http_request_log, installation_structure, nailgun_task_log, oswl_record

NOW = dt.datetime(2026, 11, 25, tzinfo=dt.UTC)


def action_log_sources(engine, *logs: dict[str, Any]) -> list[dict[str, Any]]:  # type: ignore[no-untyped-def]
    """The sources of these action logs' documents, as Elasticsearch receives them."""
    ingest.record_action_logs(engine, None, list(logs))
    with engine.connect() as connection, connection.begin():
        rows = list(source.rows_visible(connection, "action_logs", batch_size=10))
    # json, not orjson: integers beyond 64 bits stay integers.
    return [json.loads(dumps(transform.action_log_document(row)[1])) for row in rows]


def mapped_fields(document: type) -> set[str]:
    """The fields of a Document, but those filled by copy_to."""
    return set(document._doc_type.mapping.to_dict()["properties"]) - {documents.SEARCH_TEXT}


def test_every_field_is_mapped():
    installation, clusters = transform.installation_documents(
        "m", installation_structure("m"), release="9.0", is_filtered=False, creation_date=NOW, modification_date=NOW)
    assert set(installation[1]) == mapped_fields(documents.Installation)
    assert set(clusters[0][1]) == mapped_fields(documents.Cluster)
    node_fields = set(documents.Node._doc_type.mapping.to_dict()["properties"])
    assert all(set(node) == node_fields for node in clusters[0][1]["nodes"])
    row = {**oswl_record(1), "external_id": 1, "created_date": dt.date(2026, 11, 20),
           "updated_time": dt.time(14, 43, 48), "received_at": NOW}
    assert set(transform.oswl_document(row)[1]) == mapped_fields(documents.OswlStat)


def test_an_installation_counts_all_its_nodes_and_carries_its_environments_values():
    structure = installation_structure("m", unallocated_nodes_num=3)
    structure["clusters"][0]["installed_plugins"] = [{"name": "contrail", "version": "4.0"}, {"name": 7}]
    structure["clusters"][0]["attributes"].update(volumes_ceph={"value": True}, images_ceph=True)
    installation, [(_, cluster)] = transform.installation_documents(
        "m", structure, release="9.0", is_filtered=False, creation_date=NOW, modification_date=NOW)
    source = installation[1]
    assert (source["nodes_num"], source["unallocated_nodes_num"], source["all_nodes_num"]) == (2, 3, 5)
    assert cluster["plugin_names"] == source["plugins"] == ["contrail"]
    assert source["storage"] == ["images_ceph", "volumes_ceph"] and source["modes"] == ["ha_compact"]
    assert source["release_versions"] == ["mitaka-9.0"] and source["network_types"] == ["neutron-vlan"]
    without = transform.installation_documents(
        "m", installation_structure("m", unallocated_nodes_num=None), release="9.0", is_filtered=False,
        creation_date=NOW, modification_date=NOW)[0][1]
    assert without["all_nodes_num"] is None, "unknown, not the allocated ones alone"


@pytest.mark.parametrize(("value", "expected"), [
    ("2026-11-20T10:00:00.000000", dt.datetime(2026, 11, 20, 10, tzinfo=dt.UTC)),
    ("2026-11-20T10:00:00+02:00", dt.datetime(2026, 11, 20, 8, tzinfo=dt.UTC)),
    ("2026-11-20T10:00:00Z", dt.datetime(2026, 11, 20, 10, tzinfo=dt.UTC)),
    ("2026-11-20", dt.datetime(2026, 11, 20, tzinfo=dt.UTC)),
    ("", None), ("1", None), (None, None), (5, None),
])
def test_fuel_timestamps(value, expected):
    assert transform.parse_time(value) == expected


def test_every_field_of_an_action_log_is_mapped(engine):
    [log] = action_log_sources(engine, http_request_log(1))
    assert set(log) == mapped_fields(documents.ActionLog)


def test_deployment_duration_and_result(engine):
    task, request = action_log_sources(engine, nailgun_task_log(1), http_request_log(2))
    assert task["duration_seconds"] == 2550.0 and task["result"] == "ready"
    assert task["start_timestamp"] == "2026-11-20T10:00:00+00:00"
    assert request["duration_seconds"] == 1.25 and request["result"] == "201"


def test_a_requests_result_is_read_under_each_name_masters_use(engine):
    nailgun = {"response_data": {"status": "409 Conflict"}}
    kit = {"result_code": 409, "http_method": "PUT"}
    assert [log["result"] for log in action_log_sources(
        engine, http_request_log(1, additional_info=nailgun), http_request_log(2, additional_info=kit))] == [
        "409 Conflict", "409"]


def test_the_body_of_an_action_log_goes_into_its_document_as_sent(engine):
    info = {"response_data": {"status": "202 Accepted", "huge": 2**70}, "message": "done \u2713"}
    sent, malformed = action_log_sources(
        engine, http_request_log(1, additional_info=info, cluster_id=7),
        http_request_log(2, additional_info=["not", "an", "object"], cluster_id=2**70, start_timestamp="1"))
    assert sent["additional_info"] == info and sent["message"] == "done \u2713"
    assert sent["result"] == "202 Accepted" and sent["cluster_id"] == 7
    assert sent["received_at"] and sent["is_filtered"] is False and sent["health_checks"] is None
    assert malformed["additional_info"] is None and malformed["message"] is None and malformed["result"] is None
    assert malformed["cluster_id"] is None, "beyond a long"
    assert malformed["start_timestamp"] is None and malformed["duration_seconds"] is None


@pytest.mark.parametrize(("network", "provider", "expected"), [
    ({"net_manager": "FlatDHCPManager"}, None, "nova_network"),
    ({}, "nova_network", "nova_network"),
    ({"segmentation_type": "vlan"}, "neutron", "neutron-vlan"),
    ({"segmentation_type": "gre"}, "neutron", "neutron-gre"),
    ({"segmentation_type": "tun"}, "neutron", "neutron-tun"),
    ({"net_l23_provider": "nsx", "segmentation_type": "gre"}, "neutron", "neutron-nsx"),
    ({}, "neutron", "neutron"),
    ({}, None, None),
])
def test_network_types(network, provider, expected):
    cluster = {**installation_structure("m")["clusters"][0], "network_configuration": network}
    if provider:
        cluster["net_provider"] = provider
    _, source = transform.cluster_document("m", cluster, release="9.0", is_filtered=False, installation_created=NOW)
    assert source["network_type"] == expected


def test_a_health_check_run_carries_its_tests_and_leaves_out_malformed_ones(engine):
    log = http_request_log(1)
    log["body"].update(action_group="health_check", additional_info={"tests": [
        {"name": "create_volume", "status": "FAILURE"}, {"name": "check_dns", "status": "skipped"},
        {"name": "no_status"}, "not a test", {"name": 7, "status": "success"}]})
    document, other = action_log_sources(engine, log, http_request_log(2))
    assert document["health_checks"] == [
        {"name": "create_volume", "status": "failure", "ran": True, "failed": True},
        {"name": "check_dns", "status": "skipped", "ran": False, "failed": False}]
    assert other["health_checks"] is None
