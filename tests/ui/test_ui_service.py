"""The UI as served: private downloads from this machine, Elasticsearch away, the shell's routes."""

from __future__ import annotations

import httpx
import pytest

from fuelstats.analytics.security import SESSION_COOKIE
from tests.conftest import free_port
from tests.ui.harness import serve
from tests.ui.pages import settle


def test_downloads_for_every_export_from_this_machine(server, open_page):
    page = open_page(server).page
    page.goto(server.url + "/")
    page.wait_for_selector(".downloads:not([hidden]) a")
    links = page.eval_on_selector_all(".downloads a", "links => links.map(link => link.getAttribute('href'))")
    assert "/api/v1/private/archive/" in links
    assert {f"/api/v1/private/exports/{kind}/" for kind in ("clusters", "nodes", "plugins", "action_logs")} <= set(links)
    assert "/api/v1/private/exports/oswl/vm/" in links
    for link in links:
        response = server.api.get(link)
        assert response.status_code == 200, link
        assert response.headers["content-type"].split(";")[0] in ("text/csv", "application/zip"), link

    # The downloads follow the date range and filtered installations, not the release.
    page.check("#filter-include-filtered")
    page.fill("#filter-to", "2030-01-31")
    settle(page)
    archive = page.get_attribute(".downloads a[href^='/api/v1/private/archive/']", "href")
    assert archive == "/api/v1/private/archive/?to=2030-01-31&include_filtered=true"
    assert server.api.get(archive).status_code == 200


def test_elasticsearch_down_the_page_says_so(database_url, admin, open_page, output, tmp_path):
    nowhere = f"http://127.0.0.1:{free_port()}"
    for server in serve({"FUELSTATS_ELASTICSEARCH_URL": nowhere, "FUELSTATS_DATABASE_URL": database_url},
                        tmp_path / "analytics.log", admin):
        visit = open_page(server)
        page = visit.page
        page.goto(server.url + "/")
        settle(page)
        assert "Elasticsearch is unavailable" in page.locator("#banner").inner_text()
        states = page.eval_on_selector_all(".card[data-report] .body", "bodies => bodies.map(b => b.dataset.state)")
        assert states and set(states) == {"error"}
        assert page.get_attribute(".totals", "data-state") == "error"
        page.screenshot(path=str(output / "elasticsearch-down.png"))
        assert visit.errors == []

        page.goto(server.url + "/search")
        page.wait_for_function("() => document.querySelector('.results').dataset.state === 'error'")
        assert "Elasticsearch is unavailable" in page.locator("#banner").inner_text()


@pytest.mark.parametrize("path", ["/", "/search", "/installation", "/login", "/account", "/jobs"])
def test_every_page_is_the_same_shell_and_the_api_is_untouched(server, path):
    page = server.api.get(path, headers={"Cookie": f"{SESSION_COOKIE}={server.credentials.session}"})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert '<script type="module" src="/assets/js/app.js">' in page.text
    assert page.headers["cache-control"] == "no-cache"
    script = server.api.get("/assets/js/app.js")
    assert script.headers["content-type"].startswith("text/javascript") and script.headers["cache-control"] == "no-cache"
    assert server.api.get("/assets/nothing.js").status_code == 404
    assert server.api.post(path).status_code == 405
    assert server.api.get("/openapi.json").status_code == 200
    assert server.api.get("/ui/").status_code == 200


def test_the_private_part_stays_local_only_beside_the_ui(server):
    # The UI's routes come before Connexion's: a forwarded request to the private part is still refused.
    response = httpx.get(server.url + "/api/v1/private/summary/", headers={"X-Forwarded-For": "203.0.113.9"})
    assert response.status_code == 403 and response.json()["rule"] == "local-only"
