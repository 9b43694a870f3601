"""Limits at the edge, with the generator's default numbers: bodies per route, floods per master node and
per address (429, Retry-After, the v1 error shape), and idle or slow connections closed in time.

Floods come from the test host's own address, so that no other test shares their buckets; the
well-behaved sender's side of it is tests/edge/test_sender.py.
"""

from __future__ import annotations

import selectors
import socket
import ssl
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import httpx

from tests.edge.conftest import Edge

TOO_MANY = {"status": "error", "rule": "rate-limit",
            "message": "too many requests from this address or for this master node: try again in 60 seconds"}


def verified(edge: Edge) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=str(edge.ca.ca))


def assert_too_many(answer: dict) -> None:
    assert answer["headers"]["retry-after"] == "60"
    assert answer["headers"]["content-type"] == "application/json"
    assert answer["headers"]["strict-transport-security"] == "max-age=63072000"
    assert httpx.Response(429, content=answer["body"]).json() == TOO_MANY


def test_bodies_are_limited_per_route(edge):
    with httpx.Client(verify=verified(edge), timeout=30) as client:
        # Up to 8 MiB reaches the collector, which judges it; more is refused at the door.
        judged = client.post(f"{edge.https}/api/v1/action_logs/", content=b"x" * (1024 * 1024),
                             headers={"content-type": "application/json", "master-node-uid": "bodies"})
        assert (judged.status_code, judged.json()["rule"]) == (400, "json-syntax")
        too_large = client.post(f"{edge.https}/api/v1/action_logs/", content=b"x" * (8 * 1024 * 1024 + 1),
                                headers={"content-type": "application/json", "master-node-uid": "bodies"})
        # The analytics take no bodies: 64 KiB is plenty for anything that reaches them.
        small = client.post(f"{edge.https}/api/v1/reports/", content=b"x" * 1024)
        large = client.post(f"{edge.https}/api/v1/reports/", content=b"x" * (64 * 1024 + 1))
    assert small.status_code == 405
    for answer in (too_large, large):
        assert answer.status_code == 413
        assert answer.json()["rule"] == "max-body-size" and answer.json()["status"] == "error"
        assert answer.headers["strict-transport-security"] == "max-age=63072000"


def test_a_flood_for_one_master_node_gets_429(edge):
    # 80 pings at once for one master node, from two addresses (so no address reaches its own limits):
    # 20 pass, 20 more wait their turn (1 a second), the rest are refused at once.
    ping = {"url": f"{edge.remote_https}/api/v1/ping/", "headers": {"master-node-uid": "flooding"}}
    program = {"ca": str(edge.ca.ca), "timeout": 3, "at_once": True, "requests": [ping] * 40}
    with ThreadPoolExecutor(max_workers=2) as pool:
        runs = pool.map(edge.host.run, [{**program, "source": source} for source in edge.host.addresses[3:5]])
        answers = [answer for run in runs for answer in run]
    refused = [answer for answer in answers if answer.get("status") == 429]
    assert 30 <= len(refused) <= 60, Counter(str(answer.get("status", answer.get("error"))) for answer in answers)
    for answer in refused:
        assert_too_many(answer)
    # Another master node behind the same addresses is not held back.
    [other] = edge.host.run({**program, "source": edge.host.addresses[3],
                             "requests": [{**ping, "headers": {"master-node-uid": "patient"}}]})
    assert other["status"] == 200


def test_a_flood_of_requests_at_once_from_one_address_gets_429(edge):
    # 60 requests held open at once (their bodies never end): 50 is the collector's limit per address.
    held = edge.host.run({"ca": str(edge.ca.ca), "source": edge.flooder, "hold": {
        "host": edge.host.root_address, "port": edge.settings.https_port, "path": "/api/v1/action_logs/",
        "count": 60}})
    refused = [answer for answer in held if answer["status"] == 429]
    assert len(refused) == 10, Counter(answer["status"] for answer in held)
    for answer in refused:
        assert_too_many(answer)
    # This machine's own requests are not held back by another address's flood.
    assert httpx.get(f"{edge.https}/api/v1/ping/", verify=verified(edge),
                     headers={"master-node-uid": "bystander"}).status_code == 200


def test_idle_and_slow_connections_are_closed_within_the_timeouts(edge):
    """Today's gunicorn keeps 200 idle connections open for ever; nginx closes them."""
    settings = edge.settings
    address = ("127.0.0.1", settings.https_port)
    context = verified(edge)
    opened = time.monotonic()
    # Connected, never a TLS handshake: closed after client_header_timeout.
    silent = [socket.create_connection(address) for _ in range(200)]
    # A request answered, then nothing more: closed after keepalive_timeout.
    kept = []
    for _ in range(10):
        connection = context.wrap_socket(socket.create_connection(address), server_hostname="localhost")
        connection.sendall(b"GET /api/v1/reports/ HTTP/1.1\r\nHost: localhost\r\n\r\n")
        assert connection.recv(65536).startswith(b"HTTP/1.1 200")
        kept.append(connection)
    # A header that comes a byte a second: closed after client_header_timeout, however busy it looks.
    slow = [context.wrap_socket(socket.create_connection(address), server_hostname="localhost") for _ in range(5)]
    header = b"GET /api/v1/reports/ HTTP/1.1\r\nHost: localhost\r\nX-Slow: " + b"a" * 100

    closed: dict[socket.socket, float] = {}
    selector = selectors.DefaultSelector()
    for connection in (*silent, *kept, *slow):
        connection.setblocking(False)
        selector.register(connection, selectors.EVENT_READ)
    deadline = opened + settings.keepalive_timeout + 5
    sent = 0
    while len(closed) < len(silent) + len(kept) + len(slow) and time.monotonic() < deadline:
        for key, _ in selector.select(timeout=0.2):
            connection = key.fileobj
            try:
                ended = connection.recv(4096) == b""
            except ssl.SSLWantReadError:
                ended = False
            except OSError:  # reset
                ended = True
            if ended:
                closed[connection] = time.monotonic() - opened
                selector.unregister(connection)
        if time.monotonic() - opened >= sent and sent < len(header):
            for connection in slow:
                if connection not in closed:
                    try:
                        connection.send(header[sent:sent + 1])
                    except (ssl.SSLWantWriteError, OSError):
                        pass
            sent += 1
    for connection in (*silent, *kept, *slow):
        connection.close()

    margin = 3
    assert all(connection in closed for connection in (*silent, *kept, *slow)), \
        f"{len(closed)} of {len(silent) + len(kept) + len(slow)} closed"
    assert max(closed[connection] for connection in (*silent, *slow)) <= settings.client_header_timeout + margin
    assert max(closed[connection] for connection in kept) <= settings.keepalive_timeout + margin
    # And not before: a sender's next request finds its connection still open.
    assert min(closed[connection] for connection in kept) >= settings.keepalive_timeout - margin
