"""Who may reach the analytics: the networks it is limited to, and this machine alone for the private part.

The commercial instance's analytics answer one network only (FUELSTATS_ANALYTICS_NETWORKS; the
collector stays open to every Fuel master). The private part answers only requests from this
machine, whatever the networks say. Both go by the client fuelstats.proxies finds, so they hold
through the nginx front door as they do without it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from starlette.types import ASGIApp, Receive, Scope, Send

from fuelstats import web
from fuelstats.proxies import Network, client_address, is_loopback, is_within

PRIVATE_PREFIX = "/api/v1/private/"
API_PREFIX = "/api/"
NOT_ALLOWED_PAGE = b"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Not available from here</title></head>
<body><h1>Not available from here</h1>
<p>The fuel-stats analytics answer only from the networks they are limited to.</p></body></html>
"""


async def _refuse(send: Send, body: bytes, content_type: bytes) -> None:
    await send({"type": "http.response.start", "status": 403,
                "headers": [(b"content-type", content_type), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


async def _refuse_json(send: Send, message: str, rule: str) -> None:
    web.note(rule=rule)
    await _refuse(send, json.dumps(web.error_body(message, rule=rule)).encode(), b"application/json")


def local_only_middleware(trusted_proxies: frozenset[str]) -> type:
    class LocalOnlyMiddleware:
        """403 for requests to the private part that do not come from this machine."""

        def __init__(self, app: ASGIApp) -> None:
            self.app = app

        async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
            if scope["type"] == "http" and scope["path"].startswith(PRIVATE_PREFIX):
                if not is_loopback(client_address(scope, trusted_proxies)):
                    await _refuse_json(send, "the private API answers only requests from this machine", "local-only")
                    return
            await self.app(scope, receive, send)

    return LocalOnlyMiddleware


def allowed_networks_middleware(networks: Iterable[Network], trusted_proxies: frozenset[str]) -> type:
    allowed = tuple(networks)

    class AllowedNetworksMiddleware:
        """403 for every request (the UI, its assets, the API) from outside the allowed networks:
        JSON for the API, a page for a person."""

        def __init__(self, app: ASGIApp) -> None:
            self.app = app

        async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
            if scope["type"] == "http" and not is_within(client_address(scope, trusted_proxies), allowed):
                if scope["path"].startswith(API_PREFIX):
                    await _refuse_json(send, "the analytics answer only from the networks they are limited to",
                                       "allowed-networks")
                else:
                    web.note(rule="allowed-networks")
                    await _refuse(send, NOT_ALLOWED_PAGE, b"text/html; charset=utf-8")
                return
            await self.app(scope, receive, send)

    return AllowedNetworksMiddleware
