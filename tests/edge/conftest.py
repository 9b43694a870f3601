"""The edge's harness: our nginx with TLS before a real collector and analytics, and a test host on other
addresses (a network namespace these tests make and remove).

nginx listens on loopback, on 127.0.0.2 (an address its certificate does not name) and on this
machine's end of the link to the test host. The collector and the analytics listen on loopback and
trust 127.0.0.1 as their proxy; the analytics are limited to loopback and the test host's first
address, so its second one is a network they refuse.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import free_port
from tests.edge.hosts import NamespaceHost
from tests.kit.conftest import master, master_url  # noqa: F401  (the kit's fixtures, for the sender's tests)
from tools.frontdoor import EdgeSettings, FrontDoor, LocalCA, make_local_ca
from tools.service import wait_ready


ACME_TOKEN = "evaGxfADs6pSRb2LAv9IZf17Dt3juxGJ-PCt92wr-oA"


@pytest.fixture(scope="session", autouse=True)
def _as_root() -> None:
    if os.geteuid() != 0:
        pytest.skip("the edge's tests make a network namespace and install nginx: they need root")


@dataclass(frozen=True)
class Edge:
    front_door: FrontDoor
    ca: LocalCA
    host: NamespaceHost
    collector_log: Path
    analytics_log: Path

    @property
    def settings(self) -> EdgeSettings:
        return self.front_door.settings

    @property
    def https(self) -> str:
        """The front door as this machine reaches it."""
        return f"https://127.0.0.1:{self.settings.https_port}"

    @property
    def http(self) -> str:
        return f"http://127.0.0.1:{self.settings.http_port}"

    @property
    def remote_https(self) -> str:
        """The front door as the test host reaches it."""
        return f"https://{self.host.root_address}:{self.settings.https_port}"

    @property
    def allowed(self) -> str:
        """The test host's address within the analytics' networks."""
        return self.host.addresses[0]

    @property
    def outside(self) -> str:
        """The test host's address outside the analytics' networks."""
        return self.host.addresses[1]

    @property
    def flooder(self) -> str:
        """The test host's address that floods (so that no other test shares its buckets)."""
        return self.host.addresses[2]


@pytest.fixture(scope="session")
def test_host() -> Iterator[NamespaceHost]:
    host = NamespaceHost.create()
    try:
        yield host
    finally:
        host.close()


def _serve(service: str, port: int, log: Path, env: dict[str, str]) -> subprocess.Popen[bytes]:
    with log.open("wb") as output:
        return subprocess.Popen(
            [str(Path(sys.executable).with_name("fuelstats")), service, "serve", "--bind", f"127.0.0.1:{port}",
             "--workers", "1"], stdout=output, stderr=subprocess.STDOUT, env=env)


@pytest.fixture(scope="session")
def edge(database_url: str, analytics_database_url: str, test_host: NamespaceHost) -> Iterator[Edge]:
    # Not pytest's tmp_path: that folder is private to root and nginx's workers run as www-data.
    directory = Path(tempfile.mkdtemp(prefix="fuelstats-edge-", dir="/tmp"))
    directory.chmod(0o755)
    ca = make_local_ca(directory / "tls", ("localhost", test_host.root_address))
    collector_port, analytics_port = free_port(), free_port()
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("FUELSTATS_")},
           "FUELSTATS_DATABASE_URL": database_url, "FUELSTATS_TRUSTED_PROXIES": "127.0.0.1"}
    collector_log, analytics_log = directory / "collector.log", directory / "analytics.log"
    acme_webroot = directory / "acme"
    (acme_webroot / ".well-known" / "acme-challenge").mkdir(parents=True)
    (acme_webroot / ".well-known" / "acme-challenge" / ACME_TOKEN).write_text(f"{ACME_TOKEN}.thumbprint")
    services = [
        _serve("collector", collector_port, collector_log, env),
        # The community instance: its reports and search open to all (the private part needs an admin).
        _serve("analytics", analytics_port, analytics_log,
               {**env, "FUELSTATS_ANALYTICS_NETWORKS": f"127.0.0.0/8,::1/128,{test_host.addresses[0]}/32",
                "FUELSTATS_ANALYTICS_DATABASE_URL": analytics_database_url,
                "FUELSTATS_ANALYTICS_MODE": "public-reports"}),
    ]
    front_door = FrontDoor(directory / "nginx", EdgeSettings(
        server_names=("localhost",), listen_addresses=("127.0.0.1", "127.0.0.2", test_host.root_address),
        https_port=free_port(), http_port=free_port(),
        collector=f"127.0.0.1:{collector_port}", analytics=f"127.0.0.1:{analytics_port}",
        certificate=ca.certificate, certificate_key=ca.certificate_key, acme_webroot=acme_webroot))
    try:
        assert wait_ready(f"http://127.0.0.1:{collector_port}/api/v1/ping/", 60, services[0]), \
            collector_log.read_text()[-3000:]
        assert wait_ready(f"http://127.0.0.1:{analytics_port}/api/v1/reports/", 60, services[1]), \
            analytics_log.read_text()[-3000:]
        front_door.start()
        yield Edge(front_door, ca, test_host, collector_log, analytics_log)
    finally:
        front_door.stop()
        for process in services:
            process.terminate()
            process.wait(timeout=30)
        shutil.rmtree(directory, ignore_errors=True)
