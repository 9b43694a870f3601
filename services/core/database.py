"""Connections to PostgreSQL: one engine per process and URL, always through psycopg2."""

from __future__ import annotations

import functools
import typing as t

import orjson
from sqlalchemy import Connection, Engine, create_engine
from sqlalchemy.exc import DBAPIError

from fuelstats_common.database import with_driver


@functools.cache
def engine_for(url: str) -> Engine:
    # pool_pre_ping: a PostgreSQL restart costs one failed ping, not one failed request.
    # orjson reads JSONB several times faster than the json module (and keeps big integers).
    # Writing stays with the json module: orjson refuses integers beyond 64 bits, which bodies may hold.
    return create_engine(with_driver(url), pool_pre_ping=True, pool_size=5, max_overflow=5,
                         json_deserializer=orjson.loads)


T = t.TypeVar("T")


def autocommit(engine: Engine) -> Connection:
    """A connection whose every statement is a transaction of its own (no BEGIN, no COMMIT): for work
    whose statements need not commit together. Use it as a context manager."""
    return engine.connect().execution_options(isolation_level="AUTOCOMMIT")


def in_one_statement(engine: Engine, work: t.Callable[[Connection], T]) -> T:
    """``work``, which sends one statement, on a connection in autocommit mode: PostgreSQL makes the
    statement a transaction of its own, without the round trips of BEGIN and COMMIT.

    When the connection turns out dead (PostgreSQL restarted since it was last used), ``work`` is
    sent once more on a new one: the statement had not run, or, if the connection died after it
    committed, it runs again, which ``work`` must allow (the collector's are idempotent: what was
    stored the first time is "existed" the second).
    """
    for attempt in (1, 2):
        try:
            with autocommit(engine) as connection:
                return work(connection)
        except DBAPIError as error:
            if attempt == 2 or not error.connection_invalidated:
                raise
    raise AssertionError("unreachable")
