"""The private part: only from this machine, exports streamed straight from PostgreSQL."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import zipfile

import pytest

from fuelstats.analytics.context import queries
from fuelstats_common.settings import settings_of


def rows(response) -> list[dict[str, str]]:  # type: ignore[no-untyped-def]
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.text)))


@pytest.mark.parametrize(("peer", "headers"), [
    ("10.20.30.40", {}),                                   # another machine
    ("192.0.2.7", {}),
    ("127.0.0.1", {"X-Forwarded-For": "203.0.113.9"}),    # through a proxy nobody trusted
    ("127.0.0.1", {"X-Forwarded-For": "127.0.0.1"}),       # even when it claims to be local
    ("::1", {"Forwarded": "for=203.0.113.9"}),
])
def test_the_private_part_refuses_everyone_else(population, peer, headers, client_from):
    with client_from(peer, **headers) as client:
        for path in ("/api/v1/private/summary/", "/api/v1/private/exports/clusters/", "/api/v1/private/archive/"):
            response = client.get(path)
            assert response.status_code == 403, path
            assert response.json()["rule"] == "local-only"
        assert client.get("/api/v1/reports/").status_code == 200, "the public part answers everyone"


def test_a_trusted_proxy_passes_on_its_client(population, monkeypatch, client_from):
    monkeypatch.setitem(os.environ, "FUELSTATS_TRUSTED_PROXIES", "10.0.0.5")
    settings_of.cache_clear()
    queries.cache_clear()
    try:
        with client_from("10.0.0.5", **{"X-Forwarded-For": "127.0.0.1"}) as client:
            assert client.get("/api/v1/private/summary/").status_code == 200
        with client_from("10.0.0.5", **{"X-Forwarded-For": "127.0.0.1, 198.51.100.1"}) as client:
            assert client.get("/api/v1/private/summary/").status_code == 403
        # nginx on this machine, trusted, and someone on this machine behind it: it is all one address.
        os.environ["FUELSTATS_TRUSTED_PROXIES"] = "127.0.0.1"
        settings_of.cache_clear()
        with client_from("127.0.0.1", **{"X-Forwarded-For": "127.0.0.1", "X-Real-IP": "127.0.0.1"}) as client:
            assert client.get("/api/v1/private/summary/").status_code == 200
        with client_from("127.0.0.1", **{"X-Forwarded-For": "198.51.100.1"}) as client:
            assert client.get("/api/v1/private/summary/").status_code == 403
    finally:
        settings_of.cache_clear()
        queries.cache_clear()


def test_summary_of_counts(analytics):
    assert analytics.get("/api/v1/private/summary/").json() == {
        "installations": 4, "filtered_installations": 1, "action_logs": 13, "oswl_stats": 3}


def test_clusters_nodes_and_plugins_exports(analytics):
    clusters = rows(analytics.get("/api/v1/private/exports/clusters/"))
    assert sorted((c["master_node_uid"], c["cluster_id"], c["os"], c["hypervisor"]) for c in clusters) == [
        ("a", "1", "Ubuntu", "kvm"), ("a", "2", "CentOS", "qemu"), ("b", "1", "Ubuntu", "vcenter")]
    nodes = rows(analytics.get("/api/v1/private/exports/nodes/"))
    assert sorted((n["master_node_uid"], n["node_id"], n["roles"], n["manufacturer"]) for n in nodes) == [
        ("a", "1", "controller", "Dell"), ("a", "2", "cinder+compute", "HP"), ("a", "3", "compute", "HP"),
        ("a", "4", "controller+mongo", "Supermicro"), ("b", "1", "controller", "Dell"), ("b", "2", "compute", "Dell")]
    plugins = rows(analytics.get("/api/v1/private/exports/plugins/"))
    assert sorted((p["master_node_uid"], p["name"]) for p in plugins) == [("a", "contrail"), ("b", "contrail")]
    everything = rows(analytics.get("/api/v1/private/exports/clusters/", params={"include_filtered": "true"}))
    assert len(everything) == 4


def test_action_logs_and_oswl_exports(analytics):
    logs = rows(analytics.get("/api/v1/private/exports/action_logs/"))
    assert len(logs) == 8 + 3 and {log["master_node_uid"] for log in logs} == {"a", "b"}
    assert {log["result"] for log in logs} == {"ready", "error"}
    vms = rows(analytics.get("/api/v1/private/exports/oswl/vm/"))
    assert sorted(vm["resource_id"] for vm in vms) == ["vm-1", "vm-2"]
    assert rows(analytics.get("/api/v1/private/exports/oswl/flavor/")) == []


def test_a_date_range_selects_and_an_inverted_one_is_refused(analytics):
    assert rows(analytics.get("/api/v1/private/exports/clusters/", params={"from": "2999-01-01"})) == []
    response = analytics.get("/api/v1/private/exports/clusters/", params={"from": "2026-02-01", "to": "2026-01-01"})
    assert (response.status_code, response.json()["rule"]) == (400, "date-range")


def test_the_archive_holds_every_export_dated_when_it_was_written(analytics):
    response = analytics.get("/api/v1/private/archive/")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/zip"
    today = dt.datetime.now(dt.UTC)
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        assert sorted(archive.namelist()) == ["action_logs.csv", "clusters.csv", "nodes.csv", "oswl_vm.csv",
                                              "oswl_volume.csv", "plugins.csv"]
        for entry in archive.infolist():
            written = dt.datetime(*entry.date_time, tzinfo=dt.UTC)
            assert abs(written - today) < dt.timedelta(minutes=5), entry.filename
        for kind in ("clusters", "nodes", "plugins", "action_logs"):
            single = analytics.get(f"/api/v1/private/exports/{kind}/").text
            assert archive.read(f"{kind}.csv").decode() == single


@pytest.mark.parametrize(("path", "params", "filename"), [
    ("/api/v1/private/exports/clusters/", {}, "fuel-stats_clusters_all-dates.csv"),
    ("/api/v1/private/exports/nodes/", {"from": "2026-01-01", "to": "2026-01-31"},
     "fuel-stats_nodes_2026-01-01_to_2026-01-31.csv"),
    ("/api/v1/private/exports/oswl/vm/", {"from": "2026-01-01", "include_filtered": "true"},
     "fuel-stats_oswl_vm_from_2026-01-01_with-filtered.csv"),
    ("/api/v1/private/archive/", {"to": "2026-01-31"}, "fuel-stats_to_2026-01-31.zip"),
])
def test_a_download_is_named_by_its_date_range_and_filters(analytics, path, params, filename):
    response = analytics.get(path, params=params)
    assert response.headers["content-disposition"] == f'attachment; filename="{filename}"'


def test_what_one_master_node_sent(analytics):
    first = analytics.get("/api/v1/private/master_nodes/a/", params={"size": 3}).json()
    assert first["installation_structure"]["release"] == "9.0"
    assert first["installation_structure"]["structure"]["clusters_num"] == 2
    assert (first["action_logs"]["total"], len(first["action_logs"]["items"])) == (6, 3)
    second = analytics.get("/api/v1/private/master_nodes/a/", params={"size": 3, "page": 2}).json()
    assert [log["external_id"] for log in second["action_logs"]["items"]] == [4, 10, 11]
    assert first["oswl_stats"]["total"] == 2
    missing = analytics.get("/api/v1/private/master_nodes/nobody/")
    assert (missing.status_code, missing.json()["rule"]) == (404, "known-master-node")
    assert analytics.get("/api/v1/private/master_nodes/a/", params={"size": 501}).status_code == 400
