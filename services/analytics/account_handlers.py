"""The accounts' operations (logging in and out, API tokens, the audit trail), named by operationId in
openapi/analytics.yaml. Who the request is comes from Connexion's security (fuelstats.analytics.security)."""

from __future__ import annotations

from typing import Any

from connexion import request
from starlette.responses import JSONResponse, Response

from fuelstats.analytics import accounts, audit
from fuelstats.analytics.accounts import Actor, Principal
from fuelstats.analytics.context import accounts_engine, login_policy
from fuelstats.analytics.security import (
    clear_session_cookie,
    client,
    current_principal,
    session_token,
    session_view,
    set_session_cookie,
)
from fuelstats.analytics.settings import get_settings

Json = dict[str, Any]
EVERYONE = "*"


def _signed_in() -> Principal:
    principal = current_principal()
    assert principal is not None, "the spec lets no anonymous request here"
    return principal


def _actor() -> Actor:
    principal = _signed_in()
    return Actor(principal.name, client(request), principal)


def whoami() -> Json:
    return session_view(current_principal(), session_token(request), login_policy(), get_settings().analytics_mode)


def login(body: Json) -> Response:
    policy = login_policy()
    opened = accounts.login(accounts_engine(), policy, body["username"], body["password"], client(request))
    view = session_view(opened.principal, opened.token, policy, get_settings().analytics_mode)
    response = JSONResponse({**view, "expires_at": opened.expires_at.isoformat()})
    set_session_cookie(response, opened)
    return response


def logout() -> Response:
    token = session_token(request)
    assert token is not None, "the session scheme let the request in"
    accounts.logout(accounts_engine(), token, _signed_in(), client(request))
    response = Response(status_code=204)
    clear_session_cookie(response)
    return response


def list_tokens(owner: str | None = None) -> Json:
    actor = _actor()
    return {"items": accounts.tokens(accounts_engine(), actor, None if owner == EVERYONE else (owner or actor.name))}


def create_token(body: Json) -> tuple[Json, int]:
    actor = _actor()
    secret, made = accounts.create_token(accounts_engine(), actor, owner=body.get("user", actor.name),
                                         name=body["name"], role=body.get("role"),
                                         days=body.get("expires_in_days", 90))
    return {**made, "token": secret}, 201


def revoke_token(token_id: str) -> Json:
    return accounts.revoke_token(accounts_engine(), _actor(), token_id)


def audit_trail(event: str | None = None, actor: str | None = None, page: int = 1, size: int = 50) -> Json:
    return audit.page(accounts_engine(), event=event, actor=actor, page=page, size=size)
