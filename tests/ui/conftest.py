"""The web UI in a real browser: Debian's Chromium, driven by Playwright, against a real analytics
server (`fuelstats analytics serve`) over the fixture population of tests/analytics.

Playwright's own browser download cannot work here; `make test` installs Debian's `chromium`.
Screenshots go to test-output/ui/ (git-ignored) for a person to look at.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from fuelstats.analytics.security import SESSION_COOKIE
from fuelstats.analytics.webui import UI_DIR
from tests.analytics.conftest import population, public_id  # noqa: F401  (the fixture population, shared)
from tests.conftest import ADMIN, ADMIN_PASSWORD
from tests.ui.harness import Credentials, Server, serve

CHROMIUM = "/usr/bin/chromium"
CHECKOUT = Path(__file__).resolve().parents[2]
OUTPUT = CHECKOUT / "test-output" / "ui"
AXE = CHECKOUT / "ui" / "test-vendor" / "axe.min.js"  # axe-core from npm, vendored by `make setup`


@pytest.fixture(scope="session")
def admin(analytics_database_url: str, admin_token: str, admin_session: str) -> Credentials:
    """The tests' admin (tests/conftest.py): the pages are opened logged in as them."""
    return Credentials(analytics_database_url, admin_token, admin_session)


@pytest.fixture(scope="module")
def server(population: str, elasticsearch_node, database_url: str, admin: Credentials,  # type: ignore[no-untyped-def]  # noqa: F811
           tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    yield from serve({"FUELSTATS_ELASTICSEARCH_URL": elasticsearch_node.url, "FUELSTATS_INDEX_PREFIX": population,
                      "FUELSTATS_DATABASE_URL": database_url}, tmp_path_factory.mktemp("ui") / "analytics.log", admin)


@pytest.fixture(scope="session")
def browser():  # type: ignore[no-untyped-def]
    from playwright.sync_api import sync_playwright

    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium (apt-get install chromium)")
    if not (UI_DIR / "vendor" / "chart.umd.min.js").exists() or not AXE.exists():
        pytest.fail("the UI is not built: run `make setup` (npm ci and npm run build in ui/)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        yield browser
        browser.close()


@dataclass
class Visit:
    """A browser page on one server, and what went wrong in it."""

    page: object
    base: str
    errors: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)  # requests anywhere but the server


@pytest.fixture
def open_page(browser):  # type: ignore[no-untyped-def]
    contexts = []

    def open_page(server: Server, *, width: int = 1400, height: int = 900, logged_in: bool = True) -> Visit:
        """A page of a new browser (its own cookies), logged in as the tests' admin unless asked otherwise
        (tests/ui/test_ui_login.py logs in through the login page)."""
        context = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        if logged_in:
            # The login the login page makes, from this browser: its cookie is the browser's.
            answer = context.request.post(server.url + "/api/v1/session/login/",
                                          data={"username": ADMIN, "password": ADMIN_PASSWORD})
            assert answer.ok, answer.text()
            assert [cookie["name"] for cookie in context.cookies()] == [SESSION_COOKIE]
        page = context.new_page()
        visit = Visit(page, server.url)

        def route(route) -> None:  # type: ignore[no-untyped-def]
            if route.request.url.startswith(server.url + "/"):
                route.continue_()
            else:
                # The page must load nothing from the internet: note it, and do not let it out.
                visit.outside.append(route.request.url)
                route.abort()

        page.route("**/*", route)
        page.on("pageerror", lambda error: visit.errors.append(str(error)))
        page.set_default_timeout(20_000)
        return visit

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def output() -> Path:
    OUTPUT.mkdir(parents=True, exist_ok=True)
    return OUTPUT
