"""`fuelstats`: the one command of fuel-stats, with a subcommand per job."""

from __future__ import annotations

import sys
import warnings
from pathlib import Path
from typing import Any

import click
import structlog

from fuelstats_common.logs import configure_logging
from fuelstats_common.settings import ConfigurationError, ProgramSettings, settings_of

# Connexion imports Starlette's test client at import time, which warns about httpx on every start.
warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")

MIGRATIONS = Path(__file__).parents[1] / "collector" / "migrations"


def _database_url() -> str:
    from fuelstats.core.settings import DatabaseSettings

    return settings_of(DatabaseSettings).require_database_url()


@click.group()
def main() -> None:
    """fuel-stats: collector, ETL and analytics of Fuel usage statistics."""
    configure_logging(settings_of(ProgramSettings).log_level)


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
    from fuelstats.core.database import engine_for

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
    from fuelstats.collector.settings import get_settings
    from fuelstats.core.server import serve as run_server

    settings = get_settings()
    settings.require_database_url()
    filtering_rules()  # a broken rules file stops us here, with one line, not in every worker
    run_server("fuelstats.collector.app:create_app", bind=bind, workers=workers or settings.workers,
               log_level=settings.log_level)


@collector.command("reapply-filters")
def reapply_filters() -> None:
    """Mark stored installation structures as filtered or not, by the current filtering rules."""
    from fuelstats.collector import filtering, ingest
    from fuelstats.collector.settings import get_settings
    from fuelstats.core.database import engine_for

    settings = get_settings()
    rules = filtering.load_rules(settings.filtering_rules)
    changed = ingest.reapply_filtering(engine_for(settings.require_database_url()), rules)
    click.echo(f"{changed} installation structures changed")


@collector.command("notify")
@click.option("--follow", is_flag=True, help="Keep going, every FUELSTATS_NOTIFY_INTERVAL seconds, until stopped.")
def collector_notify(follow: bool) -> None:
    """Deliver the failure report notifications that are due (the collector's workers do it too)."""
    import signal
    import threading

    from fuelstats.collector import notifications
    from fuelstats.collector.settings import get_settings
    from fuelstats.core.database import engine_for

    settings = get_settings()
    channels = notifications.configured_channels(settings)
    if not channels:
        raise click.ClickException("no channel configured: set FUELSTATS_SMTP_HOST (and its recipients) "
                                   "or FUELSTATS_WEBHOOK_URL")
    engine = engine_for(settings.require_database_url())
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
    from fuelstats.analytics.settings import get_settings
    from fuelstats.core.server import serve as run_server

    settings = get_settings()
    run_server("fuelstats.analytics.app:create_app", bind=bind, workers=workers or settings.workers,
               log_level=settings.log_level)


# --- etl -----------------------------------------------------------------------------------------

def _etl() -> Any:
    from fuelstats.core.database import engine_for
    from fuelstats.etl import search
    from fuelstats.etl.pipeline import Etl, keep_freed_memory
    from fuelstats.etl.settings import get_settings

    keep_freed_memory()
    settings = get_settings()
    return Etl(
        primary=engine_for(settings.require_database_url()),
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

    pipeline = _etl()
    pipeline.prepare()
    if once:
        carried = pipeline.run_once()
        structlog.get_logger("fuelstats.etl").info("run done", **carried)
        return
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    from fuelstats.etl.settings import get_settings

    pipeline.follow(interval or get_settings().etl_interval, stop)


@etl.command("status")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def etl_status(as_json: bool) -> None:
    """How far each stream has come and how far behind it is."""
    import json

    report = _etl().status()
    if as_json:
        click.echo(json.dumps(report, indent=2))
        return
    click.echo(f"{'stream':<14} {'indexed':>10} {'pending':>10} {'behind':>10}  pass in progress  last activity")
    for row in report:
        click.echo(f"{row['stream']:<14} {row['indexed']:>10} {row['pending']:>10} {row['behind_seconds']:>9}s"
                   f"  {'yes' if row['pass_in_progress'] else 'no':<16}  {row['last_activity'] or '-'}")


@etl.command("reindex")
@click.argument("streams", nargs=-1, type=click.Choice(["installations", "action_logs", "oswl_stats"]))
def etl_reindex(streams: tuple[str, ...]) -> None:
    """Rebuild STREAMS' indices (all when none named) into new versions and swap their aliases."""
    pipeline = _etl()
    for name in streams or ("installations", "action_logs", "oswl_stats"):
        built = pipeline.reindex(name)
        click.echo(f"{name}: " + ", ".join(f"{kind} -> {index}" for kind, index in built.items()))


def run() -> None:
    """The console script: a configuration error is one line on stderr and exit status 2."""
    try:
        main(standalone_mode=True)
    except ConfigurationError as error:
        click.echo(f"fuelstats: configuration: {error}", err=True)
        sys.exit(2)
