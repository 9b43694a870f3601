"""Who may reach the analytics: the networks it is limited to, and this machine alone for the private part.

The commercial instance's analytics answer one network only (FUELSTATS_ANALYTICS_NETWORKS; the
collector stays open to every Fuel master). The private part answers only requests from this
machine, whatever the networks say. Both go by the client fuelstats.core.proxies finds, so they hold
through the nginx front door as they do without it. Their refusals of API requests are `Refused`,
turned into the v1 error body by fuelstats.core.web like every other; a person gets a short page.
"""

from __future__ import annotations

from collections.abc import Iterable

from starlette.types import ASGIApp, Receive, Scope, Send

from fuelstats.core import web
from fuelstats.core.errors import Refused
from fuelstats.core.proxies import Network, client_address, is_loopback, is_within

PRIVATE_PREFIX = "/api/v1/private/"
API_PREFIX = "/api/"
NOT_ALLOWED_PAGE = b"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Not available from here</title></head>
<body><h1>Not available from here</h1>
<p>The fuel-stats analytics answer only from the networks they are limited to.</p></body></html>
"""


def local_only_middleware(trusted_proxies: frozenset[str]) -> type:
    class LocalOnlyMiddleware:
        """403 for requests to the private part that do not come from this machine."""

        def __init__(self, app: ASGIApp) -> None:
            self.app = app

        async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
            if scope["type"] == "http" and scope["path"].startswith(PRIVATE_PREFIX):
                if not is_loopback(client_address(scope, trusted_proxies)):
                    raise Refused(403, "the private API answers only requests from this machine", rule="local-only")
            await self.app(scope, receive, send)

    return LocalOnlyMiddleware


def allowed_networks_middleware(networks: Iterable[Network], trusted_proxies: frozenset[str]) -> type:
    allowed = tuple(networks)

    class AllowedNetworksMiddleware:
        """403 for every request (the UI, its assets, the API) from outside the allowed networks:
        the v1 error body for the API, a page for a person. It must sit inside Connexion's exception
        middleware, which answers the Refused."""

        def __init__(self, app: ASGIApp) -> None:
            self.app = app

        async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
            if scope["type"] == "http" and not is_within(client_address(scope, trusted_proxies), allowed):
                if scope["path"].startswith(API_PREFIX):
                    raise Refused(403, "the analytics answer only from the networks they are limited to",
                                  rule="allowed-networks")
                web.note(rule="allowed-networks")
                await send({"type": "http.response.start", "status": 403,
                            "headers": [(b"content-type", b"text/html; charset=utf-8"),
                                        (b"content-length", str(len(NOT_ALLOWED_PAGE)).encode())]})
                await send({"type": "http.response.body", "body": NOT_ALLOWED_PAGE})
                return
            await self.app(scope, receive, send)

    return AllowedNetworksMiddleware
