"""The Elasticsearch documents the reports read, as elasticsearch-dsl Document classes.

Each kind lives in versioned indices (``fuelstats-clusters-v20261125103000``) behind an alias
(``fuelstats-clusters``); an index template per kind gives every version the mapping below.
Fields copied from free-form parts of a structure (settings, plugins, resources) are ``flattened``,
in the bounded forms of bounds.py, so no value a master node sends can make Elasticsearch refuse a
document.
"""

from __future__ import annotations

from elasticsearch_dsl import (
    Boolean,
    Date,
    Document,
    Flattened,
    Float,
    InnerDoc,
    Integer,
    Keyword,
    Long,
    Nested,
    Text,
)

# Values a master node sends are indexed as well as they can be, never refused: a keyword longer
# than this is kept in _source but not indexed, a number out of range is skipped.
IGNORE_ABOVE = 1024
SEARCH_TEXT = "search_text"  # what the public search's free-text query reads


def searchable() -> Keyword:
    """A keyword that the free-text search also finds."""
    return Keyword(ignore_above=IGNORE_ABOVE, copy_to=SEARCH_TEXT)


# The words of every searchable value, indexed twice so that a part of a value finds it: by the
# standard analyzer (`9.0`, `2014.2`, `volumes_ceph`) and by the simple one, which splits at every
# character that is not a letter (`volumes`, `ceph`, `neutron`, `tun`). Both index the prefixes of
# their words, so `cent` finds CentOS. The node has no edge n-gram filters (docs/etl.md), and these
# are all core. The sub-fields are new fields, so an existing index takes them without a rebuild;
# documents written before them are found by them after `fuelstats etl reindex`.
PREFIXES = {"min_chars": 1, "max_chars": 10}


def free_text() -> Text:
    return Text(fields={
        "prefixes": Text(analyzer="standard", index_prefixes=PREFIXES),
        "words": Text(analyzer="simple", index_prefixes=PREFIXES),
    })


class Installation(Document):
    """One master node: its Fuel release and build, and the totals of its environments."""

    # Not searchable by free text: the public search shows installation_id, never the uid (docs/security.md).
    master_node_uid = Keyword(ignore_above=IGNORE_ABOVE)
    installation_id = Keyword(ignore_above=IGNORE_ABOVE)  # an HMAC of the uid (transform.installation_id)
    verified = Boolean()  # its structure was signed by the master node's enrolled key
    release = searchable()
    build_id = searchable()
    feature_groups = searchable()
    fuel_packages = searchable()
    is_filtered = Boolean()
    creation_date = Date(ignore_malformed=True)
    modification_date = Date(ignore_malformed=True)
    clusters_num = Integer(ignore_malformed=True)
    allocated_nodes_num = Integer(ignore_malformed=True)
    unallocated_nodes_num = Integer(ignore_malformed=True)
    nodes_num = Integer(ignore_malformed=True)
    cluster_ids = Long(ignore_malformed=True)
    # All the nodes the master manages: those in environments and the unallocated ones.
    all_nodes_num = Integer(ignore_malformed=True)
    # The distinct values of its environments, so installations are counted exactly per value and
    # the search finds an installation by what its environments run.
    operating_systems = searchable()
    release_versions = searchable()  # OpenStack and Fuel versions as masters report them: 2014.2-6.0
    hypervisors = searchable()
    network_types = searchable()
    storage = searchable()
    components = searchable()
    modes = searchable()
    plugins = searchable()
    contact_info_provided = Boolean()
    search_text = free_text()


class Node(InnerDoc):
    id = Long(ignore_malformed=True)
    roles = Keyword(ignore_above=IGNORE_ABOVE)
    # The node's roles sorted and joined with "+": "cinder+compute" counts a combined node once.
    roles_combination = Keyword(ignore_above=IGNORE_ABOVE)
    pending_roles = Keyword(ignore_above=IGNORE_ABOVE)
    status = Keyword(ignore_above=IGNORE_ABOVE)
    os = Keyword(ignore_above=IGNORE_ABOVE)
    manufacturer = Keyword(ignore_above=IGNORE_ABOVE)
    platform_name = Keyword(ignore_above=IGNORE_ABOVE)
    online = Boolean()


class Plugin(InnerDoc):
    name = Keyword(ignore_above=IGNORE_ABOVE)
    version = Keyword(ignore_above=IGNORE_ABOVE)
    fuel_version = Keyword(ignore_above=IGNORE_ABOVE)


class Cluster(Document):
    """One environment of an installation, with its nodes and the choices made for it."""

    master_node_uid = Keyword(ignore_above=IGNORE_ABOVE)
    installation_id = Keyword(ignore_above=IGNORE_ABOVE)
    verified = Boolean()  # the installation's
    cluster_id = Long(ignore_malformed=True)
    release = searchable()  # the installation's Fuel release
    is_filtered = Boolean()
    installation_created = Date(ignore_malformed=True)
    status = searchable()
    mode = searchable()
    is_ha = Boolean()
    os = searchable()
    openstack_version = searchable()  # the release version: OpenStack and Fuel versions, e.g. 2014.2-6.0
    release_name = searchable()
    nodes_num = Integer(ignore_malformed=True)
    nodes = Nested(Node)
    # Nodes beyond the first 2000 are not nested documents (Elasticsearch holds 10,000 per document).
    nodes_omitted = Integer()
    hypervisor = searchable()
    net_provider = searchable()
    segmentation_type = Keyword(ignore_above=IGNORE_ABOVE)
    net_l23_provider = Keyword(ignore_above=IGNORE_ABOVE)
    net_manager = Keyword(ignore_above=IGNORE_ABOVE)
    network_type = searchable()  # transform.NETWORK_TYPES: nova_network, neutron-vlan, neutron-tun, ...
    storage = searchable()  # the storage options turned on: volumes_lvm, images_ceph, ...
    components = searchable()  # related projects turned on: sahara, murano, ceilometer, ...
    plugins = Nested(Plugin)
    plugin_names = searchable()  # the plugins' names again, outside the nested documents, for the search
    plugins_omitted = Integer()  # plugins beyond the first 500
    attributes = Flattened(ignore_above=IGNORE_ABOVE)
    vmware_attributes = Flattened(ignore_above=IGNORE_ABOVE)
    search_text = free_text()


class HealthCheck(InnerDoc):
    """One OSTF test of a health check run, and how it ended."""

    name = Keyword(ignore_above=IGNORE_ABOVE)
    status = Keyword(ignore_above=IGNORE_ABOVE)  # success, failure, error, skipped, stopped, ...
    ran = Boolean()  # it ended with success, failure or error: skipped and stopped tests did not run
    failed = Boolean()  # failure or error


class ActionLog(Document):
    """One action of a master node: an API request or a Nailgun task, with how long it took."""

    master_node_uid = Keyword(ignore_above=IGNORE_ABOVE)
    external_id = Long(ignore_malformed=True)
    action_type = Keyword(ignore_above=IGNORE_ABOVE)
    action_group = Keyword(ignore_above=IGNORE_ABOVE)
    action_name = Keyword(ignore_above=IGNORE_ABOVE)
    actor_id = Keyword(ignore_above=IGNORE_ABOVE)
    cluster_id = Long(ignore_malformed=True)
    task_uuid = Keyword(ignore_above=IGNORE_ABOVE)
    start_timestamp = Date(ignore_malformed=True)
    end_timestamp = Date(ignore_malformed=True)
    duration_seconds = Float(ignore_malformed=True)
    # How it ended: a task's ended_with_status (ready, error, ...) or a request's HTTP status
    # (Nailgun's response_data.status, a response_code, or fuelstats_kit's result_code).
    result = Keyword(ignore_above=IGNORE_ABOVE)
    message = Text()
    received_at = Date(ignore_malformed=True)
    additional_info = Flattened(ignore_above=IGNORE_ABOVE)
    # The installation's, when the log was carried (re-carried when they change): reports filter on them.
    release = Keyword(ignore_above=IGNORE_ABOVE)
    is_filtered = Boolean()
    verified = Boolean()  # both the log and its installation were signed by the master node's key
    installation_created = Date(ignore_malformed=True)
    # For deployments and health check runs: the release version of their environment (2014.2-6.0).
    release_version = Keyword(ignore_above=IGNORE_ABOVE)
    # For a successful deployment: failed deployments of its environment since the last success,
    # and whether it is the environment's first success.
    failures_before = Integer(ignore_malformed=True)
    first_success = Boolean()
    # For a health check run (action group "health_check"): its tests; see docs/analytics.md.
    health_checks = Nested(HealthCheck)


class OswlStat(Document):
    """The state of one OpenStack resource type of one environment on one day."""

    master_node_uid = Keyword(ignore_above=IGNORE_ABOVE)
    external_id = Long(ignore_malformed=True)
    cluster_id = Long(ignore_malformed=True)
    resource_type = Keyword(ignore_above=IGNORE_ABOVE)
    created_date = Date(ignore_malformed=True)
    updated_time = Keyword(ignore_above=IGNORE_ABOVE)
    resource_checksum = Keyword(ignore_above=IGNORE_ABOVE)
    current_count = Integer(ignore_malformed=True)
    added_count = Integer(ignore_malformed=True)
    removed_count = Integer(ignore_malformed=True)
    modified_count = Integer(ignore_malformed=True)
    current = Flattened(ignore_above=IGNORE_ABOVE)
    fuel_version = Keyword(ignore_above=IGNORE_ABOVE)
    release_version = Keyword(ignore_above=IGNORE_ABOVE)
    release_os = Keyword(ignore_above=IGNORE_ABOVE)
    received_at = Date(ignore_malformed=True)
    verified = Boolean()
