"""Transforms produce exactly the fields their Document classes map."""

from __future__ import annotations

import datetime as dt

import pytest

from fuelstats.etl import documents, transform
from tests.collector.payloads import http_request_log, installation_structure, nailgun_task_log, oswl_record

NOW = dt.datetime(2026, 11, 25, tzinfo=dt.UTC)


def log_row(log: dict) -> dict:
    """An action log as the action_logs stream reads it."""
    return {**log, "received_at": NOW, "release": "9.0", "is_filtered": False, "installation_created": NOW,
            "failures_before": None, "first_success": None}


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
    _, log = transform.action_log_document(log_row(http_request_log(1)))
    assert set(log) == mapped_fields(documents.ActionLog)
    row = {**oswl_record(1), "external_id": 1, "created_date": dt.date(2026, 11, 20),
           "updated_time": dt.time(14, 43, 48), "received_at": NOW}
    assert set(transform.oswl_document(row)[1]) == mapped_fields(documents.OswlStat)


@pytest.mark.parametrize(("value", "expected"), [
    ("2026-11-20T10:00:00.000000", dt.datetime(2026, 11, 20, 10, tzinfo=dt.UTC)),
    ("2026-11-20T10:00:00+02:00", dt.datetime(2026, 11, 20, 8, tzinfo=dt.UTC)),
    ("", None), ("1", None), (None, None), (5, None),
])
def test_fuel_timestamps(value, expected):
    assert transform.parse_time(value) == expected


def test_deployment_duration_and_result():
    _, task = transform.action_log_document(log_row(nailgun_task_log(1)))
    assert task["duration_seconds"] == 2550.0 and task["result"] == "ready"
    _, request = transform.action_log_document(log_row(http_request_log(2)))
    assert request["duration_seconds"] == 1.25 and request["result"] == "201"


@pytest.mark.parametrize(("network", "provider", "expected"), [
    ({"net_manager": "FlatDHCPManager"}, None, "nova-network"),
    ({"segmentation_type": "vlan"}, "neutron", "neutron-vlan"),
    ({"segmentation_type": "gre"}, "neutron", "neutron-gre"),
    ({"segmentation_type": "tun"}, "neutron", "neutron-tun"),
    ({"net_l23_provider": "nsx"}, "neutron", "neutron-nsx"),
    ({}, None, None),
])
def test_network_types(network, provider, expected):
    cluster = {**installation_structure("m")["clusters"][0], "network_configuration": network}
    if provider:
        cluster["net_provider"] = provider
    _, source = transform.cluster_document("m", cluster, release="9.0", is_filtered=False, installation_created=NOW)
    assert source["network_type"] == expected


def test_a_health_check_run_carries_its_tests_and_leaves_out_malformed_ones():
    log = http_request_log(1)
    log["body"].update(action_group="health_check", additional_info={"tests": [
        {"name": "create_volume", "status": "FAILURE"}, {"name": "check_dns", "status": "skipped"},
        {"name": "no_status"}, "not a test", {"name": 7, "status": "success"}]})
    _, document = transform.action_log_document(log_row(log))
    assert document["health_checks"] == [
        {"name": "create_volume", "status": "failure", "ran": True, "failed": True},
        {"name": "check_dns", "status": "skipped", "ran": False, "failed": False}]
    _, other = transform.action_log_document(log_row(http_request_log(2)))
    assert other["health_checks"] is None
