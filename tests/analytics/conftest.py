from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from sqlalchemy import text

from fuelstats.analytics.context import queries
from fuelstats.collector import ingest
from fuelstats.core.database import engine_for
from fuelstats.core.elastic import connect
from fuelstats.etl.pipeline import Etl
from fuelstats_common.settings import settings_of
from tests.analytics.fixture import DEPLOYMENTS, HEALTH_CHECKS, INSTALLATIONS, OSWL, RULES
from tests.conftest import COLLECTOR_TABLES

PREFIX = "test-analytics"


@pytest.fixture(scope="module")
def population(database_url: str, elasticsearch_node) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """The fixture population, stored by the collector and carried by the ETL into its own indices."""
    engine = engine_for(database_url)
    with engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {', '.join(COLLECTOR_TABLES)} RESTART IDENTITY"))
    for structure in INSTALLATIONS:
        ingest.record_installation_structure(engine, None, structure, RULES)
    ingest.record_action_logs(engine, None, DEPLOYMENTS + HEALTH_CHECKS)
    ingest.record_oswl_stats(engine, None, OSWL)
    es = connect(elasticsearch_node.url)
    etl = Etl(primary=engine, reader=engine, es=es, prefix=PREFIX, batch_size=100)
    etl.prepare()
    etl.run_once()
    es.indices.refresh(index=f"{PREFIX}-*")
    yield PREFIX
    es.indices.delete(index=f"{PREFIX}-*", ignore_unavailable=True, allow_no_indices=True)


@pytest.fixture(scope="session")
def public_id(database_url: str):  # type: ignore[no-untyped-def]
    """The opaque id the public search shows for a master node (docs/security.md)."""
    from fuelstats.etl import source, transform

    with engine_for(database_url).connect() as connection:
        secret = source.public_id_secret(connection)
    return lambda uid: transform.installation_id(secret, uid)


@pytest.fixture
def analytics(population: str, elasticsearch_node, monkeypatch, as_admin):  # type: ignore[no-untyped-def]
    from fuelstats.analytics.app import create_app

    monkeypatch.setitem(os.environ, "FUELSTATS_ELASTICSEARCH_URL", elasticsearch_node.url)
    monkeypatch.setitem(os.environ, "FUELSTATS_INDEX_PREFIX", population)
    settings_of.cache_clear()
    queries.cache_clear()
    # The peer of every request is this machine, as for a person on the analytics host; an admin's.
    with create_app().test_client(client=("127.0.0.1", 50000), headers=as_admin) as client:
        yield client
    settings_of.cache_clear()
    queries.cache_clear()


@pytest.fixture
def app_client(population, elasticsearch_node, analytics_database_url, monkeypatch):  # type: ignore[no-untyped-def]
    """A function: a test client of the analytics over the fixture population, made with the settings of
    the moment, whose requests come from ``peer`` with ``headers`` (no credentials but those)."""
    from fuelstats.analytics.app import create_app

    monkeypatch.setitem(os.environ, "FUELSTATS_ELASTICSEARCH_URL", elasticsearch_node.url)
    monkeypatch.setitem(os.environ, "FUELSTATS_INDEX_PREFIX", population)
    opened = []

    def app_client(peer: str = "127.0.0.1", *, follow_redirects: bool = True, **headers: str):  # type: ignore[no-untyped-def]
        settings_of.cache_clear()
        queries.cache_clear()
        client = create_app().test_client(client=(peer, 40000), headers=headers, follow_redirects=follow_redirects)
        opened.append(client.__enter__())
        return client

    yield app_client
    for client in opened:
        client.__exit__(None, None, None)
    settings_of.cache_clear()
    queries.cache_clear()


@pytest.fixture
def client_from(as_admin, admin_session):  # type: ignore[no-untyped-def]
    """A test client of the analytics whose requests come from ``address``: the tests' admin, with
    an API token for the API and a session for the web UI's pages."""
    from fuelstats.analytics.app import create_app
    from fuelstats.analytics.security import SESSION_COOKIE

    def client_from(address: str, **headers: str):  # type: ignore[no-untyped-def]
        return create_app().test_client(client=(address, 40000), headers={
            **as_admin, "Cookie": f"{SESSION_COOKIE}={admin_session}", **headers})

    return client_from
