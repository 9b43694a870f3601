"""The analytics service as deployed: Elasticsearch away, schemathesis over its spec."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner
from sqlalchemy import text

from fuelstats.analytics import accounts
from fuelstats.analytics.context import queries
from fuelstats.cli import main
from fuelstats.core.database import engine_for
from fuelstats_common.settings import settings_of
from tests.conftest import free_port
from tools.localpg import Cluster
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


@pytest.fixture
def accounts_of_its_own(postgres: Cluster) -> tuple[str, str]:
    """An analytics database for schemathesis alone, with an admin and their token: it logs in and out,
    makes and lists tokens (everyone's, as an admin), and must touch no other test's accounts."""
    url = postgres.create_database("schemathesis-accounts")
    with engine_for(url).begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    migrated = CliRunner().invoke(main, ["analytics", "db", "upgrade"], env={"FUELSTATS_ANALYTICS_DATABASE_URL": url})
    assert migrated.exit_code == 0, migrated.output
    accounts.add_user(engine_for(url), "fuzzer", "admin", None, accounts.Actor("cli:tests"))
    token, _ = accounts.create_token(engine_for(url), accounts.Actor("cli:tests"), owner="fuzzer", name="schemathesis",
                                     role="admin", days=1)
    return url, token


def test_schemathesis_finds_nothing(population, elasticsearch_node, database_url, accounts_of_its_own, tmp_path):
    analytics_database_url, admin_token = accounts_of_its_own
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
             # Its stateful phase would find its own token in the listing and revoke it, leaving the rest
             # of the run unauthenticated; revocation is tests/analytics/test_auth.py's.
             "--exclude-operation-id", "fuelstats.analytics.account_handlers.revoke_token",
             "--continue-on-failure", "--report", "junit", "--report-dir", str(tmp_path)],
            capture_output=True, text=True, timeout=600, cwd=tmp_path,
        )
        assert result.returncode == 0, result.stdout[-20000:] + result.stderr[-3000:]
    finally:
        server.terminate()
        server.wait(timeout=30)
