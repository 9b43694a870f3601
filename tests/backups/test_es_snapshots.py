"""Drill: Elasticsearch lost and restored from a snapshot; the ETL then carries what came after,
and every index agrees with PostgreSQL."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from fuelstats.collector import ingest
from fuelstats.core.database import engine_for
from fuelstats.etl import search, source
from fuelstats.etl.pipeline import Etl
from tests.backups.conftest import RULES
from tests.collector.payloads import http_request_log, installation_structure, oswl_record

FUELSTATS = str(Path(sys.executable).with_name("fuelstats"))
PREFIX = "test-snapshots"


def wave(engine, first: int, masters: range) -> None:  # type: ignore[no-untyped-def]
    for n in masters:
        uid = f"snapshot-master-{n}"
        ingest.record_installation_structure(engine, None, installation_structure(uid), RULES)
        ingest.record_action_logs(engine, None, [http_request_log(first + i, master=uid) for i in range(25)])
        ingest.record_oswl_stats(engine, None, [oswl_record(first, master=uid)])


def counts(es) -> dict[str, int]:  # type: ignore[no-untyped-def]
    es.indices.refresh(index=f"{PREFIX}-*")
    return {kind: int(es.count(index=search.alias(PREFIX, kind))["count"]) for kind in search.KINDS}


def in_postgresql(engine) -> dict[str, int]:  # type: ignore[no-untyped-def]
    with engine.connect() as connection:
        def scalar(sql: str) -> int:
            return int(connection.execute(text(sql)).scalar_one())

        return {"installations": scalar("SELECT count(*) FROM installation_structures"),
                "clusters": scalar("SELECT coalesce(sum(jsonb_array_length(structure->'clusters')), 0)"
                                   " FROM installation_structures"),
                "action_logs": scalar("SELECT count(*) FROM action_logs"),
                "oswl_stats": scalar("SELECT count(*) FROM oswl_stats")}


def test_elasticsearch_restored_from_a_snapshot_agrees_with_postgresql(engine, es, database_url,
                                                                       elasticsearch_node):
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("FUELSTATS_")},
           "FUELSTATS_DATABASE_URL": database_url, "FUELSTATS_ELASTICSEARCH_URL": elasticsearch_node.url,
           "FUELSTATS_INDEX_PREFIX": PREFIX, "FUELSTATS_SNAPSHOT_REPOSITORY": PREFIX,
           "FUELSTATS_SNAPSHOT_LOCATION": str(elasticsearch_node.snapshot_dir / PREFIX)}

    def fuelstats(*arguments: str) -> str:
        result = subprocess.run([FUELSTATS, *arguments], env=env, capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stderr
        return result.stdout

    etl = Etl(primary=engine, reader=engine_for(database_url), es=es, prefix=PREFIX, batch_size=20)
    etl.prepare()
    try:
        wave(engine, 0, range(3))
        etl.run_once()
        at_snapshot = counts(es)
        assert at_snapshot == in_postgresql(engine)
        fuelstats("backup", "snapshot")
        assert PREFIX in fuelstats("backup", "snapshots")

        wave(engine, 100, range(2, 5))  # one master reports again, two new ones
        etl.run_once()
        assert counts(es) == in_postgresql(engine) != at_snapshot

        es.indices.delete(index=f"{PREFIX}-*")  # Elasticsearch loses its data
        fuelstats("backup", "restore-snapshot")
        assert counts(es) == at_snapshot
        with engine.connect() as connection:
            assert source.load_checkpoint(connection, "action_logs").indexed == at_snapshot["action_logs"]

        etl.run_once()  # carries what came after the snapshot
        assert counts(es) == in_postgresql(engine)
    finally:
        es.indices.delete(index=f"{PREFIX}-*", ignore_unavailable=True, allow_no_indices=True)
        es.options(ignore_status=404).snapshot.delete_repository(name=PREFIX)


def test_old_snapshots_are_pruned(engine, es, database_url, elasticsearch_node):
    from fuelstats.etl import snapshots

    repository = f"{PREFIX}-prune"
    snapshots.ensure_repository(es, repository, str(elasticsearch_node.snapshot_dir / repository))
    etl = Etl(primary=engine, reader=engine_for(database_url), es=es, prefix=PREFIX, batch_size=20)
    etl.prepare()
    try:
        taken = [snapshots.take(engine, es, PREFIX, repository).name for _ in range(3)]
        assert snapshots.prune(es, PREFIX, repository, keep=2) == taken[:1]
        assert [snapshot.name for snapshot in snapshots.listing(es, PREFIX, repository)] == taken[1:]
    finally:
        es.indices.delete(index=f"{PREFIX}-*", ignore_unavailable=True, allow_no_indices=True)
        es.options(ignore_status=404).snapshot.delete_repository(name=repository)


def test_a_snapshot_newer_than_the_database_is_refused(engine, es, database_url, elasticsearch_node):
    """As after PostgreSQL was restored to a moment before the snapshot: its checkpoints would mark as
    carried transactions the database has yet to run, whose rows the ETL would then never carry."""
    from fuelstats.etl import snapshots

    repository = f"{PREFIX}-newer"
    snapshots.ensure_repository(es, repository, str(elasticsearch_node.snapshot_dir / repository))
    etl = Etl(primary=engine, reader=engine_for(database_url), es=es, prefix=PREFIX, batch_size=20)
    etl.prepare()
    with engine.connect() as connection:
        future = source.next_transaction(connection) + 1000
    checkpoint = {"stream": "action_logs", "done_snapshot": f"{future}:{future}:", "pass_snapshot": None,
                  "pass_after_xact_id": None, "pass_after_id": None, "indexed": 0, "pass_lsn": None}
    try:
        search.create_snapshot(es, repository, "from-the-future", [search.alias(PREFIX, "action_logs")],
                               {"prefix": PREFIX, "indices": {}, "checkpoints": [checkpoint]})
        with pytest.raises(snapshots.SnapshotError, match="newer than this database"):
            snapshots.restore(engine, es, PREFIX, repository)
        with engine.connect() as connection:
            assert source.load_checkpoint(connection, "action_logs").done_snapshot == source.NO_SNAPSHOT
    finally:
        es.indices.delete(index=f"{PREFIX}-*", ignore_unavailable=True, allow_no_indices=True)
        es.options(ignore_status=404).snapshot.delete_repository(name=repository)
