"""/readyz: a dependency that is down, or that hangs, is named in a 503 that comes within the timeout."""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Iterator

import pytest

from fuelstats.analytics.context import queries
from fuelstats_common.settings import settings_of
from tests.conftest import free_port


@pytest.fixture
def blackhole() -> Iterator[int]:
    """A port that takes connections and never says a word: a server hung, or a firewall's trap."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(16)  # the kernel completes the handshakes; nothing ever reads
        yield listener.getsockname()[1]


@pytest.fixture
def settings(monkeypatch: pytest.MonkeyPatch) -> Iterator[pytest.MonkeyPatch]:
    """Set FUELSTATS_* variables for an app made in the test; read afresh."""
    settings_of.cache_clear()
    queries.cache_clear()
    yield monkeypatch
    settings_of.cache_clear()
    queries.cache_clear()


def _readyz(app_module: str) -> tuple[int, dict, float]:
    from importlib import import_module

    started = time.monotonic()
    with import_module(app_module).create_app().test_client() as client:
        response = client.get("/readyz")
        seconds = time.monotonic() - started
        assert client.get("/healthz").json() == {"status": "ok"}  # alive all the same
    return response.status_code, response.json(), seconds


def test_the_collector_names_its_database_when_it_is_down(settings):
    settings.setitem(os.environ, "FUELSTATS_DATABASE_URL", f"postgresql://fuelstats:pw@127.0.0.1:{free_port()}/x")
    status, body, _ = _readyz("fuelstats.collector.app")
    assert status == 503
    assert body == {"status": "error", "message": "not ready: database unavailable",
                    "checks": {"database": "unavailable"}}


def test_a_database_that_hangs_is_a_timeout_not_a_hung_probe(settings, blackhole):
    settings.setitem(os.environ, "FUELSTATS_DATABASE_URL", f"postgresql://fuelstats@127.0.0.1:{blackhole}/x")
    settings.setitem(os.environ, "FUELSTATS_READINESS_TIMEOUT", "0.5")
    status, body, seconds = _readyz("fuelstats.collector.app")
    assert (status, body["checks"]) == (503, {"database": "timeout"})
    assert seconds < 10, "the probe waited for the database instead of its timeout"


def test_the_analytics_names_elasticsearch_when_it_is_down(settings, database_url, analytics_database_url):
    settings.setitem(os.environ, "FUELSTATS_ELASTICSEARCH_URL", f"http://elastic:pw@127.0.0.1:{free_port()}")
    status, body, _ = _readyz("fuelstats.analytics.app")
    assert status == 503
    assert body == {"status": "error", "message": "not ready: elasticsearch unavailable",
                    "checks": {"database": "ok", "accounts": "ok", "elasticsearch": "unavailable"}}


def test_the_analytics_names_its_own_database_when_it_is_down(settings, database_url, elasticsearch_node):
    settings.setitem(os.environ, "FUELSTATS_ELASTICSEARCH_URL", elasticsearch_node.url)
    settings.setitem(os.environ, "FUELSTATS_ANALYTICS_DATABASE_URL", f"postgresql://fuelstats@127.0.0.1:{free_port()}/x")
    status, body, _ = _readyz("fuelstats.analytics.app")
    assert (status, body["checks"]) == (503, {"database": "ok", "accounts": "unavailable", "elasticsearch": "ok"})


def test_the_analytics_is_ready_with_all_three(settings, database_url, analytics_database_url, elasticsearch_node):
    settings.setitem(os.environ, "FUELSTATS_ELASTICSEARCH_URL", elasticsearch_node.url)
    status, body, _ = _readyz("fuelstats.analytics.app")
    assert (status, body) == (200, {"status": "ok",
                                    "checks": {"database": "ok", "accounts": "ok", "elasticsearch": "ok"}})
