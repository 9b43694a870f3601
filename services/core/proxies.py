"""Who a request comes from, when a proxy (our nginx front door) may stand between.

The client is the peer of the connection, unless that peer is a proxy named in
FUELSTATS_TRUSTED_PROXIES: then it is the last address in X-Forwarded-For that no trusted proxy
added, as nginx's realip module reads it (our nginx overwrites that header with the address it
was connected from, so a client cannot plant one). When every hop is a trusted proxy the first one
is the client: someone on the proxy's own machine. A request that carries forwarding headers but
came from a proxy we do not trust has no client we can tell (None): it is refused wherever the
client matters, even when that proxy is local.

uvicorn's own reading of these headers is off (fuelstats.core.server): this module alone decides.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable

from starlette.types import Scope

FORWARDING_HEADERS = (b"x-forwarded-for", b"forwarded", b"x-real-ip")
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def _address(text: str) -> str | None:
    """The address in its canonical spelling, or None when it is not one."""
    try:
        return str(ipaddress.ip_address(text.strip()))
    except ValueError:
        return None


def peer_address(scope: Scope) -> str | None:
    return scope["client"][0] if scope.get("client") else None


def client_address(scope: Scope, trusted_proxies: frozenset[str]) -> str | None:
    """The address the request comes from, or None when a proxy we do not trust stands between."""
    peer = peer_address(scope)
    headers = {key.lower(): value.decode("latin-1") for key, value in scope["headers"]}
    if not any(name in headers for name in FORWARDING_HEADERS):
        return peer
    if peer is None or _address(peer) not in trusted_proxies:
        return None
    chain = [hop.strip() for hop in headers.get(b"x-forwarded-for", "").split(",") if hop.strip()]
    if not chain:
        return None  # a trusted proxy that says nothing we read: nobody to name
    while len(chain) > 1 and _address(chain[-1]) in trusted_proxies:
        chain.pop()
    return _address(chain[-1])


def _parsed(address: str | None) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        parsed = ipaddress.ip_address(address or "")
    except ValueError:
        return None
    if isinstance(parsed, ipaddress.IPv6Address) and parsed.ipv4_mapped is not None:
        return parsed.ipv4_mapped  # ::ffff:10.0.0.1 is 10.0.0.1
    return parsed


def is_loopback(address: str | None) -> bool:
    parsed = _parsed(address)
    return parsed is not None and parsed.is_loopback


def is_within(address: str | None, networks: Iterable[Network]) -> bool:
    parsed = _parsed(address)
    return parsed is not None and any(parsed in network for network in networks)
