"""The instance modes (FUELSTATS_ANALYTICS_MODE): `private` (the default, the commercial instance)
opens nothing without a login; `public-reports` (the community instance) opens the reports, the search
and their pages to anyone, and nothing else."""

from __future__ import annotations


import pytest

from fuelstats.analytics.settings import AnalyticsSettings
from fuelstats_common.settings import ConfigurationError, load_settings
from tests.analytics.auth import bearer, logged_in, new_token, new_user

PUBLIC_API = ("/api/v1/reports/", "/api/v1/reports/hypervisors/", "/api/v1/summary/", "/api/v1/status/",
              "/api/v1/search/installations/?q=kvm", "/api/v1/search/environments/")
REPORT_PAGES = ("/", "/search?q=kvm", "/installation?id=0123456789abcdef0123456789abcdef")
NEVER_OPEN = ("/api/v1/tokens/", "/api/v1/private/summary/", "/api/v1/private/audit/",
              "/api/v1/private/exports/clusters/")


@pytest.fixture
def anonymous(app_client, monkeypatch):  # type: ignore[no-untyped-def]
    """A function: a test client of the analytics in a mode (None: the default), without credentials."""

    def in_mode(mode: str | None):  # type: ignore[no-untyped-def]
        if mode is None:
            monkeypatch.delenv("FUELSTATS_ANALYTICS_MODE", raising=False)
        else:
            monkeypatch.setenv("FUELSTATS_ANALYTICS_MODE", mode)
        return app_client(follow_redirects=False)

    return in_mode


def test_private_is_the_default_and_opens_nothing(anonymous):
    client = anonymous(None)
    assert load_settings(AnalyticsSettings).analytics_mode == "private"
    for path in (*PUBLIC_API, *NEVER_OPEN):
        assert client.get(path).status_code == 401, path
    for page in (*REPORT_PAGES, "/account"):
        answer = client.get(page)
        assert answer.status_code == 303, page
        assert answer.headers["location"].startswith("/login?next=")
    assert client.get("/search?q=kvm").headers["location"] == "/login?next=%2Fsearch%3Fq%3Dkvm"
    # What the login page needs answers anyone: the page, its code, who one is (nobody).
    for path in ("/login", "/assets/js/app.js", "/assets/js/login.js", "/assets/style.css", "/assets/favicon.svg",
                 "/ui/", "/openapi.json"):
        assert client.get(path).status_code == 200, path
    assert client.get("/api/v1/session/").json() == {"user": None, "mode": "private", "idle_timeout": 3600}
    # Supervisors and load balancers log in nowhere.
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/readyz").status_code in (200, 503)


def test_public_reports_opens_the_reports_and_the_search_and_nothing_else(anonymous, analytics_database_url,
                                                                          public_id):
    client = anonymous("public-reports")
    for path in PUBLIC_API:
        assert client.get(path).status_code == 200, path
    assert client.get(f"/api/v1/installations/{public_id('a')}/history/").status_code == 200
    for page in REPORT_PAGES:
        assert client.get(page).status_code == 200, page
    for path in NEVER_OPEN:
        answer = client.get(path)
        assert (answer.status_code, answer.json()["rule"]) == (401, "authentication"), path
    assert client.get("/account").headers["location"] == "/login?next=%2Faccount"
    assert client.get("/api/v1/session/").json()["mode"] == "public-reports"

    # Someone logged in is still known on the open parts, and their role still counts elsewhere.
    from fuelstats.core.database import engine_for

    accounts_db = engine_for(analytics_database_url)
    viewer = new_user(accounts_db, "viewer")
    browser = logged_in(client, viewer)
    assert client.get("/api/v1/session/", headers=browser).json()["user"] == viewer
    assert client.get("/api/v1/private/summary/", headers=browser).status_code == 403
    assert client.get("/api/v1/tokens/", headers=browser).status_code == 200
    # A credential that does not hold is no reason to refuse what anyone may read.
    assert client.get("/api/v1/reports/", headers=bearer("fst_revoked")).status_code == 200
    admin = bearer(new_token(accounts_db, new_user(accounts_db, "admin")))
    assert client.get("/api/v1/private/summary/", headers=admin).status_code == 200


def test_the_served_spec_says_what_each_mode_opens(anonymous):
    def anonymous_operations(client) -> set[str]:  # type: ignore[no-untyped-def]
        spec = client.get("/openapi.json").json()
        return {operation["operationId"].rsplit(".", 1)[1] for item in spec["paths"].values()
                for operation in item.values() if {} in operation.get("security", spec["security"])
                or operation.get("security") == []}

    assert anonymous_operations(anonymous(None)) == {"whoami", "login", "alive", "readyz"}
    assert anonymous_operations(anonymous("public-reports")) == {
        "whoami", "login", "alive", "readyz", "list_reports", "get_report", "get_summary", "search", "get_status",
        "installation_history"}


def test_an_unknown_mode_stops_the_program(monkeypatch):
    monkeypatch.setenv("FUELSTATS_ANALYTICS_MODE", "public")
    with pytest.raises(ConfigurationError, match="FUELSTATS_ANALYTICS_MODE='public'"):
        load_settings(AnalyticsSettings)


def test_serving_needs_the_analytics_database(monkeypatch) -> None:
    from click.testing import CliRunner

    from fuelstats.cli import main

    monkeypatch.delenv("FUELSTATS_ANALYTICS_DATABASE_URL", raising=False)
    result = CliRunner().invoke(main, ["analytics", "serve", "--bind", "127.0.0.1:1"])
    assert result.exit_code != 0
    assert "FUELSTATS_ANALYTICS_DATABASE_URL is not set" in str(result.exception)
