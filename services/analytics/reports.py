"""The reports: what each one counts, and the rules its filters follow.

Each report is a distribution computed by one Elasticsearch search (queries.py). Counts are of
installations (master nodes), environments (clusters) or nodes, as the report's unit says.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from fuelstats.analytics.queries import FAILED, SUCCEEDED, UNKNOWN, Bucket, Filters, Queries
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
class Average:
    """What a report's value averages, and in what."""

    title: str
    unit: str  # seconds, failed deployments


@dataclass(frozen=True)
class Report:
    name: str
    title: str
    unit: str  # what the total counts: installations, environments, nodes, deployments or test runs
    dimension: str  # what a bucket's key is: the axis of the buckets
    compute: Callable[[Queries, Filters], list[Bucket] | Distribution]
    average: Average | None = None  # the report also gives an average (its Distribution's value)
    bucket_unit: str | None = None  # what a bucket's count counts, when it is not the unit
    # One counted item can fall in several buckets (an installation with CentOS and Ubuntu
    # environments): the buckets add up to more than the total.
    multiple: bool = False


NONE = "none"  # the bucket of environments with no storage option, component or plugin turned on


def _releases(queries: Queries, filters: Filters) -> list[Bucket]:
    environments = {b.key: b.count for b in queries.environments_by(filters, "release", missing=UNKNOWN)}
    return [Bucket(b.key, b.count, {"environments": environments.get(b.key, 0)})
            for b in queries.installations_by(filters, "release")]


def _release_versions(queries: Queries, filters: Filters) -> list[Bucket]:
    installations = {b.key: b.count for b in queries.installations_by(filters, "release_versions", missing=None)}
    return [Bucket(b.key, b.count, {"installations": installations.get(b.key, 0)})
            for b in queries.environments_by(filters, "openstack_version", missing=UNKNOWN)]


def _deployment_time(queries: Queries, filters: Filters) -> Distribution:
    count, average, buckets = queries.deployment_durations(filters, DEPLOYMENT_MINUTES)
    return Distribution(buckets, count, average)


def _deployment_failures(queries: Queries, filters: Filters) -> Distribution:
    count, average, buckets = queries.failures_before_first_success(filters, FAILURES)
    return Distribution(buckets, count, average)


def _health_checks(queries: Queries, filters: Filters) -> Distribution:
    runs, buckets = queries.health_check_failures(filters)
    return Distribution(buckets, runs)


def _of_nodes(count: Callable[[Queries, Filters], tuple[int, list[Bucket]]]
              ) -> Callable[[Queries, Filters], Distribution]:
    """A distribution of the nodes the environments list, over that many nodes."""
    def compute(queries: Queries, filters: Filters) -> Distribution:
        total, buckets = count(queries, filters)
        return Distribution(buckets, total)

    return compute


REPORTS = {
    report.name: report
    for report in (
        Report("operating_systems", "Operating systems by installations", "installations", "operating system",
               lambda q, f: q.installations_by(f, "operating_systems"), multiple=True),
        Report("nodes_per_installation",
               "Number of nodes by installations: all the nodes a master manages, in environments or unallocated",
               "installations", "nodes", lambda q, f: q.installation_ranges(f, "all_nodes_num", NODES_PER_INSTALLATION)),
        Report("allocated_nodes_per_installation",
               "Number of nodes in environments by installations (unallocated nodes left out)", "installations",
               "nodes in environments",
               lambda q, f: q.installation_ranges(f, "nodes_num", NODES_PER_INSTALLATION)),
        Report("hypervisors", "Hypervisors by environments", "environments", "hypervisor",
               lambda q, f: q.environments_by(f, "hypervisor", missing=UNKNOWN)),
        Report("deployment_time", "Successful deployments by duration", "deployments", "duration",
               _deployment_time, average=Average("average duration of a successful deployment", "seconds")),
        Report("releases", "Installations (and environments) by Fuel release", "installations", "Fuel release",
               _releases),
        Report("release_versions",
               "Environments (and installations) by release version: OpenStack and Fuel versions as masters "
               "report them", "environments", "release version", _release_versions),
        Report("hardware", "Most common server types (manufacturer and product) by nodes", "nodes",
               "manufacturer and product", _of_nodes(lambda q, f: q.nodes_by_hardware(f))),
        Report("deployment_failures", "Environments by failed deployments before their first success",
               "environments", "failed deployments before the first success", _deployment_failures,
               average=Average("average failed deployments before an environment's first success",
                               "failed deployments")),
        Report("health_checks", "Failures of each health check (OSTF test) against its runs, the most failing first",
               "test runs", "health check", _health_checks, bucket_unit="failures"),
        Report("node_roles", "Nodes by role, and the role combinations of combined nodes", "nodes", "role",
               _of_nodes(lambda q, f: q.nodes_by_role(f)), multiple=True),
        Report("network_types", "Network types by environments", "environments", "network type",
               lambda q, f: q.environments_by(f, "network_type", missing=UNKNOWN)),
        Report("storage", "Storage options by environments", "environments", "storage option",
               lambda q, f: q.environments_by(f, "storage", missing=NONE), multiple=True),
        Report("components", "Related projects (Sahara, Murano, Ceilometer, ...) by environments", "environments",
               "related project", lambda q, f: q.environments_by(f, "components", missing=NONE), multiple=True),
        Report("plugins", "Plugins by environments", "environments", "plugin",
               lambda q, f: q.environments_by_plugin(f, none=NONE), multiple=True),
        Report("deployment_modes", "Deployment modes (HA or not) by environments", "environments", "deployment mode",
               lambda q, f: q.environments_by(f, "mode", missing=UNKNOWN)),
        Report("environments_per_installation", "Number of environments by installations", "installations",
               "environments", lambda q, f: q.installation_ranges(f, "clusters_num", ENVIRONMENTS_PER_INSTALLATION)),
        Report("installations_over_time", "Installations by month of their first report", "installations",
               "month of the first report", lambda q, f: q.installations_per_month(f)),
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
    average = definition.average
    return {
        "report": name,
        "title": definition.title,
        "unit": definition.unit,
        "bucket_unit": definition.bucket_unit or definition.unit,
        "dimension": definition.dimension,
        "multiple": definition.multiple,
        "filters": filters.as_json(),
        "total": total,
        "buckets": [
            {"key": b.key, "count": b.count, **({"breakdown": b.breakdown} if b.breakdown is not None else {})}
            for b in result.buckets
        ],
        **({"value": result.value, "value_title": average.title, "value_unit": average.unit} if average else {}),
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


def installation_history(queries: Queries, installation_id: str) -> dict[str, Any]:
    """An installation's deployments and health check runs, and per environment how deploying went.

    Public: the installation is named by its opaque id, as the search shows it; its master node's
    uid, which the action logs are found by, stays inside (docs/security.md)."""
    master_node_uid = queries.master_node_of(installation_id)
    if master_node_uid is None:
        raise Refused(404, f"no installation has the id {installation_id!r}", rule="known-installation",
                      path="path.installation_id")
    deployments, runs = queries.installation_history(master_node_uid)
    environments: dict[int | None, list[dict[str, Any]]] = {}
    for deployment in deployments:
        environments.setdefault(deployment.get("cluster_id"), []).append(deployment)
    return {
        "installation_id": installation_id,
        "environments": [_deployments_of(cluster_id, tasks) for cluster_id, tasks in sorted(
            environments.items(), key=lambda item: (item[0] is None, item[0] or 0))],
        "deployments": [{"cluster_id": d.get("cluster_id"), "started": d.get("start_timestamp"),
                         "ended": d.get("end_timestamp"), "duration_seconds": d.get("duration_seconds"),
                         "result": d.get("result"), "release_version": d.get("release_version")}
                        for d in deployments],
        "health_check_runs": [_health_check_run(run) for run in runs],
    }


def _deployments_of(cluster_id: int | None, tasks: list[dict[str, Any]]) -> dict[str, Any]:
    ended = [task for task in tasks if task.get("end_timestamp")]
    durations = [task["duration_seconds"] for task in ended
                 if task.get("result") == SUCCEEDED and task.get("duration_seconds") is not None]
    return {"cluster_id": cluster_id, "attempts": len(ended),
            "failures": sum(task.get("result") == FAILED for task in ended),
            "successes": sum(task.get("result") == SUCCEEDED for task in ended),
            "last_result": ended[-1].get("result") if ended else None,
            "average_success_seconds": sum(durations) / len(durations) if durations else None}


def _health_check_run(run: dict[str, Any]) -> dict[str, Any]:
    tests = run.get("health_checks") or []
    test_set = (run.get("additional_info") or {}).get("test_set")
    return {"cluster_id": run.get("cluster_id"), "started": run.get("start_timestamp"),
            "duration_seconds": run.get("duration_seconds"),
            "test_set": test_set if isinstance(test_set, str) else None,
            "ran": sum(bool(test.get("ran")) for test in tests), "failed": sum(bool(test.get("failed")) for test in tests),
            "failed_tests": [test["name"] for test in tests if test.get("failed")]}
