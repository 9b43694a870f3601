"""The analytics service as deployed: Elasticsearch away, schemathesis over its spec."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import httpx

from fuelstats.analytics.context import queries
from fuelstats_common.settings import settings_of
from tests.conftest import free_port
from tools.service import wait_ready

FUELSTATS = str(Path(sys.executable).with_name("fuelstats"))


def test_elasticsearch_unreachable_is_503_not_500_nor_a_hang(monkeypatch, as_admin):
    from fuelstats.analytics.app import create_app

    monkeypatch.setitem(os.environ, "FUELSTATS_ELASTICSEARCH_URL", f"http://127.0.0.1:{free_port()}")
    settings_of.cache_clear()
    queries.cache_clear()
    try:
        with create_app().test_client(headers=as_admin) as client:
            for path in ("/api/v1/reports/hypervisors/", "/api/v1/summary/"):
                response = client.get(path)
                assert response.status_code == 503
                assert response.json()["status"] == "error"
                assert response.headers["retry-after"] == "30"
    finally:
        settings_of.cache_clear()
        queries.cache_clear()


def test_schemathesis_finds_nothing(population, elasticsearch_node, database_url, analytics_database_url,
                                    admin_token, tmp_path):
    port = free_port()
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("FUELSTATS_")},
           "FUELSTATS_ELASTICSEARCH_URL": elasticsearch_node.url, "FUELSTATS_INDEX_PREFIX": population,
           "FUELSTATS_DATABASE_URL": database_url, "FUELSTATS_ANALYTICS_DATABASE_URL": analytics_database_url}
    server = subprocess.Popen([FUELSTATS, "analytics", "serve", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        assert wait_ready(f"http://127.0.0.1:{port}/api/v1/reports/", 60, server)
        authorized = {"Authorization": f"Bearer {admin_token}"}
        assert httpx.get(f"http://127.0.0.1:{port}/api/v1/summary/", headers=authorized).json()["installations"] == 4
        # As an admin, by the spec's bearer scheme: every operation is reached, the private part too, and
        # schemathesis checks that each refuses the request without credentials or with wrong ones.
        config = tmp_path / "schemathesis.toml"
        config.write_text(f'[auth.openapi.bearer]\nbearer = "{admin_token}"\n')
        result = subprocess.run(
            [str(Path(sys.executable).with_name("schemathesis")), "--config-file", str(config), "run",
             f"http://127.0.0.1:{port}/openapi.json",
             "--checks", "all", "--mode", "all", "--max-examples", "30", "--seed", "20261125",
             # Filters have a rule no schema can state: `from` must not be after `to` (a 400 by design).
             "--exclude-checks", "positive_data_acceptance",
             "--continue-on-failure", "--report", "junit", "--report-dir", str(tmp_path)],
            capture_output=True, text=True, timeout=600, cwd=tmp_path,
        )
        assert result.returncode == 0, result.stdout[-20000:] + result.stderr[-3000:]
    finally:
        server.terminate()
        server.wait(timeout=30)
