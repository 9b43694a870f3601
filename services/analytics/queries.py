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
from elasticsearch_dsl import Search

from fuelstats.core.elastic import alias

MANY = 100  # buckets of a terms aggregation: more kinds than any report has
HEALTH_CHECKS = 1000  # OSTF has about a hundred tests; plugins add their own


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
    buckets = result.aggregations.ranges.buckets
    return [Bucket(label, buckets[label].doc_count) for label, _, _ in ranges]


class Queries:
    """The analytics' view of Elasticsearch: one method per question."""

    def __init__(self, es: Elasticsearch, prefix: str) -> None:
        self.es = es
        self.prefix = prefix

    # --- selection --------------------------------------------------------------------------

    def _search(self, kind: str, filters: Filters, date_field: str) -> Search:
        search = Search(using=self.es, index=alias(self.prefix, kind)).extra(size=0, track_total_hits=True)
        if filters.release is not None:
            search = search.filter("term", release=filters.release)
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
                .filter("term", result="ready"))

    def health_check_runs(self, filters: Filters) -> Search:
        return self._search("action_logs", filters, "installation_created").filter(
            "term", action_group="health_check")

    def release_known(self, release: str) -> bool:
        search = Search(using=self.es, index=alias(self.prefix, "installations")).filter("term", release=release)
        return search.extra(size=0, terminate_after=1).execute().hits.total.value > 0

    # --- totals -------------------------------------------------------------------------------

    def totals(self, filters: Filters) -> dict[str, int]:
        installations = self.installations(filters).execute().hits.total.value
        clusters = self.clusters(filters)
        clusters.aggs.metric("nodes", "sum", field="nodes_num")
        result = clusters.execute()
        return {"installations": installations, "environments": result.hits.total.value,
                "nodes": int(result.aggregations.nodes.value or 0)}

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

    def installations_by(self, filters: Filters, field: str) -> list[Bucket]:
        search = self.installations(filters)
        search.aggs.bucket("values", "terms", field=field, size=MANY)
        return [Bucket(str(b.key), b.doc_count) for b in search.execute().aggregations["values"].buckets]

    def installation_ranges(self, filters: Filters, field: str, ranges: Ranges) -> list[Bucket]:
        """Installations per range of a number."""
        search = self.installations(filters)
        search.aggs.bucket("ranges", "range", field=field, **_range_options(ranges))
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
        search.aggs.bucket("ranges", "range", field="duration_seconds", **_range_options(ranges))
        result = search.execute()
        return result.hits.total.value, result.aggregations.average.value, _range_buckets(result, ranges)

    def failures_before_first_success(self, filters: Filters, ranges: Ranges
                                      ) -> tuple[int, float | None, list[Bucket]]:
        """Environments deployed successfully: how many, their average failed deployments before the
        first success, how many per range of failures."""
        search = self.successful_deployments(filters).filter("term", first_success=True)
        search.aggs.metric("average", "avg", field="failures_before")
        search.aggs.bucket("ranges", "range", field="failures_before", **_range_options(ranges))
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
            search = search.query("match", search_text={"query": text, "operator": "and"})
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

    def nodes_by_hardware(self, filters: Filters) -> list[Bucket]:
        """Nodes per manufacturer and product, the most common first."""
        search = self.clusters(filters)
        nested = search.aggs.bucket("nodes", "nested", path="nodes")
        nested.bucket("manufacturers", "terms", field="nodes.manufacturer", size=MANY, missing="unknown").bucket(
            "products", "terms", field="nodes.platform_name", size=MANY, missing="")
        rows = []
        for manufacturer in search.execute().aggregations.nodes.manufacturers.buckets:
            for product in manufacturer.products.buckets:
                key = f"{manufacturer.key} {product.key}".strip()
                rows.append(Bucket(key, product.doc_count))
        return sorted(rows, key=lambda b: (-b.count, b.key))

    def nodes_by_role(self, filters: Filters) -> list[Bucket]:
        """Nodes per role, each with how many of them hold that role alone or with which others."""
        search = self.clusters(filters)
        nested = search.aggs.bucket("nodes", "nested", path="nodes")
        nested.bucket("roles", "terms", field="nodes.roles", size=MANY).bucket(
            "combinations", "terms", field="nodes.roles_combination", size=MANY)
        return [
            Bucket(str(role.key), role.doc_count, {str(c.key): c.doc_count for c in role.combinations.buckets})
            for role in search.execute().aggregations.nodes.roles.buckets
        ]

    def environments_by_plugin(self, filters: Filters) -> list[Bucket]:
        search = self.clusters(filters)
        nested = search.aggs.bucket("plugins", "nested", path="plugins")
        nested.bucket("names", "terms", field="plugins.name", size=MANY).bucket("environments", "reverse_nested")
        return [Bucket(str(b.key), b.environments.doc_count) for b in search.execute().aggregations.plugins.names.buckets]
