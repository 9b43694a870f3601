"""Request bodies shaped as Fuel masters send them (fuel-web's statsenderd)."""

from __future__ import annotations

from typing import Any

MASTER = "7c4c5b2b-52a6-4a8b-9fa1-1f2c1d6b1a11"


def http_request_log(external_id: int, master: str = MASTER, **body: Any) -> dict[str, Any]:
    return {
        "master_node_uid": master,
        "external_id": external_id,
        "body": {
            "id": external_id,
            "actor_id": "a1b2",
            "action_group": "cluster_changes",
            "action_name": "cluster_collection",
            "action_type": "http_request",
            "start_timestamp": "2026-11-20T10:00:00.000000",
            "end_timestamp": "2026-11-20T10:00:01.250000",
            "additional_info": {
                "request_data": {"name": "env1", "release": 2},
                "response_data": {"id": 1},
                "response_code": 201,
            },
            "is_sent": False,
            "cluster_id": None,
            "task_uuid": None,
            **body,
        },
    }


def nailgun_task_log(external_id: int, master: str = MASTER, *, ended: bool = True, **body: Any) -> dict[str, Any]:
    return {
        "master_node_uid": master,
        "external_id": external_id,
        "body": {
            "id": external_id,
            "actor_id": None,
            "action_group": "cluster_changes",
            "action_name": "deployment",
            "action_type": "nailgun_task",
            "start_timestamp": "2026-11-20T10:00:00",
            "end_timestamp": "2026-11-20T10:42:30" if ended else None,
            "additional_info": {"parent_task_id": None, "subtasks_ids": [], "operation": "deployment",
                                "nodes_from_resp": [1, 2], "ended_with_status": "ready", "message": ""},
            "is_sent": False,
            "cluster_id": 1,
            "task_uuid": "3d0b8f5e-7f3c-4e5f-9d1c-cc5b8a9d2e10",
            **body,
        },
    }


def installation_structure(master: str = MASTER, *, release: str = "9.0", build_id: str = "2016-06-01_00-00-01",
                           **fields: Any) -> dict[str, Any]:
    return {
        "master_node_uid": master,
        "fuel_release": {"release": release, "build_id": build_id, "api": "1", "feature_groups": ["mirantis"]},
        "fuel_packages": ["fuel-nailgun-9.0.0-1.mos8", "fuel-library9.0-9.0.0-1.mos8"],
        "clusters_num": 1,
        "allocated_nodes_num": 2,
        "unallocated_nodes_num": 0,
        "user_information": {"contact_info_provided": False},
        "clusters": [
            {
                "id": 1,
                "mode": "ha_compact",
                "status": "operational",
                "nodes_num": 2,
                "release": {"version": "mitaka-9.0", "os": "Ubuntu", "name": "Mitaka on Ubuntu 14.04"},
                "attributes": {"libvirt_type": "kvm", "murano": False, "sahara": True,
                               "access": {"password": {"type": "password", "value": "admin", "label": "Password"}}},
                "network_configuration": {"segmentation_type": "vlan", "net_provider": "neutron"},
                "installed_plugins": [],
                "nodes": [
                    {"id": 1, "roles": ["controller"], "status": "ready", "os": "Ubuntu", "manufacturer": "Dell"},
                    {"id": 2, "roles": ["compute", "cinder"], "status": "ready", "os": "Ubuntu", "manufacturer": "HP"},
                ],
            }
        ],
        **fields,
    }


def oswl_record(record_id: int, master: str = MASTER, *, resource_type: str = "vm", checksum: str = "c0ffee",
                **fields: Any) -> dict[str, Any]:
    return {
        "master_node_uid": master,
        "id": record_id,
        "cluster_id": 1,
        "created_date": "2026-11-20",
        "updated_time": "14:43:48.123456",
        "resource_type": resource_type,
        "resource_checksum": checksum,
        "resource_data": {
            "added": [{"id": "vm-1", "time": "10:00:00.000001"}],
            "current": [{"id": "vm-1", "status": "ACTIVE", "tenant_id": "t1", "host_id": "h1", "power_state": 1}],
            "removed": [],
            "modified": [],
        },
        "version_info": {"fuel_version": "9.0", "release_version": "mitaka-9.0"},
        **fields,
    }
