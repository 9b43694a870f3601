"""The jobs page in Chromium, against `fuelstats analytics serve` and a real `fuelstats worker run`:
a job started, cancelled while it waits, another made by the worker, its progress shown, and its
result downloaded: the same bytes as the synchronous export."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.jobs.conftest import jobs_dir, queue, start_worker  # noqa: F401  (the workers' fixtures)
from tests.ui.harness import Server, serve


@pytest.fixture
def jobs_server(population, elasticsearch_node, database_url: str, admin, jobs_dir: Path,  # type: ignore[no-untyped-def]  # noqa: F811
                queue: str, tmp_path: Path) -> Iterator[Server]:  # noqa: F811
    yield from serve({"FUELSTATS_ELASTICSEARCH_URL": elasticsearch_node.url, "FUELSTATS_INDEX_PREFIX": population,
                      "FUELSTATS_DATABASE_URL": database_url, "FUELSTATS_JOBS_DIR": str(jobs_dir)},
                     tmp_path / "analytics.log", admin)


JOBS_LIST = re.compile(r"/api/v1/jobs/(\?.*)?$")


def abort(route) -> None:  # type: ignore[no-untyped-def]
    route.abort()


def start(page, what: str) -> str:  # type: ignore[no-untyped-def]
    """Start a job from the form; its id, from the row it gets."""
    before = set(page.eval_on_selector_all("tr[data-job]", "rows => rows.map(row => row.dataset.job)"))
    page.select_option("select[name=what]", what)
    page.click("form.new-job button[type=submit]")
    page.wait_for_function("n => document.querySelectorAll('tr[data-job]').length > n", arg=len(before))
    [job] = set(page.eval_on_selector_all("tr[data-job]", "rows => rows.map(row => row.dataset.job)")) - before
    return str(job)


def test_start_cancel_follow_and_download_a_job(jobs_server, open_page, start_worker, output):  # noqa: F811
    visit = open_page(jobs_server)
    page = visit.page
    page.goto(jobs_server.url + "/jobs")
    page.wait_for_selector(".jobs[data-state=ready]")
    assert page.get_attribute("nav a[data-page=jobs]", "aria-current") == "page"

    # No worker yet: the report waits, and is cancelled from its row.
    waiting = start(page, "report:deployment_history")
    row = f"tr[data-job='{waiting}']"
    assert page.inner_text(f"{row} .job-progress") == "waiting for a worker"
    # A look at the list that fails is said, and the page goes on looking: the next one clears it.
    page.route(JOBS_LIST, abort)
    page.wait_for_selector(".job-message .state.error:text('The jobs cannot be listed')")
    page.unroute(JOBS_LIST, abort)
    page.wait_for_selector(".job-message .state.error", state="detached")
    page.click(f"{row} button:text('Cancel')")
    page.wait_for_selector(f"{row}[data-state=cancelled]")

    start_worker()
    made = start(page, "export:action_logs")
    row = f"tr[data-job='{made}']"
    page.wait_for_selector(f"{row}[data-state=succeeded]", timeout=60_000)
    synchronous = jobs_server.api.get("/api/v1/private/exports/action_logs/").content
    rows = synchronous.count(b"\r\n") - 1
    assert page.inner_text(f"{row} .job-progress").startswith(f"{rows} rows, ")
    page.screenshot(path=str(output / "jobs.png"))
    with page.expect_download() as download:
        page.click(f"{row} a.download")
    assert download.value.suggested_filename == "fuel-stats_action_logs_all-dates.csv"
    assert Path(download.value.path()).read_bytes() == synchronous
    assert visit.errors == [] and visit.outside == []
