"""Every page on a phone's screen: one column, nothing wider than the screen."""

from __future__ import annotations

import pytest

from tests.ui.pages import settle

PHONE = {"width": 390, "height": 844}

# Elements wider than the screen or reaching past its right edge, but those inside a box that scrolls sideways.
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


@pytest.mark.parametrize("path", ["/", "/search", "/installation?uid=b"])
def test_a_page_fits_a_phone(server, open_page, output, path, public_id):
    path = path.replace("uid=b", f"uid={public_id('b')}")  # the public id of master node b
    visit = open_page(server, **PHONE)
    page = visit.page
    page.goto(server.url + path)
    if path == "/":
        settle(page)
    else:
        page.wait_for_load_state("networkidle")
    assert page.evaluate(OVERFLOWING) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    name = path.strip("/").split("?")[0] or "dashboard"
    page.screenshot(path=str(output / f"phone-{name}.png"), full_page=True)
    assert visit.errors == [] and visit.outside == []


def test_the_dashboards_cards_stand_in_one_column_on_a_phone(server, open_page):
    page = open_page(server, **PHONE).page
    page.goto(server.url + "/")
    settle(page)
    lefts = page.evaluate("() => [...document.querySelectorAll('.card[data-report]')].map("
                          "card => Math.round(card.getBoundingClientRect().left))")
    assert len(lefts) > 1 and len(set(lefts)) == 1
