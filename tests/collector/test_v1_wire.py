"""Requests exactly as deployed Fuel masters send them (shapes of the v1 protocol) keep working."""

from __future__ import annotations

V1_ACTION_LOGS = {"action_logs": [
    {"master_node_uid": "x", "external_id": 0,
     "body": {"id": 0, "actor_id": "", "action_group": "", "action_name": "",
              "action_type": "http_request", "start_timestamp": "", "end_timestamp": "",
              "additional_info": {"request_data": {}, "response_data": {}},
              "is_sent": False, "cluster_id": 5, "task_uuid": None}},
    {"master_node_uid": "x", "external_id": 3,
     "body": {"id": 3, "actor_id": "", "action_group": "cluster_changes", "action_name": "deployment",
              "action_type": "nailgun_task", "start_timestamp": "1", "end_timestamp": None,
              "additional_info": {"parent_task_id": 3, "subtasks_ids": [], "operation": "deployment"},
              "is_sent": False, "cluster_id": 5}},
    {"master_node_uid": "x", "external_id": 7,
     "body": {"id": 7, "actor_id": "", "action_group": "", "action_name": "", "action_type": "nailgun_task",
              "start_timestamp": "1", "end_timestamp": "2",
              "additional_info": {"parent_task_id": 0, "subtasks_ids": [], "operation": "",
                                  "nodes_from_resp": [], "ended_with_status": ""},
              "is_sent": False, "cluster_id": 5, "task_uuid": None}},
]}

V1_INSTALLATION_STRUCTURE = {"installation_structure": {
    "master_node_uid": "x",
    "fuel_release": {"release": "r", "ostf_sha": "o_sha", "astute_sha": "a_sha", "nailgun_sha": "n_sha",
                     "fuellib_sha": "fl_sha", "feature_groups": ["experimental"], "api": "v1"},
    "allocated_nodes_num": 4, "unallocated_nodes_num": 4, "clusters_num": 2,
    "clusters": [
        {"id": 29, "mode": "ha_full",
         "release": {"version": "2014.2-6.0", "name": "Juno on CentOS 6.5", "os": "CentOS"},
         "nodes_num": 3,
         "nodes": [{"id": 33, "roles": ["a", "b", "c"], "status": "s"},
                   {"id": 34, "roles": ["b", "c"], "status": "s"},
                   {"id": 35, "roles": ["c"], "status": "s"}],
         "status": "new", "attributes": {},
         "network_configuration": {"segmentation_type": "vlan", "net_l23_provider": "ovs"}},
        {"id": 32, "mode": "ha_compact",
         "release": {"version": "2014.2-6.0", "name": "Juno on CentOS 6.5", "os": "CentOS"},
         "nodes_num": 1, "nodes": [{"id": 42, "roles": ["s"], "status": "s"}],
         "status": "operational", "attributes": {}}]}}

V1_INSTALLATION_STRUCTURE_8_0 = {"installation_structure": {
    "master_node_uid": "y",
    "fuel_release": {"release": "r", "feature_groups": ["experimental"], "api": "v1"},
    "fuel_packages": ["nailgun-8.0.0-1234"],
    "allocated_nodes_num": 4, "unallocated_nodes_num": 4, "clusters_num": 2, "clusters": []}}

V1_OSWL_STATS = {"oswl_stats": [
    {"master_node_uid": "x", "cluster_id": 1, "id": 3, "resource_type": "vm",
     "resource_checksum": "xx", "created_date": "2015-12-16", "updated_time": "14:43:48.123456",
     "resource_data": {"added": [{"id": 1, "time": 343434343}],
                       "current": [{"id": "xxx", "status": "down"}],
                       "removed": [], "modified": []},
     "version_info": {"fuel_version": "7.0", "openstack_version": None}},
]}

# What statsenderd puts on every POST.
HEADERS = {"content-type": "application/json", "master-node-uid": "x"}


def test_ping(client):
    response = client.get("/api/v1/ping/")
    assert (response.status_code, response.json()) == (200, {"status": "ok"})


def test_action_logs(client, engine):
    response = client.post("/api/v1/action_logs/", json=V1_ACTION_LOGS, headers=HEADERS)
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert {(e["external_id"], e["status"]) for e in response.json()["action_logs"]} == {
        (0, "added"), (3, "skipped"), (7, "added")}


def test_installation_structure_of_6_x_and_8_0(client, engine):
    assert client.post("/api/v1/installation_structure/", json=V1_INSTALLATION_STRUCTURE,
                       headers=HEADERS).status_code == 201
    assert client.post("/api/v1/installation_structure/", json=V1_INSTALLATION_STRUCTURE,
                       headers=HEADERS).status_code == 200
    assert client.post("/api/v1/installation_structure/", json=V1_INSTALLATION_STRUCTURE_8_0,
                       headers={**HEADERS, "master-node-uid": "y"}).status_code == 201


def test_oswl_stats(client, engine):
    response = client.post("/api/v1/oswl_stats/", json=V1_OSWL_STATS, headers=HEADERS)
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "oswl_stats": [{"master_node_uid": "x", "id": 3, "status": "added"}]}


def test_what_v1_refused_is_refused(client, engine):
    bad = [
        ("/api/v1/action_logs/", {"action_logs": [{"master_node_uid": "x", "external_id": None}]}),
        ("/api/v1/installation_structure/", {"installation_structure": {"master_node_uid": "x"}}),
        ("/api/v1/installation_structure/", {"installation_structure": None}),
        ("/api/v1/installation_structure/", {}),
    ]
    for url, body in bad:
        response = client.post(url, json=body, headers=HEADERS)
        assert response.status_code == 400, (url, body)
        assert response.json()["status"] == "error"


def test_other_methods_are_405_with_the_error_shape(client):
    for method in ("get", "put", "patch", "delete"):
        response = client.request(method.upper(), "/api/v1/action_logs/")
        assert response.status_code == 405
        assert response.json()["status"] == "error"
