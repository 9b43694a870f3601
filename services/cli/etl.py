"""`fuelstats etl`: the collector's data from PostgreSQL (or its replica) into Elasticsearch."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING

import click
import structlog

from fuelstats.etl.settings import get_settings
from fuelstats_common import commands

if TYPE_CHECKING:
    from fuelstats.etl.pipeline import Etl

STREAMS = ("installations", "action_logs", "oswl_stats")


def _etl() -> Etl:
    from fuelstats.core.database import engine_for
    from fuelstats.etl import search
    from fuelstats.etl.pipeline import Etl, keep_freed_memory

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


@click.group(name="etl")
def group() -> None:
    """Carry the collector's data from PostgreSQL (or its replica) into Elasticsearch."""


@group.command()
@click.option("--once", is_flag=True, help="One pass of each stream, then exit (for cron).")
@click.option("--interval", type=click.FloatRange(min=0.1), default=None,
              help="Seconds between passes while following [FUELSTATS_ETL_INTERVAL].")
def run(once: bool, interval: float | None) -> None:
    """Migrate installation structures, action logs and OSWL stats, and keep following them."""
    pipeline = _etl()
    if once:
        # Outages are tried ONCE_ATTEMPTS times, a log line each; then the command gives up with one
        # line naming the dependency (fuelstats_common.commands.run and the describers of fuelstats.cli).
        pipeline.prepare()
        carried = pipeline.run_once()
        structlog.get_logger("fuelstats.etl").info("run done", **carried)
        return
    _serve_metrics()
    pipeline.follow(interval or get_settings().etl_interval, commands.stop_on_signals())


def describe_outage(error: BaseException) -> str | None:
    """One line for the ETL's own outages that `etl run --once` gave up on: documents Elasticsearch
    refused for a while, a stream another process kept. Unreachable databases and Elasticsearch have
    their own describers."""
    from fuelstats.etl.pipeline import DocumentsRejected, StreamBusy

    if not isinstance(error, DocumentsRejected | StreamBusy):
        return None
    return f"ETL gave up: {str(error).splitlines()[0]}"


def _serve_metrics() -> None:
    """The follower's metrics, /healthz and /readyz (its databases and Elasticsearch) on its own port."""
    from fuelstats.core import health, metrics

    settings = get_settings()
    dependencies = [health.database(settings.require_database_url())]
    if settings.replica_database_url:
        dependencies.append(health.database(settings.replica_database_url, "replica"))
    dependencies.append(health.elasticsearch(settings.elasticsearch_url))
    metrics.serve_alone(settings.etl_metrics_bind, "etl", dependencies, settings.readiness_timeout)


@group.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def status(as_json: bool) -> None:
    """How far each stream has come and how far behind it is."""
    pipeline = _etl()
    report, lag = pipeline.status(), pipeline.replication_lag()
    if as_json:
        replica = None if lag is None else {"lag_bytes": lag.bytes, "lag_seconds": lag.seconds}
        click.echo(json.dumps({"streams": report, "replica": replica}, indent=2))
        return
    click.echo(f"{'stream':<14} {'indexed':>10} {'pending':>10} {'behind':>10} {'dead letters':>12}"
               "  pass in progress  last activity")
    for row in report:
        click.echo(f"{row['stream']:<14} {row['indexed']:>10} {row['pending']:>10} {row['behind_seconds']:>9}s"
                   f" {row['dead_letters']:>12}  {'yes' if row['pass_in_progress'] else 'no':<16}"
                   f"  {row['last_activity'] or '-'}")
    if lag is None:
        click.echo("reading the primary (no FUELSTATS_REPLICA_DATABASE_URL)")
    else:
        seconds = "unknown" if lag.seconds is None else f"{lag.seconds:.1f} s"
        click.echo(f"standby replication lag: {lag.bytes} bytes of WAL to replay, {seconds}")


@group.command()
@click.argument("streams", nargs=-1, type=click.Choice(STREAMS))
def reindex(streams: tuple[str, ...]) -> None:
    """Rebuild STREAMS' indices (all when none named) into new versions and swap their aliases."""
    from fuelstats.etl.pipeline import ReplicaBehind

    pipeline = _etl()
    for name in streams or STREAMS:
        try:
            built = pipeline.reindex(name)
        except ReplicaBehind as error:
            raise click.ClickException(str(error)) from None
        click.echo(f"{name}: " + ", ".join(f"{kind} -> {index}" for kind, index in built.items()))
