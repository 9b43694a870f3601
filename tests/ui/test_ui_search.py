"""The search page in Chromium: find installations and environments, open one, page through."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

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
    page.wait_for_url(f"**/installation?uid={b}")
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
    page.wait_for_url(f"**/installation?uid={a}#environment-1")
    page.wait_for_selector("section.environment")
    clusters = page.locator("section.environment")
    assert [clusters.nth(i).get_attribute("data-cluster-id") for i in range(clusters.count())] == ["1", "2"]
    page.screenshot(path=str(output / "installation.png"), full_page=True)
    first, second = page.locator("#environment-1").inner_text(), page.locator("#environment-2").inner_text()
    assert all(word in first for word in ("volumes_lvm", "sahara", "contrail", "neutron-vlan", "cinder, compute"))
    assert {"images_ceph", "volumes_ceph", "nova-network", "controller, mongo", "Supermicro X9"} <= set(
        part.strip() for line in second.splitlines() for part in [line, *line.split("\t"), *line.split(",")])
    assert visit.errors == [] and visit.outside == []


def test_paging_through_results(server, open_page, public_id):
    ids = sorted(public_id(uid) for uid in "abc")
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
