"""A master node as the tests drive it: its key, and requests signed (or forged) the way the kit signs them."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass, field
from typing import Any

import httpx
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import Engine, text

from fuelstats_common import signatures
from fuelstats_kit.collector import Collector


@dataclass
class Master:
    url: str
    uid: str = field(default_factory=lambda: str(uuid.uuid4()))
    key: Ed25519PrivateKey = field(default_factory=signatures.new_private_key)

    def collector(self, key: Ed25519PrivateKey | None = None) -> Collector:
        """The kit's own client, signing with the master's key (or ``key``)."""
        return Collector(self.url, self.uid, 10.0, key=key or self.key)

    def enrol(self) -> str:
        collector = self.collector()
        try:
            return collector.enrol()
        finally:
            collector.close()

    def request(self, path: str, body: dict[str, Any], *, key: Ed25519PrivateKey | None = None,
                created: dt.datetime | None = None, uid: str | None = None) -> httpx.Request:
        """A POST signed with ``key`` (the master's by default), as the kit would send it."""
        request = httpx.Request("POST", self.url + path, content=json.dumps(body).encode(),
                                headers={"content-type": "application/json", "master-node-uid": uid or self.uid})
        signatures.sign(signatures.HttpMessage("POST", str(request.url), request.headers), key or self.key,
                        request.content, created=created)
        return request

    def send(self, request: httpx.Request) -> httpx.Response:
        with httpx.Client(timeout=10) as client:
            return client.send(request)

    def post(self, path: str, body: dict[str, Any], **signing: Any) -> httpx.Response:
        return self.send(self.request(path, body, **signing))


def copy_of(request: httpx.Request, body: dict[str, Any] | None = None) -> httpx.Request:
    """The same request, byte for byte, as a capture replays it; or with another body (the headers,
    signature included, unchanged)."""
    content = request.content if body is None else json.dumps(body).encode()
    headers = {name: value for name, value in request.headers.items() if name != "content-length"}
    return httpx.Request("POST", request.url, content=content, headers=headers)


def unsigned(url: str, path: str, body: dict[str, Any], uid: str | None = None) -> httpx.Response:
    headers = {"master-node-uid": uid} if uid else {}
    return httpx.post(url + path, json=body, headers=headers, timeout=10)


def rows(engine: Engine, sql: str, **parameters: Any) -> list[Any]:
    with engine.connect() as connection:
        return [tuple(row) for row in connection.execute(text(sql), parameters)]


def quarantine_counts(engine: Engine) -> dict[tuple[str, str], int]:
    return {(rule, uid): count for rule, uid, count in rows(
        engine, "SELECT rule, master_node_uid, count FROM quarantine_counts")}
