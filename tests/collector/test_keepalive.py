"""A keep-alive connection is closed after KEEPALIVE_REQUESTS requests, so that connections kept by
their clients come back to whichever worker accepts first rather than stay with one (server.py)."""

from __future__ import annotations

import httpx

from fuelstats.core.server import KEEPALIVE_REQUESTS


def test_a_connection_is_closed_by_the_answer_to_its_last_allowed_request(collector_server):
    closing, local_ports = [], set()
    with httpx.Client(base_url=collector_server, timeout=30) as client:
        for n in range(1, 2 * KEEPALIVE_REQUESTS + 2):
            with client.stream("GET", "/api/v1/ping/") as response:
                local_ports.add(response.extensions["network_stream"].get_extra_info("client_addr")[1])
                assert response.status_code == 200 and response.read()  # read whole: the connection goes back
                if response.headers.get("connection") == "close":
                    closing.append(n)
    assert closing == [KEEPALIVE_REQUESTS, 2 * KEEPALIVE_REQUESTS]
    assert len(local_ports) == 3  # a new connection after each close, none in between
