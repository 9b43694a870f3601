"""The analytics server the browser tests talk to: `fuelstats analytics serve`, for real."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from tests.conftest import free_port
from tools.service import wait_ready

FUELSTATS = str(Path(sys.executable).with_name("fuelstats"))


@dataclass(frozen=True)
class Credentials:
    """The analytics' own database, and the tests' admin in it: an API token and a browser session."""

    analytics_database_url: str
    token: str = field(repr=False)
    session: str = field(repr=False)


@dataclass
class Server:
    url: str
    api: httpx.Client = field(repr=False)  # as the tests' admin, with its API token
    credentials: Credentials = field(repr=False)
    log: Path  # what the server wrote (JSON lines)

    def get(self, path: str, **params: str) -> dict:  # type: ignore[type-arg]
        response = self.api.get(path, params=params)
        assert response.status_code == 200, response.text
        return response.json()  # type: ignore[no-any-return]


def serve(env: dict[str, str], log: Path, credentials: Credentials) -> Iterator[Server]:
    """`fuelstats analytics serve` on a free loopback port, for as long as the caller needs it."""
    port = free_port()
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("FUELSTATS_")},
           "FUELSTATS_ANALYTICS_DATABASE_URL": credentials.analytics_database_url, **env}
    with log.open("wb") as output:
        process = subprocess.Popen([FUELSTATS, "analytics", "serve", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
                                   env=env, stdout=output, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        assert wait_ready(f"{url}/api/v1/reports/", 60, process), log.read_text()[-3000:]
        with httpx.Client(base_url=url, timeout=30, headers={"Authorization": f"Bearer {credentials.token}"}) as api:
            yield Server(url, api, credentials, log)
    finally:
        process.terminate()
        process.wait(timeout=30)
