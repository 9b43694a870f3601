"""Who may call what: openapi/analytics.yaml's security, enforced by Connexion with these functions.

The spec names two schemes, a browser session (the cookie ``__Host-fuelstats-session``) and an API
token (``Authorization: Bearer``), the requirement of every operation (security), and the role it
needs (``x-fuelstats-role``: ``admin`` for the private part). Connexion calls ``session_info`` or
``bearer_info`` (the schemes' x-apikeyInfoFunc and x-bearerInfoFunc) and puts what they return in
the request's context: ``request.context["user"]`` is the user's name, ``current_principal()`` the
whole ``Principal``. A request without credentials gets 401 with ``WWW-Authenticate``; one whose role
is too small, 403 (``role_middleware``).

A session authenticates every request its cookie comes with, so a state-changing one (anything but
GET and HEAD) must also carry the session's CSRF token in ``X-CSRF-Token``, which a page of another
site cannot read nor send; a bearer token is never sent by a browser on its own, so it needs none.

The instance mode (FUELSTATS_ANALYTICS_MODE) decides what answers without a login:
``public-reports`` makes the operations marked ``x-fuelstats-public`` (reports, summary, search,
status, an installation's history) anonymous, as the web UI's pages; ``private`` opens nothing.
"""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

from connexion.context import context
from connexion.exceptions import OAuthProblem
from connexion.lifecycle import ConnexionRequest, ConnexionResponse
from starlette.concurrency import run_in_threadpool
from starlette.requests import HTTPConnection
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

from fuelstats.analytics import accounts
from fuelstats.analytics.accounts import CHALLENGE, LoginPolicy, OpenedSession, Principal, Role
from fuelstats.analytics.context import accounts_engine, login_policy
from fuelstats.analytics.settings import InstanceMode, get_settings
from fuelstats.core import web
from fuelstats.core.errors import Refused
from fuelstats.core.proxies import client_address

# __Host-: the browser keeps it only if it is Secure, for this host alone (no Domain) and path /, so
# neither a sibling subdomain nor a plain-HTTP page can plant or overwrite it. Browsers count loopback
# (http://127.0.0.1, http://localhost) as secure, so the same cookie works there, without TLS.
SESSION_COOKIE = "__Host-fuelstats-session"
CSRF_HEADER = "X-CSRF-Token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
ROLE_EXTENSION = "x-fuelstats-role"
PUBLIC_EXTENSION = "x-fuelstats-public"
PRIVATE_PREFIX = "/api/v1/private/"
INVALID_TOKEN = f'{CHALLENGE}, error="invalid_token"'


def client(request: HTTPConnection) -> str | None:
    """The request's client address, as fuelstats.core.proxies reads it behind the front door."""
    return client_address(request.scope, get_settings().trusted_proxy_addresses)


def _identified(principal: Principal) -> dict[str, Any]:
    """What Connexion keeps of a verified request: ``sub`` becomes ``request.context["user"]``."""
    web.note(user=principal.name, via=principal.via)
    return {"sub": principal.name, "principal": principal}


async def session_info(api_key: str, request: ConnexionRequest) -> dict[str, Any]:
    """The cookie scheme's check (x-apikeyInfoFunc): a live session, and for state changes its CSRF token."""
    principal = await run_in_threadpool(accounts.session_principal, accounts_engine(), login_policy(), api_key)
    if principal is None:
        raise Refused(401, "the session has ended: log in again", rule="session",
                      headers={"WWW-Authenticate": CHALLENGE})
    if request.method not in SAFE_METHODS and not accounts.csrf_matches(api_key, request.headers.get(CSRF_HEADER)):
        raise Refused(403, f"a change made with a session cookie needs the session's {CSRF_HEADER} header",
                      rule="csrf", path=f"header.{CSRF_HEADER}")
    return _identified(principal)


async def bearer_info(token: str, request: ConnexionRequest) -> dict[str, Any]:
    """The bearer scheme's check (x-bearerInfoFunc): a live API token."""
    principal = await run_in_threadpool(accounts.token_principal, accounts_engine(), token, client(request))
    if principal is None:
        raise Refused(401, "the token is unknown, revoked or expired", rule="token",
                      headers={"WWW-Authenticate": INVALID_TOKEN})
    return _identified(principal)


def current_principal() -> Principal | None:
    """Who the request being served is (None: anonymous, where the instance mode allows it)."""
    return context.get("token_info", {}).get("principal")  # type: ignore[no-any-return]


def unauthenticated(request: ConnexionRequest, error: Exception) -> ConnexionResponse:
    """Connexion's own 401 (no credentials at all, or an Authorization header it cannot read), in the
    v1 shape and with the challenge RFC 9110 asks of every 401."""
    assert isinstance(error, OAuthProblem)
    return web.answer_refusal(request, Refused(401, "log in, or send an API token (Authorization: Bearer ...)",
                                               rule="authentication", headers={"WWW-Authenticate": CHALLENGE}))


# --- roles and the instance mode ----------------------------------------------------------------------

def _operations(spec: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [(route, operation) for route, item in spec["paths"].items() for method, operation in item.items()
            if isinstance(operation, dict) and "operationId" in operation]


def required_roles(spec: dict[str, Any]) -> dict[str, Role]:
    """The role each operation needs, by operationId (``viewer`` unless the spec says otherwise).

    A private operation that the spec does not mark admin-only stops the app: the private part is
    for admins, and an operation added there without the mark must not open it.
    """
    roles: dict[str, Role] = {}
    for route, operation in _operations(spec):
        role = operation.get(ROLE_EXTENSION, "viewer")
        if route.startswith(PRIVATE_PREFIX) and role != "admin":
            raise ValueError(f"{route}: a private operation needs `{ROLE_EXTENSION}: admin`")
        roles[operation["operationId"]] = role
    return roles


def in_mode(spec: dict[str, Any], mode: InstanceMode) -> dict[str, Any]:
    """The spec as this instance serves it: in ``public-reports`` the public operations take no
    credentials (but still know who sends some). Served as /openapi.json, so Swagger UI, schemathesis
    and every client see the requirements that hold."""
    if mode == "private":
        return spec
    served = copy.deepcopy(spec)
    for _, operation in _operations(served):
        if operation.get(PUBLIC_EXTENSION):
            operation["security"] = [*operation.get("security", served.get("security", [])), {}]
    return served


def role_middleware(roles: dict[str, Role]) -> type:
    class RoleMiddleware:
        """403 when the request's principal (verified by Connexion's security, before this) has too
        small a role for the operation."""

        def __init__(self, app: ASGIApp) -> None:
            self.app = app

        async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
            if scope["type"] == "http":
                extensions = scope.get("extensions", {})
                operation = extensions.get("connexion_routing", {}).get("operation_id")
                required = roles.get(operation, "viewer")
                principal = extensions.get("connexion_context", {}).get("token_info", {}).get("principal")
                if required != "viewer" and (principal is None or not principal.may(required)):
                    raise Refused(403, f"this needs the {required} role", rule="role")
            await self.app(scope, receive, send)

    return RoleMiddleware


# --- the browser's session --------------------------------------------------------------------------

def session_token(connection: HTTPConnection) -> str | None:
    return connection.cookies.get(SESSION_COOKIE)


async def page_visitor(scope: Scope) -> Principal | None:
    """Who opens a page of the web UI, by the session cookie (pages are outside Connexion's routing)."""
    token = session_token(HTTPConnection(scope))
    if token is None:
        return None
    return await run_in_threadpool(accounts.session_principal, accounts_engine(), login_policy(), token)


def set_session_cookie(response: Response, opened: OpenedSession) -> None:
    # SameSite=Lax, not Strict: a link to a dashboard (the filters live in the URL, to be shared) opens
    # logged in; Lax still keeps the cookie off every cross-site request but top-level GETs, and no
    # GET changes anything.
    response.set_cookie(SESSION_COOKIE, opened.token, expires=opened.expires_at.astimezone(dt.UTC),
                        path="/", secure=True, httponly=True, samesite="lax")


def clear_session_cookie(response: Response) -> None:
    response.delete_cookie(SESSION_COOKIE, path="/", secure=True, httponly=True, samesite="lax")


def session_view(principal: Principal | None, token: str | None, policy: LoginPolicy,
                 mode: InstanceMode) -> dict[str, Any]:
    """What the UI learns about its visitor: the user, the role, and the CSRF token of the session."""
    view: dict[str, Any] = {"user": None, "mode": mode, "idle_timeout": policy.idle_timeout}
    if principal is not None:
        view.update(user=principal.name, role=principal.role, via=principal.via)
        if principal.via == "session" and token is not None:
            view["csrf_token"] = accounts.csrf_token(token)
    return view
