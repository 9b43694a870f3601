"""Every report against the fixture population (fixture.py), by numbers worked out by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from fuelstats import resources
from fuelstats.analytics.reports import REPORTS
from fuelstats.core.openapi import load_spec
from tests.analytics.fixture import CHECK_DNS, CREATE_VOLUME, LIST_INSTANCES, RELEASE_VERSION


def buckets(client, name: str, **params: str) -> dict[str, int]:  # type: ignore[no-untyped-def]
    response = client.get(f"/api/v1/reports/{name}/", params=params)
    assert response.status_code == 200, response.text
    return {b["key"]: b["count"] for b in response.json()["buckets"]}


def test_operating_systems_by_installations(analytics):
    # Ubuntu: a and b; CentOS: a (a counts in both); c and e have no environment; dev is filtered out.
    report = analytics.get("/api/v1/reports/operating_systems/").json()
    assert {b["key"]: b["count"] for b in report["buckets"]} == {"Ubuntu": 2, "CentOS": 1, "unknown": 2}
    assert (report["total"], report["multiple"], report["dimension"]) == (4, True, "operating system")
    assert buckets(analytics, "operating_systems", include_filtered="true") == {"Ubuntu": 3, "CentOS": 1, "unknown": 2}


def test_nodes_per_installation_counts_unallocated_nodes_and_the_other_report_does_not(analytics):
    # a: 3 + 1 nodes, b: 2, c: none in environments but 3 unallocated, e: none at all.
    assert buckets(analytics, "nodes_per_installation") == {
        "0": 1, "1-5": 3, "6-10": 0, "11-20": 0, "21-50": 0, "51-100": 0, "101+": 0}
    assert buckets(analytics, "allocated_nodes_per_installation") == {
        "0": 2, "1-5": 2, "6-10": 0, "11-20": 0, "21-50": 0, "51-100": 0, "101+": 0}


def test_hypervisors_by_environments(analytics):
    assert buckets(analytics, "hypervisors") == {"kvm": 1, "qemu": 1, "vcenter": 1}
    assert buckets(analytics, "hypervisors", include_filtered="true") == {"kvm": 2, "qemu": 1, "vcenter": 1}


def test_average_deployment_time(analytics):
    # Successful deployments: a/1 40 min, a/2 15 min, b/1 70 and 20 min (dev's 100 min is filtered).
    report = analytics.get("/api/v1/reports/deployment_time/").json()
    assert (report["total"], report["value"]) == (4, (40 + 15 + 70 + 20) * 60 / 4)
    assert (report["value_title"], report["value_unit"]) == ("average duration of a successful deployment", "seconds")
    assert {b["key"]: b["count"] for b in report["buckets"]} == {
        "under 10 min": 0, "10-30 min": 2, "30-60 min": 1, "1-2 h": 1, "2 h or more": 0}
    everything = analytics.get("/api/v1/reports/deployment_time/", params={"include_filtered": "true"}).json()
    assert (everything["total"], everything["value"]) == (5, (40 + 15 + 70 + 20 + 100) * 60 / 5)
    eight = analytics.get("/api/v1/reports/deployment_time/", params={"release": "8.0"}).json()
    assert (eight["total"], eight["value"]) == (2, (70 + 20) * 60 / 2)


def test_average_failures_before_the_first_success(analytics):
    # First successes: a/1 after 2 failures, a/2 after none, b/1 after 1 (b's later failure is not before its first).
    report = analytics.get("/api/v1/reports/deployment_failures/").json()
    assert (report["total"], report["value"]) == (3, 1.0)
    assert {b["key"]: b["count"] for b in report["buckets"]} == {"0": 1, "1": 1, "2": 1, "3-5": 0, "6 or more": 0}


def test_health_checks_most_failing_first(analytics):
    report = analytics.get("/api/v1/reports/health_checks/").json()
    assert report["unit"] == "test runs" and report["total"] == 8 and "value" not in report
    assert report["bucket_unit"] == "failures"
    assert [(b["key"], b["count"], b["breakdown"]["runs"]) for b in report["buckets"]] == [
        (CREATE_VOLUME, 2, 3), (CHECK_DNS, 1, 2), (LIST_INSTANCES, 0, 3)]
    everything = analytics.get("/api/v1/reports/health_checks/", params={"include_filtered": "true"}).json()
    assert everything["total"] == 9
    assert {b["key"]: (b["count"], b["breakdown"]["runs"]) for b in everything["buckets"]}[LIST_INSTANCES] == (1, 4)
    assert buckets(analytics, "health_checks", release="8.0") == {CREATE_VOLUME: 0, LIST_INSTANCES: 0}


def test_releases_with_their_environments_add_up_to_the_total(analytics):
    response = analytics.get("/api/v1/reports/releases/").json()
    assert {b["key"]: (b["count"], b["breakdown"]["environments"]) for b in response["buckets"]} == {
        "9.0": (2, 2), "8.0": (1, 1), "unknown": (1, 0)}
    assert response["total"] == 4 and response["unit"] == response["bucket_unit"] == "installations"
    assert sum(b["count"] for b in response["buckets"]) == response["total"] and response["multiple"] is False


def test_release_versions_as_masters_report_them(analytics):
    response = analytics.get("/api/v1/reports/release_versions/").json()
    assert {b["key"]: (b["count"], b["breakdown"]["installations"]) for b in response["buckets"]} == {
        "mitaka-9.0": (1, 1), RELEASE_VERSION: (1, 1), "liberty-8.0": (1, 1)}
    assert (response["total"], response["unit"]) == (3, "environments")


def test_the_release_filter_takes_a_release_version(analytics):
    # 2014.2-6.0: a's second environment, so installation a, and that environment's deployment.
    summary = analytics.get("/api/v1/summary/", params={"release": RELEASE_VERSION}).json()
    assert (summary["installations"], summary["environments"], summary["nodes"]) == (1, 1, 1)
    assert buckets(analytics, "hypervisors", release=RELEASE_VERSION) == {"qemu": 1}
    assert buckets(analytics, "releases", release=RELEASE_VERSION) == {"9.0": 1}
    deployments = analytics.get("/api/v1/reports/deployment_time/", params={"release": RELEASE_VERSION}).json()
    assert (deployments["total"], deployments["value"]) == (1, 15 * 60)
    assert buckets(analytics, "health_checks", release=RELEASE_VERSION) == {}
    assert buckets(analytics, "release_versions", release=RELEASE_VERSION) == {RELEASE_VERSION: 1}


def test_most_common_hardware(analytics):
    response = analytics.get("/api/v1/reports/hardware/").json()
    assert [(b["key"], b["count"]) for b in response["buckets"]] == [
        ("Dell R630", 3), ("HP DL360", 2), ("Supermicro X9", 1)]
    assert response["total"] == 6


def test_node_roles_with_combined_nodes(analytics):
    response = analytics.get("/api/v1/reports/node_roles/").json()
    roles = {b["key"]: (b["count"], b["breakdown"]) for b in response["buckets"]}
    assert roles == {
        "controller": (3, {"controller": 2, "controller+mongo": 1}),
        "compute": (3, {"compute": 2, "cinder+compute": 1}),
        "cinder": (1, {"cinder+compute": 1}),
        "mongo": (1, {"controller+mongo": 1}),
    }
    assert response["total"] == 6 and response["unit"] == "nodes" and response["multiple"] is True


def test_network_types(analytics):
    assert buckets(analytics, "network_types") == {"neutron-vlan": 1, "nova_network": 1, "neutron-gre": 1}


def test_storage_options(analytics):
    # b's environment turns none on.
    assert buckets(analytics, "storage") == {"volumes_lvm": 1, "images_ceph": 1, "volumes_ceph": 1, "none": 1}


def test_related_projects(analytics):
    assert buckets(analytics, "components") == {"sahara": 1, "ceilometer": 1, "mongo": 1, "murano": 1}


def test_plugins(analytics):
    assert buckets(analytics, "plugins") == {"contrail": 2, "none": 1}


def test_deployment_modes(analytics):
    assert buckets(analytics, "deployment_modes") == {"ha_compact": 2, "multinode": 1}


def test_environments_per_installation(analytics):
    assert buckets(analytics, "environments_per_installation") == {"0": 2, "1": 1, "2": 1, "3-5": 0, "6-10": 0,
                                                                    "11+": 0}


def test_installations_over_time(analytics):
    this_month = dt.datetime.now(dt.UTC).strftime("%Y-%m")
    assert buckets(analytics, "installations_over_time") == {this_month: 4}


def test_a_release_filter_applies_to_every_report(analytics):
    assert buckets(analytics, "operating_systems", release="8.0") == {"Ubuntu": 1}
    assert buckets(analytics, "hypervisors", release="9.0") == {"kvm": 1, "qemu": 1}
    assert buckets(analytics, "hardware", release="8.0") == {"Dell R630": 2}
    summary = analytics.get("/api/v1/summary/", params={"release": "9.0"}).json()
    assert (summary["installations"], summary["environments"], summary["nodes"]) == (2, 2, 4)


def test_a_date_range_applies_to_every_report(analytics):
    today = dt.datetime.now(dt.UTC).date()
    tomorrow = (today + dt.timedelta(days=1)).isoformat()
    assert buckets(analytics, "hypervisors", **{"from": tomorrow}) == {}
    assert buckets(analytics, "hypervisors", to=today.isoformat()) == {"kvm": 1, "qemu": 1, "vcenter": 1}
    assert buckets(analytics, "health_checks", **{"from": tomorrow}) == {}


def test_summary(analytics):
    summary = analytics.get("/api/v1/summary/").json()
    assert (summary["installations"], summary["environments"], summary["nodes"], summary["unallocated_nodes"]) == (
        4, 3, 6, 3)
    everything = analytics.get("/api/v1/summary/", params={"include_filtered": "true"}).json()
    assert (everything["installations"], everything["environments"], everything["nodes"]) == (5, 4, 7)


@pytest.mark.parametrize("name", list(REPORTS))
def test_every_item_counts_in_some_bucket(analytics, name):
    """Buckets add up to the total (unknown ones included), or to more when one item can count in
    several; the health checks count failures against runs."""
    report = analytics.get(f"/api/v1/reports/{name}/", params={"include_filtered": "true"}).json()
    added = sum(b["count"] for b in report["buckets"])
    if name == "health_checks":
        assert sum(b["breakdown"]["runs"] for b in report["buckets"]) == report["total"]
    elif report["multiple"]:
        assert added >= report["total"]
    else:
        assert added == report["total"], name


def test_the_spec_lists_every_report():
    spec = load_spec(resources.openapi_dir() / "analytics.yaml")
    names = spec["paths"]["/api/v1/reports/{name}/"]["get"]["parameters"][0]["schema"]["enum"]
    assert names == list(REPORTS)


def test_list_of_reports(analytics):
    listed = analytics.get("/api/v1/reports/").json()["reports"]
    assert [r["name"] for r in listed] == list(REPORTS)


def test_an_unknown_release_is_404(analytics):
    response = analytics.get("/api/v1/reports/hypervisors/", params={"release": "99.9"})
    assert response.status_code == 404
    assert (response.json()["rule"], response.json()["path"]) == ("known-release", "query.release")


@pytest.mark.parametrize(
    ("path", "params", "rule", "where"),
    [
        ("/api/v1/reports/horoscope/", {}, "enum", "path.name"),
        ("/api/v1/reports/hypervisors/", {"from": "2026-02-01", "to": "2026-01-01"}, "date-range", "query.from"),
        ("/api/v1/reports/hypervisors/", {"from": "yesterday"}, "format", "query.from"),
        ("/api/v1/reports/hypervisors/", {"include_filtered": "maybe"}, "type", "query.include_filtered"),
        ("/api/v1/reports/hypervisors/", {"size": "10"}, "unknown-parameter", "query.size"),
        ("/api/v1/summary/", {"to": "2026-13-01"}, "format", "query.to"),
        ("/api/v1/private/failure_reports/", {"release": "9.0\x00"}, "storable-text", "query.release"),
    ],
)
def test_bad_filters_get_a_clear_400(analytics, path, params, rule, where):
    response = analytics.get(path, params=params)
    assert response.status_code == 400
    assert (response.json()["rule"], response.json()["path"]) == (rule, where)
