"""Who may call what (docs/authentication.md): 401 with a challenge without credentials, 403 for too small
a role, sessions with their CSRF rule, tokens that stop working, throttled logins that tell nothing about
which names exist, and an audit trail, in the default instance mode (private). The modes side by side:
test_instance_modes.py; the browser: tests/ui/test_ui_login.py."""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import uuid
from collections.abc import Iterator
from http.cookies import SimpleCookie

import pytest
from argon2 import PasswordHasher
from sqlalchemy import Engine, text

from fuelstats import resources
from fuelstats.analytics import accounts
from fuelstats.analytics.security import CSRF_HEADER, SESSION_COOKIE, ROLE_EXTENSION
from fuelstats.core.database import engine_for
from fuelstats.core.openapi import load_spec
from fuelstats_common.settings import settings_of
from tests.analytics.auth import OPERATOR, PASSWORD, bearer, logged_in, new_token, new_user

SPEC = load_spec(resources.openapi_dir() / "analytics.yaml")
# A value for every path parameter of the spec, so that each operation can be called.
PATH_VALUES = {"name": "hypervisors", "kind": "clusters", "master_node_uid": "a", "resource_type": "vm",
               "token_id": str(uuid.UUID(int=7)), "installation_id": "0" * 32, "job_id": str(uuid.UUID(int=8))}
CHALLENGE = 'Bearer realm="fuel-stats analytics"'


def operations(predicate=lambda route, method, operation: True) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(method.upper(), re.sub(r"{(\w+)}", lambda m: PATH_VALUES[m.group(1)], route))
            for route, item in SPEC["paths"].items() for method, operation in item.items()
            if predicate(route, method, operation)]


def call(client, method: str, path: str, **headers: str):  # type: ignore[no-untyped-def]
    if method == "GET":
        return client.get(path, headers=headers)
    return client.request(method, path, json={}, headers=headers)


@pytest.fixture
def accounts_db(analytics_database_url: str) -> Engine:
    return engine_for(analytics_database_url)


@pytest.fixture(autouse=True)
def no_throttle(analytics_database_url: str) -> Iterator[None]:
    """Failed logins of one test never throttle another's."""
    with engine_for(analytics_database_url).begin() as connection:
        connection.execute(text("DELETE FROM login_throttle"))
    yield
    with engine_for(analytics_database_url).begin() as connection:
        connection.execute(text("DELETE FROM login_throttle"))


def events(engine: Engine, actor: str) -> list[tuple[str, dict]]:
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT event, details FROM audit_events WHERE actor = :actor ORDER BY id"),
                                  {"actor": actor})
        return [(event, details) for event, details in rows]


# --- without credentials, and with too small a role ---------------------------------------------------

OPEN = {("GET", "/api/v1/session/"), ("POST", "/api/v1/session/login/")}


def test_without_credentials_every_operation_but_logging_in_is_401_with_a_challenge(app_client):
    client = app_client()
    checked = operations(lambda route, method, operation: operation.get("security") != [])
    assert len(checked) >= 18
    for method, path in checked:
        answer = call(client, method, path)
        if (method, path) in OPEN:
            assert answer.status_code == 200, (method, path, answer.text)
            continue
        assert answer.status_code == 401, (method, path, answer.text)
        assert answer.headers["www-authenticate"] == CHALLENGE, (method, path)
        assert answer.json() == {"status": "error", "rule": "authentication",
                                 "message": "log in, or send an API token (Authorization: Bearer ...)"}


def test_wrong_credentials_are_401_and_say_which_kind_failed(app_client, accounts_db):
    client = app_client()
    for headers, rule in ((bearer("fst_" + "x" * 43), "token"), (bearer("not even ours"), "token"),
                          ({"Cookie": f"{SESSION_COOKIE}=made-up"}, "session"),
                          ({"Authorization": "Bearer"}, "authentication")):
        answer = client.get("/api/v1/reports/", headers=headers)
        assert (answer.status_code, answer.json()["rule"]) == (401, rule), headers
        assert answer.headers["www-authenticate"].startswith(CHALLENGE)
    assert client.get("/api/v1/reports/", headers=bearer("fst_nothing")).headers["www-authenticate"] == (
        f'{CHALLENGE}, error="invalid_token"')


def test_a_viewer_reads_the_reports_but_gets_403_on_every_admin_operation(app_client, accounts_db):
    viewer = new_token(accounts_db, new_user(accounts_db, "viewer"))
    client = app_client(**bearer(viewer))
    for path in ("/api/v1/reports/", "/api/v1/reports/hypervisors/", "/api/v1/summary/", "/api/v1/status/",
                 "/api/v1/search/installations/", "/api/v1/tokens/"):
        assert client.get(path).status_code == 200, path
    admin_only = operations(lambda route, method, operation: operation.get(ROLE_EXTENSION) == "admin")
    assert len(admin_only) >= 8 and all(path.startswith("/api/v1/private/") for _, path in admin_only)
    for method, path in admin_only:
        answer = call(client, method, path)
        assert answer.status_code == 403, (method, path, answer.text)
        assert answer.json() == {"status": "error", "rule": "role", "message": "this needs the admin role"}
    assert app_client(**bearer(new_token(accounts_db, new_user(accounts_db, "admin")))).get(
        "/api/v1/private/summary/").status_code == 200


def test_every_private_operation_is_admin_only_or_the_app_does_not_start():
    from fuelstats.analytics.security import required_roles

    roles = required_roles(SPEC)
    private = [operation["operationId"] for route, item in SPEC["paths"].items() if route.startswith("/api/v1/private/")
               for operation in item.values()]
    assert private and {roles[operation] for operation in private} == {"admin"}
    unmarked = json.loads(json.dumps(SPEC))
    del unmarked["paths"]["/api/v1/private/summary/"]["get"][ROLE_EXTENSION]
    with pytest.raises(ValueError, match="/api/v1/private/summary/: a private operation needs"):
        required_roles(unmarked)


def test_the_private_part_stays_local_only_for_admins_too(app_client, accounts_db):
    admin = bearer(new_token(accounts_db, new_user(accounts_db, "admin")))
    answer = app_client("192.0.2.7", **admin).get("/api/v1/private/summary/")
    assert (answer.status_code, answer.json()["rule"]) == (403, "local-only")


# --- API tokens ---------------------------------------------------------------------------------------

def test_a_revoked_or_expired_token_stops_working_at_once(app_client, accounts_db):
    user = new_user(accounts_db, "viewer")
    token, other = new_token(accounts_db, user), new_token(accounts_db, user)
    client = app_client()
    assert client.get("/api/v1/reports/", headers=bearer(token)).status_code == 200
    [made] = [item for item in client.get("/api/v1/tokens/", headers=bearer(token)).json()["items"]
              if item["id"] == accounts.token_principal(accounts_db, token, None).token_id]
    revoked = client.post(f"/api/v1/tokens/{made['id']}/revoke/", headers=bearer(other))
    assert (revoked.status_code, revoked.json()["state"]) == (200, "revoked")
    answer = client.get("/api/v1/reports/", headers=bearer(token))
    assert (answer.status_code, answer.json()["rule"]) == (401, "token")

    with accounts_db.begin() as connection:
        connection.execute(text("UPDATE api_tokens SET expires_at = now() - interval '1 second'"
                                " WHERE id = CAST(:id AS uuid)"),
                           {"id": accounts.token_principal(accounts_db, other, None).token_id})
    assert client.get("/api/v1/reports/", headers=bearer(other)).status_code == 401
    states = {item["state"] for item in accounts.tokens(accounts_db, OPERATOR, user)}
    assert states == {"revoked", "expired"}


def test_a_token_is_made_shown_once_and_never_acts_above_its_user(app_client, accounts_db):
    admin = new_user(accounts_db, "admin")
    client = app_client(**bearer(new_token(accounts_db, admin)))
    made = client.post("/api/v1/tokens/create/", json={"name": "nightly export", "role": "admin",
                                                        "expires_in_days": 30})
    assert made.status_code == 201, made.text
    secret = made.json()["token"]
    assert secret.startswith("fst_") and len(secret) > 40
    assert made.json()["role"] == "admin" and made.json()["created_by"] == admin
    expires = dt.datetime.fromisoformat(made.json()["expires_at"]) - dt.datetime.fromisoformat(made.json()["created_at"])
    assert expires == dt.timedelta(days=30)
    listed = client.get("/api/v1/tokens/").json()["items"]
    assert made.json()["id"] in {item["id"] for item in listed}
    assert all("token" not in item for item in listed)
    with accounts_db.connect() as connection:  # only its digest is kept
        assert not connection.execute(text("SELECT count(*) FROM api_tokens WHERE token_digest = :secret"),
                                      {"secret": secret}).scalar_one()
    assert app_client(**bearer(secret)).get("/api/v1/private/summary/").status_code == 200

    # Its user demoted: the token acts as a viewer from the next request on.
    accounts.grant(accounts_db, admin, "viewer", OPERATOR)
    assert app_client(**bearer(secret)).get("/api/v1/private/summary/").status_code == 403
    # A viewer cannot make an admin token.
    refused = client.post("/api/v1/tokens/create/", json={"name": "more rights", "role": "admin"})
    assert (refused.status_code, refused.json()["rule"]) == (400, "token-role")


def test_a_token_never_makes_a_token_above_its_own_role(app_client, accounts_db):
    admin = new_user(accounts_db, "admin")
    as_viewer_token = app_client(**bearer(new_token(accounts_db, admin, role="viewer")))
    refused = as_viewer_token.post("/api/v1/tokens/create/", json={"name": "more rights", "role": "admin"})
    assert (refused.status_code, refused.json()["rule"]) == (400, "token-role")
    made = as_viewer_token.post("/api/v1/tokens/create/", json={"name": "by default"})
    assert (made.status_code, made.json()["role"]) == (201, "viewer")
    assert app_client(**bearer(made.json()["token"])).get("/api/v1/private/summary/").status_code == 403
    # The admin's own admin token still makes admin tokens.
    as_admin_token = app_client(**bearer(new_token(accounts_db, admin)))
    assert as_admin_token.post("/api/v1/tokens/create/", json={"name": "x"}).json()["role"] == "admin"


def test_users_manage_their_own_tokens_and_admins_everyones(app_client, accounts_db):
    viewer, other, admin = (new_user(accounts_db, role) for role in ("viewer", "viewer", "admin"))
    as_viewer = app_client(**bearer(new_token(accounts_db, viewer)))
    as_admin = app_client(**bearer(new_token(accounts_db, admin)))
    others = new_token(accounts_db, other)
    others_id = accounts.token_principal(accounts_db, others, None).token_id

    assert as_viewer.post("/api/v1/tokens/create/", json={"name": "x", "user": other}).status_code == 403
    assert as_viewer.get("/api/v1/tokens/", params={"owner": other}).status_code == 403
    assert as_viewer.get("/api/v1/tokens/", params={"owner": "*"}).status_code == 403
    # Someone else's token is no token at all, to a viewer.
    assert as_viewer.post(f"/api/v1/tokens/{others_id}/revoke/").status_code == 404
    assert app_client(**bearer(others)).get("/api/v1/reports/").status_code == 200

    assert {item["user"] for item in as_admin.get("/api/v1/tokens/", params={"owner": "*"}).json()["items"]} >= {
        viewer, other, admin}
    made = as_admin.post("/api/v1/tokens/create/", json={"name": "for them", "user": viewer})
    assert (made.status_code, made.json()["user"], made.json()["role"], made.json()["created_by"]) == (
        201, viewer, "viewer", admin)
    assert as_admin.post(f"/api/v1/tokens/{others_id}/revoke/").status_code == 200
    assert app_client(**bearer(others)).get("/api/v1/reports/").status_code == 401


# --- browser sessions -----------------------------------------------------------------------------------

def test_a_login_sets_a_secure_session_cookie_that_logging_out_ends(app_client, accounts_db):
    user = new_user(accounts_db, "admin")
    client = app_client()
    answer = client.post("/api/v1/session/login/", json={"username": user.upper(), "password": PASSWORD})
    assert answer.status_code == 200, answer.text
    assert (answer.json()["user"], answer.json()["role"], answer.json()["via"]) == (user, "admin", "session")
    [cookie] = SimpleCookie(answer.headers["set-cookie"]).values()
    assert cookie.key == "__Host-fuelstats-session"
    assert (cookie["httponly"], cookie["secure"], cookie["samesite"], cookie["path"], cookie["domain"]) == (
        True, True, "lax", "/", "")
    assert dt.datetime.fromisoformat(answer.json()["expires_at"]) - dt.datetime.now(dt.UTC) <= dt.timedelta(hours=8)
    with accounts_db.connect() as connection:  # only its digest is kept
        assert not connection.execute(text("SELECT count(*) FROM sessions WHERE token_digest = :token"),
                                      {"token": cookie.value}).scalar_one()

    browser = {"Cookie": f"{SESSION_COOKIE}={cookie.value}"}
    me = client.get("/api/v1/session/", headers=browser).json()
    assert (me["user"], me["csrf_token"]) == (user, accounts.csrf_token(cookie.value))
    assert client.get("/api/v1/private/summary/", headers=browser).status_code == 200
    assert client.get("/", headers=browser, follow_redirects=False).status_code == 200

    out = client.post("/api/v1/session/logout/", headers={**browser, CSRF_HEADER: me["csrf_token"]})
    assert out.status_code == 204
    assert SimpleCookie(out.headers["set-cookie"])[SESSION_COOKIE]["max-age"] == "0"
    ended = client.get("/api/v1/reports/", headers=browser)
    assert (ended.status_code, ended.json()["rule"]) == (401, "session")
    assert client.get("/", headers=browser, follow_redirects=False).headers["location"] == "/login?next=%2F"
    assert [event for event, _ in events(accounts_db, user)] == ["login", "logout"]


def test_a_change_made_with_a_session_cookie_needs_its_csrf_token(app_client, accounts_db):
    user = new_user(accounts_db, "viewer")
    client = app_client()
    browser = logged_in(client, user)
    cookie_only = {"Cookie": browser["Cookie"]}
    other_session = logged_in(client, user)[CSRF_HEADER]
    for headers in (cookie_only, {**cookie_only, CSRF_HEADER: "0" * 64}, {**cookie_only, CSRF_HEADER: other_session}):
        for path in ("/api/v1/tokens/create/", "/api/v1/session/logout/"):
            answer = client.post(path, json={"name": "forged"}, headers=headers)
            assert answer.status_code == 403, (path, answer.text)
            assert answer.json()["rule"] == "csrf"
    assert client.post("/api/v1/tokens/create/", json={"name": "by the page"}, headers=browser).status_code == 201
    # Reading needs no CSRF token; a bearer token (no cookie) needs none for anything.
    assert client.get("/api/v1/tokens/", headers=cookie_only).status_code == 200
    token = new_token(accounts_db, user)
    assert client.post("/api/v1/tokens/create/", json={"name": "by a script"}, headers=bearer(token)).status_code == 201
    # Logging out needs the session: a token cannot.
    assert client.post("/api/v1/session/logout/", headers=bearer(token)).status_code == 401


def test_a_session_ends_when_idle_too_long_or_past_its_lifetime(app_client, accounts_db):
    user = new_user(accounts_db, "viewer")
    client = app_client()
    idle, old = logged_in(client, user), logged_in(client, user)
    with accounts_db.begin() as connection:
        connection.execute(text("UPDATE sessions SET last_seen_at = now() - interval '61 minutes'"
                                " WHERE token_digest = :digest"),
                           {"digest": accounts.digest(idle["Cookie"].split("=", 1)[1])})
        connection.execute(text("UPDATE sessions SET expires_at = now() - interval '1 second'"
                                " WHERE token_digest = :digest"),
                           {"digest": accounts.digest(old["Cookie"].split("=", 1)[1])})
    for browser in (idle, old):
        assert client.get("/api/v1/reports/", headers=browser).status_code == 401
        assert client.get("/api/v1/session/", headers=browser).json()["user"] is None


def test_disabling_an_account_ends_its_sessions_and_tokens_at_once(app_client, accounts_db):
    user = new_user(accounts_db, "viewer")
    client = app_client()
    browser, token = logged_in(client, user), new_token(accounts_db, user)
    assert client.get("/api/v1/reports/", headers=browser).status_code == 200
    assert client.get("/api/v1/reports/", headers=bearer(token)).status_code == 200
    accounts.set_disabled(accounts_db, user, True, OPERATOR)
    assert client.get("/api/v1/reports/", headers=browser).status_code == 401
    assert client.get("/api/v1/reports/", headers=bearer(token)).status_code == 401
    assert client.post("/api/v1/session/login/", json={"username": user, "password": PASSWORD}).status_code == 401
    # Enabled again: the password works, the ended session does not come back.
    accounts.set_disabled(accounts_db, user, False, OPERATOR)
    assert client.get("/api/v1/reports/", headers=browser).status_code == 401
    assert client.get("/api/v1/reports/", headers=bearer(token)).status_code == 200
    logged_in(client, user)


def test_a_new_password_ends_the_sessions_opened_with_the_old(app_client, accounts_db):
    user = new_user(accounts_db, "viewer")
    client = app_client()
    browser = logged_in(client, user)
    accounts.set_password(accounts_db, user, "a brand new passphrase", OPERATOR)
    assert client.get("/api/v1/reports/", headers=browser).status_code == 401
    assert client.post("/api/v1/session/login/", json={"username": user, "password": PASSWORD}).status_code == 401
    logged_in(client, user, "a brand new passphrase")


# --- failed logins --------------------------------------------------------------------------------------

def test_every_failed_login_reads_alike_and_costs_alike(app_client, accounts_db, monkeypatch):
    user, disabled = new_user(accounts_db, "viewer"), new_user(accounts_db, "viewer")
    accounts.set_disabled(accounts_db, disabled, True, OPERATOR)
    verified = []

    class Counting(PasswordHasher):
        def verify(self, digest: str | bytes, password: str | bytes) -> bool:
            verified.append(digest)
            return super().verify(digest, password)

    monkeypatch.setattr(accounts, "_hasher", Counting())
    client = app_client("10.9.0.1")
    answers = [client.post("/api/v1/session/login/", json={"username": name, "password": password})
               for name, password in ((user, "wrong password"), ("nobody-" + user, PASSWORD),
                                      (disabled, PASSWORD), ("x" * 128, "y"))]
    assert {(answer.status_code, answer.text) for answer in answers} == {
        (401, json.dumps({"status": "error", "message": "wrong user name or password", "rule": "credentials"}))}
    assert all(answer.headers["www-authenticate"] == CHALLENGE for answer in answers)
    assert "set-cookie" not in {key.lower() for answer in answers for key in answer.headers}
    # Each cost one Argon2 verification: a name nobody has is checked against a hash of nothing.
    assert len(verified) == 4 and all(digest.startswith("$argon2id$") for digest in verified)
    # The audit names the accounts that exist, never what was typed for one that does not.
    assert [event for event, _ in events(accounts_db, user)] == ["login-failed"]
    with accounts_db.connect() as connection:
        assert not connection.execute(text("SELECT count(*) FROM audit_events WHERE actor LIKE 'nobody-%'"
                                           " OR actor LIKE 'xxx%'")).scalar_one()


def test_repeated_failures_for_one_account_wait_and_say_how_long(app_client, accounts_db):
    user, bystander = new_user(accounts_db, "viewer"), new_user(accounts_db, "viewer")
    client = app_client("10.9.0.2")
    for _ in range(5):  # FUELSTATS_LOGIN_ACCOUNT_FAILURES
        assert client.post("/api/v1/session/login/", json={"username": user, "password": "guess"}).status_code == 401
    throttled = client.post("/api/v1/session/login/", json={"username": user, "password": PASSWORD})
    assert (throttled.status_code, throttled.json()["rule"]) == (429, "login-throttle")
    assert 890 <= int(throttled.headers["retry-after"]) <= 900  # FUELSTATS_LOGIN_LOCKOUT
    # From any address: the account waits, not the address; other accounts do not wait.
    assert app_client("10.9.0.3").post("/api/v1/session/login/",
                                        json={"username": user, "password": PASSWORD}).status_code == 429
    logged_in(client, bystander)
    # A name nobody has is throttled just the same, so 429 tells nothing about which names exist.
    for _ in range(5):
        client.post("/api/v1/session/login/", json={"username": "nobody-" + user, "password": "guess"})
    assert client.post("/api/v1/session/login/", json={"username": "nobody-" + user,
                                                        "password": "guess"}).status_code == 429
    with accounts_db.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM audit_events WHERE event = 'login-throttled'"
                                       " AND address = '10.9.0.2'")).scalar_one() == 2


def test_repeated_failures_from_one_address_wait(app_client, accounts_db, monkeypatch):
    monkeypatch.setenv("FUELSTATS_LOGIN_ADDRESS_FAILURES", "3")
    settings_of.cache_clear()
    user = new_user(accounts_db, "viewer")
    client = app_client("10.9.0.4")
    for attempt in range(3):  # each for another name: no account reaches its own limit
        client.post("/api/v1/session/login/", json={"username": f"guess-{attempt}", "password": "guess"})
    assert client.post("/api/v1/session/login/", json={"username": user, "password": PASSWORD}).status_code == 429
    logged_in(app_client("10.9.0.5"), user)


# --- the audit trail ------------------------------------------------------------------------------------

def test_the_audit_trail_has_logins_tokens_and_exports_and_the_private_api_lists_it(app_client, accounts_db,
                                                                                    caplog):
    admin = new_user(accounts_db, "admin")
    client = app_client()
    caplog.set_level(logging.INFO, logger="fuelstats.audit")
    client.post("/api/v1/session/login/", json={"username": admin, "password": "not it"})
    browser = logged_in(client, admin)
    made = client.post("/api/v1/tokens/create/", json={"name": "exports"}, headers=browser).json()
    for _ in range(2):  # two uses, one row: at most one per token in 15 minutes
        assert client.get("/api/v1/private/exports/clusters/", params={"from": "2026-01-01"},
                          headers=bearer(made["token"])).status_code == 200
    client.post(f"/api/v1/tokens/{made['id']}/revoke/", headers=browser)
    client.post("/api/v1/session/logout/", headers=browser)

    expected = ["login-failed", "login", "token-created", "token-used", "export", "export", "token-revoked", "logout"]
    assert [event for event, _ in events(accounts_db, admin)] == expected
    trail = app_client(**bearer(new_token(accounts_db, new_user(accounts_db, "admin")))).get(
        "/api/v1/private/audit/", params={"actor": admin, "size": 100}).json()
    assert [item["event"] for item in reversed(trail["items"])] == expected
    export = next(item for item in trail["items"] if item["event"] == "export")
    assert (export["address"], export["details"]) == (
        "127.0.0.1", {"kind": "clusters", "from": "2026-01-01", "to": None, "include_filtered": False, "via": "token"})
    logged = [record.msg for record in caplog.records if record.name == "fuelstats.audit"]
    assert [line["action"] for line in logged if line["actor"] == admin] == expected


def test_nothing_secret_reaches_the_logs(app_client, accounts_db, caplog):
    caplog.set_level(logging.DEBUG)
    user = new_user(accounts_db, "admin")
    client = app_client()
    mistyped = "hunter2-typed-in-the-wrong-field"
    client.post("/api/v1/session/login/", json={"username": mistyped, "password": PASSWORD})
    client.post("/api/v1/session/login/", json={"username": user, "password": mistyped})
    browser = logged_in(client, user)
    made = client.post("/api/v1/tokens/create/", json={"name": "logged?"}, headers=browser).json()
    assert client.get("/api/v1/private/summary/", headers=bearer(made["token"])).status_code == 200
    client.post("/api/v1/session/logout/", headers=browser)

    secrets = {"password": PASSWORD, "mistyped name": mistyped, "session": browser["Cookie"].split("=", 1)[1],
               "csrf token": browser[CSRF_HEADER], "api token": made["token"],
               "token digest": accounts.digest(made["token"])}
    logged = caplog.text + "\n".join(str(record.msg) for record in caplog.records)
    assert [name for name, secret in secrets.items() if secret in logged] == []
    # What the log does say: who made each request, and how they proved it.
    requests = [record.msg for record in caplog.records if record.name == "fuelstats.request"]
    assert {(line["path"], line.get("user"), line.get("via")) for line in requests} >= {
        ("/api/v1/tokens/create/", user, "session"), ("/api/v1/private/summary/", user, "token")}


def test_a_login_takes_only_json_which_no_form_of_another_site_can_send(app_client, accounts_db):
    user = new_user(accounts_db, "viewer")
    client = app_client()
    body = json.dumps({"username": user, "password": PASSWORD})
    # What a cross-site form or a "simple" cross-origin fetch can send, without a CORS preflight.
    for content_type in ("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"):
        answer = client.post("/api/v1/session/login/", content=body, headers={"content-type": content_type})
        assert (answer.status_code, answer.json()["rule"]) == (415, "content-type"), content_type
        assert "set-cookie" not in answer.headers
    assert client.options("/api/v1/session/login/",
                          headers={"Origin": "https://elsewhere.example", "Access-Control-Request-Method": "POST"}
                          ).headers.get("access-control-allow-origin") is None
