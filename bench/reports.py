"""Report latency: every report of the analytics API at 10k and 100k installations with their action logs.

The analytics service runs as `fuelstats analytics serve` (gunicorn) against a real Elasticsearch
node. The indices hold what the ETL would write for a generated population (the documents are
built by the ETL's own transform functions): installations with 0 to 4 environments of 1 to 20
nodes, each environment with its deployments (failures before a success) and a health check run.
Each report is asked with four filter sets in turn (none, a release, a date range, filtered
installations included); the baseline, in the same run, is a `_count` sent straight to
Elasticsearch, the cheapest question a report could cost.

    python -m bench.reports --output docs/benchmarks.md [--sizes 10000 100000]
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import random
import sys
import time
from collections.abc import Iterator
from typing import Any

import httpx
from elasticsearch.helpers import streaming_bulk

from bench.common import analytics_reader, collector_cluster, elasticsearch_node, fuelstats_env, percentile, run_sized, service
from fuelstats.analytics.reports import REPORTS
from fuelstats.core.elastic import alias, connect
from fuelstats.etl import search, transform

SECTION = "reports"
PREFIX = "bench"
RELEASES = ["7.0", "8.0", "9.0", "9.1", "10.0"]
ROLE_SETS = [["controller"], ["compute"], ["compute", "cinder"], ["ceph-osd"], ["controller", "mongo"],
             ["cinder"], ["compute", "ceph-osd"], ["zabbix-server"]]
HARDWARE = [("Dell", "R630"), ("HP", "DL360"), ("Supermicro", "X9"), ("Lenovo", "SR650"), ("QEMU", "Standard PC")]
TESTS = [f"fuel_health.tests.sanity.Test{n:02d}" for n in range(40)]
FLAGS = ["volumes_lvm", "volumes_ceph", "images_ceph", "sahara", "murano", "ceilometer"]
START = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
CLUSTER_RELEASE_VERSION = "mitaka-9.0"  # every environment's, and so its action logs'
FILTER_SETS: list[dict[str, str]] = [{}, {"release": "9.0"}, {"from": "2025-03-01", "to": "2025-09-30"},
                                     {"include_filtered": "true"}]
ROUNDS = 10  # of every filter set, per report


def structure(rng: random.Random, clusters: int) -> dict[str, Any]:
    def cluster(cluster_id: int) -> dict[str, Any]:
        nodes = [{"id": n, "roles": rng.choice(ROLE_SETS), "status": "ready", "os": "ubuntu",
                  "manufacturer": (hw := rng.choice(HARDWARE))[0], "platform_name": hw[1]}
                 for n in range(rng.randint(1, 20))]
        return {
            "id": cluster_id, "mode": rng.choice(["ha_compact", "multinode"]), "status": "operational",
            "nodes_num": len(nodes), "nodes": nodes,
            "release": {"version": CLUSTER_RELEASE_VERSION, "os": rng.choice(["Ubuntu", "CentOS"]), "name": "Mitaka"},
            "net_provider": rng.choice(["neutron", "nova_network"]),
            "network_configuration": {"segmentation_type": rng.choice(["vlan", "gre", "tun"])},
            "attributes": {"libvirt_type": rng.choice(["kvm", "qemu", "vcenter"]),
                           **{flag: True for flag in rng.sample(FLAGS, 2)}},
            "installed_plugins": [{"name": rng.choice(["contrail", "lma", "nsxv"]), "version": "1.0.0"}],
        }
    return {"clusters_num": clusters, "clusters": [cluster(c + 1) for c in range(clusters)]}


def log(master: str, external_id: int, cluster_id: int, installed: dt.datetime, release: str, filtered: bool,
        group: str, name: str, end: str, info: dict[str, Any], **derived: Any) -> tuple[str, dict[str, Any]]:
    """A Nailgun task's document, from a row shaped as the action_logs stream reads it (source.py)."""
    row = {"master_node_uid": master, "external_id": external_id, "received_at": installed, "release": release,
           "is_filtered": filtered, "installation_created": installed,
           "release_version": CLUSTER_RELEASE_VERSION, "failures_before": None,
           "first_success": None, "action_type": "nailgun_task", "action_group": group, "action_name": name,
           "actor_id": None, "cluster_id": str(cluster_id), "task_uuid": None,
           "start_timestamp": "2026-11-20T10:00:00", "end_timestamp": end,
           "ended_with_status": info.get("ended_with_status"), "request_result": None,
           "message": None, "tests": info.get("tests"), "additional_info": json.dumps(info), **derived}
    return transform.action_log_document(row)


def population(first: int, last: int) -> Iterator[tuple[str, tuple[str, dict[str, Any]]]]:
    """(kind, document) of installations first..last-1, the same whatever the run."""
    for n in range(first, last):
        rng = random.Random(n)
        master, release, filtered = f"master-{n:06d}", rng.choice(RELEASES), rng.random() < 0.05
        installed = START + dt.timedelta(minutes=rng.randrange(600 * 24 * 60))
        installation, clusters = transform.installation_documents(
            master, structure(rng, rng.randint(0, 4)), release=release, is_filtered=filtered,
            creation_date=installed, modification_date=installed)
        yield "installations", installation
        external_id = 0
        for document in clusters:
            yield "clusters", document
            cluster = document[1]
            failures = rng.choice([0, 0, 0, 1, 2])
            for attempt in range(failures + 1):
                external_id += 1
                status = "ready" if attempt == failures else "error"
                minutes = rng.randint(5, 150)
                yield "action_logs", log(
                    master, external_id, cluster["cluster_id"], installed, release, filtered, "cluster_changes",
                    "deployment", f"2026-11-20T{10 + minutes // 60:02d}:{minutes % 60:02d}:00",
                    {"ended_with_status": status},
                    failures_before=failures if status == "ready" else None, first_success=status == "ready")
            external_id += 1
            yield "action_logs", log(
                master, external_id, cluster["cluster_id"], installed, release, filtered, "health_check",
                "ostf_testrun", "2026-11-20T10:05:00",
                {"tests": [{"name": t, "status": rng.choice(["success"] * 8 + ["failure", "skipped"])} for t in TESTS]})


def fill(es: Any, first: int, last: int) -> int:
    indices = {kind: search.indices_behind(es, alias(PREFIX, kind))[0] for kind in search.KINDS}
    actions = (search.index_action(document, indices[kind]) for kind, document in population(first, last))
    documents = sum(1 for ok, _ in streaming_bulk(es, actions, chunk_size=2000, raise_on_error=True) if ok)
    es.indices.refresh(index=f"{PREFIX}-*")
    return documents


def timed(client: httpx.Client, url: str, **params: str) -> float:
    started = time.perf_counter()
    response = client.get(url, params=params)
    elapsed = time.perf_counter() - started
    response.raise_for_status()
    return elapsed


def latencies(client: httpx.Client, base: str, es_url: str) -> dict[str, Any]:
    for name in REPORTS:  # warm caches once, as a service that has been running would have them
        timed(client, f"{base}/api/v1/reports/{name}/")
    per_report = {}
    for name in REPORTS:
        samples = [timed(client, f"{base}/api/v1/reports/{name}/", **filters)
                   for _ in range(ROUNDS) for filters in FILTER_SETS]
        per_report[name] = samples
    everything = [s for samples in per_report.values() for s in samples]
    baseline = [timed(client, f"{es_url}/{alias(PREFIX, 'installations')}/_count") for _ in range(200)]
    return {
        "reports": {name: (percentile(s, 0.5), percentile(s, 0.95)) for name, s in per_report.items()},
        "all": (percentile(everything, 0.5), percentile(everything, 0.95)),
        "baseline": (percentile(baseline, 0.5), percentile(baseline, 0.95)),
    }


def measure(sizes: list[int]) -> dict[int, Any]:
    results: dict[int, Any] = {}
    with elasticsearch_node() as node, collector_cluster() as (cluster, _):
        es = connect(node.url)
        search.ensure_indices(es, PREFIX)
        # Every request is authenticated, as in production: its token looked up in the analytics' database.
        accounts, token = analytics_reader(cluster)
        env = fuelstats_env("postgresql://unused@127.0.0.1:1/unused", elasticsearch_url=node.url, index_prefix=PREFIX,
                            analytics_database_url=accounts)
        with (service(["analytics", "serve"], env, "/api/v1/reports/") as (base, _),
              httpx.Client(timeout=60, headers={"Authorization": f"Bearer {token}"}) as client):
            filled = 0
            for size in sizes:
                documents = fill(es, filled, size)
                filled = size
                counts = {kind: es.count(index=alias(PREFIX, kind))["count"] for kind in search.KINDS}
                results[size] = {"documents": documents, "counts": counts, **latencies(client, base, node.url)}
    return results


def render(results: dict[int, Any]) -> str:
    sizes = sorted(results)
    ms = lambda seconds: f"{seconds * 1000:.0f} ms"  # noqa: E731
    lines = [
        f"<!-- {SECTION}: begin -->",
        "## Analytics: report latency",
        "",
        f"Measured {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC on {platform.machine()}, {os.cpu_count()} cores, by"
        " `make bench` (bench/reports.py): `fuelstats analytics serve` (gunicorn, 2 workers) and one",
        "Elasticsearch node (1 GiB heap) on the same machine, one client (with an API token, which every request",
        "looks up in the analytics' own PostgreSQL database) asking each report in turn with",
        f"{len(FILTER_SETS)} filter sets (none, a release, a date range, filtered included), {ROUNDS} rounds. Baseline:"
        " a `_count` sent straight to Elasticsearch in the same run. Target: p95 under 200 ms at 100k installations.",
        "Repeats are answered from Elasticsearch's request cache until the next refresh, as on a running service;",
        "the first ask of each filter set, uncached, is among the samples.",
        "",
        "| installations | environments | action logs | all reports p50 | p95 | p95 / baseline p95 | baseline p50 | p95 |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for size in sizes:
        r = results[size]
        counts = r["counts"]
        lines.append(f"| {counts['installations']:,} | {counts['clusters']:,} | {counts['action_logs']:,} |"
                     f" {ms(r['all'][0])} | {ms(r['all'][1])} | {r['all'][1] / r['baseline'][1]:.1f}x |"
                     f" {ms(r['baseline'][0])} | {ms(r['baseline'][1])} |")
    lines += ["", "Per report, p50 / p95:", "",
              "| report | " + " | ".join(f"{size:,} installations" for size in sizes) + " |",
              "| --- | " + " | ".join("---:" for _ in sizes) + " |"]
    for name in REPORTS:
        lines.append(f"| {name} | " + " | ".join(
            f"{ms(results[size]['reports'][name][0])} / {ms(results[size]['reports'][name][1])}" for size in sizes)
            + " |")
    lines += ["", f"<!-- {SECTION}: end -->"]
    return "\n".join(lines) + "\n"


def main() -> int:
    return run_sized(__doc__, SECTION, [10_000, 100_000], measure, render)


if __name__ == "__main__":
    sys.exit(main())
