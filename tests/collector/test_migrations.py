from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, inspect, text

from fuelstats.cli.db import alembic_config
from fuelstats.collector import storage
from fuelstats.collector.models import Base
from fuelstats.core.database import engine_for
from tests.collector.payloads import http_request_log, installation_structure, oswl_record
from tools.localpg import Cluster


@pytest.fixture
def scratch_url(postgres: Cluster) -> Iterator[str]:
    """A database of its own, not migrated: these tests move its schema up and down."""
    url = postgres.create_database("migrations")
    engine = engine_for(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    yield url


def tables(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names()) - {"alembic_version"}


def test_up_and_down_on_an_empty_database(scratch_url):
    config = alembic_config(scratch_url)
    engine = engine_for(scratch_url)
    command.upgrade(config, "head")
    assert {"action_logs", "action_log_keys", "installation_structures", "oswl_stats"} <= tables(engine)
    command.downgrade(config, "base")
    assert not {name for name in tables(engine) if not name.startswith("action_logs_")}
    command.upgrade(config, "head")
    assert "action_logs" in tables(engine)


def test_up_and_down_on_a_filled_database(scratch_url, monkeypatch):
    from fuelstats.collector import ingest
    from fuelstats.collector.filtering import FilteringRules

    config = alembic_config(scratch_url)
    engine = engine_for(scratch_url)
    command.upgrade(config, "head")
    ingest.record_action_logs(engine, None, [http_request_log(i) for i in range(50)])
    ingest.record_installation_structure(engine, None, installation_structure(), FilteringRules())
    ingest.record_oswl_stats(engine, None, [oswl_record(1)])

    command.downgrade(config, "base")
    assert tables(engine) == set()
    command.upgrade(config, "head")
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM action_logs")).scalar_one() == 0


def test_the_models_match_the_migrations(scratch_url):
    command.upgrade(alembic_config(scratch_url), "head")
    with engine_for(scratch_url).connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    # Monthly partitions are made at run time, not by migrations.
    differences = [d for d in differences if not (d[0] == "remove_table" and d[1].name.startswith("action_logs_"))]
    assert differences == []


def test_partitions_for_new_months_appear_by_themselves(scratch_url):
    command.upgrade(alembic_config(scratch_url), "head")
    engine = engine_for(scratch_url)
    with engine.begin() as connection:
        storage.ensure_action_log_partitions(connection, today=dt.date(2031, 12, 15))
        created = storage.ensure_action_log_partitions(connection, today=dt.date(2031, 12, 15))
        partitions = storage.action_log_partitions(connection)
        assert created == ["action_logs_2031_12", "action_logs_2032_01", "action_logs_2032_02"]
        assert set(created) <= set(partitions)
        # A row received in that future month lands in its partition.
        connection.execute(text("INSERT INTO action_logs (received_at, master_node_uid, external_id, body)"
                                " VALUES ('2032-01-31 23:59:59+00', 'm', 1, '{}')"))
        home = connection.execute(text("SELECT tableoid::regclass::text FROM action_logs")).scalar_one()
    assert home == "action_logs_2032_01"


def test_the_collector_makes_this_months_partition_when_it_is_missing(database_url, engine, client):
    this_month = dt.datetime.now(dt.UTC).strftime("%Y_%m")
    with engine.begin() as connection:
        connection.execute(text(f"DROP TABLE action_logs_{this_month}"))
    storage._months_with_partitions.clear()
    response = client.post("/api/v1/action_logs/", json={"action_logs": [http_request_log(1)]})
    assert response.json()["action_logs"][0]["status"] == "added"
    with engine.connect() as connection:
        assert f"action_logs_{this_month}" in storage.action_log_partitions(connection)


def _compression_of(engine: Engine, table: str, column: str) -> str:
    with engine.connect() as connection:
        return connection.execute(text(
            "SELECT attcompression FROM pg_attribute WHERE attrelid = CAST(:table AS regclass) AND attname = :column"
        ), {"table": table, "column": column}).scalar_one()


def test_large_json_is_compressed_with_lz4(scratch_url):
    from fuelstats.collector import ingest
    from fuelstats.collector.filtering import FilteringRules

    config = alembic_config(scratch_url)
    engine = engine_for(scratch_url)
    command.upgrade(config, "head")
    structure = installation_structure()
    structure["clusters"] = [{"id": index, "note": f"cluster {index} " * 40} for index in range(100)]  # beyond TOAST's 2 KB
    ingest.record_installation_structure(engine, None, structure, FilteringRules())
    with engine.connect() as connection:
        stored = connection.execute(text("SELECT pg_column_compression(structure) FROM installation_structures")).scalar_one()
    assert stored == "lz4"
    assert _compression_of(engine, "oswl_stats", "resource_data") == "l"
    assert _compression_of(engine, "failure_reports", "report") == "l"

    command.downgrade(config, "0006")
    assert _compression_of(engine, "installation_structures", "structure") == ""  # the default again
