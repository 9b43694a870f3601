"""The wheels `make dist` builds, each installed into a fresh virtualenv outside the checkout, work.

Nothing may be found through the repository: the virtualenvs are made in a temporary folder, every
command runs there, without PYTHONPATH, and the services' files (OpenAPI documents, filtering
rules, the web UI) must come from the wheel. The kit's virtualenv holds the kit and what it shares
with the services, and none of the services nor their web stack; there it sends to a collector
served from the services' wheel. The project's own wheels come from the folder `make dist` filled
(--find-links); third-party ones from pip's cache or the index.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from sqlalchemy import Engine, text

from tests.conftest import free_port
from tools.localpg import Cluster
from tools.service import wait_ready

pytestmark = pytest.mark.packaging

REPOSITORY = Path(__file__).resolve().parents[2]
VERSION = "0.1.0"


def _environment(**settings: str) -> dict[str, str]:
    """The caller's environment without anything that could lead into the checkout or its venv."""
    kept = {name: value for name, value in os.environ.items()
            if not name.startswith("FUELSTATS_") and name not in {"PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME"}}
    return {**kept, **settings}


def _run(command: list[str | Path], cwd: Path, timeout: float = 120, **settings: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(part) for part in command], cwd=cwd, env=_environment(**settings), capture_output=True,
                          text=True, timeout=timeout)


@pytest.fixture(scope="module")
def place(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the virtualenvs live and every command runs: outside the checkout."""
    folder = tmp_path_factory.mktemp("wheels")
    assert REPOSITORY not in folder.parents
    return folder


@pytest.fixture(scope="module")
def wheels(place: Path) -> Path:
    dist = place / "dist"
    built = subprocess.run(["make", "dist", f"DIST={dist}"], cwd=REPOSITORY, capture_output=True, text=True,
                           timeout=600)
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    assert sorted(path.name for path in dist.glob("*.whl")) == [
        f"fuel_stats-{VERSION}-py3-none-any.whl", f"fuel_stats_common-{VERSION}-py3-none-any.whl",
        f"fuel_stats_kit-{VERSION}-py3-none-any.whl"]
    return dist


def _virtualenv(place: Path, wheels: Path, name: str, distribution: str) -> Path:
    """A fresh virtualenv with `distribution` installed from its wheel; its bin folder."""
    venv = place / name
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    wheel = wheels / f"{distribution.replace('-', '_')}-{VERSION}-py3-none-any.whl"
    # This checkout's pip installs into the new interpreter: no pip of its own to set up first.
    installed = _run([sys.executable, "-m", "pip", "--python", venv / "bin" / "python", "install", "--quiet",
                      "--find-links", wheels, wheel], cwd=place, timeout=900)
    assert installed.returncode == 0, installed.stdout[-3000:] + installed.stderr[-3000:]
    return venv / "bin"


@pytest.fixture(scope="module")
def services(place: Path, wheels: Path) -> Path:
    return _virtualenv(place, wheels, "services", "fuel-stats")


@pytest.fixture(scope="module")
def kit(place: Path, wheels: Path) -> Path:
    return _virtualenv(place, wheels, "kit", "fuel-stats-kit")


@contextmanager
def _served(bin_: Path, place: Path, program: str, ready: str, **settings: str) -> Iterator[str]:
    """`fuelstats PROGRAM serve` from ``bin_``, until the block ends; its URL."""
    port = free_port()
    log = (place / f"{program}.log").open("wb")
    process = subprocess.Popen([str(bin_ / "fuelstats"), program, "serve", "--bind", f"127.0.0.1:{port}",
                                "--workers", "1"], cwd=place, env=_environment(**settings), stdout=log,
                               stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        assert wait_ready(url + ready, 60, process), (place / f"{program}.log").read_text()[-3000:]
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


@pytest.fixture(scope="module")
def wheel_collector(services: Path, place: Path, database_url: str) -> Iterator[str]:
    """`fuelstats collector serve` from the services' wheel, on the test database."""
    with _served(services, place, "collector", "/api/v1/ping/", FUELSTATS_DATABASE_URL=database_url) as url:
        yield url


def test_the_services_wheel_has_its_command_and_files(services: Path, place: Path):
    version = _run([services / "fuelstats", "--version"], cwd=place)
    assert version.returncode == 0 and version.stdout.strip() == f"fuelstats, version {VERSION}"
    probe = _run([services / "python", "-c", textwrap.dedent("""
        import fuelstats, fuelstats_analytics_client.api.reports.get_report
        from fuelstats import resources
        print(fuelstats.__file__)
        print(sorted(path.name for path in resources.openapi_dir().glob("*.yaml")))
        print((resources.web_ui_dir() / "vendor" / "chart.umd.min.js").is_file(), resources.filtering_rules().is_file())
    """)], cwd=place)
    assert probe.returncode == 0, probe.stderr
    where, specs, files = probe.stdout.splitlines()
    assert Path(where).is_relative_to(services.parent) and not Path(where).is_relative_to(REPOSITORY)
    assert specs == "['analytics.yaml', 'collector.yaml']" and files == "True True"


def test_the_collector_from_its_wheel_answers(wheel_collector: str):
    assert httpx.get(f"{wheel_collector}/api/v1/ping/").json() == {"status": "ok"}
    assert httpx.get(f"{wheel_collector}/openapi.json").json()["info"]["title"]


def test_the_analytics_from_its_wheel_migrates_its_database_and_serves_the_web_ui(services: Path, place: Path,
                                                                                 database_url: str, postgres: Cluster):
    # Its own migrations are in the wheel: a new database, migrated from there, holds its tables.
    accounts = postgres.create_database("wheel-analytics")
    migrated = _run([services / "fuelstats", "analytics", "db", "upgrade"], cwd=place,
                    FUELSTATS_ANALYTICS_DATABASE_URL=accounts)
    assert migrated.returncode == 0, migrated.stderr
    with _served(services, place, "analytics", "/login", FUELSTATS_DATABASE_URL=database_url,
                 FUELSTATS_ANALYTICS_DATABASE_URL=accounts) as url:
        assert httpx.get(f"{url}/").headers["location"] == "/login?next=%2F"
        assert "<script" in httpx.get(f"{url}/login").text
        assert httpx.get(f"{url}/assets/vendor/chart.umd.min.js").status_code == 200
        assert httpx.get(f"{url}/api/v1/session/").json()["user"] is None


def test_the_kit_wheel_installs_without_the_services(kit: Path, place: Path):
    absent = _run([kit / "python", "-c", "import importlib.util as u; print([m for m in ('fuelstats', 'connexion', "
                   "'gunicorn', 'elasticsearch', 'flask') if u.find_spec(m)])"], cwd=place)
    assert absent.stdout.strip() == "[]", absent.stdout + absent.stderr
    # Every module of the kit imports there, and none of the services' package comes with it.
    imported = _run([kit / "python", "-c", textwrap.dedent("""
        import importlib, pkgutil, sys
        import fuelstats_kit
        for module in pkgutil.walk_packages(fuelstats_kit.__path__, "fuelstats_kit."):
            if module.name not in ("fuelstats_kit.migrations.env", "fuelstats_kit.settings_api"):
                importlib.import_module(module.name)
        print(sorted(name for name in sys.modules if name.split(".")[0] == "fuelstats"))
    """)], cwd=place)
    assert imported.returncode == 0 and imported.stdout.strip() == "[]", imported.stdout + imported.stderr
    version = _run([kit / "fuelstats-master", "--version"], cwd=place)
    assert version.stdout.strip() == f"fuelstats-master, version {VERSION}"
    # The settings API's document is in the wheel; serving it takes the settings-api extra, and says so.
    api = _run([kit / "python", "-c", textwrap.dedent("""
        from importlib.resources import files
        print((files("fuelstats_kit") / "openapi" / "schemas" / "kit" / "settings_change.json").is_file())
        import fuelstats_kit.settings_api
    """)], cwd=place)
    assert api.stdout.strip() == "True" and "pip install 'fuel-stats-kit[settings-api]'" in api.stderr, api.stderr


def test_the_kit_from_its_wheel_sends_to_the_collector_from_its_wheel(
        kit: Path, place: Path, postgres: Cluster, wheel_collector: str, engine: Engine):
    from fuelstats_kit import action_logs
    from fuelstats_kit.storage import master_engine

    master_url = postgres.create_database("wheel_master")
    settings = {"FUELSTATS_MASTER_DATABASE_URL": master_url, "FUELSTATS_COLLECTOR_URL": wheel_collector,
                "FUELSTATS_FUEL_VERSION_FILE": "/nonexistent", "FUELSTATS_FAILURE_SPOOL_DIR": str(place / "spool"),
                "FUELSTATS_MASTER_KEY_FILE": str(place / "master-key.pem")}
    init = _run([kit / "fuelstats-master", "init"], cwd=place, **settings)
    assert init.returncode == 0, init.stderr
    uid = init.stdout.strip()
    now = dt.datetime(2026, 1, 2, 3, 4, 5)
    action_logs.record_request(master_engine(master_url), method="PUT", path="/api/clusters/1/changes", status=202,
                               started=now, ended=now, actor_id="admin", user_agent="fuel-cli")
    sent = _run([kit / "fuelstats-master", "sender", "run", "--once"], cwd=place, **settings)
    assert sent.returncode == 0, sent.stderr
    run = next(json.loads(line) for line in sent.stderr.splitlines() if '"sender run"' in line)
    assert (run["outcome"], run["action_logs_sent"], run["installation_structure"], run["signed"]) == (
        "done", 1, "sent", True), run
    with engine.connect() as connection:
        stored = connection.execute(text("SELECT count(*) FROM action_logs WHERE master_node_uid = :uid AND verified"),
                                    {"uid": uid}).scalar_one()
    assert stored == 1
