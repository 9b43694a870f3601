"""The reports: what each one counts, and the rules its filters follow.

Each report is a distribution computed by one Elasticsearch search (queries.py). Counts are of
installations (master nodes), environments (clusters) or nodes, as the report's unit says.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from fuelstats.analytics.queries import Bucket, Filters, Queries
from fuelstats.core.errors import Refused

NODES_PER_INSTALLATION = [("0", 0, 1), ("1-5", 1, 6), ("6-10", 6, 11), ("11-20", 11, 21), ("21-50", 21, 51),
                          ("51-100", 51, 101), ("101+", 101, None)]
DEPLOYMENT_MINUTES = [("under 10 min", 0, 600), ("10-30 min", 600, 1800), ("30-60 min", 1800, 3600),
                      ("1-2 h", 3600, 7200), ("2 h or more", 7200, None)]
FAILURES = [("0", 0, 1), ("1", 1, 2), ("2", 2, 3), ("3-5", 3, 6), ("6 or more", 6, None)]
ENVIRONMENTS_PER_INSTALLATION = [("0", 0, 1), ("1", 1, 2), ("2", 2, 3), ("3-5", 3, 6), ("6-10", 6, 11),
                                 ("11+", 11, None)]


@dataclass(frozen=True)
class Distribution:
    buckets: list[Bucket]
    total: int | None = None  # None: the filters' total of the report's unit
    value: float | None = None  # an average, for reports that have one


@dataclass(frozen=True)
class Report:
    name: str
    title: str
    unit: str  # what the total counts: installations, environments, nodes, deployments or test runs
    compute: Callable[[Queries, Filters], list[Bucket] | Distribution]
    averaged: bool = False  # the report also gives an average (its Distribution's value)
    bucket_unit: str | None = None  # what a bucket's count counts, when it is not the unit


def _releases(queries: Queries, filters: Filters) -> list[Bucket]:
    environments = {b.key: b.count for b in queries.environments_by(filters, "release")}
    return [Bucket(b.key, b.count, {"environments": environments.get(b.key, 0)})
            for b in queries.installations_by(filters, "release")]


def _deployment_time(queries: Queries, filters: Filters) -> Distribution:
    count, average, buckets = queries.deployment_durations(filters, DEPLOYMENT_MINUTES)
    return Distribution(buckets, count, average)


def _deployment_failures(queries: Queries, filters: Filters) -> Distribution:
    count, average, buckets = queries.failures_before_first_success(filters, FAILURES)
    return Distribution(buckets, count, average)


def _health_checks(queries: Queries, filters: Filters) -> Distribution:
    runs, buckets = queries.health_check_failures(filters)
    return Distribution(buckets, runs)


REPORTS = {
    report.name: report
    for report in (
        Report("operating_systems", "Operating systems by installations", "installations",
               lambda q, f: q.installations_by(f, "operating_systems")),
        Report("nodes_per_installation", "Number of nodes by installations", "installations",
               lambda q, f: q.installation_ranges(f, "nodes_num", NODES_PER_INSTALLATION)),
        Report("hypervisors", "Hypervisors by environments", "environments",
               lambda q, f: q.environments_by(f, "hypervisor", missing="unknown")),
        Report("deployment_time", "Successful deployments by duration, and their average in seconds", "deployments",
               _deployment_time, averaged=True),
        Report("releases", "Installations (and environments) by Fuel release", "installations", _releases),
        Report("hardware", "Most common server types (manufacturer and product) by nodes", "nodes",
               lambda q, f: q.nodes_by_hardware(f)),
        Report("deployment_failures",
               "Environments by failed deployments before their first success, and the average", "environments",
               _deployment_failures, averaged=True),
        Report("health_checks", "Failures of each health check (OSTF test) against its runs, the most failing first",
               "test runs", _health_checks, bucket_unit="failures"),
        Report("node_roles", "Nodes by role, and the role combinations of combined nodes", "nodes",
               lambda q, f: q.nodes_by_role(f)),
        Report("network_types", "Network types by environments", "environments",
               lambda q, f: q.environments_by(f, "network_type", missing="unknown")),
        Report("storage", "Storage options by environments", "environments",
               lambda q, f: q.environments_by(f, "storage")),
        Report("components", "Related projects (Sahara, Murano, Ceilometer, ...) by environments", "environments",
               lambda q, f: q.environments_by(f, "components")),
        Report("plugins", "Plugins by environments", "environments", lambda q, f: q.environments_by_plugin(f)),
        Report("deployment_modes", "Deployment modes (HA or not) by environments", "environments",
               lambda q, f: q.environments_by(f, "mode", missing="unknown")),
        Report("environments_per_installation", "Number of environments by installations", "installations",
               lambda q, f: q.installation_ranges(f, "clusters_num", ENVIRONMENTS_PER_INSTALLATION)),
        Report("installations_over_time", "Installations by month of their first report", "installations",
               lambda q, f: q.installations_per_month(f)),
    )
}


def check_filters(queries: Queries, filters: Filters) -> None:
    """Refuse filters the schema lets through but that cannot select anything meaningful: 400, or 404
    for a release no installation reports."""
    if filters.since and filters.until and filters.since > filters.until:
        raise Refused(400, f"from {filters.since} is after to {filters.until}", rule="date-range", path="query.from")
    if filters.release is not None and not queries.release_known(filters.release):
        raise Refused(404, f"no installation reports release {filters.release!r}", rule="known-release",
                      path="query.release")


def report(queries: Queries, name: str, filters: Filters) -> dict[str, Any]:
    definition = REPORTS[name]
    check_filters(queries, filters)
    computed = definition.compute(queries, filters)
    result = computed if isinstance(computed, Distribution) else Distribution(computed)
    total = result.total if result.total is not None else queries.totals(filters)[definition.unit]
    return {
        "report": name,
        "title": definition.title,
        "unit": definition.unit,
        "bucket_unit": definition.bucket_unit or definition.unit,
        "filters": filters.as_json(),
        "total": total,
        "buckets": [
            {"key": b.key, "count": b.count, **({"breakdown": b.breakdown} if b.breakdown is not None else {})}
            for b in result.buckets
        ],
        **({"value": result.value} if definition.averaged else {}),
    }


def summary(queries: Queries, filters: Filters) -> dict[str, Any]:
    check_filters(queries, filters)
    return {"filters": filters.as_json(), **queries.totals(filters),
            "verified_installations": queries.verified_installations(filters)}


def listing() -> dict[str, Any]:
    return {"reports": [{"name": r.name, "title": r.title, "unit": r.unit} for r in REPORTS.values()]}


# Fields of environments only: filtering or aggregating installations by them is refused.
ENVIRONMENT_FIELDS = frozenset({"os", "hypervisor", "network_type", "status", "mode", "storage", "components"})


def public_hit(kind: str, document: dict[str, Any]) -> dict[str, Any]:
    """A hit as the public sees it: named by its opaque installation id, never by its master node's uid."""
    shown = {field: value for field, value in document.items() if field != "master_node_uid"}
    installation = str(shown.get("installation_id"))
    return {"id": installation if kind == "installations" else f"{installation}:{shown.get('cluster_id')}",
            "document": shown}


def search(queries: Queries, kind: str, filters: Filters, *, text: str | None, terms: dict[str, str | None],
           page: int, size: int, sort: str, aggregations: list[str]) -> dict[str, Any]:
    check_filters(queries, filters)
    given = {field: value for field, value in terms.items() if value is not None}
    if kind == "installations":
        for field in sorted(set(given) | set(aggregations)):
            if field in ENVIRONMENT_FIELDS:
                where = f"query.{field}" if field in given else "query.aggs"
                raise Refused(400, f"installations have no {field}: search environments for it",
                              rule="field-of-kind", path=where)
    total, hits, distributions = queries.search(kind, filters, text=text, terms=given, page=page, size=size,
                                                sort=sort, aggregations=aggregations)
    return {
        "kind": kind,
        "total": total,
        "page": page,
        "size": size,
        "hits": [public_hit(kind, document) for _, document in hits],
        "aggregations": {name: [{"key": b.key, "count": b.count} for b in buckets]
                         for name, buckets in distributions.items()},
    }
