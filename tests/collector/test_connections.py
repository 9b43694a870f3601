"""Connections that PostgreSQL closed (a restart, an administrator) cost no request.

Pooled connections are no longer pinged on every checkout (a round trip per statement of the
collector's): one idle for a while is pinged first, and the collector's one-statement writes are
sent once more on a new connection when theirs turns out dead.
"""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, text

from fuelstats.core import database
from fuelstats.core.database import in_one_statement


def backend_of(engine: Engine) -> int:
    with engine.connect() as connection:
        return int(connection.execute(text("SELECT pg_backend_pid()")).scalar_one())


def terminate(engine: Engine, pid: int) -> None:
    with engine.connect() as connection:  # a second connection of the pool: the first is checked in
        assert connection.execute(text("SELECT pg_backend_pid()")).scalar_one() != pid
        connection.execute(text("SELECT pg_terminate_backend(:pid, 5000)"), {"pid": pid})


@pytest.fixture
def lone_engine(database_url: str) -> Engine:
    """An engine of its own (engine_for's, uncached), so that killing its connections disturbs no other test."""
    engine = database.engine_for.__wrapped__(database_url)
    yield engine
    engine.dispose()
    database.autocommit_engine(engine).dispose()


def test_a_connection_closed_while_idle_is_replaced_before_use(lone_engine: Engine, monkeypatch):
    monkeypatch.setattr(database, "PING_AFTER_IDLE_SECONDS", 0.0)
    with lone_engine.connect() as first, lone_engine.connect():
        killed = int(first.execute(text("SELECT pg_backend_pid()")).scalar_one())
    terminate(lone_engine, killed)
    with lone_engine.connect() as connection:  # pinged, found dead, replaced
        assert connection.execute(text("SELECT pg_backend_pid()")).scalar_one() != killed


def test_a_statement_on_a_connection_closed_since_it_was_used_is_sent_again(lone_engine: Engine, monkeypatch):
    monkeypatch.setattr(database, "PING_AFTER_IDLE_SECONDS", 3600.0)  # no ping: the statement finds it dead
    autocommitted = database.autocommit_engine(lone_engine)  # where in_one_statement sends it
    with autocommitted.connect() as first, autocommitted.connect():
        killed = int(first.execute(text("SELECT pg_backend_pid()")).scalar_one())
    terminate(lone_engine, killed)
    pids = set()
    for _ in range(2):  # whichever connection the pool hands out first
        pids.add(in_one_statement(lone_engine, lambda c: c.execute(text("SELECT pg_backend_pid()")).scalar_one()))
    assert killed not in pids


def test_a_connection_for_one_statement_is_never_switched_out_of_autocommit(lone_engine: Engine):
    # Switched back at checkin, psycopg2 would send PostgreSQL a SET: a round trip per statement.
    with database.autocommit(lone_engine) as connection:
        dbapi_connection = connection.connection.dbapi_connection
        assert dbapi_connection is not None and dbapi_connection.autocommit
    assert dbapi_connection.autocommit
    with database.autocommit(lone_engine) as connection:
        assert connection.connection.dbapi_connection is dbapi_connection  # the same pooled connection
