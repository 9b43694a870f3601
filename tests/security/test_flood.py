"""A flood of 10,000 forged submissions against the real collector: every one refused and counted
exactly, while the quarantine's storage stays within its bounds."""

from __future__ import annotations

import asyncio
import logging
import random
from concurrent.futures import ThreadPoolExecutor

import httpx

from fuelstats_common import signatures
from tests.collector.payloads import http_request_log
from tests.security.signing import Master, copy_of, quarantine_counts, rows

FORGED = {"unknown-key": 4000, "signature": 3000, "signature-required": 3000}
SAMPLES, BODY_BYTES = 1000, 4096  # the collector's defaults (FUELSTATS_QUARANTINE_SAMPLES, ..._BODY_BYTES)


def forged_requests(master: Master) -> list[httpx.Request]:
    rng = random.Random(15)
    attacker = signatures.new_private_key()
    path = "/api/v1/action_logs/"
    requests = []
    for n in range(FORGED["unknown-key"]):
        requests.append(master.request(path, {"action_logs": [http_request_log(n, master.uid)]}, key=attacker))
    genuine = master.request(path, {"action_logs": [http_request_log(0, master.uid)]})
    for n in range(1, FORGED["signature"] + 1):  # the master's signature over another body
        requests.append(copy_of(genuine, {"action_logs": [http_request_log(n, master.uid)]}))
    padding = "x" * 20_000  # bodies larger than the quarantine keeps
    for n in range(FORGED["signature-required"]):
        requests.append(httpx.Request("POST", master.url + path, headers={"master-node-uid": master.uid},
                                      json={"action_logs": [http_request_log(n, master.uid, actor_id=padding)]}))
    rng.shuffle(requests)
    return requests


async def send_all(requests: list[httpx.Request], concurrency: int = 48) -> list[int]:
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(timeout=60, limits=limits) as client:
        queue = iter(requests)
        statuses: list[int] = []

        async def worker() -> None:
            for request in queue:
                response = await client.send(request)
                statuses.append(response.status_code)

        await asyncio.gather(*(worker() for _ in range(concurrency)))
    return statuses


def test_a_flood_of_forgeries_is_counted_exactly_within_bounded_storage(collector_server, engine, caplog):
    caplog.set_level(logging.WARNING, logger="httpx")  # not a line per request
    master = Master(collector_server)
    master.enrol()
    requests = forged_requests(master)
    # A thread of its own: a test before may have left an event loop running in this one (Playwright's).
    with ThreadPoolExecutor(1) as thread:
        statuses = thread.submit(asyncio.run, send_all(requests)).result()
    assert statuses == [401] * sum(FORGED.values())
    assert quarantine_counts(engine) == {(rule, master.uid): count for rule, count in FORGED.items()}
    kept, largest = rows(engine, "SELECT count(*), max(length(body)) FROM quarantine_samples")[0]
    assert kept == SAMPLES and largest <= BODY_BYTES
    assert rows(engine, "SELECT min(sequence) > max(sequence) - :slots FROM quarantine_samples", slots=SAMPLES) == [
        (True,)], "the ring keeps the latest"
    assert rows(engine, "SELECT count(*) FROM action_log_keys") == [(0,)]
    # The genuine master is not hindered.
    collector = master.collector()
    assert collector.send_action_logs([http_request_log(1, master.uid)]) == {1: "added"}
    collector.close()
