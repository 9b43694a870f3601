"""The public search over the fixture population."""

from __future__ import annotations

import pytest

from tests.analytics.fixture import INSTALLATIONS


def search(client, kind: str, **params):  # type: ignore[no-untyped-def]
    response = client.get(f"/api/v1/search/{kind}/", params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_environments_by_field_and_free_text(analytics, public_id):
    a, b = public_id("a"), public_id("b")
    found = search(analytics, "environments", hypervisor="kvm")
    assert [hit["id"] for hit in found["hits"]] == [f"{a}:1"]
    assert found["hits"][0]["document"]["nodes"][1]["roles_combination"] == "cinder+compute"
    assert {hit["id"] for hit in search(analytics, "environments", q="ubuntu vcenter")["hits"]} == {f"{b}:1"}
    assert {hit["id"] for hit in search(analytics, "environments", q="Ubuntu")["hits"]} == {f"{a}:1", f"{b}:1"}
    assert search(analytics, "environments", q="Ubuntu", include_filtered="true")["total"] == 3


def test_installations_with_paging_and_sorting(analytics, public_id):
    ids = sorted(public_id(uid) for uid in "abce")
    first = search(analytics, "installations", sort="installation_id", size=2)
    assert (first["total"], [hit["id"] for hit in first["hits"]]) == (4, ids[:2])
    second = search(analytics, "installations", sort="installation_id", size=2, page=2)
    assert [hit["id"] for hit in second["hits"]] == ids[2:]
    by_nodes = search(analytics, "installations", sort="-nodes_num")
    # c and e have no node: their tie goes by installation id.
    assert [hit["id"] for hit in by_nodes["hits"]] == [public_id("a"), public_id("b"), *sorted(map(public_id, "ce"))]
    assert [hit["id"] for hit in search(analytics, "installations", q="8.0")["hits"]] == [public_id("b")]


def test_the_public_search_never_shows_a_master_node_uid(analytics, public_id):
    """A uid identifies a customer's installation: the search names it by an opaque, stable id instead."""
    uids = {structure["master_node_uid"] for structure in INSTALLATIONS}
    for kind in ("installations", "environments"):
        found = search(analytics, kind, include_filtered="true", size=100)
        # Every installation, and every environment (a's two, b's, dev's; c and e have none), is seen here.
        assert found["total"] == {"installations": len(uids), "environments": 4}[kind]
        assert all("master_node_uid" not in hit["document"] for hit in found["hits"])
        assert {hit["document"]["installation_id"] for hit in found["hits"]} <= {public_id(uid) for uid in uids}
        assert not {hit["id"].split(":")[0] for hit in found["hits"]} & uids
    # The opaque id finds its installation; a uid is no search term (nor free text) of the public search.
    by_id = search(analytics, "environments", installation_id=public_id("a"), include_filtered="true")
    assert {hit["document"]["cluster_id"] for hit in by_id["hits"]} == {1, 2}
    assert search(analytics, "installations", q="a", include_filtered="true")["total"] == 0
    assert analytics.get("/api/v1/search/installations/", params={"master_node_uid": "a"}).status_code == 400


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
def test_free_text_finds_parts_of_values_and_installations_by_their_environments(analytics, public_id, kind, text,
                                                                                 found):
    # "a" is master node a's installation, "a:1" its environment 1: shown by the installation's public id.
    shown = ["{}{}{}".format(public_id(uid), *rest) for uid, *rest in (hit.partition(":") for hit in found)]
    assert sorted(hit["id"] for hit in search(analytics, kind, q=text)["hits"]) == sorted(shown)


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
