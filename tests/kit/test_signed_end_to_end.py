"""A master enrolled by `fuelstats-master init` sends signed data through `sender run`, and the reports
count its installation as verified (docs/security.md)."""

from __future__ import annotations

import subprocess

from sqlalchemy import text

from tests.kit import masterdata
from tests.kit.test_end_to_end import analytics, etl, report  # noqa: F401  (the fixtures, shared)
from tests.kit.test_kill import FUELSTATS_MASTER, run_sender


def test_a_master_initialised_with_a_key_counts_as_verified(master, engine, collector_server, kit_env, etl,  # noqa: F811
                                                            analytics, tmp_path):  # noqa: F811
    from fuelstats_analytics_client.api.reports import get_summary
    from fuelstats_analytics_client.models import Summary

    masterdata.fill(master)
    env = {**kit_env, "FUELSTATS_MASTER_KEY_FILE": str(tmp_path / "master-key.pem")}
    init = subprocess.run([FUELSTATS_MASTER, "init"], env=env, capture_output=True, text=True, timeout=120)
    assert init.returncode == 0, init.stderr
    uid = init.stdout.strip()

    sent = run_sender(env, collector_server)
    assert (sent["outcome"], sent["signed"], sent["action_logs_sent"]) == ("done", True, 29), sent
    with engine.connect() as connection:
        verified = connection.execute(text(
            "SELECT (SELECT bool_and(verified) FROM action_logs WHERE master_node_uid = :uid),"
            " (SELECT verified FROM installation_structures WHERE master_node_uid = :uid),"
            " (SELECT bool_and(verified) FROM oswl_stats WHERE master_node_uid = :uid)"), {"uid": uid}).one()
        events = connection.execute(text("SELECT event FROM master_key_events WHERE master_node_uid = :uid"),
                                    {"uid": uid}).scalars().all()
    assert tuple(verified) == (True, True, True) and events == ["enrolled"]

    etl()
    summary = get_summary.sync(client=analytics)
    assert isinstance(summary, Summary), summary
    assert (summary.installations, summary.verified_installations) == (1, 1)
    only_verified = get_summary.sync(client=analytics, verified_only=True)
    assert isinstance(only_verified, Summary) and (only_verified.installations, only_verified.environments) == (1, 2)
    deployments = report(analytics, "deployment_time")
    assert deployments.total == 2
    # The same deployments count among the verified: the logs and their installation were signed.
    from fuelstats_analytics_client.api.reports import get_report
    from fuelstats_analytics_client.models import ReportName

    verified_report = get_report.sync(ReportName("deployment_time"), client=analytics, verified_only=True)
    assert verified_report.total == 2  # type: ignore[union-attr]
