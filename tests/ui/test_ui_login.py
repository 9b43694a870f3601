"""Logging in, in Chromium: unauthenticated visits go to the login page and come back after it, a wrong
password is refused, the session cookie's flags, every report browsed, logout, the CSRF rule, one's API
tokens, a community instance's open reports, and nothing secret in the server's log."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from fuelstats.analytics.security import SESSION_COOKIE
from fuelstats.core.database import engine_for
from tests.analytics.auth import PASSWORD, new_user
from tests.ui.harness import Server, serve
from tests.ui.pages import assert_cards_match_the_api


@pytest.fixture
def viewer(analytics_database_url: str) -> str:
    return new_user(engine_for(analytics_database_url), "viewer")


def log_in(page, user: str, password: str) -> None:  # type: ignore[no-untyped-def]
    page.wait_for_selector("form.login")
    page.fill("input[name=username]", user)
    page.fill("input[name=password]", password)
    page.click("form.login button[type=submit]")


def session_cookie(context) -> dict:  # type: ignore[no-untyped-def]
    [cookie] = [cookie for cookie in context.cookies() if cookie["name"] == SESSION_COOKIE]
    return cookie  # type: ignore[no-any-return]


def test_a_visit_without_a_session_goes_to_the_login_page_and_comes_back(server, open_page, viewer, output):
    visit = open_page(server, logged_in=False)
    page = visit.page
    page.goto(server.url + "/search?q=kvm")
    page.wait_for_url("**/login?next=%2Fsearch%3Fq%3Dkvm")
    page.screenshot(path=str(output / "login.png"))

    log_in(page, viewer, "not the password")
    page.wait_for_selector(".login-message:text('wrong user name or password')")
    assert "/login?next=" in page.url and page.context.cookies() == []
    assert page.input_value("input[name=password]") == ""

    log_in(page, viewer, PASSWORD)
    page.wait_for_url("**/search?q=kvm")
    page.wait_for_function("() => document.querySelector('.results').dataset.state === 'ready'")
    assert page.inner_text("#visitor .user") == f"{viewer} (viewer)"
    assert visit.errors == [] and visit.outside == []


def test_the_session_cookie_is_http_only_secure_and_same_site(server, open_page, viewer):
    page = open_page(server, logged_in=False).page
    page.goto(server.url + "/login")
    log_in(page, viewer, PASSWORD)
    page.wait_for_url(server.url + "/")
    cookie = session_cookie(page.context)
    assert (cookie["httpOnly"], cookie["secure"], cookie["sameSite"], cookie["path"]) == (True, True, "Lax", "/")
    assert cookie["domain"] == "127.0.0.1"  # this host alone (__Host-: no Domain attribute)
    assert page.evaluate("() => document.cookie") == ""  # no script of the page can read it


def test_log_in_browse_every_report_and_log_out(server, open_page, viewer, output, public_id):
    visit = open_page(server, logged_in=False)
    page = visit.page
    page.goto(server.url + "/")
    page.wait_for_url("**/login?next=%2F")
    log_in(page, viewer, PASSWORD)
    page.wait_for_url(server.url + "/")
    assert_cards_match_the_api(page, server, {})
    assert page.locator(".downloads").is_hidden()  # the private part is an admin's
    page.goto(server.url + "/search?kind=environments")
    page.wait_for_function("() => document.querySelector('.results').dataset.state === 'ready'")
    page.goto(server.url + f"/installation?id={public_id('b')}")
    page.wait_for_selector("section.environment")
    page.screenshot(path=str(output / "logged-in.png"))
    cookie = session_cookie(page.context)["value"]

    page.click("#visitor button.logout")
    page.wait_for_url("**/login")
    page.goto(server.url + "/")
    page.wait_for_url("**/login?next=%2F")
    # The session is gone on the server too, not just from this browser.
    ended = httpx.get(server.url + "/api/v1/reports/", headers={"Cookie": f"{SESSION_COOKIE}={cookie}"})
    assert (ended.status_code, ended.json()["rule"]) == (401, "session")
    assert visit.errors == [] and visit.outside == []


def test_a_change_without_the_sessions_csrf_token_is_refused(server, open_page):
    page = open_page(server).page
    page.goto(server.url + "/account")
    page.wait_for_selector("form.new-token")
    made = page.evaluate("""async () => {
        const post = (headers) => fetch('/api/v1/tokens/create/', {method: 'POST',
            headers: {'content-type': 'application/json', ...headers}, body: JSON.stringify({name: 'by a script'})});
        const csrf = (await (await fetch('/api/v1/session/')).json()).csrf_token;
        const without = await post({}), forged = await post({'X-CSRF-Token': 'f'.repeat(64)});
        const withIt = await post({'X-CSRF-Token': csrf});
        return [without.status, (await without.json()).rule, forged.status, withIt.status];
    }""")
    assert made == [403, "csrf", 403, 201]


def test_ones_api_tokens_are_made_shown_once_and_revoked(server, open_page, output):
    page = open_page(server).page
    page.goto(server.url + "/account")
    page.fill("form.new-token input[name=name]", "a nightly script")
    page.click("form.new-token button[type=submit]")
    secret = page.locator(".made code.secret").inner_text()
    assert secret.startswith("fst_")
    row = page.locator("tr", has=page.locator("th:text-is('a nightly script')")).first
    assert row.locator(".token-state").inner_text() == "live"
    page.screenshot(path=str(output / "api-tokens.png"), full_page=True)
    assert httpx.get(server.url + "/api/v1/reports/", headers={"Authorization": f"Bearer {secret}"}).status_code == 200

    row.locator("button:text('Revoke')").click()
    page.wait_for_function("""() => [...document.querySelectorAll('tr[data-state=revoked] th')]
        .some(name => name.textContent === 'a nightly script')""")
    assert httpx.get(server.url + "/api/v1/reports/", headers={"Authorization": f"Bearer {secret}"}).status_code == 401
    page.reload()
    assert page.locator(".made code.secret").count() == 0  # shown once, never again

    # A revocation that fails (here: the service unavailable) says why, where the page says its errors.
    page.fill("form.new-token input[name=name]", "another script")
    page.click("form.new-token button[type=submit]")
    page.wait_for_selector("tr[data-state=live] button:text('Revoke')")
    page.route("**/revoke/", lambda route: route.fulfill(status=503, json={
        "status": "error", "message": "the database is unavailable", "path": "$", "rule": "database"}))
    page.locator("tr[data-state=live] button:text('Revoke')").first.click()
    page.wait_for_selector(".made .state.error:text('the database is unavailable')")


def test_after_logging_in_only_a_page_of_this_site_is_next(server, open_page, viewer):
    page = open_page(server, logged_in=False).page
    page.goto(server.url + "/login?next=%2F%09%2Fevil.example%2Fphish")
    answers = page.evaluate("""async (nexts) => {
        const { safeNext } = await import("/assets/js/login.js");
        return nexts.map(safeNext);
    }""", ["/search?q=kvm#top", "//evil.example", "/\\evil.example", "/\t/evil.example", "/\n/evil.example",
           "https://evil.example/", "javascript:alert(1)", "evil.example", "/%2F/x"])
    assert answers == ["/search?q=kvm#top", "/", "/", "/", "/", "/", "/", "/", "/%2F/x"]
    log_in(page, viewer, PASSWORD)
    page.wait_for_url(server.url + "/")


def test_nothing_secret_reaches_the_servers_log(server, open_page, viewer):
    page = open_page(server, logged_in=False).page
    page.goto(server.url + "/login?next=%2Faccount")
    log_in(page, viewer, "a wrong password")
    page.wait_for_selector(".login-message:text('wrong user name or password')")
    log_in(page, viewer, PASSWORD)
    page.wait_for_url("**/account")
    page.fill("form.new-token input[name=name]", "secret?")
    page.click("form.new-token button[type=submit]")
    token = page.locator(".made code.secret").inner_text()
    httpx.get(server.url + "/api/v1/reports/", headers={"Authorization": f"Bearer {token}"})
    session = session_cookie(page.context)["value"]
    csrf = page.evaluate("async () => (await (await fetch('/api/v1/session/')).json()).csrf_token")
    page.click("#visitor button.logout")
    page.wait_for_url("**/login")

    log = server.log.read_text()
    assert f'"user": "{viewer}"' in log  # the requests name who made them
    assert [name for name, secret in {"password": PASSWORD, "wrong password": "a wrong password", "token": token,
                                      "session": session, "csrf": csrf}.items() if secret in log] == []


@pytest.fixture(scope="module")
def community(population, elasticsearch_node, database_url, admin,  # type: ignore[no-untyped-def]
              tmp_path_factory) -> Iterator[Server]:
    yield from serve({"FUELSTATS_ELASTICSEARCH_URL": elasticsearch_node.url, "FUELSTATS_INDEX_PREFIX": population,
                      "FUELSTATS_DATABASE_URL": database_url, "FUELSTATS_ANALYTICS_MODE": "public-reports"},
                     tmp_path_factory.mktemp("community") / "analytics.log", admin)


def test_a_community_instance_shows_its_reports_to_anyone(community, open_page, output):
    visit = open_page(community, logged_in=False)
    page = visit.page
    page.goto(community.url + "/")
    assert page.url == community.url + "/"
    assert_cards_match_the_api(page, community, {})
    assert page.locator(".downloads").is_hidden()
    assert page.get_attribute("#visitor a", "href") == "/login?next=%2F"
    page.screenshot(path=str(output / "community.png"))
    page.goto(community.url + "/search?q=kvm")
    page.wait_for_function("() => document.querySelector('.results').dataset.state === 'ready'")
    page.goto(community.url + "/account")
    page.wait_for_url("**/login?next=%2Faccount")
    assert visit.errors == [] and visit.outside == []



def test_swagger_ui_authorizes_with_an_api_token(server, open_page):
    page = open_page(server, logged_in=False).page
    page.goto(server.url + "/ui/")
    page.click("button.authorize")
    page.fill("input[aria-label='auth-bearer-value']", server.credentials.token)
    page.click(".auth-container:has(input[aria-label='auth-bearer-value']) button.authorize")
    page.click("button.close-modal")
    operation = page.locator(".opblock:has([data-path='/api/v1/reports/'])")
    operation.locator(".opblock-summary").first.click()
    operation.locator("button.try-out__btn").click()
    operation.locator("button.execute").click()
    status = operation.locator(".live-responses-table tbody .response-col_status").first
    status.wait_for()
    assert status.inner_text().strip() == "200"
