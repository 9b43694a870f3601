"""The notification dispatcher as its unit runs it, `fuelstats collector notify --follow`: its outbox in metrics.

One channel delivers (the test SMTP server), the other fails (a webhook nobody answers): the
metrics tell the one sent and the other failing, and /readyz that the dispatcher's database answers.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import httpx

from fuelstats.collector import failure_reports
from tests.conftest import free_port
from tests.failures.payloads import failure_report
from tests.failures.servers import eventually
from tests.operations.scraping import scrape, value

FUELSTATS = str(Path(sys.executable).with_name("fuelstats"))


def test_the_dispatcher_counts_what_it_sent_and_what_keeps_failing(engine, smtp, notify_settings):
    failure_reports.record_failure_report(engine, None, failure_report()["failure_report"], ["email", "webhook"])
    port = free_port()
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("FUELSTATS_")}, **notify_settings,
           "FUELSTATS_WEBHOOK_URL": f"http://127.0.0.1:{free_port()}/nobody-answers",
           "FUELSTATS_DATABASE_URL": engine.url.render_as_string(hide_password=False),
           "FUELSTATS_NOTIFY_METRICS_BIND": f"127.0.0.1:{port}"}
    dispatcher = subprocess.Popen([FUELSTATS, "collector", "notify", "--follow"], env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    metrics = f"http://127.0.0.1:{port}/metrics"

    def settled() -> dict | None:
        try:
            samples = scrape(metrics)
        except (httpx.HTTPError, AssertionError):
            return None
        failed = value(samples, "fuelstats_notifications_failed_total", channel="webhook")
        return samples if failed >= 2 and value(samples, "fuelstats_notifications_failing", channel="webhook") else None

    try:
        samples = eventually(settled, timeout=30, what="a failed webhook and a sent e-mail in the metrics")
        assert value(samples, "fuelstats_notifications_sent_total", channel="email") == 1
        assert value(samples, "fuelstats_notifications_sent_total", channel="webhook") == 0
        assert value(samples, "fuelstats_notifications_failing", channel="webhook") == 1
        assert value(samples, "fuelstats_notifications_failing", channel="email") == 0
        assert value(samples, "fuelstats_notifications_due", channel="email") == 0
        assert value(samples, "fuelstats_notifications_last_pass_timestamp_seconds") > 0
        ready = httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=10)
        assert (ready.status_code, ready.json()["checks"]) == (200, {"database": "ok"})
    finally:
        dispatcher.terminate()
        dispatcher.wait(timeout=30)
    assert len(smtp.inbox.received) == 1
