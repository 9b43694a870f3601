"""Rows of the collector's tables made into the documents the reports read. Pure functions.

Each document is an (id, source) pair whose fields are those of its Document class in documents.py
(a test holds them to it). Sources are plain dicts: building Document objects cost the ETL more
than a third of its time. An action log's additional_info stays the JSON text PostgreSQL gave
(an orjson Fragment), as sent: decoding and encoding it again cost more than all the rest.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from collections.abc import Mapping
from typing import Any

from fuelstats.etl import bounds

Doc = tuple[str, dict[str, Any]]

# Cluster attributes that say a storage option is on (Fuel's settings names).
STORAGE_OPTIONS = ("volumes_lvm", "volumes_ceph", "images_ceph", "ephemeral_ceph", "objects_ceph",
                   "volumes_block_device", "images_vcenter", "iser")
# Cluster attributes that say a related project is deployed.
COMPONENTS = ("sahara", "murano", "ceilometer", "heat", "ironic", "mongo", "murano-cfapi")


def parse_time(value: Any) -> dt.datetime | None:
    """Fuel's timestamps (ISO 8601, naive means UTC); anything else is no time at all."""
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    if parsed.tzinfo:
        return parsed
    # Parsing again with the offset is 3 times faster than datetime.replace; a date alone takes no offset.
    try:
        utc = dt.datetime.fromisoformat(f"{value}+00:00")
    except ValueError:
        utc = parsed
    return utc if utc.tzinfo else parsed.replace(tzinfo=dt.UTC)


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _flag(attributes: Mapping[str, Any], name: str) -> bool:
    """A settings flag, whether flattened (name: true) or as Fuel's {"value": true} entry."""
    value = attributes.get(name)
    if isinstance(value, dict):
        value = value.get("value")
    return value is True


# Network types, named by what Fuel sends (nailgun's cluster net_provider, and for Neutron its
# network configuration): the one vocabulary of the reports, the search, the docs and the UI.
NETWORK_TYPES = {
    "nova_network": "Nova network (net_provider nova_network, FlatDHCPManager or VlanManager)",
    "neutron-vlan": "Neutron with VLAN segmentation (segmentation_type vlan)",
    "neutron-gre": "Neutron with GRE tunnels (segmentation_type gre, Fuel up to 7.0)",
    "neutron-tun": "Neutron with VxLAN tunnels (segmentation_type tun, Fuel 7.0 and later)",
    "neutron-nsx": "Neutron with VMware NSX (net_l23_provider nsx)",
    "neutron": "Neutron, segmentation not reported",
}


def _network_type(network: Mapping[str, Any], net_provider: str | None) -> str | None:
    """One of NETWORK_TYPES, ``neutron-`` and any other segmentation type Fuel may send, or None."""
    if network.get("net_manager") or net_provider == "nova_network":
        return "nova_network"
    if network.get("net_l23_provider") == "nsx":
        return "neutron-nsx"
    segmentation = network.get("segmentation_type")
    if isinstance(segmentation, str) and segmentation:
        return f"neutron-{segmentation}"
    return "neutron" if net_provider == "neutron" else None


def _distinct(clusters: list[dict[str, Any]], field: str) -> list[str]:
    """The distinct values of a field of cluster documents, single or lists, sorted."""
    values: set[str] = set()
    for cluster in clusters:
        value = cluster.get(field)
        values.update(v for v in (value if isinstance(value, list) else [value]) if isinstance(v, str))
    return sorted(values)


def installation_id(secret: str, master_node_uid: str) -> str:
    """The opaque id the public search shows instead of the uid: an HMAC, stable and not reversible."""
    return hmac.new(secret.encode(), master_node_uid.encode(), hashlib.sha256).hexdigest()[:32]


def installation_documents(
    master_node_uid: str, structure: Mapping[str, Any], *, release: str | None, is_filtered: bool,
    creation_date: dt.datetime, modification_date: dt.datetime, verified: bool = False, public_id: str | None = None,
) -> tuple[Doc, list[Doc]]:
    fuel_release = _dict(structure.get("fuel_release"))
    documents = [
        cluster_document(master_node_uid, cluster, release=release, is_filtered=is_filtered,
                         installation_created=creation_date, verified=verified, public_id=public_id)
        for cluster in (_dict(c) for c in _list(structure.get("clusters")))
        if isinstance(cluster.get("id"), int)
    ]
    clusters = [source for _, source in documents]
    nodes_num = sum(c["nodes_num"] for c in clusters if isinstance(c["nodes_num"], int))
    unallocated = structure.get("unallocated_nodes_num")
    installation = master_node_uid, dict(
        master_node_uid=master_node_uid,
        installation_id=public_id,
        verified=verified,
        release=release,
        build_id=fuel_release.get("build_id"),
        feature_groups=[g for g in _list(fuel_release.get("feature_groups")) if isinstance(g, str)],
        fuel_packages=[p for p in _list(structure.get("fuel_packages")) if isinstance(p, str)],
        is_filtered=is_filtered,
        creation_date=creation_date,
        modification_date=modification_date,
        clusters_num=structure.get("clusters_num"),
        allocated_nodes_num=structure.get("allocated_nodes_num"),
        unallocated_nodes_num=unallocated,
        nodes_num=nodes_num,
        all_nodes_num=nodes_num + unallocated if isinstance(unallocated, int) else None,
        cluster_ids=sorted(c["cluster_id"] for c in clusters),
        operating_systems=_distinct(clusters, "os"),
        release_versions=_distinct(clusters, "openstack_version"),
        hypervisors=_distinct(clusters, "hypervisor"),
        network_types=_distinct(clusters, "network_type"),
        storage=_distinct(clusters, "storage"),
        components=_distinct(clusters, "components"),
        modes=_distinct(clusters, "mode"),
        plugins=_distinct(clusters, "plugin_names"),
        contact_info_provided=_dict(structure.get("user_information")).get("contact_info_provided") is True,
    )
    return installation, documents


def cluster_document_id(master_node_uid: str, cluster_id: int) -> str:
    return f"{master_node_uid}:{cluster_id}"


def cluster_document(
    master_node_uid: str, cluster: Mapping[str, Any], *, release: str | None, is_filtered: bool,
    installation_created: dt.datetime, verified: bool = False, public_id: str | None = None,
) -> Doc:
    cluster_release = _dict(cluster.get("release"))
    attributes = _dict(cluster.get("attributes"))
    network = _dict(cluster.get("network_configuration"))
    net_provider = cluster.get("net_provider") or network.get("net_provider")
    mode = cluster.get("mode")
    nodes = []
    node_list, nodes_omitted = bounds.capped("nodes", _list(cluster.get("nodes")))
    for node in (_dict(n) for n in node_list):
        roles = sorted(r for r in _list(node.get("roles")) if isinstance(r, str))
        nodes.append({
            "id": node.get("id"),
            "roles": roles,
            "roles_combination": "+".join(roles) if roles else None,
            "pending_roles": [r for r in _list(node.get("pending_roles")) if isinstance(r, str)],
            "status": node.get("status"),
            "os": node.get("os"),
            "manufacturer": node.get("manufacturer"),
            "platform_name": node.get("platform_name"),
            "online": node.get("online") if isinstance(node.get("online"), bool) else None,
        })
    plugin_list, plugins_omitted = bounds.capped("plugins", _list(cluster.get("installed_plugins")))
    plugins = [
        {"name": p.get("name"), "version": p.get("version"), "fuel_version": p.get("fuel_version")}
        for p in (_dict(p) for p in plugin_list)
    ]
    return cluster_document_id(master_node_uid, cluster["id"]), dict(
        master_node_uid=master_node_uid,
        installation_id=public_id,
        verified=verified,
        cluster_id=cluster["id"],
        release=release,
        is_filtered=is_filtered,
        installation_created=installation_created,
        status=cluster.get("status"),
        mode=mode,
        is_ha=isinstance(mode, str) and mode.startswith("ha"),
        os=cluster_release.get("os"),
        openstack_version=cluster_release.get("version"),
        release_name=cluster_release.get("name"),
        nodes_num=cluster.get("nodes_num"),
        nodes=nodes,
        nodes_omitted=nodes_omitted,
        hypervisor=_hypervisor(attributes),
        net_provider=net_provider,
        segmentation_type=network.get("segmentation_type"),
        net_l23_provider=network.get("net_l23_provider"),
        net_manager=network.get("net_manager"),
        network_type=_network_type(network, net_provider),
        storage=[name for name in STORAGE_OPTIONS if _flag(attributes, name)],
        components=[name for name in COMPONENTS if _flag(attributes, name)],
        plugins=plugins,
        plugin_names=sorted({p["name"] for p in plugins if isinstance(p["name"], str)}),
        plugins_omitted=plugins_omitted,
        attributes=bounds.flattened(attributes) or None,
        vmware_attributes=bounds.flattened(_dict(cluster.get("vmware_attributes"))) or None,
    )


def _hypervisor(attributes: Mapping[str, Any]) -> str | None:
    value = attributes.get("libvirt_type")
    if isinstance(value, dict):
        value = value.get("value")
    return value.lower() if isinstance(value, str) else None


def action_log_document_id(master_node_uid: str, external_id: int) -> str:
    return f"{master_node_uid}:{external_id}"


HEALTH_CHECK_GROUP = "health_check"
HEALTH_CHECK_RAN = frozenset({"success", "failure", "error"})
HEALTH_CHECK_FAILED = frozenset({"failure", "error"})


def health_checks(tests: Any) -> list[dict[str, Any]]:
    """The OSTF tests of a health check run's ``additional_info.tests``; malformed entries are left out."""
    checks = []
    for test in bounds.capped("health_checks", _list(tests))[0]:
        if isinstance(test, dict) and isinstance(test.get("name"), str) and isinstance(test.get("status"), str):
            status = test["status"].lower()
            checks.append({"name": test["name"], "status": status, "ran": status in HEALTH_CHECK_RAN,
                           "failed": status in HEALTH_CHECK_FAILED})
    return checks


def _long(number: str | None) -> int | None:
    """A JSON number that is an integer Elasticsearch's long can hold; anything else is none."""
    if number is None:
        return None
    try:
        value = int(number)
    except ValueError:  # 1.5, 1e3
        return None
    return value if -(2**63) <= value < 2**63 else None


def action_log_document(row: Mapping[str, Any]) -> Doc:
    """The document of an action log as the action_logs stream reads it: the fields of its body that
    documents need, and its additional_info as JSON text (source.py)."""
    start = parse_time(row["start_timestamp"])
    end = parse_time(row["end_timestamp"])
    if row["action_type"] == "nailgun_task":
        result = row["ended_with_status"]
    else:
        result = row["request_result"]
    info = row["additional_info"]
    return action_log_document_id(row["master_node_uid"], row["external_id"]), {
        "master_node_uid": row["master_node_uid"],
        "external_id": row["external_id"],
        "action_type": row["action_type"],
        "action_group": row["action_group"],
        "action_name": row["action_name"],
        "actor_id": row["actor_id"],
        "cluster_id": _long(row["cluster_id"]),
        "task_uuid": row["task_uuid"],
        "start_timestamp": start,
        "end_timestamp": end,
        "duration_seconds": (end - start).total_seconds() if start and end else None,
        "result": result or None,
        "message": row["message"],
        "received_at": row["received_at"],
        "additional_info": bounds.flattened_json(info) if info else None,
        "release": row["release"],
        "is_filtered": bool(row["is_filtered"]),
        "verified": bool(row.get("verified")),
        "installation_created": row["installation_created"],
        "release_version": row["release_version"],
        "failures_before": row["failures_before"],
        "first_success": row["first_success"],
        "health_checks": health_checks(row["tests"]) if row["action_group"] == HEALTH_CHECK_GROUP else None,
    }


def oswl_document_id(master_node_uid: str, external_id: int, resource_type: str) -> str:
    return f"{master_node_uid}:{external_id}:{resource_type}"


def oswl_document(row: Mapping[str, Any]) -> Doc:
    data = _dict(row["resource_data"])
    version = _dict(row.get("version_info"))
    current = [_dict(r) for r in _list(data.get("current"))]
    return oswl_document_id(row["master_node_uid"], row["external_id"], row["resource_type"]), dict(
        master_node_uid=row["master_node_uid"],
        external_id=row["external_id"],
        cluster_id=row["cluster_id"],
        resource_type=row["resource_type"],
        created_date=row["created_date"],
        updated_time=row["updated_time"].isoformat(),
        resource_checksum=row["resource_checksum"],
        current_count=len(current),
        added_count=len(_list(data.get("added"))),
        removed_count=len(_list(data.get("removed"))),
        modified_count=len(_list(data.get("modified"))),
        current=bounds.flattened(current) or None,
        fuel_version=version.get("fuel_version"),
        release_version=version.get("release_version"),
        release_os=version.get("release_os"),
        received_at=row["received_at"],
        verified=bool(row.get("verified")),
    )
