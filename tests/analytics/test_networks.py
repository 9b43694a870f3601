"""The networks the analytics are limited to (FUELSTATS_ANALYTICS_NETWORKS), by the client's address.

These go through the app with a given peer; tests/edge/ shows the same through nginx, with clients on
other addresses in a network namespace.
"""

from __future__ import annotations

import pytest

from fuelstats.analytics.settings import AnalyticsSettings
from fuelstats_common.settings import ConfigurationError, load_settings

UI_AND_FILES = ("/", "/search", "/assets/js/app.js", "/ui/", "/openapi.json")


@pytest.fixture
def limited(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FUELSTATS_ANALYTICS_NETWORKS", "10.1.0.0/16, 2001:db8::/32")
    monkeypatch.setenv("FUELSTATS_TRUSTED_PROXIES", "127.0.0.1")


@pytest.mark.parametrize("peer", ["10.1.2.3", "2001:db8::7", "::ffff:10.1.0.9"])
def test_an_allowed_network_gets_the_ui_and_the_public_api(limited, peer, client_from):
    with client_from(peer) as client:
        assert client.get("/api/v1/reports/").status_code == 200
        for path in UI_AND_FILES:
            assert client.get(path).status_code == 200, path


@pytest.mark.parametrize(("peer", "headers"), [
    ("10.2.0.1", {}),
    ("192.0.2.7", {}),
    ("127.0.0.1", {"X-Forwarded-For": "10.2.0.1"}),               # through the trusted proxy: its client counts
    ("10.2.0.1", {"X-Forwarded-For": "10.1.2.3"}),                # a claim from a proxy nobody trusted
    ("10.2.0.1", {"X-Real-IP": "10.1.2.3", "Forwarded": "for=10.1.2.3"}),
    ("127.0.0.1", {"X-Forwarded-For": "10.1.2.3, 10.2.0.1"}),     # the hop the trusted proxy saw counts
])
def test_every_other_client_gets_403_json_for_the_api_and_a_page_for_people(limited, peer, headers, client_from):
    with client_from(peer, **headers) as client:
        for path in ("/api/v1/reports/", "/api/v1/summary/", "/api/v1/private/summary/"):
            response = client.get(path)
            assert response.status_code == 403, path
            assert response.json() == {"status": "error", "rule": "allowed-networks",
                                       "message": "the analytics answer only from the networks they are limited to"}
        for path in UI_AND_FILES:
            response = client.get(path)
            assert response.status_code == 403, path
            assert response.headers["content-type"].startswith("text/html")
            assert "only from the networks" in response.text


def test_the_trusted_proxy_passes_on_a_client_of_an_allowed_network(limited, client_from):
    with client_from("127.0.0.1", **{"X-Forwarded-For": "10.1.2.3", "X-Real-IP": "10.1.2.3"}) as client:
        assert client.get("/api/v1/reports/").status_code == 200
        assert client.get("/").status_code == 200
        # The networks open the analytics, never the private part: that stays this machine's.
        assert client.get("/api/v1/private/summary/").json()["rule"] == "local-only"


def test_by_default_every_network_is_allowed(client_from):
    with client_from("203.0.113.50") as client:
        assert client.get("/api/v1/reports/").status_code == 200
        assert client.get("/").status_code == 200
        assert client.get("/api/v1/private/summary/").json()["rule"] == "local-only"


@pytest.mark.parametrize("value", ["", " , ", "10.1.0.0/33", "intranet"])
def test_a_malformed_network_list_stops_the_program(value, monkeypatch):
    monkeypatch.setenv("FUELSTATS_ANALYTICS_NETWORKS", value)
    with pytest.raises(ConfigurationError, match="FUELSTATS_ANALYTICS_NETWORKS"):
        load_settings(AnalyticsSettings)
