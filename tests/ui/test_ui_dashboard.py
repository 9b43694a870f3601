"""The dashboard in Chromium: every report drawn with the API's numbers, filters in the URL."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from tests.ui.pages import assert_cards_match_the_api, settle

# The chart kind each report must get, by name; any other report is bars.
KINDS = {"hardware": "ranked", "health_checks": "ranked", "installations_over_time": "line"}


def query(url: str) -> dict[str, str]:
    return {name: values[-1] for name, values in parse_qs(urlsplit(url).query).items()}


def test_every_report_is_drawn_with_the_apis_numbers(server, open_page, output):
    visit = open_page(server)
    page = visit.page
    page.goto(server.url + "/")
    cards = assert_cards_match_the_api(page, server, {})
    assert {name: card["kind"] for name, card in cards.items()} == {
        name: KINDS.get(name, "bars") for name in cards}
    assert cards["operating_systems"]["rows"] == [["Ubuntu", 2], ["unknown", 2], ["CentOS", 1]]
    assert (cards["operating_systems"]["counted"], cards["health_checks"]["counted"]) == ("installations", "failures")
    page.screenshot(path=str(output / "dashboard.png"), full_page=True)
    assert visit.errors == [] and visit.outside == []


def test_the_number_behind_a_bar_shows_on_hover(server, open_page):
    page = open_page(server).page
    page.goto(server.url + "/")
    settle(page)
    canvas = page.locator("#report-operating_systems canvas")
    bar = page.evaluate("""() => {
        const chart = Chart.getChart(document.querySelector('#report-operating_systems canvas'));
        const bar = chart.getDatasetMeta(0).data[2];
        return {x: bar.x, y: (bar.y + bar.base) / 2};
    }""")
    box = canvas.bounding_box()
    page.mouse.move(box["x"] + bar["x"], box["y"] + bar["y"])
    page.wait_for_function("""() => Chart.getChart(document.querySelector('#report-operating_systems canvas'))
        .tooltip.getActiveElements().length > 0""")
    tooltip = page.evaluate("""() => {
        const tooltip = Chart.getChart(document.querySelector('#report-operating_systems canvas')).tooltip;
        return {title: tooltip.title, lines: tooltip.body.map(part => part.lines).flat()};
    }""")
    assert tooltip == {"title": ["CentOS"], "lines": ["1 installations, 25% of 4"]}


def test_filters_change_every_chart_and_the_url_and_a_reload_restores_them(server, open_page):
    visit = open_page(server)
    page = visit.page
    page.goto(server.url + "/")
    everything = assert_cards_match_the_api(page, server, {})

    page.wait_for_selector("#filter-release option[value='9.0']", state="attached")
    page.select_option("#filter-release", "9.0")
    page.wait_for_url("**/?release=9.0")
    nine = assert_cards_match_the_api(page, server, {"release": "9.0"})
    assert nine["releases"]["rows"] == [["9.0", 2]] and nine != everything

    page.select_option("#filter-release", "")
    page.check("#filter-include-filtered")
    page.fill("#filter-from", "2020-01-01")
    page.wait_for_function("() => new URLSearchParams(location.search).get('from') === '2020-01-01'")
    assert query(page.url) == {"include_filtered": "true", "from": "2020-01-01"}
    filters = {"include_filtered": "true", "from": "2020-01-01"}
    with_filtered = assert_cards_match_the_api(page, server, filters)
    assert with_filtered["operating_systems"]["rows"] == [["Ubuntu", 3], ["unknown", 2], ["CentOS", 1]]

    page.reload()
    assert page.input_value("#filter-from") == "2020-01-01" and page.is_checked("#filter-include-filtered")
    assert page.input_value("#filter-release") == ""
    assert assert_cards_match_the_api(page, server, filters) == with_filtered

    # Back goes to the view before the last edit, and the form and charts follow.
    page.go_back()
    page.wait_for_function("() => !location.search.includes('from=')")
    assert query(page.url) == {"include_filtered": "true"}
    assert page.input_value("#filter-from") == "" and page.is_checked("#filter-include-filtered")
    assert_cards_match_the_api(page, server, {"include_filtered": "true"})

    # Nothing before 2000: every card says so instead of drawing empty axes.
    page.goto(server.url + "/?to=1999-12-31")
    nothing = assert_cards_match_the_api(page, server, {"to": "1999-12-31"})
    assert {card["state"] for card in nothing.values()} == {"empty"}
    assert visit.errors == [] and visit.outside == []


def test_filters_that_select_nothing_say_why(server, open_page):
    visit = open_page(server)
    page = visit.page
    page.goto(server.url + "/?from=2026-02-01&to=2026-01-01")
    settle(page)
    message = server.api.get("/api/v1/summary/", params={"from": "2026-02-01", "to": "2026-01-01"}).json()["message"]
    assert page.locator("#banner").inner_text() == f"These filters cannot be used: {message}"
    states = page.eval_on_selector_all(".card[data-report] .body", "bodies => bodies.map(b => b.dataset.state)")
    assert set(states) == {"error"}
    # Mending the filter mends the view.
    page.fill("#filter-to", "2030-01-01")
    page.wait_for_url("**/?from=2026-02-01&to=2030-01-01")
    assert_cards_match_the_api(page, server, {"from": "2026-02-01", "to": "2030-01-01"})
    assert page.locator("#banner").is_hidden()
    assert visit.errors == []
