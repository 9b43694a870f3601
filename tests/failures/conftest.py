"""The collector configured to notify a real SMTP server and a real webhook receiver on loopback."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine

from fuelstats_common.settings import settings_of
from tests.conftest import free_port
from tests.failures.servers import SUPPORT, WEBHOOK_SECRET, SmtpServer, WebhookReceiver
from tools.service import wait_ready


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    server = SmtpServer(free_port())
    server.start()
    yield server
    server.stop()


@pytest.fixture
def webhook() -> Iterator[WebhookReceiver]:
    receiver = WebhookReceiver()
    yield receiver
    receiver.close()


@pytest.fixture
def notify_settings(smtp: SmtpServer, webhook: WebhookReceiver) -> Iterator[dict[str, str]]:
    """FUELSTATS_* variables naming the test SMTP server and webhook, with retries fast enough for a test."""
    variables = {
        "FUELSTATS_SMTP_HOST": "127.0.0.1",
        "FUELSTATS_SMTP_PORT": str(smtp.port),
        "FUELSTATS_SMTP_SENDER": "fuel-stats@collector.test",
        "FUELSTATS_SMTP_RECIPIENTS": ", ".join(SUPPORT),
        "FUELSTATS_WEBHOOK_URL": webhook.url,
        "FUELSTATS_WEBHOOK_SECRET": WEBHOOK_SECRET,
        "FUELSTATS_NOTIFY_INTERVAL": "0.2",
        "FUELSTATS_NOTIFY_BACKOFF": "0.2",
        "FUELSTATS_NOTIFY_BACKOFF_MAX": "0.5",
        "FUELSTATS_NOTIFY_TIMEOUT": "5",
        # These tests send unsigned reports, as a master without a key does: notified, marked unverified
        # (tests/security checks that by default they are not).
        "FUELSTATS_NOTIFY_UNVERIFIED_FAILURE_REPORTS": "true",
    }
    with pytest.MonkeyPatch.context() as patch:
        for name, value in variables.items():
            patch.setenv(name, value)
        settings_of.cache_clear()
        yield variables
    settings_of.cache_clear()


@pytest.fixture
def collector(engine: Engine, notify_settings: dict[str, str]):  # type: ignore[no-untyped-def]
    """The collector app, notifying the test SMTP server and webhook; its dispatcher runs while in use."""
    from fuelstats.collector.app import create_app

    with create_app().test_client() as client:
        yield client


@dataclass(frozen=True)
class ServedCollector:
    url: str
    log: Path


@pytest.fixture
def served_collector(engine: Engine, notify_settings: dict[str, str], tmp_path: Path) -> Iterator[ServedCollector]:
    """`fuelstats collector serve` for real (gunicorn, two uvicorn workers), notifying the test servers."""
    port = free_port()
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("FUELSTATS_")}, **notify_settings,
           "FUELSTATS_DATABASE_URL": engine.url.render_as_string(hide_password=False)}
    log = tmp_path / "collector.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [str(Path(sys.executable).with_name("fuelstats")), "collector", "serve", "--bind", f"127.0.0.1:{port}",
             "--workers", "2"], stdout=output, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        assert wait_ready(f"{url}/api/v1/ping/", 60, process), log.read_text()[-3000:]
        yield ServedCollector(url, log)
    finally:
        process.terminate()
        process.wait(timeout=30)
