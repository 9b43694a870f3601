"""`fuelstats`: the one command of fuel-stats, with a subcommand per job."""

from __future__ import annotations

import logging
import sys
import warnings
from pathlib import Path
from typing import Any

import click
import structlog

from fuelstats.logs import configure_logging
from fuelstats.settings import ConfigurationError, Settings, get_settings

# Connexion imports Starlette's test client at import time, which warns about httpx on every start.
warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")

MIGRATIONS = Path(__file__).parent / "collector" / "migrations"


def _settings() -> Settings:
    return get_settings()


def _database_url() -> str:
    return get_settings().require_database_url()


@click.group()
def main() -> None:
    """fuel-stats: collector, ETL and analytics of Fuel usage statistics."""
    configure_logging(_settings().log_level)


# --- db ------------------------------------------------------------------------------------------

def alembic_config(database_url: str) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    return config


@main.group()
def db() -> None:
    """The collector database's schema."""


@db.command()
@click.option("--revision", default="head", show_default=True, help="Alembic revision to upgrade to.")
def upgrade(revision: str) -> None:
    """Migrate the collector database up to REVISION and create the coming months' partitions."""
    from alembic import command

    from fuelstats.collector import storage
    from fuelstats.database import engine_for

    url = _database_url()
    command.upgrade(alembic_config(url), revision)
    if revision == "head":
        with engine_for(url).begin() as connection:
            created = storage.ensure_action_log_partitions(connection)
        structlog.get_logger("fuelstats.db").info("partitions ready", partitions=created)


@db.command()
@click.argument("revision")
def downgrade(revision: str) -> None:
    """Migrate the collector database down to REVISION ('base' empties it)."""
    from alembic import command

    command.downgrade(alembic_config(_database_url()), revision)


@db.command()
def current() -> None:
    """Print the collector database's current revision."""
    from alembic import command

    command.current(alembic_config(_database_url()))


# --- collector -----------------------------------------------------------------------------------

@main.group()
def collector() -> None:
    """The collector service (the v1 protocol Fuel masters speak)."""


@collector.command()
@click.option("--bind", default="127.0.0.1:8000", show_default=True, help="HOST:PORT to listen on.")
@click.option("--workers", type=click.IntRange(min=1), default=None, help="Worker processes [FUELSTATS_WORKERS].")
def serve(bind: str, workers: int | None) -> None:
    """Serve the collector with gunicorn."""
    from fuelstats.collector.context import filtering_rules
    from fuelstats.server import serve as run_server

    settings = _settings()
    _database_url()
    filtering_rules()  # a broken rules file stops us here, with one line, not in every worker
    run_server("fuelstats.collector.app:create_app", bind=bind, workers=workers or settings.workers)


@collector.command("reapply-filters")
def reapply_filters() -> None:
    """Mark stored installation structures as filtered or not, by the current filtering rules."""
    from fuelstats.collector import filtering, ingest
    from fuelstats.database import engine_for

    rules = filtering.load_rules(_settings().filtering_rules)
    changed = ingest.reapply_filtering(engine_for(_database_url()), rules)
    click.echo(f"{changed} installation structures changed")


@collector.command("notify")
@click.option("--follow", is_flag=True, help="Keep going, every FUELSTATS_NOTIFY_INTERVAL seconds, until stopped.")
def collector_notify(follow: bool) -> None:
    """Deliver the failure report notifications that are due (the collector's workers do it too)."""
    import signal
    import threading

    from fuelstats.collector import notifications
    from fuelstats.database import engine_for

    settings = _settings()
    channels = notifications.configured_channels(settings)
    if not channels:
        raise click.ClickException("no channel configured: set FUELSTATS_SMTP_HOST (and its recipients) "
                                   "or FUELSTATS_WEBHOOK_URL")
    engine = engine_for(_database_url())
    backoff = notifications.Backoff(settings.notify_backoff, settings.notify_backoff_max)
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    while True:
        result = notifications.deliver_due(engine, channels, backoff, stop)
        click.echo(f"{result.delivered} delivered, {result.failed} failed (retried later)")
        if not follow or stop.wait(settings.notify_interval):
            return


# --- analytics -----------------------------------------------------------------------------------

@main.group()
def analytics() -> None:
    """The analytics service: reports, search and exports."""


@analytics.command("serve")
@click.option("--bind", default="127.0.0.1:8001", show_default=True, help="HOST:PORT to listen on.")
@click.option("--workers", type=click.IntRange(min=1), default=None, help="Worker processes [FUELSTATS_WORKERS].")
def analytics_serve(bind: str, workers: int | None) -> None:
    """Serve the analytics API with gunicorn."""
    from fuelstats.server import serve as run_server

    run_server("fuelstats.analytics.app:create_app", bind=bind, workers=workers or _settings().workers)


# --- etl -----------------------------------------------------------------------------------------

def _etl() -> Any:
    from fuelstats.database import engine_for
    from fuelstats.etl import search
    from fuelstats.etl.pipeline import Etl, keep_freed_memory

    keep_freed_memory()
    # The ETL logs one line per attempt when Elasticsearch is away; the client's own retries would add
    # a warning with a traceback for each request it tries again.
    logging.getLogger("elastic_transport").setLevel(logging.ERROR)
    settings = _settings()
    return Etl(
        primary=engine_for(_database_url()),
        reader=engine_for(settings.read_database_url),
        es=search.connect(settings.elasticsearch_url),
        prefix=settings.index_prefix,
        batch_size=settings.etl_batch_size,
        interactive=sys.stderr.isatty(),
    )


@main.group()
def etl() -> None:
    """Carry the collector's data from PostgreSQL (or its replica) into Elasticsearch."""


@etl.command("run")
@click.option("--once", is_flag=True, help="One pass of each stream, then exit (for cron).")
@click.option("--interval", type=click.FloatRange(min=0.1), default=None,
              help="Seconds between passes while following [FUELSTATS_ETL_INTERVAL].")
def etl_run(once: bool, interval: float | None) -> None:
    """Migrate installation structures, action logs and OSWL stats, and keep following them."""
    import signal
    import threading

    from fuelstats.etl.pipeline import is_outage

    pipeline = _etl()
    if once:
        try:
            pipeline.prepare()
            carried = pipeline.run_once()
        except Exception as error:
            if not is_outage(error):
                raise
            where = pipeline.describe(error)
            # One line, no traceback: the attempts before it are in the log.
            raise click.ClickException(f"gave up: {where['service']} {where['url']}: {where['cause']}") from None
        structlog.get_logger("fuelstats.etl").info("run done", **carried)
        return
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    pipeline.follow(interval or _settings().etl_interval, stop)


@etl.command("status")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def etl_status(as_json: bool) -> None:
    """How far each stream has come and how far behind it is."""
    import json

    report = _etl().status()
    if as_json:
        click.echo(json.dumps(report, indent=2))
        return
    click.echo(f"{'stream':<14} {'indexed':>10} {'pending':>10} {'behind':>10} {'dead letters':>12}"
               "  pass in progress  last activity")
    for row in report:
        click.echo(f"{row['stream']:<14} {row['indexed']:>10} {row['pending']:>10} {row['behind_seconds']:>9}s"
                   f" {row['dead_letters']:>12}  {'yes' if row['pass_in_progress'] else 'no':<16}"
                   f"  {row['last_activity'] or '-'}")


@etl.command("reindex")
@click.argument("streams", nargs=-1, type=click.Choice(["installations", "action_logs", "oswl_stats"]))
def etl_reindex(streams: tuple[str, ...]) -> None:
    """Rebuild STREAMS' indices (all when none named) into new versions and swap their aliases."""
    pipeline = _etl()
    for name in streams or ("installations", "action_logs", "oswl_stats"):
        built = pipeline.reindex(name)
        click.echo(f"{name}: " + ", ".join(f"{kind} -> {index}" for kind, index in built.items()))


# --- master node kit (clients/kit, docs/kit.md) ---------------------------------------------------


def _master_engine() -> Any:
    from fuelstats.database import engine_for

    return engine_for(_settings().require_master_database_url())


def master_alembic_config(database_url: str) -> Any:
    from alembic.config import Config

    from fuelstats.kit import migrations

    config = Config()
    config.set_main_option("script_location", str(Path(migrations.__file__).parent))
    config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    return config


@main.group()
def master() -> None:
    """The Fuel master node's side: its database, identity and statistics settings."""


@master.group("db")
def master_db() -> None:
    """The master node database's schema (the kit's tables)."""


@master_db.command("upgrade")
@click.option("--revision", default="head", show_default=True, help="Alembic revision to upgrade to.")
def master_db_upgrade(revision: str) -> None:
    """Migrate the master node database up to REVISION."""
    from alembic import command

    command.upgrade(master_alembic_config(_settings().require_master_database_url()), revision)


@master_db.command("downgrade")
@click.argument("revision")
def master_db_downgrade(revision: str) -> None:
    """Migrate the master node database down to REVISION ('base' empties it)."""
    from alembic import command

    command.downgrade(master_alembic_config(_settings().require_master_database_url()), revision)


@master.command("init")
def master_init() -> None:
    """At installation or upgrade: migrate, and make the master_node_uid if there is none yet."""
    from alembic import command

    from fuelstats.kit.master_settings import ensure_master_node

    command.upgrade(master_alembic_config(_settings().require_master_database_url()), "head")
    click.echo(ensure_master_node(_master_engine()).uid)


@master.command("statistics")
@click.argument("state", type=click.Choice(["on", "off", "show"]))
def master_statistics(state: str) -> None:
    """Turn sending statistics on or off, or show the settings."""
    from fuelstats.kit import master_settings

    engine = _master_engine()
    node = (master_settings.load_master_node(engine) if state == "show"
            else master_settings.set_sending(engine, state == "on"))
    if node is None:
        raise click.ClickException("no master node settings yet: run `fuelstats master init`")
    click.echo(f"master_node_uid {node.uid}: sending {'on' if node.send_statistics else 'off'}, "
               f"contact {'sent' if node.send_contact else 'not sent'}")


@master.command("contact")
@click.option("--first-name", default="")
@click.option("--last-name", default="")
@click.option("--email", default="")
@click.option("--company", default="")
@click.option("--send/--no-send", default=False, show_default=True, help="Send it with the statistics.")
def master_contact(first_name: str, last_name: str, email: str, company: str, send: bool) -> None:
    """Store the customer contact, and whether it goes with the statistics (off by default)."""
    from fuelstats.kit.master_settings import set_contact

    set_contact(_master_engine(), first_name=first_name, last_name=last_name, email=email, company=company,
                send=send)


@main.group()
def sender() -> None:
    """The master node's sender daemon: action logs, installation info and OSWL stats to the collector."""


def build_sender() -> Any:
    from fuelstats.kit.installation import DatabaseInstallationInfo, read_fuel_release
    from fuelstats.kit.sender import Sender, SenderConfig

    settings = _settings()
    engine = _master_engine()
    config = SenderConfig(collector_url=settings.collector_url, batch_size=settings.send_batch_size,
                          timeout=settings.send_timeout, run_seconds=settings.send_run_seconds,
                          attempts=settings.send_attempts)
    reporter = build_failure_reporter()
    return Sender(engine, DatabaseInstallationInfo(engine, read_fuel_release(settings.fuel_version_file)), config,
                  send_spooled_failures=lambda master: reporter.send_spooled(master).sent)


@sender.command("run")
@click.option("--once", is_flag=True, help="One run now, then exit (status 1 when the collector or database failed).")
@click.option("--interval", type=click.FloatRange(min=1), default=None,
              help="Mean seconds between runs [FUELSTATS_SEND_INTERVAL].")
def sender_run(once: bool, interval: float | None) -> None:
    """Send what is not sent yet, about once an hour at a random moment, or once."""
    import logging
    import os
    import signal

    from fuelstats.kit.sender import follow

    # The master's own services come first: the sender runs at the lowest CPU priority.
    os.nice(19 - os.nice(0))
    # httpx logs every request at INFO; the sender logs one line per run.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    daemon = build_sender()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: daemon.stop.set())
    if once:
        report = daemon.run_once()
        sys.exit(1 if report.outcome in ("collector-down", "failed") else 0)
    follow(daemon, interval or _settings().send_interval)


def build_failure_reporter() -> Any:
    from fuelstats.kit.failure_reports import FailureReporter
    from fuelstats.kit.installation import DatabaseInstallationInfo, read_fuel_release

    settings = _settings()
    engine = _master_engine()
    return FailureReporter(engine, DatabaseInstallationInfo(engine, read_fuel_release(settings.fuel_version_file)),
                           settings.failure_spool_dir, settings.collector_url, settings.send_timeout)


@sender.command("report-failure")
@click.argument("task_uuid")
@click.option("--output-file", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="The failed task's output; its end is sent.")
def sender_report_failure(task_uuid: str, output_file: Path | None) -> None:
    """Report the failed task TASK_UUID to the collector now (docs/failure-reports.md)."""
    output = output_file.read_text(errors="replace") if output_file else ""
    click.echo(build_failure_reporter().task_failed(task_uuid, output))


@sender.command("failures")
@click.option("--follow", is_flag=True, help="Keep trying every FUELSTATS_FAILURE_RETRY_INTERVAL seconds.")
def sender_failures(follow: bool) -> None:
    """Send the failure reports the spool holds (kept while the collector was down)."""
    import signal
    import threading

    reporter = build_failure_reporter()
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    while True:
        result = reporter.send_spooled()
        click.echo(f"{len(result.sent)} sent, {result.waiting} waiting, {len(result.refused)} refused")
        if not follow or stop.wait(_settings().failure_retry_interval):
            return


def run() -> None:
    """The console script: a configuration error is one line on stderr and exit status 2."""
    try:
        main(standalone_mode=True)
    except ConfigurationError as error:
        click.echo(f"fuelstats: configuration: {error}", err=True)
        sys.exit(2)
