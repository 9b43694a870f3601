"""Every Elasticsearch query of the analytics service, built with elasticsearch-dsl.

Each report is one search with size 0 and aggregations over the aliases the ETL fills
(installations, clusters, action_logs). Installations are counted on installation documents,
environments on cluster documents, so every count is exact.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from elasticsearch import Elasticsearch
from elasticsearch_dsl import Q, Search

from fuelstats.core.elastic import alias

MANY = 100  # buckets of a terms aggregation: more kinds than any report has
HEALTH_CHECKS = 1000  # OSTF has about a hundred tests; plugins add their own
UNKNOWN = "unknown"  # the bucket of what did not report the value, so that buckets add up to the total
# How a deployment task ended, as Nailgun says (docs/collector.md: deployments that count).
SUCCEEDED, FAILED = "ready", "error"
HISTORY = 200  # deployments and health check runs an installation's page shows, the newest
# The release filter takes a Fuel release (9.0) or a release version as masters report their
# environments' releases (2014.2-6.0): the field of each kind that holds the version.
RELEASE_VERSION_FIELD = {"installations": "release_versions", "clusters": "openstack_version",
                         "action_logs": "release_version"}


@dataclass(frozen=True)
class Filters:
    release: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    include_filtered: bool = False
    verified_only: bool = False  # only installations (and action logs) their master node signed

    def as_json(self) -> dict[str, Any]:
        return {
            "release": self.release,
            "from": self.since.isoformat() if self.since else None,
            "to": self.until.isoformat() if self.until else None,
            "include_filtered": self.include_filtered,
            "verified_only": self.verified_only,
        }


@dataclass(frozen=True)
class Bucket:
    key: str
    count: int
    breakdown: dict[str, int] | None = None


Ranges = list[tuple[str, int, int | None]]  # (label, from, to exclusive or None for no end)


def _range_options(ranges: Ranges) -> dict[str, Any]:
    return {"keyed": True, "ranges": [
        {"key": label, "from": low, **({"to": high} if high is not None else {})} for label, low, high in ranges]}


def _range_buckets(result: Any, ranges: Ranges) -> list[Bucket]:
    """The ranges, and what has no value at all as UNKNOWN when there is any."""
    buckets = result.aggregations.ranges.buckets
    found = [Bucket(label, buckets[label].doc_count) for label, _, _ in ranges]
    unknown = result.aggregations.unknown.doc_count
    return found + [Bucket(UNKNOWN, unknown)] if unknown else found


def _ranges(search: Search, field: str, ranges: Ranges) -> None:
    search.aggs.bucket("ranges", "range", field=field, **_range_options(ranges))
    search.aggs.bucket("unknown", "missing", field=field)


def _release(kind: str, release: str) -> Q:
    """A Fuel release or a release version: the two never look alike (9.0, mitaka-9.0)."""
    return Q("bool", minimum_should_match=1, should=[
        Q("term", release=release), Q("term", **{RELEASE_VERSION_FIELD[kind]: release})])


def free_text(text: str) -> Q:
    """Every word of the text must be found, whole or as the start of a word of a value: by the
    standard analyzer (`9.0`, `2014.2-6.0`, `volumes_c`) or, for words without digits, the simple
    one, whose words are the letters between any other characters (`ceph` in `volumes_ceph`)."""
    words = []
    for word in text.split():
        fields = ["search_text.prefixes"] + ([] if any(c.isdigit() for c in word) else ["search_text.words"])
        words.append(Q("bool", minimum_should_match=1, should=[
            Q("match_bool_prefix", **{field: {"query": word, "operator": "and"}}) for field in fields]))
    return Q("bool", must=words)


class Queries:
    """The analytics' view of Elasticsearch: one method per question."""

    def __init__(self, es: Elasticsearch, prefix: str) -> None:
        self.es = es
        self.prefix = prefix

    # --- selection --------------------------------------------------------------------------

    def _search(self, kind: str, filters: Filters, date_field: str) -> Search:
        search = Search(using=self.es, index=alias(self.prefix, kind)).extra(size=0, track_total_hits=True)
        if filters.release is not None:
            search = search.filter(_release(kind, filters.release))
        if not filters.include_filtered:
            search = search.filter("term", is_filtered=False)
        if filters.verified_only:
            search = search.filter("term", verified=True)
        if filters.since or filters.until:
            bounds = {}
            if filters.since:
                bounds["gte"] = filters.since.isoformat()
            if filters.until:
                bounds["lte"] = filters.until.isoformat()
            search = search.filter("range", **{date_field: {**bounds, "format": "yyyy-MM-dd"}})
        return search

    def installations(self, filters: Filters) -> Search:
        return self._search("installations", filters, "creation_date")

    def clusters(self, filters: Filters) -> Search:
        return self._search("clusters", filters, "installation_created")

    def successful_deployments(self, filters: Filters) -> Search:
        return (self._search("action_logs", filters, "installation_created")
                .filter("term", action_name="deployment").filter("term", action_type="nailgun_task")
                .filter("term", result=SUCCEEDED))

    def health_check_runs(self, filters: Filters) -> Search:
        return self._search("action_logs", filters, "installation_created").filter(
            "term", action_group="health_check")

    def release_known(self, release: str) -> bool:
        search = Search(using=self.es, index=alias(self.prefix, "installations")).filter(
            _release("installations", release))
        return search.extra(size=0, terminate_after=1).execute().hits.total.value > 0

    # --- totals -------------------------------------------------------------------------------

    def totals(self, filters: Filters) -> dict[str, int]:
        installations = self.installations(filters)
        installations.aggs.metric("unallocated", "sum", field="unallocated_nodes_num")
        by_installation = installations.execute()
        clusters = self.clusters(filters)
        clusters.aggs.metric("nodes", "sum", field="nodes_num")
        result = clusters.execute()
        return {"installations": by_installation.hits.total.value, "environments": result.hits.total.value,
                "nodes": int(result.aggregations.nodes.value or 0),
                "unallocated_nodes": int(by_installation.aggregations.unallocated.value or 0)}

    def verified_installations(self, filters: Filters) -> int:
        """Of the installations the filters select, those whose master node signs what it sends."""
        return self.installations(filters).filter("term", verified=True).execute().hits.total.value

    # --- distributions ------------------------------------------------------------------------

    def environments_by(self, filters: Filters, field: str, *, missing: str | None = None) -> list[Bucket]:
        search = self.clusters(filters)
        options: dict[str, Any] = {"field": field, "size": MANY}
        if missing is not None:
            options["missing"] = missing
        search.aggs.bucket("values", "terms", **options)
        return [Bucket(str(b.key_as_string if hasattr(b, "key_as_string") else b.key), b.doc_count)
                for b in search.execute().aggregations["values"].buckets]

    def installations_by(self, filters: Filters, field: str, *, missing: str | None = UNKNOWN) -> list[Bucket]:
        search = self.installations(filters)
        options: dict[str, Any] = {"field": field, "size": MANY}
        if missing is not None:
            options["missing"] = missing
        search.aggs.bucket("values", "terms", **options)
        return [Bucket(str(b.key), b.doc_count) for b in search.execute().aggregations["values"].buckets]

    def installation_ranges(self, filters: Filters, field: str, ranges: Ranges) -> list[Bucket]:
        """Installations per range of a number."""
        search = self.installations(filters)
        _ranges(search, field, ranges)
        return _range_buckets(search.execute(), ranges)

    def installations_per_month(self, filters: Filters) -> list[Bucket]:
        search = self.installations(filters)
        search.aggs.bucket("months", "date_histogram", field="creation_date", calendar_interval="month",
                           format="yyyy-MM", min_doc_count=0)
        return [Bucket(b.key_as_string, b.doc_count) for b in search.execute().aggregations.months.buckets]

    def deployment_durations(self, filters: Filters, ranges: Ranges
                             ) -> tuple[int, float | None, list[Bucket]]:
        """Successful deployments: how many, their average duration in seconds, how many per range."""
        search = self.successful_deployments(filters).filter("exists", field="duration_seconds")
        search.aggs.metric("average", "avg", field="duration_seconds")
        _ranges(search, "duration_seconds", ranges)
        result = search.execute()
        return result.hits.total.value, result.aggregations.average.value, _range_buckets(result, ranges)

    def failures_before_first_success(self, filters: Filters, ranges: Ranges
                                      ) -> tuple[int, float | None, list[Bucket]]:
        """Environments deployed successfully: how many, their average failed deployments before the
        first success, how many per range of failures."""
        search = self.successful_deployments(filters).filter("term", first_success=True)
        search.aggs.metric("average", "avg", field="failures_before")
        _ranges(search, "failures_before", ranges)
        result = search.execute()
        return result.hits.total.value, result.aggregations.average.value, _range_buckets(result, ranges)

    def health_check_failures(self, filters: Filters) -> tuple[int, list[Bucket]]:
        """Runs of all OSTF tests, and per test its failures and runs: the most failing first."""
        search = self.health_check_runs(filters)
        ran = search.aggs.bucket("tests", "nested", path="health_checks").bucket(
            "ran", "filter", term={"health_checks.ran": True})
        ran.bucket("names", "terms", field="health_checks.name", size=HEALTH_CHECKS,
                   order=[{"failed": "desc"}, {"_key": "asc"}]).bucket(
            "failed", "filter", term={"health_checks.failed": True})
        result = search.execute().aggregations.tests.ran
        return result.doc_count, [Bucket(str(b.key), b.failed.doc_count, {"runs": b.doc_count})
                                  for b in result.names.buckets]

    def search(self, kind: str, filters: Filters, *, text: str | None, terms: dict[str, str], page: int, size: int,
               sort: str, aggregations: list[str]) -> tuple[int, list[tuple[str, dict[str, Any]]], dict[str, list[Bucket]]]:
        """A page of installations or environments, newest first by default, with distributions."""
        search = self.installations(filters) if kind == "installations" else self.clusters(filters)
        if text:
            search = search.query(free_text(text))
        for field, value in terms.items():
            search = search.filter("term", **{field: value})
        field = sort.lstrip("-")
        if field == "creation_date" and kind == "environments":
            field = "installation_created"
        ties = ["installation_id"] if kind == "installations" else ["installation_id", "cluster_id"]
        search = search.sort({field: {"order": "desc" if sort.startswith("-") else "asc"}}, *ties)
        search = search.extra(from_=(page - 1) * size, size=size)
        for name in aggregations:
            search.aggs.bucket(name, "terms", field=name, size=MANY)
        response = search.execute()
        hits = [(hit.meta.id, hit.to_dict()) for hit in response.hits]
        distributions = {
            name: [Bucket(str(b.key), b.doc_count) for b in response.aggregations[name].buckets]
            for name in aggregations
        }
        return response.hits.total.value, hits, distributions

    def nodes_by_hardware(self, filters: Filters) -> tuple[int, list[Bucket]]:
        """Nodes the environments list, and per manufacturer and product, the most common first."""
        search = self.clusters(filters)
        nested = search.aggs.bucket("nodes", "nested", path="nodes")
        nested.bucket("manufacturers", "terms", field="nodes.manufacturer", size=MANY, missing=UNKNOWN).bucket(
            "products", "terms", field="nodes.platform_name", size=MANY, missing="")
        nodes = search.execute().aggregations.nodes
        rows = []
        for manufacturer in nodes.manufacturers.buckets:
            for product in manufacturer.products.buckets:
                key = f"{manufacturer.key} {product.key}".strip()
                rows.append(Bucket(key, product.doc_count))
        return nodes.doc_count, sorted(rows, key=lambda b: (-b.count, b.key))

    def nodes_by_role(self, filters: Filters) -> tuple[int, list[Bucket]]:
        """Nodes the environments list, and per role how many hold it alone or with which others."""
        search = self.clusters(filters)
        nested = search.aggs.bucket("nodes", "nested", path="nodes")
        nested.bucket("roles", "terms", field="nodes.roles", size=MANY, missing=UNKNOWN).bucket(
            "combinations", "terms", field="nodes.roles_combination", size=MANY)
        nodes = search.execute().aggregations.nodes
        return nodes.doc_count, [
            Bucket(str(role.key), role.doc_count, {str(c.key): c.doc_count for c in role.combinations.buckets})
            for role in nodes.roles.buckets
        ]

    def environments_by_plugin(self, filters: Filters, *, none: str) -> list[Bucket]:
        """Environments per plugin, and those with none as ``none``."""
        search = self.clusters(filters)
        nested = search.aggs.bucket("plugins", "nested", path="plugins")
        nested.bucket("names", "terms", field="plugins.name", size=MANY).bucket("environments", "reverse_nested")
        search.aggs.bucket("without", "filter", Q("bool", must_not=[Q("nested", path="plugins",
                                                                      query=Q("match_all"))]))
        result = search.execute().aggregations
        buckets = [Bucket(str(b.key), b.environments.doc_count) for b in result.plugins.names.buckets]
        return buckets + [Bucket(none, result.without.doc_count)] if result.without.doc_count else buckets

    # --- one installation ---------------------------------------------------------------------

    def master_node_of(self, installation_id: str) -> str | None:
        """The master node whose installation has this opaque id; None when none has."""
        search = Search(using=self.es, index=alias(self.prefix, "installations")).filter(
            "term", installation_id=installation_id).source(["master_node_uid"]).extra(size=1)
        hits = search.execute().hits
        return str(hits[0].master_node_uid) if hits else None

    def installation_history(self, master_node_uid: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """An installation's deployments and health check runs, the newest HISTORY of each, oldest first."""
        logs = Search(using=self.es, index=alias(self.prefix, "action_logs")).filter(
            "term", master_node_uid=master_node_uid)
        fields = ["cluster_id", "task_uuid", "start_timestamp", "end_timestamp", "duration_seconds", "result",
                  "release_version"]
        newest = [{"start_timestamp": {"order": "desc", "missing": "_first"}}, {"external_id": "desc"}]
        deployments = (logs.filter("term", action_name="deployment").filter("term", action_type="nailgun_task")
                       .source(fields).sort(*newest).extra(size=HISTORY))
        runs = (logs.filter("term", action_group="health_check")
                .source([*fields, "health_checks", "additional_info.test_set"]).sort(*newest).extra(size=HISTORY))
        return ([hit.to_dict() for hit in reversed(deployments.execute().hits)],
                [hit.to_dict() for hit in reversed(runs.execute().hits)])
