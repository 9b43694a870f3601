"""Connections to PostgreSQL: one engine per process and URL, always through psycopg2."""

from __future__ import annotations

import functools

import orjson
from sqlalchemy import Engine, create_engine

from fuelstats_common.database import with_driver


@functools.cache
def engine_for(url: str) -> Engine:
    # pool_pre_ping: a PostgreSQL restart costs one failed ping, not one failed request.
    # orjson reads JSONB several times faster than the json module (and keeps big integers).
    # Writing stays with the json module: orjson refuses integers beyond 64 bits, which bodies may hold.
    return create_engine(with_driver(url), pool_pre_ping=True, pool_size=5, max_overflow=5,
                         json_deserializer=orjson.loads)
