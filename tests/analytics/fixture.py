"""A small, known population of installations; test_reports.py works its numbers out by hand.

| master | release | filtered | environment | release version | OS | hypervisor | network | mode | nodes (roles, hardware) |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
| a | 9.0 | no | 1 | mitaka-9.0 | Ubuntu | kvm | neutron vlan | ha_compact | controller (Dell R630); cinder+compute, compute (HP DL360) |
| a | | | 2 | 2014.2-6.0 | CentOS | qemu | nova_network | multinode | controller+mongo (Supermicro X9) |
| b | 8.0 | no | 1 | liberty-8.0 | Ubuntu | vcenter | neutron gre | ha_compact | controller, compute (Dell R630) |
| c | 9.0 | no | (none) | | | | | | 3 unallocated nodes |
| e | (none reported) | no | (none) | | | | | | |
| dev | 10.0-dev | yes | 1 | mitaka-9.0 | Ubuntu | kvm | neutron vlan | ha_compact | controller (Dell R630) |

(a's master was upgraded to 9.0 and kept an environment of Fuel 6.0; e's master sent no fuel_release.)

Storage: a/1 volumes_lvm; a/2 images_ceph and volumes_ceph. Components: a/1 sahara; a/2 ceilometer and
mongo; b/1 murano. Plugins: contrail on a/1 and b/1.
"""

from __future__ import annotations

from typing import Any

from fuelstats.collector.filtering import FilteringRules

RULES = FilteringRules.model_validate({"releases": {"10.0-dev": {"accept": "none"}}})


def node(node_id: int, roles: list[str], manufacturer: str, product: str) -> dict[str, Any]:
    return {"id": node_id, "roles": roles, "status": "ready", "os": "ubuntu", "manufacturer": manufacturer,
            "platform_name": product}


CODENAMES = {"mitaka-9.0": "Mitaka", "liberty-8.0": "Liberty", "2014.2-6.0": "Juno"}


def cluster(cluster_id: int, *, os: str, hypervisor: str, network: dict[str, Any], provider: str, mode: str,
            nodes: list[dict[str, Any]], flags: tuple[str, ...] = (), plugins: tuple[str, ...] = (),
            version: str = "mitaka-9.0") -> dict[str, Any]:
    return {
        "id": cluster_id, "mode": mode, "status": "operational", "nodes_num": len(nodes), "nodes": nodes,
        "release": {"version": version, "os": os, "name": f"{CODENAMES[version]} on {os}"},
        "net_provider": provider, "network_configuration": network,
        "attributes": {"libvirt_type": hypervisor, **{flag: True for flag in flags}},
        "installed_plugins": [{"name": name, "version": "1.0.0", "fuel_version": ["9.0"]} for name in plugins],
    }


def structure(uid: str, release: str | None, clusters: list[dict[str, Any]], unallocated: int = 0
              ) -> dict[str, Any]:
    return {
        "master_node_uid": uid,
        **({"fuel_release": {"release": release, "api": "1", "feature_groups": ["mirantis"], "build_id": "ga"}}
           if release else {}),
        "clusters_num": len(clusters),
        "allocated_nodes_num": sum(c["nodes_num"] for c in clusters),
        "unallocated_nodes_num": unallocated,
        "clusters": clusters,
    }


VLAN = {"segmentation_type": "vlan", "net_l23_provider": "ovs"}
GRE = {"segmentation_type": "gre", "net_l23_provider": "ovs"}
NOVA = {"net_manager": "FlatDHCPManager", "fixed_networks_vlan_start": None}
RELEASE_VERSION = "2014.2-6.0"  # a/2's

INSTALLATIONS = [
    structure("a", "9.0", [
        cluster(1, os="Ubuntu", hypervisor="kvm", network=VLAN, provider="neutron", mode="ha_compact",
                nodes=[node(1, ["controller"], "Dell", "R630"), node(2, ["compute", "cinder"], "HP", "DL360"),
                       node(3, ["compute"], "HP", "DL360")],
                flags=("volumes_lvm", "sahara"), plugins=("contrail",)),
        cluster(2, os="CentOS", hypervisor="qemu", network=NOVA, provider="nova_network", mode="multinode",
                nodes=[node(4, ["mongo", "controller"], "Supermicro", "X9")],
                flags=("images_ceph", "volumes_ceph", "ceilometer", "mongo"), version=RELEASE_VERSION),
    ]),
    structure("b", "8.0", [
        cluster(1, os="Ubuntu", hypervisor="vcenter", network=GRE, provider="neutron", mode="ha_compact",
                nodes=[node(1, ["controller"], "Dell", "R630"), node(2, ["compute"], "Dell", "R630")],
                flags=("murano",), plugins=("contrail",), version="liberty-8.0"),
    ]),
    structure("c", "9.0", [], unallocated=3),
    structure("e", None, []),
    structure("dev", "10.0-dev", [
        cluster(1, os="Ubuntu", hypervisor="kvm", network=VLAN, provider="neutron", mode="ha_compact",
                nodes=[node(1, ["controller"], "Dell", "R630")]),
    ]),
]


def deployment(master: str, external_id: int, cluster_id: int, status: str, minutes: int) -> dict[str, Any]:
    """A deployment task's action log: ended with ``status`` after ``minutes``."""
    return {
        "master_node_uid": master,
        "external_id": external_id,
        "body": {
            "id": external_id, "actor_id": None, "action_group": "cluster_changes", "action_name": "deployment",
            "action_type": "nailgun_task", "cluster_id": cluster_id, "task_uuid": f"task-{external_id}",
            "start_timestamp": "2026-11-20T10:00:00",
            "end_timestamp": f"2026-11-20T{10 + minutes // 60:02d}:{minutes % 60:02d}:00",
            "additional_info": {"operation": "deployment", "ended_with_status": status, "message": ""},
            "is_sent": False,
        },
    }


# Deployments, in the order they ran:
#   a/1: error, error, ready after 40 min     a/2: ready after 15 min
#   b/1: error, ready after 70 min, error, ready after 20 min
#   dev/1: ready after 100 min (filtered)
DEPLOYMENTS = [
    deployment("a", 1, 1, "error", 5), deployment("a", 2, 1, "error", 7), deployment("a", 3, 1, "ready", 40),
    deployment("a", 4, 2, "ready", 15),
    deployment("b", 1, 1, "error", 3), deployment("b", 2, 1, "ready", 70), deployment("b", 3, 1, "error", 9),
    deployment("b", 4, 1, "ready", 20),
    deployment("dev", 1, 1, "ready", 100),
]


# OSTF tests as Fuel names them: long and dotted.
LIST_INSTANCES = "fuel_health.tests.sanity.test_sanity_compute.SanityComputeTest.test_list_instances"
CREATE_VOLUME = "fuel_health.tests.smoke.test_create_volume.VolumesTest.test_volume_create"
CHECK_DNS = "fuel_health.tests.sanity.test_sanity_infrastructure.SanityInfrastructureTest.test_check_dns_resolution"


def health_check_run(master: str, external_id: int, cluster_id: int, statuses: dict[str, str]) -> dict[str, Any]:
    """A health check run's action log: each OSTF test and how it ended."""
    return {
        "master_node_uid": master,
        "external_id": external_id,
        "body": {
            "id": external_id, "actor_id": "admin", "action_group": "health_check", "action_name": "ostf_testrun",
            "action_type": "nailgun_task", "cluster_id": cluster_id, "task_uuid": f"ostf-{external_id}",
            "start_timestamp": "2026-11-21T10:00:00", "end_timestamp": "2026-11-21T10:05:00",
            "additional_info": {"ended_with_status": "ready", "test_set": "sanity",
                                "tests": [{"name": name, "status": status} for name, status in statuses.items()]},
            "is_sent": False,
        },
    }


# Health check runs: a/1 twice, b/1 once, dev/1 once (filtered). Skipped tests did not run.
#   LIST_INSTANCES: ran 3 times, never failed (dev's failure is filtered)
#   CREATE_VOLUME:  failed twice (a failure and an error) in 3 runs
#   CHECK_DNS:      failed once in 2 runs (b skipped it)
HEALTH_CHECKS = [
    health_check_run("a", 10, 1, {LIST_INSTANCES: "success", CREATE_VOLUME: "failure", CHECK_DNS: "success"}),
    health_check_run("a", 11, 1, {LIST_INSTANCES: "success", CREATE_VOLUME: "error", CHECK_DNS: "failure"}),
    health_check_run("b", 10, 1, {LIST_INSTANCES: "success", CREATE_VOLUME: "success", CHECK_DNS: "skipped"}),
    health_check_run("dev", 10, 1, {LIST_INSTANCES: "failure"}),
]


def oswl(master: str, record_id: int, resource_type: str, resources: list[dict[str, Any]]) -> dict[str, Any]:
    return {"master_node_uid": master, "id": record_id, "cluster_id": 1, "created_date": "2026-11-20",
            "updated_time": "12:00:00", "resource_type": resource_type, "resource_checksum": f"sum-{record_id}",
            "resource_data": {"added": [], "current": resources, "removed": [], "modified": []},
            "version_info": {"fuel_version": "9.0"}}


OSWL = [
    oswl("a", 1, "vm", [{"id": "vm-1", "status": "ACTIVE"}, {"id": "vm-2", "status": "SHUTOFF"}]),
    oswl("a", 2, "volume", [{"id": "vol-1", "size": 10}]),
    oswl("dev", 1, "vm", [{"id": "vm-9", "status": "ACTIVE"}]),
]
