"""Each program reads its own FUELSTATS_* variables; a name no program knows is refused with a suggestion."""

from __future__ import annotations

import os

import pytest

from fuelstats.analytics.settings import AnalyticsSettings
from fuelstats.backups.settings import BackupSettings
from fuelstats.collector.settings import CollectorSettings
from fuelstats.core.settings import DatabaseSettings
from fuelstats.etl.settings import EtlSettings
from fuelstats.worker.settings import WorkerSettings
from fuelstats_common.settings import ConfigurationError, known_variables, load_settings, variables_of
from fuelstats_kit.settings import KitSettings

PROGRAMS = (CollectorSettings, EtlSettings, AnalyticsSettings, KitSettings, BackupSettings, WorkerSettings)


@pytest.fixture(autouse=True)
def no_settings_of_the_caller(monkeypatch):
    for name in [name for name in os.environ if name.startswith("FUELSTATS_")]:
        monkeypatch.delenv(name)


def test_each_program_reads_only_its_own_variables():
    collector, etl, analytics, kit, backup, worker = (variables_of(model) for model in PROGRAMS)
    assert "FUELSTATS_SMTP_HOST" in collector and "FUELSTATS_SMTP_HOST" not in etl | analytics | kit
    assert "FUELSTATS_ETL_BATCH_SIZE" in etl and "FUELSTATS_ETL_BATCH_SIZE" not in collector | analytics | kit
    # Both services behind the front door name their clients; only the analytics is limited to networks.
    assert "FUELSTATS_TRUSTED_PROXIES" in collector & analytics and "FUELSTATS_TRUSTED_PROXIES" not in etl | kit
    assert "FUELSTATS_ANALYTICS_NETWORKS" in analytics and "FUELSTATS_ANALYTICS_NETWORKS" not in collector | etl | kit
    assert "FUELSTATS_DATA_STALE_AFTER" in analytics and "FUELSTATS_DATA_STALE_AFTER" not in collector | etl | kit
    assert "FUELSTATS_COLLECTOR_CA_FILE" in kit and "FUELSTATS_COLLECTOR_CA_FILE" not in collector | etl | analytics
    # How submissions are authenticated and quarantined is the collector's alone; the master's key, the kit's.
    for name in ("FUELSTATS_SIGNATURE_SKEW", "FUELSTATS_NOTIFY_UNVERIFIED_FAILURE_REPORTS",
                 "FUELSTATS_QUARANTINE_SAMPLES", "FUELSTATS_QUARANTINE_BODY_BYTES"):
        assert name in collector and name not in etl | analytics | kit | backup
    assert "FUELSTATS_MASTER_KEY_FILE" in kit and "FUELSTATS_MASTER_KEY_FILE" not in collector | etl | analytics | backup
    # Where backups go and how many snapshots are kept is the backup command's alone.
    for name in ("FUELSTATS_PGBACKREST_CONFIG", "FUELSTATS_BACKUP_STANZA", "FUELSTATS_SNAPSHOT_REPOSITORY",
                 "FUELSTATS_SNAPSHOT_LOCATION", "FUELSTATS_SNAPSHOT_KEEP"):
        assert name in backup and name not in collector | etl | analytics | kit
    # The kit shares nothing with the services but how it logs; the services share the database.
    assert kit & (collector | etl | analytics | backup) == {"FUELSTATS_LOG_LEVEL", "FUELSTATS_LOG_FORMAT"}
    # Each program's metrics have a port of their own: one environment may serve them all.
    binds = [name for name in collector | etl | analytics | kit | backup | worker if name.endswith("_METRICS_BIND")]
    assert sorted(binds) == ["FUELSTATS_ANALYTICS_METRICS_BIND", "FUELSTATS_COLLECTOR_METRICS_BIND",
                             "FUELSTATS_ETL_METRICS_BIND", "FUELSTATS_NOTIFY_METRICS_BIND",
                             "FUELSTATS_WORKER_METRICS_BIND"]
    # The workers and the analytics share the jobs' database and results folder; how workers run is theirs.
    assert {"FUELSTATS_ANALYTICS_DATABASE_URL", "FUELSTATS_JOBS_DIR", "FUELSTATS_JOB_RESULT_LIFETIME"} <= (
        worker & analytics)
    for name in ("FUELSTATS_WORKER_CONCURRENCY", "FUELSTATS_JOB_ATTEMPTS", "FUELSTATS_JOB_RETRY_WAIT"):
        assert name in worker and name not in collector | etl | analytics | kit | backup
    assert variables_of(DatabaseSettings) <= collector & etl & analytics


def test_every_program_installed_here_is_known():
    assert known_variables() == frozenset().union(*(variables_of(model) for model in PROGRAMS))


def test_a_typo_is_refused_with_the_name_it_meant(monkeypatch):
    monkeypatch.setenv("FUELSTATS_DATABSE_URL", "postgresql://x/y")
    monkeypatch.setenv("FUELSTATS_NOTHING_LIKE_IT", "1")
    with pytest.raises(ConfigurationError) as refused:
        load_settings(EtlSettings)
    assert str(refused.value) == ("unknown settings FUELSTATS_DATABSE_URL (did you mean FUELSTATS_DATABASE_URL?), "
                                  "FUELSTATS_NOTHING_LIKE_IT")


def test_another_programs_variable_is_not_refused(monkeypatch):
    monkeypatch.setenv("FUELSTATS_COLLECTOR_URL", "https://collector.example.org")  # the kit's
    monkeypatch.setenv("FUELSTATS_ETL_INTERVAL", "not even a number")  # the ETL's: not the collector's to check
    settings = load_settings(CollectorSettings)
    assert not hasattr(settings, "collector_url") and not hasattr(settings, "etl_interval")


def test_a_malformed_value_names_its_variable_and_never_shows_a_secret(monkeypatch):
    monkeypatch.setenv("FUELSTATS_ETL_BATCH_SIZE", "0")
    with pytest.raises(ConfigurationError, match=r"^FUELSTATS_ETL_BATCH_SIZE='0': Input should be greater than 0$"):
        load_settings(EtlSettings)
    monkeypatch.setenv("FUELSTATS_SMTP_PASSWORD", "hunter2")  # without FUELSTATS_SMTP_USER
    with pytest.raises(ConfigurationError, match="FUELSTATS_SMTP_PASSWORD='<sanitized>'") as refused:
        load_settings(CollectorSettings)
    assert "hunter2" not in str(refused.value)


def test_metrics_are_served_on_loopback_unless_told_otherwise(monkeypatch):
    import ipaddress

    from fuelstats.core.settings import split_bind

    for model in (CollectorSettings, EtlSettings, AnalyticsSettings):
        for field, info in model.model_fields.items():
            if field.endswith("_metrics_bind"):
                host, _ = split_bind(info.default)
                assert ipaddress.ip_address(host).is_loopback, field
    monkeypatch.setenv("FUELSTATS_ETL_METRICS_BIND", "9483")
    with pytest.raises(ConfigurationError, match=r"^FUELSTATS_ETL_METRICS_BIND='9483': .*HOST:PORT"):
        load_settings(EtlSettings)
    monkeypatch.setenv("FUELSTATS_ETL_METRICS_BIND", "[::1]:9483")
    assert split_bind(load_settings(EtlSettings).etl_metrics_bind) == ("::1", 9483)
    monkeypatch.setenv("FUELSTATS_ETL_METRICS_BIND", "off")
    assert split_bind(load_settings(EtlSettings).etl_metrics_bind) is None
