"""The drills' sites: a primary that archives its WAL, a hot standby, a pgBackRest repository, in
throwaway folders; and what a drill compares before and after."""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, NullPool, create_engine, text

from fuelstats.collector import ingest
from fuelstats.collector.filtering import FilteringRules
from fuelstats_common.database import with_driver
from tests.collector.payloads import http_request_log, installation_structure, oswl_record
from tests.conftest import free_port, migrate
from tools import localreplica
from tools.localpg import SERVER_ACCOUNT, Cluster

RULES = FilteringRules.model_validate({"releases": {"10.0-dev": {"accept": "none"}}})
ANALYTICS_DATABASE = "fuelstats_analytics"


class Drill:
    """One drill's folder, its site and every cluster it makes, all gone at its end."""

    def __init__(self) -> None:
        self.directory = Path(tempfile.mkdtemp(prefix="fuelstats-drill-", dir="/tmp"))
        self.directory.chmod(0o755)
        self.clusters: list[Cluster] = []

    def cluster(self, name: str) -> Cluster:
        cluster = Cluster(self.directory / name, free_port())
        self.clusters.append(cluster)
        return cluster

    def empty_cluster(self, name: str) -> Cluster:
        """A cluster whose data folder exists, empty, for pgBackRest to restore into."""
        cluster = self.cluster(name)
        cluster.data.mkdir(parents=True, mode=0o700)
        if os.geteuid() == 0:
            for folder in (cluster.directory, cluster.data):
                shutil.chown(folder, SERVER_ACCOUNT)
        return cluster

    def site(self, *, synchronous: bool = False) -> localreplica.Site:
        """A primary with the collector's schema, archiving; its standby; the repository, no backup yet."""
        site = localreplica.Site(self.cluster("primary"), self.cluster("standby"), self.directory / "backups")
        localreplica.start(site, synchronous=synchronous, first_backup=False)
        migrate(site.primary.create_database("collector"))
        return site

    def close(self) -> None:
        for cluster in self.clusters:
            cluster.stop("immediate")
        shutil.rmtree(self.directory, ignore_errors=True)


@pytest.fixture
def drill() -> Iterator[Drill]:
    made = Drill()
    yield made
    made.close()


def engine(url: str) -> Engine:
    """An engine of its own (not the process's cached one): the drills' servers come and go."""
    return create_engine(with_driver(url), poolclass=NullPool)


def fill(url: str, wave: int, size: int = 40) -> None:
    """A wave of everything the collector stores: action logs, an installation, OSWL records."""
    collector = engine(url)
    master = f"drill-master-{wave}"
    ingest.record_action_logs(collector, None, [http_request_log(wave * 1000 + i, master) for i in range(size)])
    ingest.record_installation_structure(collector, None, installation_structure(master), RULES)
    ingest.record_oswl_stats(collector, None, [oswl_record(wave * 1000 + i, master) for i in range(size // 4)])


def fingerprint(cluster: Cluster) -> dict[tuple[str, str], tuple[int, str]]:
    """Every table of every database: its row count and an MD5 of its rows, in order."""
    found = {}
    databases = cluster.psql("SELECT datname FROM pg_database WHERE NOT datistemplate AND datname <> 'postgres'")
    for database in databases.splitlines():
        connection_engine = engine(cluster.url(database))
        with connection_engine.connect() as connection:
            tables = connection.execute(text(
                "SELECT format('%I.%I', schemaname, tablename) FROM pg_tables"
                " WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1")).scalars().all()
            for table in tables:
                count, digest = connection.execute(text(
                    f"SELECT count(*), md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), ''))"
                    f" FROM {table} t")).one()
                found[(database, table)] = (int(count), str(digest))
    return found


def wait_until_primary(cluster: Cluster, timeout: float = 120) -> None:
    """Until the cluster has ended recovery and accepts writes."""
    cluster.wait_until_ready(timeout)
    deadline = time.monotonic() + timeout
    while cluster.psql("SELECT pg_is_in_recovery()") != "f":
        assert time.monotonic() < deadline, "recovery did not end"
        time.sleep(0.2)


