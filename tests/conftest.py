"""The test harness: a throwaway PostgreSQL cluster of our own, migrated once per session.

Nothing needs to run beforehand: the cluster is created in a temporary folder (installing
Debian's PostgreSQL when it is missing) and removed at the end.
"""

from __future__ import annotations

import os
import shutil
import socket
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from fuelstats.core.database import engine_for
from fuelstats_common.settings import settings_of
from tools.locales import Node
from tools.localpg import Cluster

COLLECTOR_TABLES = ("action_log_keys", "action_logs", "installation_structures", "oswl_stats", "etl_checkpoints",
                    "etl_dead_letters", "failure_reports", "failure_notifications", "master_keys",
                    "master_key_events", "signature_nonces", "quarantine_counts", "quarantine_samples")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def throwaway_postgres(prefix: str = "fuelstats-pg-") -> Iterator[Cluster]:
    """A PostgreSQL cluster in a temporary folder, removed afterwards."""
    # Not pytest's tmp_path: that folder is private to root and the server runs as `postgres`.
    directory = Path(tempfile.mkdtemp(prefix=prefix, dir="/tmp"))
    directory.chmod(0o755)
    cluster = Cluster(directory, free_port())
    try:
        cluster.start(durable=False)
        cluster.wait_until_ready()
        yield cluster
    finally:
        cluster.stop()
        shutil.rmtree(directory, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres() -> Iterator[Cluster]:
    with throwaway_postgres() as cluster:
        yield cluster


@pytest.fixture(scope="session")
def standby(postgres: Cluster) -> Iterator[Cluster]:
    """A hot standby of the session's cluster, streaming through a replication slot (docs/backups.md)."""
    directory = Path(tempfile.mkdtemp(prefix="fuelstats-standby-", dir="/tmp"))
    directory.chmod(0o755)
    cluster = Cluster(directory, free_port())
    cluster.start_as_replica_of(postgres, slot="fuelstats_test_standby")
    cluster.wait_until_ready()
    yield cluster
    cluster.stop()
    shutil.rmtree(directory, ignore_errors=True)
    postgres.psql("SELECT pg_drop_replication_slot('fuelstats_test_standby')")


@pytest.fixture
def replica_url(standby: Cluster, database_url: str) -> Iterator[str]:
    """The collector database on the standby: running, replaying and caught up at the start of each test."""
    standby.start(durable=False)
    standby.wait_until_ready()
    url = standby.url("collector")
    with engine_for(url).connect() as connection:
        connection.execute(text("SELECT pg_wal_replay_resume()"))
    wait_for_replay(database_url, url)
    yield url
    standby.start(durable=False)
    with engine_for(url).connect() as connection:
        connection.execute(text("SELECT pg_wal_replay_resume()"))


def wait_for_replay(primary_url: str, replica_url: str, timeout: float = 30) -> None:
    """Until the standby has replayed everything the primary has written so far."""
    import time

    with engine_for(primary_url).connect() as primary:
        # The insert position: with synchronous_commit off, a commit may not be written out yet.
        target = primary.execute(text("SELECT pg_current_wal_insert_lsn()")).scalar_one()
    deadline = time.monotonic() + timeout
    with engine_for(replica_url).connect() as standby:
        while standby.execute(text("SELECT pg_last_wal_replay_lsn() >= CAST(:lsn AS pg_lsn)"),
                              {"lsn": target}).scalar_one() is not True:
            assert time.monotonic() < deadline, "the standby did not catch up"
            time.sleep(0.05)


def migrate(url: str) -> None:
    from click.testing import CliRunner

    from fuelstats.cli import main

    result = CliRunner().invoke(main, ["db", "upgrade"], env={"FUELSTATS_DATABASE_URL": url})
    assert result.exit_code == 0, result.output


@contextmanager
def process_setting(name: str, value: str) -> Iterator[None]:
    """The variable ``name`` of this process set to ``value`` until the block ends, settings read afresh."""
    previous = os.environ.get(name)
    os.environ[name] = value
    settings_of.cache_clear()
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = previous
        settings_of.cache_clear()


@pytest.fixture(scope="session")
def database_url(postgres: Cluster) -> Iterator[str]:
    url = postgres.create_database("collector")
    with process_setting("FUELSTATS_DATABASE_URL", url):
        migrate(url)
        yield url


@pytest.fixture(scope="session")
def analytics_database_url(postgres: Cluster) -> Iterator[str]:
    """The analytics' own database (accounts, sessions, tokens, audit) beside the collector's, migrated."""
    from click.testing import CliRunner

    from fuelstats.cli import main

    url = postgres.create_database("analytics")
    with process_setting("FUELSTATS_ANALYTICS_DATABASE_URL", url):
        result = CliRunner().invoke(main, ["analytics", "db", "upgrade"])
        assert result.exit_code == 0, result.output
        yield url


ADMIN = "test-admin"
ADMIN_PASSWORD = "the tests' admin password"


@pytest.fixture(scope="session")
def admin_user(analytics_database_url: str) -> str:
    """The tests' admin (tests/analytics/test_auth*.py test who may read what; the other tests read
    the reports, the search and the private part as this admin)."""
    from fuelstats.analytics import accounts

    engine = engine_for(analytics_database_url)
    if accounts.find_user(engine, ADMIN) is None:
        accounts.add_user(engine, ADMIN, "admin", ADMIN_PASSWORD, accounts.Actor("cli:tests"))
    return ADMIN


@pytest.fixture(scope="session")
def admin_token(analytics_database_url: str, admin_user: str) -> str:
    """An API token of the tests' admin."""
    from fuelstats.analytics import accounts

    secret, _ = accounts.create_token(engine_for(analytics_database_url), accounts.Actor("cli:tests"),
                                      owner=admin_user, name="the tests", role="admin", days=1)
    return secret


@pytest.fixture(scope="session")
def as_admin(admin_token: str) -> dict[str, str]:
    """The headers of an API request by the tests' admin."""
    return {"Authorization": f"Bearer {admin_token}"}


def open_session(analytics_database_url: str, user: str, password: str) -> str:
    """A browser session of ``user``, as logging in opens one: the session cookie's value."""
    from fuelstats.analytics import accounts
    from fuelstats.analytics.context import login_policy

    return accounts.login(engine_for(analytics_database_url), login_policy(), user, password, "127.0.0.1").token


@pytest.fixture(scope="session")
def admin_session(analytics_database_url: str, admin_user: str) -> str:
    """A browser session of the tests' admin (pages of the web UI go by the session cookie)."""
    return open_session(analytics_database_url, admin_user, ADMIN_PASSWORD)


@pytest.fixture(autouse=True)
def settings_read_afresh() -> Iterator[None]:
    """Settings are cached per process; each test reads the environment it set up, not an earlier test's."""
    settings_of.cache_clear()
    yield
    settings_of.cache_clear()


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    """The collector database, emptied before each test."""
    engine = engine_for(database_url)
    with engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {', '.join(COLLECTOR_TABLES)} RESTART IDENTITY"))
    yield engine


@pytest.fixture
def client(engine: Engine):  # type: ignore[no-untyped-def]
    from fuelstats.collector.app import create_app

    with create_app().test_client() as test_client:
        yield test_client


@pytest.fixture(scope="session")
def collector_log(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("collector") / "collector.log"


@contextmanager
def running_collector(database_url: str, log_file: Path, workers: int = 2) -> Iterator[str]:
    """`fuelstats collector serve` for real (gunicorn, uvicorn workers) until the block ends; yields its URL."""
    import subprocess
    import sys

    from tools.service import wait_ready

    port = free_port()
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("FUELSTATS_")},
           "FUELSTATS_DATABASE_URL": database_url}
    with log_file.open("wb") as log:
        process = subprocess.Popen(
            [str(Path(sys.executable).with_name("fuelstats")), "collector", "serve",
             "--bind", f"127.0.0.1:{port}", "--workers", str(workers)],
            stdout=log, stderr=subprocess.STDOUT, env=env,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        assert wait_ready(f"{url}/api/v1/ping/", 60, process), log_file.read_text()[-3000:]
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.fixture(scope="session")
def collector_server(database_url: str, collector_log: Path) -> Iterator[str]:
    """The collector against the test database, for the whole session."""
    with running_collector(database_url, collector_log) as url:
        yield url


@pytest.fixture(scope="session")
def elasticsearch_node() -> Iterator[Node]:
    """A genuine Elasticsearch node on loopback for the whole session."""
    directory = Path(tempfile.mkdtemp(prefix="fuelstats-es-", dir="/tmp"))
    node = Node(directory, free_port(), heap="512m")
    node.start()
    yield node
    node.stop()
    shutil.rmtree(directory, ignore_errors=True)


@pytest.fixture
def es(elasticsearch_node: Node):  # type: ignore[no-untyped-def]
    from fuelstats.etl import search

    client = search.connect(elasticsearch_node.url)
    yield client
    client.indices.delete(index="test-*", ignore_unavailable=True, allow_no_indices=True)
    client.options(ignore_status=404).indices.delete_index_template(name="test-*")
    client.close()
