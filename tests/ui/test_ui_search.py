"""The search page in Chromium: find installations and environments, open one, page through."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from tests.analytics.fixture import CREATE_VOLUME

HIT_IDS = "() => [...document.querySelectorAll('.results table.hits tbody tr')].map(row => row.dataset.id)"


def hit_ids(page) -> list[str]:  # type: ignore[no-untyped-def]
    page.wait_for_function("() => document.querySelector('.results').dataset.state !== 'loading'")
    return page.evaluate(HIT_IDS)  # type: ignore[no-any-return]


def api_ids(server, kind: str, **params: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [hit["id"] for hit in server.get(f"/api/v1/search/{kind}/", **params)["hits"]]


def test_search_finds_an_installation_and_its_page_shows_its_clusters(server, open_page, output, public_id):
    b = public_id("b")  # the public search names installations by an opaque id (docs/security.md)
    visit = open_page(server)
    page = visit.page
    page.goto(server.url + "/search")
    assert hit_ids(page) == api_ids(server, "installations")

    page.fill("#search-q", "8.0")
    page.press("#search-q", "Enter")
    page.wait_for_url("**/search?q=8.0")
    assert hit_ids(page) == api_ids(server, "installations", q="8.0") == [b]

    page.click(f".results a:text-is('{b}')")
    page.wait_for_url(f"**/installation?id={b}")
    page.wait_for_selector("section.environment")
    assert page.locator("h1").inner_text() == f"Installation {b}"
    environment = page.locator("#environment-1")
    assert "vcenter" in environment.inner_text() and "neutron-gre" in environment.inner_text()
    nodes = environment.locator("table.nodes tbody tr")
    assert [nodes.nth(i).inner_text().split("\t") for i in range(nodes.count())] == [
        ["1", "controller", "ready", "ubuntu", "Dell R630"], ["2", "compute", "ready", "ubuntu", "Dell R630"]]
    assert visit.errors == [] and visit.outside == []


def test_search_environments_by_field_and_open_one(server, open_page, output, public_id):
    a = public_id("a")
    visit = open_page(server)
    page = visit.page
    page.goto(server.url + "/search")
    hit_ids(page)
    page.select_option("#search-kind", "environments")
    page.wait_for_url("**/search?kind=environments")
    assert hit_ids(page) == api_ids(server, "environments")
    # A value of a distribution over the results narrows the search to it.
    page.click(".facet[data-facet=os] a:text-is('CentOS (1)')")
    page.wait_for_url("**/search?kind=environments&os=CentOS")
    assert hit_ids(page) == api_ids(server, "environments", os="CentOS") == [f"{a}:2"]
    page.go_back()
    assert hit_ids(page) == api_ids(server, "environments")
    page.fill("#search-hypervisor", "kvm")
    page.click("button[type=submit]")
    page.wait_for_url("**/search?kind=environments&hypervisor=kvm")
    assert hit_ids(page) == api_ids(server, "environments", hypervisor="kvm") == [f"{a}:1"]
    page.screenshot(path=str(output / "search.png"), full_page=True)

    page.click(f".results a:text-is('{a}:1')")
    page.wait_for_url(f"**/installation?id={a}#environment-1")
    page.wait_for_selector("section.environment")
    clusters = page.locator("section.environment")
    assert [clusters.nth(i).get_attribute("data-cluster-id") for i in range(clusters.count())] == ["1", "2"]
    page.screenshot(path=str(output / "installation.png"), full_page=True)
    first, second = page.locator("#environment-1").inner_text(), page.locator("#environment-2").inner_text()
    assert all(word in first for word in ("volumes_lvm", "sahara", "contrail", "neutron-vlan", "cinder, compute"))
    assert {"images_ceph", "volumes_ceph", "nova_network", "controller, mongo", "Supermicro X9"} <= set(
        part.strip() for line in second.splitlines() for part in [line, *line.split("\t"), *line.split(",")])
    assert visit.errors == [] and visit.outside == []


def test_paging_through_results(server, open_page, public_id):
    ids = sorted(public_id(uid) for uid in "abce")
    page = open_page(server).page
    page.goto(server.url + "/search?sort=installation_id&size=2")
    assert hit_ids(page) == ids[:2]
    assert "page 1 of 2" in page.locator(".results .meta").inner_text()
    page.click("text=Next →")
    page.wait_for_function("() => location.search.includes('page=2')")
    assert hit_ids(page) == api_ids(server, "installations", sort="installation_id", size="2", page="2") == ids[2:]
    assert {k: v[-1] for k, v in parse_qs(urlsplit(page.url).query).items()} == {
        "sort": "installation_id", "size": "2", "page": "2"}
    page.reload()
    assert hit_ids(page) == ids[2:]
    page.click("text=← Previous")
    page.wait_for_function("() => !location.search.includes('page=')")
    assert hit_ids(page) == ids[:2]


@pytest.mark.parametrize("kind", ["installations", "environments"])
def test_every_example_of_the_placeholder_finds_something(server, open_page, output, public_id, kind):
    page = open_page(server).page
    page.goto(server.url + ("/search" if kind == "installations" else "/search?kind=environments"))
    hit_ids(page)
    placeholder = page.get_attribute("#search-q", "placeholder")
    assert placeholder.startswith("e.g. ")
    examples = placeholder.removeprefix("e.g. ").split(", ")
    assert "ceph" in examples and "ubuntu kvm 9.0" in examples
    for example in examples:
        page.fill("#search-q", example)
        page.press("#search-q", "Enter")
        page.wait_for_function("(q) => new URLSearchParams(location.search).get('q') === q", arg=example)
        found = hit_ids(page)
        assert found and found == api_ids(server, kind, q=example), example
    # A part of a value: ceph in volumes_ceph and images_ceph, from the installations view too.
    page.fill("#search-q", "ceph")
    page.press("#search-q", "Enter")
    page.wait_for_function("() => new URLSearchParams(location.search).get('q') === 'ceph'")
    a = public_id("a")
    assert hit_ids(page) == ([a] if kind == "installations" else [f"{a}:2"])
    page.screenshot(path=str(output / f"search-ceph-{kind}.png"), full_page=True)


def test_an_installations_page_shows_its_deployments_health_checks_and_hardware(server, open_page, output,
                                                                                   public_id):
    visit = open_page(server)
    page = visit.page
    page.goto(server.url + f"/installation?id={public_id('a')}")
    page.wait_for_selector("#deployments table")
    rows = lambda selector: [row.split("\t") for row in page.locator(selector).all_inner_texts()]  # noqa: E731
    # a/1: error after 5 and 7 min, ready after 40; a/2: ready after 15 (tests/analytics/fixture.py).
    assert rows("#deployments table.details >> nth=0 >> tbody tr") == [
        ["Environment 1", "3", "2", "1", "succeeded", "40 min"], ["Environment 2", "1", "0", "1", "succeeded", "15 min"]]
    page.click("#deployments summary")
    assert [row[1:] for row in rows("#deployments details tbody tr")] == [
        ["Environment 1", "mitaka-9.0", "failed", "5 min"], ["Environment 1", "mitaka-9.0", "failed", "7 min"],
        ["Environment 1", "mitaka-9.0", "succeeded", "40 min"], ["Environment 2", "2014.2-6.0", "succeeded", "15 min"]]
    runs = rows("#health-checks tbody tr")
    assert [run[1:5] for run in runs] == [["Environment 1", "sanity", "3", "1"], ["Environment 1", "sanity", "3", "2"]]
    assert runs[1][5] == "…VolumesTest.test_volume_create, …SanityInfrastructureTest.test_check_dns_resolution"
    assert page.get_attribute("#health-checks .test >> nth=0", "title") == CREATE_VOLUME
    assert rows("#hardware tbody tr") == [["HP DL360", "2", "50%"], ["Dell R630", "1", "25%"], ["Supermicro X9", "1", "25%"]]
    assert page.inner_text("#hardware .meta") == "4 nodes in environments, and 0 unallocated (not described by the master)."
    page.screenshot(path=str(output / "installation-history.png"), full_page=True)

    page.goto(server.url + f"/installation?id={public_id('c')}")
    page.wait_for_selector("#deployments")
    assert page.inner_text("#hardware .meta") == "0 nodes in environments, and 3 unallocated (not described by the master)."
    assert page.inner_text("#health-checks .state") == "No health check run reported."
    assert visit.errors == [] and visit.outside == []
