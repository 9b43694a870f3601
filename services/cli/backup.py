"""`fuelstats backup` (docs/backups.md): pgBackRest for the PostgreSQL cluster, snapshots for Elasticsearch."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import click

from fuelstats.backups.settings import get_settings

if TYPE_CHECKING:
    from elasticsearch import Elasticsearch
    from sqlalchemy import Engine

    from fuelstats.backups.pgbackrest import Stanza


def _stanza() -> Stanza:
    from fuelstats.backups.pgbackrest import Stanza

    settings = get_settings()
    return Stanza(settings.pgbackrest_config, settings.backup_stanza)


def _snapshot_target() -> tuple[Engine, Elasticsearch, str, str]:
    """The primary, Elasticsearch, the index prefix and the (registered) snapshot repository."""
    from fuelstats.core.database import engine_for
    from fuelstats.etl import search, snapshots

    settings = get_settings()
    es = search.connect(settings.elasticsearch_url, request_timeout=3600)
    snapshots.ensure_repository(es, settings.snapshot_repository, settings.snapshot_location)
    return engine_for(settings.require_database_url()), es, settings.index_prefix, settings.snapshot_repository


@click.group(name="backup")
def group() -> None:
    """Backups: the PostgreSQL cluster with pgBackRest, Elasticsearch's indices with snapshots."""


@group.command("run")
@click.option("--type", "kind", type=click.Choice(["full", "diff", "incr"]), default="incr", show_default=True,
              help="incr and diff are made full when there is no full backup yet.")
def run(kind: str) -> None:
    """Back up the PostgreSQL cluster (from the standby when there is one), then expire old backups."""
    from fuelstats.backups import pgbackrest

    try:
        made = pgbackrest.backup(_stanza(), kind)  # type: ignore[arg-type]
    except pgbackrest.BackupError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"{made.label}: {made.kind}, {made.size / 2**20:.1f} MiB, {made.stored / 2**20:.1f} MiB stored,"
               f" {(made.stopped - made.started).total_seconds():.0f} s")


@group.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def listing(as_json: bool) -> None:
    """The PostgreSQL cluster's backups and the WAL archived after them."""
    from fuelstats.backups import pgbackrest

    try:
        found, archived = pgbackrest.backups(_stanza()), pgbackrest.archived_wal(_stanza())
    except pgbackrest.BackupError as error:
        raise click.ClickException(str(error)) from None
    if as_json:
        rows = [{**made.__dict__, "started": made.started.isoformat(), "stopped": made.stopped.isoformat()}
                for made in found]
        click.echo(json.dumps({"backups": rows, "archived_wal": archived}, indent=2))
        return
    click.echo(f"{'label':<34} {'type':<5} {'started (UTC)':<20} {'seconds':>7} {'size':>10} {'stored':>10}")
    for made in found:
        click.echo(f"{made.label:<34} {made.kind:<5} {made.started:%Y-%m-%d %H:%M:%S} "
                   f"{(made.stopped - made.started).total_seconds():>7.0f} {made.size / 2**20:>8.1f}Mi"
                   f" {made.stored / 2**20:>8.1f}Mi")
    click.echo(f"archived WAL: {archived[0]} to {archived[1]}" if archived else "archived WAL: none")


@group.command()
def verify() -> None:
    """Check WAL archiving end to end, and every file of the repository against its checksum."""
    from fuelstats.backups import pgbackrest

    try:
        pgbackrest.check(_stanza())
        pgbackrest.verify(_stanza())
    except pgbackrest.BackupError as error:
        raise click.ClickException(str(error)) from None
    click.echo("archiving works; every backup and WAL file in the repository is intact")


@group.command()
def snapshot() -> None:
    """Snapshot Elasticsearch's indices with the ETL's checkpoints, then delete the oldest snapshots."""
    from fuelstats.etl import snapshots

    primary, es, prefix, repository = _snapshot_target()
    taken = snapshots.take(primary, es, prefix, repository)
    if taken.state != "SUCCESS":
        raise click.ClickException(f"snapshot {taken.name} ended {taken.state}")
    deleted = snapshots.prune(es, prefix, repository, get_settings().snapshot_keep)
    click.echo(f"{taken.name}: {', '.join(taken.indices.values())} in {taken.seconds:.1f} s"
               + (f"; deleted {', '.join(deleted)}" if deleted else ""))


@group.command("snapshots")
def snapshot_listing() -> None:
    """The Elasticsearch snapshots of this index prefix."""
    from fuelstats.etl import snapshots

    _, es, prefix, repository = _snapshot_target()
    for taken in snapshots.listing(es, prefix, repository):
        click.echo(f"{taken.name:<40} {taken.state:<8} {taken.started:%Y-%m-%d %H:%M:%S} "
                   f"{taken.seconds:>7.1f} s  {' '.join(taken.indices.values())}")


@group.command("restore-snapshot")
@click.argument("name", required=False)
def restore_snapshot(name: str | None) -> None:
    """Restore Elasticsearch's indices from snapshot NAME (the latest complete one when none is named)
    behind the aliases, and the ETL's checkpoints with them: the ETL then carries what came after."""
    from fuelstats.etl import snapshots

    primary, es, prefix, repository = _snapshot_target()
    try:
        restored = snapshots.restore(primary, es, prefix, repository, name)
    except snapshots.SnapshotError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"{restored.name}: {', '.join(restored.indices.values())} restored")
