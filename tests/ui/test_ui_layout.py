"""Every page at a phone's, a laptop's and a desktop's width: nothing scrolls sideways, and axe-core
finds no serious or critical accessibility violation."""

from __future__ import annotations

import pytest

from tests.ui.conftest import AXE
from tests.ui.pages import settle

WIDTHS = {"phone": (390, 844), "laptop": (1366, 768), "desktop": (1920, 1080)}
# {a}: master node a's installation, by the opaque id the public part names it by (docs/security.md).
PAGES = {"dashboard": "/", "search": "/search", "environments": "/search?kind=environments",
         "installation": "/installation?id={a}", "api-tokens": "/account", "jobs": "/jobs"}

# Elements reaching past the right edge of the screen but those inside a box that scrolls sideways.
OVERFLOWING = """() => {
  const width = document.documentElement.clientWidth;
  const scrolls = (element) => {
    for (let node = element.parentElement; node; node = node.parentElement) {
      if (['auto', 'scroll'].includes(getComputedStyle(node).overflowX)) return true;
    }
    return false;
  };
  return [...document.querySelectorAll('body *')]
    .filter((element) => element.getClientRects().length && !scrolls(element))
    .filter((element) => element.getBoundingClientRect().right > width + 1)
    .map((element) => element.tagName.toLowerCase() + (element.id ? '#' + element.id : '')
         + (element.className && typeof element.className === 'string' ? '.' + element.className.split(' ').join('.') : ''));
}"""

# Cells whose content is wider than the cell: a column hidden behind the next card.
CLIPPED = """() => [...document.querySelectorAll('.card td, .card th')]
  .filter((cell) => cell.scrollWidth > cell.clientWidth + 1 && getComputedStyle(cell).overflow !== 'visible')
  .map((cell) => cell.textContent)"""


def open_settled(server, open_page, path: str, width: int, height: int):  # type: ignore[no-untyped-def]
    visit = open_page(server, width=width, height=height)
    page = visit.page
    page.goto(server.url + path)
    if path == "/":
        settle(page)
    else:
        page.wait_for_load_state("networkidle")
    page.wait_for_function("() => document.getElementById('freshness').dataset.state !== 'loading'")
    return visit


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("name", list(PAGES))
def test_no_page_scrolls_sideways(server, open_page, output, public_id, name, width):
    visit = open_settled(server, open_page, PAGES[name].format(a=public_id("a")), *WIDTHS[width])
    page = visit.page
    assert page.evaluate(OVERFLOWING) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTHS[width][0]
    # Every card stays inside the page, whatever its table holds.
    right = page.evaluate("() => Math.max(...[...document.querySelectorAll('.card')].map("
                          "card => card.getBoundingClientRect().right), 0)")
    assert right <= WIDTHS[width][0]
    page.screenshot(path=str(output / f"{name}-{width}.png"), full_page=True)
    assert visit.errors == [] and visit.outside == []


@pytest.mark.parametrize("width", ["phone", "laptop"])
def test_the_health_checks_table_fits_its_card_with_every_column_showing(server, open_page, output, width):
    page = open_settled(server, open_page, "/", *WIDTHS[width]).page
    card = page.locator("#report-health_checks")
    table = card.locator("table.data-table")
    assert table.bounding_box()["x"] + table.bounding_box()["width"] <= (
        card.bounding_box()["x"] + card.bounding_box()["width"])
    headings = table.locator("thead th").all_inner_texts()
    assert headings == ["#", "health check", "failures", "runs", "failure rate"]
    first = table.locator("tbody tr").first
    # The dotted name is shortened in the cell (to the test alone on a phone) and whole in its title.
    key = first.get_attribute("data-key")
    assert key.startswith("fuel_health.tests.") and first.locator("th.key").get_attribute("title") == key
    assert first.locator("th.key").inner_text() == {"laptop": "…VolumesTest.test_volume_create",
                                                     "phone": "test_volume_create"}[width]
    assert first.locator("td").all_inner_texts()[1:] == ["2", "3", "66.7%"]
    assert page.evaluate(CLIPPED) == []
    card.screenshot(path=str(output / f"health-checks-{width}.png"))


def test_the_dashboard_cards_stand_in_one_column_on_a_phone(server, open_page):
    page = open_settled(server, open_page, "/", *WIDTHS["phone"]).page
    lefts = page.evaluate("() => [...document.querySelectorAll('.card[data-report]')].map("
                          "card => Math.round(card.getBoundingClientRect().left))")
    assert len(lefts) > 1 and len(set(lefts)) == 1


@pytest.mark.parametrize("name", list(PAGES))
def test_axe_finds_no_serious_violation(server, open_page, public_id, name):
    page = open_settled(server, open_page, PAGES[name].format(a=public_id("a")), *WIDTHS["laptop"]).page
    # Opened: the numbers behind the charts are part of the page too.
    page.evaluate("() => document.querySelectorAll('details').forEach(details => { details.open = true; })")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    serious = [(violation["id"], violation["impact"], [node["target"] for node in violation["nodes"]][:3])
               for violation in result["violations"] if violation["impact"] in ("serious", "critical")]
    assert serious == []


@pytest.mark.parametrize("width", list(WIDTHS))
def test_the_login_page_fits_and_axe_finds_no_serious_violation(server, open_page, width):
    page = open_page(server, width=WIDTHS[width][0], height=WIDTHS[width][1], logged_in=False).page
    page.goto(server.url + "/login")
    page.wait_for_selector("form.login")
    assert page.evaluate(OVERFLOWING) == []
    page.add_script_tag(path=str(AXE))
    serious = page.evaluate("""async () => (await axe.run(document)).violations
        .filter(v => ['serious', 'critical'].includes(v.impact)).map(v => v.id)""")
    assert serious == []


def test_the_page_has_a_favicon(server, open_page):
    page = open_page(server).page
    page.goto(server.url + "/")
    icon = page.get_attribute("link[rel=icon]", "href")
    response = server.api.get(icon)
    assert response.status_code == 200 and response.headers["content-type"].startswith("image/svg+xml")
    assert b"<svg" in response.content
