"""Connections to PostgreSQL: one engine per process and URL, always through psycopg2."""

from __future__ import annotations

import functools
import time
import typing as t

import orjson
from sqlalchemy import URL, Connection, Dialect, Engine, create_engine, event
from sqlalchemy.exc import DBAPIError, DisconnectionError
from sqlalchemy.pool import ConnectionPoolEntry, PoolProxiedConnection

from fuelstats_common.database import with_driver


# A connection idle this long is pinged before it is used: a PostgreSQL restart costs one failed
# ping, not one failed request. Busier connections go without (SQLAlchemy's pool_pre_ping pings
# every checkout, a round trip per statement of the collector's); a restart while one is in use
# fails that request, or in_one_statement sends it again.
PING_AFTER_IDLE_SECONDS = 1.0

# Connections an engine holds at most: kept, and opened beyond them when all are busy. A caller that
# would hold more at once waits for one (30 s, then fails): the workers' concurrency stays within it.
POOL_SIZE = 5
POOL_OVERFLOW = 5
POOL_CONNECTIONS = POOL_SIZE + POOL_OVERFLOW


@functools.cache
def engine_for(url: str) -> Engine:
    return _new_engine(with_driver(url))


def _new_engine(url: str | URL, **options: t.Any) -> Engine:
    # orjson reads JSONB several times faster than the json module (and keeps big integers).
    # Writing stays with the json module: orjson refuses integers beyond 64 bits, which bodies may hold.
    engine = create_engine(url, pool_size=POOL_SIZE, max_overflow=POOL_OVERFLOW, json_deserializer=orjson.loads, **options)
    event.listen(engine, "checkin", _idle_from_now)
    event.listen(engine, "checkout", functools.partial(_ping_when_idle, engine.dialect))
    return engine


@functools.cache
def autocommit_engine(engine: Engine) -> Engine:
    """``engine``'s twin whose connections stay in autocommit mode, in a pool of their own.

    A pooled connection switched to autocommit for one statement (``execution_options``) is switched
    back when it is checked in, and psycopg2 sends PostgreSQL a ``SET default_transaction_isolation``
    for it: a round trip per statement that doubled the collector's. Connections opened in autocommit
    mode are never switched (issue 13).
    """
    return _new_engine(engine.url, isolation_level="AUTOCOMMIT")


def _idle_from_now(dbapi_connection: t.Any, record: ConnectionPoolEntry) -> None:
    record.info["idle_since"] = time.monotonic()


def _ping_when_idle(dialect: Dialect, dbapi_connection: t.Any, record: ConnectionPoolEntry,
                    proxy: PoolProxiedConnection) -> None:
    idle_since = record.info.get("idle_since")
    if idle_since is None or time.monotonic() - idle_since < PING_AFTER_IDLE_SECONDS:
        return
    try:
        alive = dialect.do_ping(dbapi_connection)
    except Exception:
        alive = False
    if not alive:
        raise DisconnectionError("the connection did not answer a ping")  # the pool takes a new one


T = t.TypeVar("T")


def autocommit(engine: Engine) -> Connection:
    """A connection whose every statement is a transaction of its own (no BEGIN, no COMMIT): for work
    whose statements need not commit together. Use it as a context manager."""
    return autocommit_engine(engine).connect()


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
