"""A master node's data through the whole of fuel-stats, by exact numbers.

Master database (masterdata.py) -> `fuelstats-master sender run --once` -> the collector (gunicorn,
PostgreSQL) -> the ETL -> Elasticsearch -> the analytics API, read through the generated analytics
client. Then the sender runs again: nothing is sent twice and the reports do not move.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from typing import Any

import pytest
from fuelstats_analytics_client import AuthenticatedClient as AnalyticsClient
from fuelstats_analytics_client.api.reports import get_report, get_summary
from fuelstats_analytics_client.models import Report, ReportName, Summary

from fuelstats.analytics.context import queries
from fuelstats.core.elastic import connect
from fuelstats.etl.pipeline import Etl
from fuelstats_common.settings import settings_of
from fuelstats_kit import action_logs, master_settings
from tests.kit import masterdata
from tests.kit.helpers import stored, unsent
from tests.kit.test_kill import run_sender

PREFIX = "test-kit"


@pytest.fixture
def etl(engine, elasticsearch_node) -> Iterator[Any]:  # type: ignore[no-untyped-def]
    es = connect(elasticsearch_node.url)
    es.indices.delete(index=f"{PREFIX}-*", ignore_unavailable=True, allow_no_indices=True)
    pipeline = Etl(primary=engine, reader=engine, es=es, prefix=PREFIX, batch_size=100)
    pipeline.prepare()

    def run() -> dict[str, int]:
        carried = pipeline.run_once()
        es.indices.refresh(index=f"{PREFIX}-*")
        return carried

    yield run
    es.indices.delete(index=f"{PREFIX}-*", ignore_unavailable=True, allow_no_indices=True)
    es.close()


@pytest.fixture
def analytics(elasticsearch_node, monkeypatch, admin_token) -> Iterator[AnalyticsClient]:  # type: ignore[no-untyped-def]
    from fuelstats.analytics.app import create_app

    monkeypatch.setitem(os.environ, "FUELSTATS_ELASTICSEARCH_URL", elasticsearch_node.url)
    monkeypatch.setitem(os.environ, "FUELSTATS_INDEX_PREFIX", PREFIX)
    settings_of.cache_clear()
    queries.cache_clear()
    # Connexion's test client is an httpx.Client: the generated client runs over it unchanged, with
    # its token (which it sends itself when it makes its own httpx client).
    with create_app().test_client(client=("127.0.0.1", 50000),
                                  headers={"Authorization": f"Bearer {admin_token}"}) as transport:
        yield AnalyticsClient(base_url=str(transport.base_url), token=admin_token).set_httpx_client(transport)
    settings_of.cache_clear()
    queries.cache_clear()


def report(client: AnalyticsClient, name: str) -> Report:
    answer = get_report.sync(ReportName(name), client=client)
    assert isinstance(answer, Report), answer
    return answer


def buckets(client: AnalyticsClient, name: str) -> dict[str, int]:
    return {bucket.key: bucket.count for bucket in report(client, name).buckets}


def breakdowns(client: AnalyticsClient, name: str) -> dict[str, tuple[int, dict[str, Any]]]:
    return {b.key: (b.count, b.breakdown.to_dict() if b.breakdown else {}) for b in report(client, name).buckets}


def check_reports(client: AnalyticsClient) -> None:
    summary = get_summary.sync(client=client)
    assert isinstance(summary, Summary), summary
    assert (summary.installations, summary.environments, summary.nodes) == (1, 2, 4)
    assert buckets(client, "operating_systems") == {"CentOS": 1, "Ubuntu": 1}
    assert buckets(client, "hypervisors") == {"kvm": 1, "qemu": 1}
    assert breakdowns(client, "releases") == {"9.0": (1, {"environments": 2})}
    assert buckets(client, "deployment_modes") == {"ha_compact": 1, "multinode": 1}
    assert buckets(client, "network_types") == {"neutron-vlan": 1, "nova_network": 1}
    assert buckets(client, "storage") == {"volumes_lvm": 1, "images_ceph": 1, "volumes_ceph": 1}
    assert buckets(client, "components") == {"sahara": 1, "ceilometer": 1, "mongo": 1}  # murano is off
    assert buckets(client, "plugins") == {"contrail": 1, "none": 1}  # ldap is installed but not enabled
    assert buckets(client, "environments_per_installation")["2"] == 1
    # 4 nodes in environments and 2 discovered but unallocated.
    assert buckets(client, "nodes_per_installation")["6-10"] == 1
    assert buckets(client, "allocated_nodes_per_installation")["1-5"] == 1
    assert [(b.key, b.count) for b in report(client, "hardware").buckets] == [
        ("HP DL360", 2), ("Dell R630", 1), ("Supermicro X9", 1)]
    assert breakdowns(client, "node_roles") == {
        "controller": (2, {"controller": 1, "controller+mongo": 1}),
        "compute": (2, {"compute": 1, "cinder+compute": 1}),
        "cinder": (1, {"cinder+compute": 1}),
        "mongo": (1, {"controller+mongo": 1}),
    }
    # Ended deployments: env 1 error, error, ready after 40 min; env 2 ready after 15 min. The one
    # still running is not there.
    time = report(client, "deployment_time")
    assert (time.total, time.value) == (2, (40 + 15) * 60 / 2)
    failures = report(client, "deployment_failures")
    assert (failures.total, failures.value) == (2, 1.0)
    assert {b.key: b.count for b in failures.buckets}["2"] == 1
    # One health check run: a failure, a success and a skipped test (which did not run).
    checks = report(client, "health_checks")
    assert checks.total == 2
    assert [(b.key, b.count, b.breakdown.to_dict()) for b in checks.buckets] == [
        ("create_volume", 1, {"runs": 1}), ("list_instances", 0, {"runs": 1})]


def test_what_the_master_holds_is_what_the_reports_show(master, engine, collector_server, kit_env, etl, analytics,
                                                        tmp_path):
    masterdata.fill(master)
    started = dt.datetime(2026, 11, 21, 10, 0)
    action_logs.health_check_run(master, cluster_id=1, test_set="sanity", started=started,
                                 ended=started + dt.timedelta(minutes=5),
                                 tests={"list_instances": "success", "create_volume": "failure", "check_dns": "skipped"})
    master_settings.ensure_master_node(master)
    version = tmp_path / "version.yaml"
    version.write_text("VERSION:\n  release: '9.0'\n  api: '1'\n  build_id: '495'\n  feature_groups: [mirantis]\n")
    env = {**kit_env, "FUELSTATS_FUEL_VERSION_FILE": str(version)}

    first = run_sender(env, collector_server)
    assert (first["outcome"], first["action_logs_sent"], first["oswl_stats_sent"]) == ("done", 30, 3)
    carried = etl()
    assert carried["installations"] >= 1 and carried["action_logs"] == 30 and carried["oswl_stats"] == 3, carried
    check_reports(analytics)

    again = run_sender(env, collector_server)
    assert (again["outcome"], again["action_logs_sent"], again["oswl_stats_sent"]) == ("done", 0, 0)
    assert stored(engine) == {"action_logs": 30, "action_log_ids": 30, "installation_structures": 1,
                              "oswl_stats": 3}
    assert unsent(master) == {"action_logs": [5], "oswl_stats": []}
    etl()
    check_reports(analytics)
