"""The installation info a master node reports: the v1 `installation_structure`.

A master plugs in any `InstallationInfoProvider`; the kit's own, `DatabaseInstallationInfo`, reads
the master's database (Nailgun's releases, clusters, nodes and plugins tables). Only whitelisted
fields leave the master: Nailgun's attributes hold passwords and keys next to the settings that
count, so nothing is sent because it is there, only because it is named here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

import yaml
from sqlalchemy import Engine

from fuelstats_kit import storage

# (group, name) of the editable cluster attributes that are statistics; sent flat, by name.
ATTRIBUTES = (
    ("common", "libvirt_type"), ("common", "debug"), ("common", "use_cow_images"),
    ("common", "auto_assign_floating_ip"), ("common", "nova_quota"), ("common", "puppet_debug"),
    ("provision", "method"), ("syslog", "syslog_transport"),
    ("storage", "volumes_lvm"), ("storage", "volumes_ceph"), ("storage", "images_ceph"),
    ("storage", "ephemeral_ceph"), ("storage", "objects_ceph"), ("storage", "volumes_block_device"),
    ("storage", "images_vcenter"), ("storage", "volumes_vmdk"), ("storage", "osd_pool_size"),
    ("additional_components", "sahara"), ("additional_components", "murano"),
    ("additional_components", "heat"), ("additional_components", "ceilometer"),
    ("additional_components", "mongo"), ("additional_components", "ironic"),
    ("neutron_advanced_configuration", "neutron_l2_pop"), ("neutron_advanced_configuration", "neutron_dvr"),
)
NETWORK_FIELDS = ("segmentation_type", "net_l23_provider", "net_manager", "fixed_networks_vlan_start",
                  "fixed_network_size", "fixed_networks_amount")


class InstallationInfoProvider(Protocol):
    def installation_info(self, master_node_uid: str) -> dict[str, Any]:
        """The v1 installation structure, without `user_information` (the sender adds it from the settings)."""
        ...


def read_fuel_release(path: Path) -> dict[str, Any] | None:
    """Fuel's version file (`VERSION: {release, api, build_id, feature_groups}`) as v1's `fuel_release`."""
    try:
        version = (yaml.safe_load(path.read_text()) or {}).get("VERSION", {})
    except FileNotFoundError:
        return None
    release = {"release": str(version.get("release", "")), "api": str(version.get("api", "")),
               "feature_groups": [str(group) for group in version.get("feature_groups", [])]}
    if version.get("build_id") is not None:
        release["build_id"] = str(version["build_id"])
    return release


def _flat_attributes(editable: dict[str, Any]) -> dict[str, Any]:
    flat = {}
    for group, name in ATTRIBUTES:
        entry = (editable.get(group) or {}).get(name)
        if isinstance(entry, dict) and "value" in entry:
            flat[name] = entry["value"]
    return flat


def _node(row: dict[str, Any]) -> dict[str, Any]:
    meta = row["meta"] or {}
    hardware = {
        "cpu": {key: value for key, value in (meta.get("cpu") or {}).items() if key in ("total", "real")},
        "memory": {key: value for key, value in (meta.get("memory") or {}).items() if key == "total"},
        "disks": [{"size": disk.get("size")} for disk in meta.get("disks") or []],
    }
    return {"id": row["id"], "roles": sorted(row["roles"] or []), "pending_roles": sorted(row["pending_roles"] or []),
            "status": row["status"], "os": row["os_platform"] or "", "manufacturer": row["manufacturer"],
            "platform_name": row["platform_name"], "meta": hardware}


class DatabaseInstallationInfo:
    """Reads the installation from the master's own database."""

    def __init__(self, engine: Engine, fuel_release: dict[str, Any] | None) -> None:
        self.engine = engine
        self.fuel_release = fuel_release

    def installation_info(self, master_node_uid: str) -> dict[str, Any]:
        # One snapshot: nodes moving between clusters mid-read would otherwise be counted twice.
        with self.engine.connect().execution_options(isolation_level="REPEATABLE READ") as connection:
            clusters, nodes, plugins = (storage.clusters(connection), storage.nodes(connection),
                                        storage.enabled_plugins(connection))
        by_cluster: dict[int, list[dict[str, Any]]] = {}
        for node in nodes:
            if node["cluster_id"] is not None:
                by_cluster.setdefault(node["cluster_id"], []).append(_node(node))
        plugins_of: dict[int, list[dict[str, Any]]] = {}
        for plugin in plugins:
            plugins_of.setdefault(plugin["cluster_id"], []).append(
                {"name": plugin["name"], "version": plugin["version"], "fuel_version": plugin["fuel_version"]})
        structure: dict[str, Any] = {
            "master_node_uid": master_node_uid,
            "clusters_num": len(clusters),
            "allocated_nodes_num": sum(len(members) for members in by_cluster.values()),
            "unallocated_nodes_num": sum(1 for node in nodes if node["cluster_id"] is None),
            "clusters": [self._cluster(row, by_cluster.get(row["id"], []), plugins_of.get(row["id"], []))
                         for row in clusters],
        }
        if self.fuel_release is not None:
            structure["fuel_release"] = self.fuel_release
        return structure

    @staticmethod
    def _cluster(row: dict[str, Any], nodes: list[dict[str, Any]], plugins: list[dict[str, Any]]) -> dict[str, Any]:
        network = row["network_configuration"] or {}
        return {
            "id": row["id"], "mode": row["mode"], "status": row["status"],
            "release": {"version": row["release_version"], "os": row["release_os"], "name": row["release_name"]},
            "nodes_num": len(nodes), "nodes": nodes,
            "attributes": _flat_attributes(row["attributes"] or {}),
            "net_provider": row["net_provider"],
            "network_configuration": {key: network[key] for key in NETWORK_FIELDS if key in network},
            "installed_plugins": plugins,
        }
