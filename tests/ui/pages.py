"""What the UI's pages show, read from the browser, and the API's numbers to compare them with."""

from __future__ import annotations

from typing import Any

from tests.ui.harness import Server

# Every card's state, its numbers (the data table) and, when it has one, what its chart holds.
SHOWN = """() => [...document.querySelectorAll('.card[data-report]')].map(card => {
  const canvas = card.querySelector('canvas');
  const chart = canvas ? Chart.getChart(canvas) : null;
  return {
    name: card.dataset.report, kind: card.dataset.kind, state: card.querySelector('.body').dataset.state,
    total: card.dataset.total === undefined ? null : Number(card.dataset.total),
    counted: card.querySelector('table.data-table thead th.num')?.textContent ?? null,
    rows: [...card.querySelectorAll('table.data-table tbody tr')].map(
      row => [row.dataset.key, Number(row.querySelector('.count').dataset.count)]),
    chart: chart && {type: chart.config.type, labels: chart.data.labels, data: chart.data.datasets[0].data},
  };
})"""

SETTLED = """() => {
  const cards = document.querySelectorAll('.card[data-report]');
  return cards.length > 0 && [...cards].every(card => card.querySelector('.body').dataset.state !== 'loading')
    && document.querySelector('.totals').dataset.state !== 'loading';
}"""

TOTALS = """() => Object.fromEntries([...document.querySelectorAll('.totals [data-total]')].map(
  total => [total.dataset.total, Number(total.querySelector('.value').dataset.count)]))"""


def settle(page: Any) -> None:
    page.wait_for_function(SETTLED)


def shown(page: Any) -> dict[str, dict[str, Any]]:
    return {card["name"]: card for card in page.evaluate(SHOWN)}


def expected_card(server: Server, name: str, params: dict[str, str]) -> dict[str, Any]:
    """What a report's card must show for these filters, by the API's own numbers."""
    report = server.get(f"/api/v1/reports/{name}/", **params)
    rows = [[bucket["key"], bucket["count"]] for bucket in report["buckets"]]
    empty = all(count == 0 for _, count in rows)
    return {"state": "empty" if empty else "ready", "total": report["total"], "rows": [] if empty else rows,
            "counted": None if empty else report["bucket_unit"]}


def assert_cards_match_the_api(page: Any, server: Server, params: dict[str, str]) -> dict[str, dict[str, Any]]:
    settle(page)
    cards = shown(page)
    listing = [report["name"] for report in server.get("/api/v1/reports/")["reports"]]
    assert list(cards) == listing
    for name, card in cards.items():
        expected = expected_card(server, name, params)
        assert (name, card["state"], card["total"], card["rows"], card["counted"]) == (
            name, expected["state"], expected["total"], expected["rows"], expected["counted"])
        if card["kind"] != "ranked" and card["state"] == "ready":
            keys = [key for key, _ in expected["rows"]]
            counts = [count for _, count in expected["rows"]]
            chart_type = "line" if card["kind"] == "line" else "bar"
            assert card["chart"] == {"type": chart_type, "labels": keys, "data": counts}, name
        if card["kind"] == "ranked":
            assert card["chart"] is None, name
    summary = server.get("/api/v1/summary/", **params)
    assert page.evaluate(TOTALS) == {key: summary[key] for key in ("installations", "environments", "nodes",
                                                                  "unallocated_nodes")}
    return cards
