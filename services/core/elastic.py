"""Connections to Elasticsearch and the names of its aliases, for every service."""

from __future__ import annotations

from typing import Any

import orjson
from elasticsearch import Elasticsearch
from elasticsearch.serializer import JsonSerializer, OrjsonSerializer

_JSON = JsonSerializer()


def dumps(data: Any) -> bytes:
    """JSON as the services send it to Elasticsearch: orjson, which encodes bulk bodies several times
    faster, and the json module for what orjson refuses (integers beyond 64 bits, which a master node
    may send)."""
    try:
        return orjson.dumps(data, default=_JSON.default)
    except TypeError:
        return _JSON.dumps(data)


class _FastJsonSerializer(OrjsonSerializer):
    def json_dumps(self, data: Any) -> bytes:
        return dumps(data)


def connect(url: str, *, request_timeout: float = 60, max_retries: int = 3) -> Elasticsearch:
    # The client's own retries cover a node restarting; callers decide about longer outages.
    return Elasticsearch(url, request_timeout=request_timeout, max_retries=max_retries, retry_on_timeout=True,
                         serializers={"application/json": _FastJsonSerializer()})


def alias(prefix: str, kind: str) -> str:
    """The alias readers use for a kind of document: fuelstats-clusters, fuelstats-action_logs, ..."""
    return f"{prefix}-{kind}"
