"""The private part of the analytics API answers only requests from this machine.

The client is the peer of the connection, unless that peer is a proxy named in
FUELSTATS_TRUSTED_PROXIES: then it is the address that proxy put last in X-Forwarded-For. A
request that went through a proxy we do not trust (it carries forwarding headers) is refused even
when the proxy itself is on this machine: we cannot tell who sent it.
"""

from __future__ import annotations

import ipaddress

from starlette.types import ASGIApp, Receive, Scope, Send

from fuelstats.core.errors import Refused

PRIVATE_PREFIX = "/api/v1/private/"
FORWARDING_HEADERS = (b"x-forwarded-for", b"forwarded", b"x-real-ip")


def is_loopback(address: str | None) -> bool:
    try:
        return address is not None and ipaddress.ip_address(address).is_loopback
    except ValueError:
        return False


def client_address(scope: Scope, trusted_proxies: frozenset[str]) -> str | None:
    """The address the request comes from, or None when it came through a proxy we do not trust."""
    peer = scope["client"][0] if scope.get("client") else None
    headers = dict((key.lower(), value.decode("latin-1")) for key, value in scope["headers"])
    forwarded = [headers[name] for name in FORWARDING_HEADERS if name in headers]
    if not forwarded:
        return peer
    if peer not in trusted_proxies:
        return None
    chain = [hop.strip() for hop in headers.get(b"x-forwarded-for", "").split(",") if hop.strip()]
    # The last hop our trusted proxies did not add is the client.
    while chain and chain[-1] in trusted_proxies:
        chain.pop()
    return chain[-1] if chain else None


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
