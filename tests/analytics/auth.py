"""Accounts for the tests of who may do what: users of each role, their tokens, their logins."""

from __future__ import annotations

import uuid

import httpx
from sqlalchemy import Engine

from fuelstats.analytics import accounts
from fuelstats.analytics.security import CSRF_HEADER, SESSION_COOKIE

PASSWORD = "correct horse battery staple"
OPERATOR = accounts.Actor("cli:tests")


def new_user(engine: Engine, role: accounts.Role = "viewer", password: str | None = PASSWORD) -> str:
    """A user of its own for one test (names never clash between tests)."""
    name = f"{role}-{uuid.uuid4().hex[:10]}"
    accounts.add_user(engine, name, role, password, OPERATOR)
    return name


def new_token(engine: Engine, user: str, role: accounts.Role | None = None, days: int = 1) -> str:
    secret, _ = accounts.create_token(engine, OPERATOR, owner=user, name="a test", role=role, days=days)
    return secret


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def logged_in(client: httpx.Client, user: str, password: str = PASSWORD) -> dict[str, str]:
    """Log in through the API; the headers a browser would then send: the cookie, and the CSRF token
    its page read from GET /api/v1/session/. (A test client speaks plain HTTP, so it is handed the
    Secure cookie by hand; a browser keeps it on loopback, tests/ui shows.)"""
    answer = client.post("/api/v1/session/login/", json={"username": user, "password": password})
    assert answer.status_code == 200, answer.text
    cookie = {"Cookie": f"{SESSION_COOKIE}={answer.cookies[SESSION_COOKIE]}"}
    csrf = client.get("/api/v1/session/", headers=cookie).json()["csrf_token"]
    return {**cookie, CSRF_HEADER: csrf}
