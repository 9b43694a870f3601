"""A browser session through the front door, over HTTPS: the cookie's prefix and flags as a browser gets
them, its CSRF rule, logout, and the audit trail naming the client nginx was connected from."""

from __future__ import annotations

import json
import ssl
from http.cookies import SimpleCookie

import httpx
from sqlalchemy import text

from fuelstats.analytics.security import SESSION_COOKIE
from fuelstats.core.database import engine_for
from tests.conftest import ADMIN, ADMIN_PASSWORD
from tests.edge.conftest import Edge


def client(edge: Edge) -> httpx.Client:
    return httpx.Client(base_url=edge.https, verify=ssl.create_default_context(cafile=str(edge.ca.ca)))


def test_a_session_through_the_front_door(edge, admin_user, analytics_database_url):
    with client(edge) as browser:
        login = browser.post("/api/v1/session/login/", json={"username": ADMIN, "password": ADMIN_PASSWORD})
        assert login.status_code == 200, login.text
        assert login.headers["strict-transport-security"] == "max-age=63072000"
        [cookie] = SimpleCookie(login.headers["set-cookie"]).values()
        # __Host-: Secure, no Domain, path /: no other host, and no page over plain HTTP, can set or read it.
        assert cookie.key == SESSION_COOKIE and SESSION_COOKIE.startswith("__Host-")
        assert (cookie["secure"], cookie["httponly"], cookie["samesite"], cookie["path"], cookie["domain"]) == (
            True, True, "lax", "/", "")
        assert browser.get("/").status_code == 200
        me = browser.get("/api/v1/session/").json()
        assert (me["user"], me["via"], me["mode"]) == (ADMIN, "session", "public-reports")

        refused = browser.post("/api/v1/session/logout/")
        assert (refused.status_code, refused.json()["rule"]) == (403, "csrf")
        out = browser.post("/api/v1/session/logout/", headers={"X-CSRF-Token": me["csrf_token"]})
        assert out.status_code == 204
        assert browser.get("/api/v1/session/").json()["user"] is None
        assert browser.get("/api/v1/private/summary/").status_code == 401



def test_the_audit_names_the_address_nginx_was_connected_from(edge, admin_user, analytics_database_url):
    login = {"method": "POST", "url": f"{edge.remote_https}/api/v1/session/login/",
             "headers": {"content-type": "application/json", "X-Forwarded-For": "127.0.0.1"},
             "body": json.dumps({"username": ADMIN, "password": ADMIN_PASSWORD})}
    [answer] = edge.host.run({"ca": str(edge.ca.ca), "source": edge.allowed, "requests": [login]})
    assert answer["status"] == 200, answer
    with engine_for(analytics_database_url).connect() as connection:
        address = connection.execute(text("SELECT address FROM audit_events WHERE actor = :actor AND event = 'login'"
                                          " ORDER BY id DESC LIMIT 1"), {"actor": ADMIN}).scalar_one()
    assert address == edge.allowed  # the test host's, not nginx's nor the one its header claims
