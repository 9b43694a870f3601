"""The kit's harness: a master node database next to the collector's, on the same throwaway cluster."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from click.testing import CliRunner
from sqlalchemy import Engine, text

from fuelstats.core.database import engine_for
from tools.localpg import Cluster

MASTER_TABLES = ("cluster_plugins", "plugins", "nodes", "clusters", "releases", "oswl_stats", "master_node_settings",
                 "action_logs")


@pytest.fixture(scope="session")
def master_url(postgres: Cluster) -> str:
    from fuelstats_kit.cli import main

    url = postgres.create_database("master")
    result = CliRunner().invoke(main, ["db", "upgrade"], env={"FUELSTATS_MASTER_DATABASE_URL": url})
    assert result.exit_code == 0, result.output
    return url


@pytest.fixture
def master(master_url: str) -> Iterator[Engine]:
    """The master node database, emptied before each test."""
    engine = engine_for(master_url)
    with engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {', '.join(MASTER_TABLES)} RESTART IDENTITY"))
    yield engine


@pytest.fixture
def kit_env(master_url: str, collector_server: str) -> dict[str, str]:
    """The environment of a `fuelstats-master sender` process: only the kit's settings, none of the caller's."""
    return {**{k: v for k, v in os.environ.items() if not k.startswith("FUELSTATS_")},
            "FUELSTATS_MASTER_DATABASE_URL": master_url, "FUELSTATS_COLLECTOR_URL": collector_server,
            "FUELSTATS_SEND_BATCH_SIZE": "10", "FUELSTATS_FUEL_VERSION_FILE": "/nonexistent"}
