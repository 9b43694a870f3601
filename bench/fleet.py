"""Payloads shaped like what the Fuel fleet sends, generated from a seed: the same bytes on every run.

The shapes follow fuel-web's statsenderd and Nailgun's action logs and installation info
(`nailgun/statistics/fuel_statistics/installation_info.py`): nullable fields are mostly null
(``actor_id`` of a task, ``task_uuid`` of a request, a node's ``platform_name``), ``additional_info``
nests the request and response of an API call or a task's subtasks and nodes, one log in three is
a finished ``nailgun_task``, and an installation structure carries every node's hardware ``meta``
(CPUs, memory, disks, interfaces with their offloading modes): about 760 bytes per log and 50 KB
per structure, as sent (``json.dumps`` with its default separators, as statsenderd sends them).
"""

from __future__ import annotations

import random
import uuid
from typing import Any

MASTERS = 100
URLS = ("/api/clusters/{c}/changes", "/api/nodes/", "/api/clusters/{c}/network_configuration/neutron/",
        "/api/clusters/{c}/attributes/", "/api/nodes/interfaces/", "/api/clusters/{c}/orchestrator/deployment/",
        "/api/releases/", "/api/clusters/{c}/verify/networks/")
GROUPS = ("cluster_changes", "nodes_changes", "network_configuration", "cluster_attributes", "node_interfaces")
TASK_NAMES = ("deployment", "provision", "check_networks", "verify_networks", "update_dnsmasq", "check_before_deployment")


def master_uids(count: int = MASTERS, *, seed: int = 13) -> list[str]:
    rng = random.Random(seed)
    return [str(uuid.UUID(int=rng.getrandbits(128), version=4)) for _ in range(count)]


def _stamp(rng: random.Random, *, fraction: bool = True) -> str:
    day, second = rng.randrange(1, 28), rng.randrange(86_400)
    text = f"2026-10-{day:02d}T{second // 3600:02d}:{second // 60 % 60:02d}:{second % 60:02d}"
    return text + f".{rng.randrange(1_000_000):06d}" if fraction else text


def _http_request(rng: random.Random, external_id: int) -> dict[str, Any]:
    cluster = rng.choice([None, None, rng.randrange(1, 12)])
    url = rng.choice(URLS).format(c=cluster or 1)
    method = rng.choice(["PUT", "POST", "DELETE", "PUT"])
    nodes = [{"id": rng.randrange(1, 60), "pending_addition": rng.random() < 0.5,
              "pending_roles": rng.sample(["controller", "compute", "cinder", "ceph-osd", "mongo"], 2)}
             for _ in range(rng.randrange(1, 4))]
    return {
        "id": external_id,
        "actor_id": rng.choice([None, None, f"{rng.getrandbits(48):012x}"]),
        "action_group": rng.choice(GROUPS),
        "action_name": rng.choice(["nodes_collection", "cluster_instance", "network_configuration", "deploy_changes"]),
        "action_type": "http_request",
        "start_timestamp": _stamp(rng),
        "end_timestamp": _stamp(rng),
        "additional_info": {
            "request_data": {"http_method": method, "url": url, "data": {"nodes": nodes},
                             "queue": rng.choice([None, "default"])},
            "response_data": {"status": rng.choice(["200 OK", "202 Accepted", "400 Bad Request"]),
                              "data": {"id": rng.randrange(1, 10_000), "status": "pending", "message": None}},
        },
        "is_sent": False,
        "cluster_id": cluster,
        "task_uuid": None,
    }


def _nailgun_task(rng: random.Random, external_id: int) -> dict[str, Any]:
    name = rng.choice(TASK_NAMES)
    status = rng.choice(["ready", "ready", "ready", "error"])
    return {
        "id": external_id,
        "actor_id": None,
        "action_group": "cluster_changes",
        "action_name": name,
        "action_type": "nailgun_task",
        "start_timestamp": _stamp(rng, fraction=False),
        "end_timestamp": _stamp(rng, fraction=False),
        "additional_info": {
            "parent_task_id": rng.choice([None, rng.randrange(1, 500)]),
            "subtasks_ids": sorted(rng.sample(range(1, 900), rng.randrange(0, 5))),
            "operation": name,
            "nodes_from_resp": [{"uid": str(rng.randrange(1, 60)), "status": status, "progress": 100}
                                for _ in range(rng.randrange(1, 6))],
            "ended_with_status": status,
            "message": "" if status == "ready" else f"Deployment has failed. Check these nodes: node-{rng.randrange(60)}",
        },
        "is_sent": False,
        "cluster_id": rng.randrange(1, 12),
        "task_uuid": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
    }


def action_log(rng: random.Random, master: str, external_id: int) -> dict[str, Any]:
    """One log: a finished Nailgun task one time in three, an API request otherwise."""
    body = _nailgun_task(rng, external_id) if rng.random() < 1 / 3 else _http_request(rng, external_id)
    return {"master_node_uid": master, "external_id": external_id, "body": body}


def action_log_batches(rows: int, size: int, *, offset: int = 0, seed: int = 1,
                       masters: list[str] | None = None) -> list[list[dict[str, Any]]]:
    """Batches of ``size`` logs, each from one master node (100 of them, in turn), ids counting up."""
    rng = random.Random(seed)
    masters = masters or master_uids()
    batches = []
    for index, start in enumerate(range(0, rows, size)):
        master = masters[index % len(masters)]
        batches.append([action_log(rng, master, offset + start + i) for i in range(min(size, rows - start))])
    return batches


# --- installation structures ---------------------------------------------------------------------

def _interface(rng: random.Random, index: int) -> dict[str, Any]:
    offloading = [{"name": name, "state": rng.choice([None, True, False]),
                   "sub": [{"name": f"{name}-{sub}", "state": None, "sub": []} for sub in ("ipv4", "ipv6")]}
                  for name in ("rx-checksumming", "tx-checksumming", "scatter-gather", "generic-receive-offload")]
    return {
        "name": f"eth{index}", "state": rng.choice(["up", "down", None]), "driver": rng.choice(["igb", "ixgbe", "e1000"]),
        "bus_info": f"0000:0{index}:00.0", "max_speed": 10_000, "current_speed": rng.choice([1000, 10_000, None]),
        "pxe": index == 0, "offloading_modes": offloading,
        "interface_properties": {"mtu": None, "disable_offloading": False,
                                 "sriov": {"enabled": False, "available": False, "sriov_numvfs": None,
                                           "sriov_totalvfs": 0, "pci_id": "", "physnet": "physnet2"},
                                 "dpdk": {"enabled": False, "available": False}, "numa_node": None},
    }


def _node(rng: random.Random, node_id: int) -> dict[str, Any]:
    disks = [{"name": f"sd{letter}", "model": rng.choice(["ST1000NM0033", "INTEL SSDSC2BB48", "MZ7LM480"]),
              "disk": f"disk/by-path/pci-0000:00:1f.2-ata-{i + 1}", "size": rng.choice([480, 1000, 2000]) * 10**9,
              "removable": "0", "paths": f"disk/by-path/pci-0000:00:1f.2-ata-{i + 1}",
              "extra": [f"disk/by-id/wwn-0x{rng.getrandbits(64):016x}", f"disk/by-id/ata-{rng.getrandbits(40):010x}"]}
             for i, letter in enumerate("abcd"[:rng.randrange(2, 5)])]
    return {
        "id": node_id, "group_id": rng.choice([1, None]),
        "roles": rng.sample(["controller", "compute", "cinder", "ceph-osd", "mongo"], rng.randrange(1, 3)),
        "pending_roles": [], "os": "ubuntu", "status": rng.choice(["ready", "ready", "provisioned", "error"]),
        "error_type": None, "online": True, "pending_addition": False, "pending_deletion": False,
        "manufacturer": rng.choice(["Dell Inc.", "HP", "Supermicro", None]),
        "platform_name": rng.choice([None, None, "PowerEdge R630", "X9DRW"]),
        "meta": {
            "cpu": {"real": 2, "total": 24,
                    "spec": [{"model": "Intel(R) Xeon(R) CPU E5-2680 v3 @ 2.50GHz", "frequency": 2500}] * 4},
            "memory": {"total": 137438953472, "slots": 8, "maximum_capacity": 824633720832,
                       "devices": [{"frequency": 2133, "type": "DDR4", "size": 17179869184}] * 4},
            "disks": disks,
            "system": {"manufacturer": "Dell Inc.", "product": "PowerEdge R630", "version": None,
                       "family": "Not Specified", "uuid": str(uuid.UUID(int=rng.getrandbits(128), version=4))},
            "interfaces": [_interface(rng, i) for i in range(rng.randrange(2, 5))],
        },
        "nic_interfaces": [{"id": node_id * 10 + i} for i in range(3)],
        "bond_interfaces": [],
    }


def _cluster(rng: random.Random, cluster_id: int, first_node: int, nodes: int) -> dict[str, Any]:
    attributes = {name: rng.choice([True, False]) for name in (
        "debug_mode", "use_cow_images", "auto_assign_floating_ip", "puppet_debug", "corosync_verified",
        "assign_public_to_all_nodes", "volumes_lvm", "iser", "volumes_ceph", "images_ceph", "images_vcenter",
        "ephemeral_ceph", "objects_ceph", "mellanox", "sahara", "murano", "heat", "ceilometer", "mongo", "ironic",
        "workloads_collector_enabled", "public_ssl_horizon", "public_ssl_services")}
    attributes.update({"libvirt_type": rng.choice(["kvm", "qemu"]), "nova_quota": False, "syslog_transport": "tcp",
                       "provision_method": "image", "kernel_params": "console=tty0 net.ifnames=0 biosdevname=0",
                       "osd_pool_size": "3", "mellanox_vf_num": "16", "public_ssl_cert_source": "self_signed",
                       "external_mongo_replset": False, "external_ntp_list": True, "repos": True})
    return {
        "id": cluster_id, "nodes_num": nodes, "mode": "ha_compact",
        "release": {"os": "Ubuntu", "name": "Mitaka on Ubuntu 14.04", "version": "mitaka-9.0"},
        "nodes": [_node(rng, first_node + n) for n in range(nodes)],
        "node_groups": [{"id": 1, "nodes": list(range(first_node, first_node + nodes))}],
        "status": rng.choice(["operational", "new", "error"]),
        "attributes": attributes,
        "vmware_attributes": {"vmware_az_cinder_enable": None, "vmware_az_nova_computes_num": 0},
        "net_provider": "neutron", "fuel_version": "9.0", "is_customized": False,
        "network_configuration": {"segmentation_type": "vlan", "net_l23_provider": "ovs",
                                  "fixed_networks_vlan_start": None},
        "installed_plugins": [{"id": 1, "name": "contrail", "version": "4.0.0", "releases": [{"os": "ubuntu"}],
                               "fuel_version": ["9.0"], "package_version": "4.0.0"}] if rng.random() < 0.3 else [],
    }


def installation_structure(rng: random.Random, master: str) -> dict[str, Any]:
    """One master node's structure: two environments of four and five nodes, about 50 KB."""
    clusters = [_cluster(rng, 1, 1, 4), _cluster(rng, 2, 5, 5)]
    return {
        "master_node_uid": master,
        "fuel_release": {"release": "9.0", "api": "1", "build_id": "2016-08-01_00-00-00", "build_number": "570",
                         "feature_groups": ["mirantis"], "openstack_version": "mitaka-9.0"},
        "fuel_packages": ["fuel-nailgun-9.0.0-1.mos8731", "fuel-library9.0-9.0.0-1.mos8460", "fuelmenu-9.0.0-1.mos274"],
        "clusters": clusters, "clusters_num": len(clusters),
        "allocated_nodes_num": sum(c["nodes_num"] for c in clusters), "unallocated_nodes_num": rng.randrange(0, 3),
        "user_information": {"contact_info_provided": False},
    }


def installation_structures(count: int, *, seed: int = 2) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    return [installation_structure(rng, master) for master in master_uids(count, seed=seed + 1000)]
