"""The dashboard as a product analyst reads it: axes with units, durations, shares, totals that add
up, release versions, what the downloads hold, and how current the data is."""

from __future__ import annotations

import time

from fuelstats.collector import ingest
from fuelstats.core.database import engine_for
from fuelstats.core.elastic import connect
from fuelstats.etl.pipeline import Etl
from tests.analytics.fixture import RELEASE_VERSION
from tests.collector.payloads import http_request_log
from tests.ui.harness import serve
from tests.ui.pages import assert_cards_match_the_api, settle, shown

CHART_AXES = """() => Object.fromEntries([...document.querySelectorAll('.card[data-report] canvas')].map(canvas => {
  const chart = Chart.getChart(canvas);
  const axis = (name) => chart.options.scales[name].title.text;
  const horizontal = chart.options.indexAxis === 'y';
  return [canvas.closest('.card').dataset.report, horizontal ? [axis('y'), axis('x')] : [axis('x'), axis('y')]];
}))"""

SHARES = """(name) => [...document.querySelectorAll(`#report-${name} table.data-table tbody tr`)].map(
  row => [row.dataset.key, row.querySelector('.share').textContent])"""

# What chartjs-plugin-datalabels drew at the end of each bar (its labels' models, as laid out).
BAR_LABELS = """(name) => {
  const chart = Chart.getChart(document.querySelector(`#report-${name} canvas`));
  const drawn = chart.$datalabels._labels.filter(label => label._model);
  return drawn.sort((a, b) => a.$context.dataIndex - b.$context.dataIndex).map(label => label._model.lines.join(' '));
}"""


def test_every_chart_says_what_its_axes_count(server, open_page):
    page = open_page(server).page
    page.goto(server.url + "/")
    settle(page)
    axes = page.evaluate(CHART_AXES)
    assert axes, "charts are drawn"
    for name, (categories, counts) in axes.items():
        report = server.get(f"/api/v1/reports/{name}/")
        assert (categories, counts) == (report["dimension"], report["bucket_unit"]), name
    assert axes["deployment_time"] == ["duration", "deployments"]
    assert axes["installations_over_time"] == ["month of the first report", "installations"]


def test_averages_say_what_they_average_and_durations_read_as_durations(server, open_page):
    page = open_page(server).page
    page.goto(server.url + "/")
    settle(page)
    # (40 + 15 + 70 + 20) / 4 minutes = 2175 seconds.
    assert page.inner_text("#report-deployment_time .average") == (
        "average duration of a successful deployment: 36 min")
    assert page.inner_text("#report-deployment_failures .average") == (
        "average failed deployments before an environment's first success: 1 failed deployment")
    assert page.locator("#report-hypervisors .average").is_hidden()


def test_each_bar_and_row_shows_its_share_and_multi_bucket_cards_say_so(server, open_page, output):
    page = open_page(server).page
    page.goto(server.url + "/")
    settle(page)
    # 4 installations: Ubuntu a and b, unknown c and e, CentOS a.
    assert page.evaluate(SHARES, "operating_systems") == [["Ubuntu", "50%"], ["unknown", "50%"], ["CentOS", "25%"]]
    assert page.evaluate(BAR_LABELS, "operating_systems") == ["50%", "50%", "25%"]
    assert page.evaluate(SHARES, "hardware") == [["Dell R630", "50%"], ["HP DL360", "33.3%"],
                                                 ["Supermicro X9", "16.7%"]]
    note = page.inner_text("#report-operating_systems .note")
    assert note.startswith("One installation can count under several operating systems")
    assert "4 installations" in note
    assert page.locator("#report-releases .note").is_hidden()
    page.locator("#report-operating_systems").screenshot(path=str(output / "shares-and-multiple.png"))


def test_a_missing_value_has_its_bucket_so_totals_reconcile(server, open_page):
    page = open_page(server).page
    page.goto(server.url + "/")
    settle(page)
    releases = shown(page)["releases"]
    assert releases["rows"] == [["9.0", 2], ["8.0", 1], ["unknown", 1]]
    assert sum(count for _, count in releases["rows"]) == releases["total"] == 4


def test_a_release_version_is_a_release_to_choose_and_the_downloads_say_they_ignore_it(server, open_page, output):
    visit = open_page(server)
    page = visit.page
    page.goto(server.url + "/")
    page.wait_for_selector(f"#filter-release optgroup option[value='{RELEASE_VERSION}']", state="attached")
    groups = page.eval_on_selector_all("#filter-release optgroup", "groups => groups.map(g => [g.label, "
                                       "[...g.querySelectorAll('option')].map(o => o.value)])")
    assert groups == [["Fuel release", ["10.0-dev", "9.0", "8.0"]],
                      ["Release version (OpenStack-Fuel)", ["mitaka-9.0", "liberty-8.0", RELEASE_VERSION]]]
    page.wait_for_selector(".downloads:not([hidden]) li[data-filter=release]")
    assert page.inner_text(".downloads li[data-filter=release]") == (
        "Release: every release (the exports take no release filter).")

    page.select_option("#filter-release", RELEASE_VERSION)
    page.wait_for_url(f"**/?release={RELEASE_VERSION}")
    cards = assert_cards_match_the_api(page, server, {"release": RELEASE_VERSION})
    assert cards["release_versions"]["rows"] == [[RELEASE_VERSION, 1]]
    assert cards["hypervisors"]["rows"] == [["qemu", 1]]
    ignored = page.locator(".downloads li[data-filter=release]")
    assert ignored.inner_text() == f"Release: ignored. The files hold every release, not only {RELEASE_VERSION}."
    assert "ignored" in ignored.get_attribute("class")
    page.fill("#filter-from", "2026-01-01")
    page.wait_for_function("() => new URLSearchParams(location.search).get('from') === '2026-01-01'")
    assert page.inner_text(".downloads li[data-filter=dates]").startswith("Dates: from 2026-01-01, by the day")
    assert page.get_attribute(".downloads a[data-path='/api/v1/private/archive/']", "href") == (
        "/api/v1/private/archive/?from=2026-01-01")
    page.locator(".downloads").screenshot(path=str(output / "downloads-ignore-the-release.png"))
    assert visit.errors == []


def test_the_data_as_of_line_says_how_current_the_statistics_are(server, open_page):
    page = open_page(server).page
    page.goto(server.url + "/")
    page.wait_for_selector("#freshness[data-state=fresh]")
    status = server.get("/api/v1/status/")
    assert page.inner_text("#freshness") == (
        f"Data as of {status['data_as_of'][:16].replace('T', ' ')} UTC (nothing received is waiting to be counted).")


def test_stale_data_is_said_plainly(population, elasticsearch_node, database_url, admin, open_page, output, tmp_path):
    engine = engine_for(database_url)
    ingest.record_action_logs(engine, None, [http_request_log(98, master="b")])  # the ETL has not carried it
    try:
        time.sleep(1.2)
        for server in serve({"FUELSTATS_ELASTICSEARCH_URL": elasticsearch_node.url, "FUELSTATS_INDEX_PREFIX": population,
                             "FUELSTATS_DATABASE_URL": database_url, "FUELSTATS_DATA_STALE_AFTER": "1"},
                            tmp_path / "analytics.log", admin):
            page = open_page(server).page
            page.goto(server.url + "/")
            page.wait_for_selector("#freshness[data-state=stale]")
            text = page.inner_text("#freshness")
            assert text.startswith("The statistics are stale. They count what the collector received up to ")
            assert "more than the 1 s allowed" in text and "fuelstats etl status tells" in text
            page.screenshot(path=str(output / "stale.png"))
    finally:
        Etl(primary=engine, reader=engine, es=connect(elasticsearch_node.url), prefix=population,
            batch_size=100).run_once()
