"""A realistic master node: two environments, free nodes, a plugin, deployments, API requests, OSWL.

| env | release | OS | hypervisor | network | mode | nodes (roles, hardware) | plugin |
| --- | --- | --- | --- | --- | --- | --- | --- |
| 1 | Mitaka on Ubuntu 9.0 | Ubuntu | kvm | neutron vlan | ha_compact | controller (Dell R630); cinder+compute, compute (HP DL360) | contrail |
| 2 | Mitaka on CentOS 9.0 | CentOS | qemu | nova-network | multinode | controller+mongo (Supermicro X9) | |

Two nodes are not in any environment. Storage: env 1 volumes_lvm, env 2 images_ceph and
volumes_ceph. Components: env 1 sahara; env 2 ceilometer and mongo. Env 1's attributes hold a
password and a key that must never leave the master.

Deployments (nailgun_task): env 1 error after 5 min, error after 7 min, ready after 40 min;
env 2 ready after 15 min; env 2 a deployment still running (no end). Plus `http_requests` API
requests. OSWL: env 1 two vm, one volume record.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Engine, insert, text

from fuelstats_kit.models import ActionLog, Cluster, ClusterPlugin, Node, OswlStat, Plugin, Release

START = dt.datetime(2026, 11, 20, 10, 0, 0)


def _editable(hypervisor: str, **flags: tuple[str, bool]) -> dict[str, Any]:
    editable: dict[str, Any] = {
        "common": {"libvirt_type": {"value": hypervisor}, "debug": {"value": False}},
        "access": {"user": {"value": "admin"}, "password": {"value": "s3cret-admin-password"}},
        "storage": {}, "additional_components": {},
        "ssh": {"private_key": {"value": "-----BEGIN RSA PRIVATE KEY-----"}},
    }
    for name, (group, value) in flags.items():
        editable[group][name] = {"value": value}
    return editable


def deployment(log_id: int, cluster_id: int, status: str | None, minutes: int | None) -> dict[str, Any]:
    return {"id": log_id, "actor_id": None, "action_group": "cluster_changes", "action_name": "deployment",
            "action_type": "nailgun_task", "cluster_id": cluster_id, "task_uuid": f"task-{log_id}",
            "start_timestamp": START + dt.timedelta(hours=log_id),
            "end_timestamp": None if minutes is None else START + dt.timedelta(hours=log_id, minutes=minutes),
            "additional_info": {"operation": "deployment", "ended_with_status": status or "", "message": ""}}


def http_request(log_id: int) -> dict[str, Any]:
    return {"id": log_id, "actor_id": "admin", "action_group": "cluster_attributes", "action_name": "cluster_update",
            "action_type": "http_request", "cluster_id": 1, "task_uuid": None,
            "start_timestamp": START + dt.timedelta(minutes=log_id),
            "end_timestamp": START + dt.timedelta(minutes=log_id, seconds=1),
            "additional_info": {"request_data": {"name": f"env-{log_id}"}, "response_data": {}, "http_code": 200}}


DEPLOYMENTS = [deployment(1, 1, "error", 5), deployment(2, 1, "error", 7), deployment(3, 1, "ready", 40),
               deployment(4, 2, "ready", 15)]
RUNNING = deployment(5, 2, None, None)
HTTP_REQUESTS = [http_request(log_id) for log_id in range(6, 31)]  # 25 requests


def fill(engine: Engine) -> None:
    with engine.begin() as connection:
        connection.execute(insert(Release), [
            {"id": 1, "name": "Mitaka on Ubuntu 14.04", "version": "mitaka-9.0", "operating_system": "Ubuntu"},
            {"id": 2, "name": "Mitaka on CentOS 6.5", "version": "mitaka-9.0", "operating_system": "CentOS"},
        ])
        connection.execute(insert(Cluster), [
            {"id": 1, "name": "production", "mode": "ha_compact", "status": "operational", "release_id": 1,
             "net_provider": "neutron",
             "attributes": _editable("kvm", volumes_lvm=("storage", True), sahara=("additional_components", True),
                                     murano=("additional_components", False)),
             "network_configuration": {"segmentation_type": "vlan", "net_l23_provider": "ovs",
                                       "admin_password": "not-a-network-setting"}},
            {"id": 2, "name": "staging", "mode": "multinode", "status": "operational", "release_id": 2,
             "net_provider": "nova_network",
             "attributes": _editable("qemu", images_ceph=("storage", True), volumes_ceph=("storage", True),
                                     ceilometer=("additional_components", True),
                                     mongo=("additional_components", True)),
             "network_configuration": {"net_manager": "FlatDHCPManager", "fixed_networks_vlan_start": None}},
        ])
        hardware = {"cpu": {"total": 8, "real": 2}, "memory": {"total": 68719476736},
                    "disks": [{"size": 1000204886016, "serial": "S/N-1234"}]}
        connection.execute(insert(Node), [
            {"id": 1, "cluster_id": 1, "status": "ready", "roles": ["controller"], "os_platform": "ubuntu",
             "manufacturer": "Dell", "platform_name": "R630", "meta": hardware},
            {"id": 2, "cluster_id": 1, "status": "ready", "roles": ["compute", "cinder"], "os_platform": "ubuntu",
             "manufacturer": "HP", "platform_name": "DL360", "meta": hardware},
            {"id": 3, "cluster_id": 1, "status": "ready", "roles": ["compute"], "os_platform": "ubuntu",
             "manufacturer": "HP", "platform_name": "DL360", "meta": hardware},
            {"id": 4, "cluster_id": 2, "status": "ready", "roles": ["mongo", "controller"], "os_platform": "centos",
             "manufacturer": "Supermicro", "platform_name": "X9", "meta": hardware},
            {"id": 5, "cluster_id": None, "status": "discover", "roles": [], "os_platform": "ubuntu",
             "manufacturer": "Dell", "platform_name": "R630", "meta": {}},
            {"id": 6, "cluster_id": None, "status": "discover", "roles": [], "os_platform": "ubuntu",
             "manufacturer": "Dell", "platform_name": "R630", "meta": {}},
        ])
        connection.execute(insert(Plugin), [
            {"id": 1, "name": "contrail", "version": "1.0.0", "fuel_version": ["9.0"]},
            {"id": 2, "name": "ldap", "version": "2.0.0", "fuel_version": ["9.0"]},
        ])
        connection.execute(insert(ClusterPlugin), [
            {"cluster_id": 1, "plugin_id": 1, "enabled": True}, {"cluster_id": 2, "plugin_id": 2, "enabled": False},
        ])
        connection.execute(insert(ActionLog), [*DEPLOYMENTS, RUNNING, *HTTP_REQUESTS])
        connection.execute(insert(OswlStat), [
            oswl(1, "vm", [{"id": "vm-1", "status": "ACTIVE"}, {"id": "vm-2", "status": "SHUTOFF"}]),
            oswl(2, "volume", [{"id": "vol-1", "size": 10}]),
            oswl(3, "vm", [{"id": "vm-1", "status": "ACTIVE"}]),
        ])
        # Rows came with their ids: the sequences go past them, as after Nailgun's own inserts.
        for table in ("action_logs", "oswl_stats", "nodes", "clusters", "releases", "plugins"):
            connection.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), max(id)) FROM {table}"))


def oswl(record_id: int, resource_type: str, current: list[dict[str, Any]]) -> dict[str, Any]:
    return {"id": record_id, "cluster_id": 1, "created_date": dt.date(2026, 11, 20), "updated_time": dt.time(12, 0),
            "resource_type": resource_type, "resource_checksum": f"sum-{record_id}",
            "resource_data": {"added": [], "current": current, "removed": [], "modified": []},
            "version_info": {"fuel_version": "9.0", "release_version": "mitaka-9.0"}}


def add_http_requests(engine: Engine, ids: range) -> None:
    with engine.begin() as connection:
        connection.execute(insert(ActionLog), [http_request(log_id) for log_id in ids])
