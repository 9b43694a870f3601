"""The public search over the fixture population."""

from __future__ import annotations

import pytest


def search(client, kind: str, **params):  # type: ignore[no-untyped-def]
    response = client.get(f"/api/v1/search/{kind}/", params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_environments_by_field_and_free_text(analytics):
    found = search(analytics, "environments", hypervisor="kvm")
    assert [hit["id"] for hit in found["hits"]] == ["a:1"]
    assert found["hits"][0]["document"]["nodes"][1]["roles_combination"] == "cinder+compute"
    assert {hit["id"] for hit in search(analytics, "environments", q="ubuntu vcenter")["hits"]} == {"b:1"}
    assert {hit["id"] for hit in search(analytics, "environments", q="Ubuntu")["hits"]} == {"a:1", "b:1"}
    assert search(analytics, "environments", q="Ubuntu", include_filtered="true")["total"] == 3


def test_installations_with_paging_and_sorting(analytics):
    first = search(analytics, "installations", sort="master_node_uid", size=2)
    assert (first["total"], [hit["id"] for hit in first["hits"]]) == (4, ["a", "b"])
    second = search(analytics, "installations", sort="master_node_uid", size=2, page=2)
    assert [hit["id"] for hit in second["hits"]] == ["c", "e"]
    by_nodes = search(analytics, "installations", sort="-nodes_num")
    assert [hit["id"] for hit in by_nodes["hits"]] == ["a", "b", "c", "e"]
    assert [hit["id"] for hit in search(analytics, "installations", q="8.0")["hits"]] == ["b"]


@pytest.mark.parametrize(("kind", "text", "found"), [
    # The UI's placeholder: an installation is found by its environments' values too.
    ("installations", "ubuntu kvm 9.0", ["a"]),
    ("environments", "ubuntu kvm 9.0", ["a:1"]),
    # Parts of values: ceph in volumes_ceph and images_ceph, gre in neutron-gre.
    ("installations", "ceph", ["a"]),
    ("environments", "ceph", ["a:2"]),
    ("environments", "gre", ["b:1"]),
    ("environments", "nova_network", ["a:2"]),
    # Release versions, whole and in part; the start of a word.
    ("installations", "2014.2-6.0", ["a"]),
    ("environments", "2014.2", ["a:2"]),
    ("installations", "liberty", ["b"]),
    ("installations", "cent", ["a"]),
    ("environments", "contrail murano", ["b:1"]),
    ("installations", "volumes_c", ["a"]),
    # Every word must be found.
    ("installations", "ceph vcenter", []),
    ("installations", "9.0x", []),
])
def test_free_text_finds_parts_of_values_and_installations_by_their_environments(analytics, kind, text, found):
    assert sorted(hit["id"] for hit in search(analytics, kind, q=text)["hits"]) == found


def test_aggregations_from_the_fixed_list(analytics):
    found = search(analytics, "environments", aggs=["os", "network_type"], size=1)
    assert {b["key"]: b["count"] for b in found["aggregations"]["os"]} == {"Ubuntu": 2, "CentOS": 1}
    assert len(found["aggregations"]["network_type"]) == 3 and len(found["hits"]) == 1
    assert {b["key"]: b["count"] for b in search(analytics, "installations", aggs=["release"])["aggregations"][
        "release"]} == {"9.0": 2, "8.0": 1}


@pytest.mark.parametrize(("params", "rule", "where"), [
    ({"size": "101"}, "maximum", "query.size"),
    ({"page": "0"}, "minimum", "query.page"),
    ({"sort": "_script"}, "enum", "query.sort"),
    ({"aggs": "script"}, "enum", "query.aggs"),
    ({"aggs": ["os", "os"]}, "uniqueItems", "query.aggs"),
    ({"q": "x" * 201}, "maxLength", "query.q"),
    ({"query": "{}"}, "unknown-parameter", "query.query"),
])
def test_anything_outside_the_schema_is_a_400(analytics, params, rule, where):
    response = analytics.get("/api/v1/search/environments/", params=params)
    assert response.status_code == 400
    assert (response.json()["rule"], response.json()["path"]) == (rule, where)


def test_installations_have_no_environment_fields(analytics):
    response = analytics.get("/api/v1/search/installations/", params={"hypervisor": "kvm"})
    assert (response.status_code, response.json()["rule"]) == (400, "field-of-kind")
    response = analytics.get("/api/v1/search/installations/", params={"aggs": "os"})
    assert (response.status_code, response.json()["path"]) == (400, "query.aggs")
