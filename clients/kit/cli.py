"""`fuelstats-master`: the master node kit's command, what a Fuel master runs (docs/kit.md).

    fuelstats-master init                         migrate; make the master_node_uid and the signing key once
    fuelstats-master key show|rotate              the master's signing key (docs/security.md)
    fuelstats-master db upgrade|downgrade         the kit's tables in the master's database
    fuelstats-master statistics on|off|show       send statistics or not; show the settings and the backlog
    fuelstats-master contact ...                  the customer contact, and whether it is sent
    fuelstats-master sender run [--once]          the sender daemon
    fuelstats-master sender preview [--limit N]   what the next run would send, as JSON; sends nothing
    fuelstats-master sender report-failure UUID   a failed deployment, reported at once
    fuelstats-master sender failures [--follow]   the spooled failure reports, sent again
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from fuelstats_common import commands
from fuelstats_common.logs import configure_logging
from fuelstats_kit import migrations
from fuelstats_kit.settings import get_settings

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Engine

    from fuelstats_kit.failure_reports import FailureReporter
    from fuelstats_kit.sender import Sender

COMMAND = "fuelstats-master"
MIGRATIONS = Path(migrations.__file__).parent


def _master_engine() -> Engine:
    from fuelstats_kit.storage import master_engine

    return master_engine(get_settings().require_master_database_url())


def master_alembic_config(database_url: str) -> Config:
    return commands.alembic_config(MIGRATIONS, database_url)


@click.group()
@click.version_option(package_name="fuel-stats-kit", prog_name=COMMAND)
def main() -> None:
    """fuel-stats on a Fuel master node: its identity, its statistics settings and the sender."""
    settings = get_settings()
    configure_logging(settings.log_level, settings.log_format)


# --- the master node database and settings -------------------------------------------------------

@main.group("db")
def master_db() -> None:
    """The master node database's schema (the kit's tables)."""


@master_db.command("upgrade")
@click.option("--revision", default="head", show_default=True, help="Alembic revision to upgrade to.")
def master_db_upgrade(revision: str) -> None:
    """Migrate the master node database up to REVISION."""
    from alembic import command

    command.upgrade(master_alembic_config(get_settings().require_master_database_url()), revision)


@master_db.command("downgrade")
@click.argument("revision")
def master_db_downgrade(revision: str) -> None:
    """Migrate the master node database down to REVISION ('base' empties it)."""
    from alembic import command

    command.downgrade(master_alembic_config(get_settings().require_master_database_url()), revision)


@main.command("init")
def master_init() -> None:
    """At installation or upgrade: migrate, and make the master_node_uid and the signing key if there are none yet."""
    from alembic import command

    from fuelstats_common.signatures import key_id
    from fuelstats_kit.master_key import ensure_key
    from fuelstats_kit.master_settings import ensure_master_node

    settings = get_settings()
    command.upgrade(master_alembic_config(settings.require_master_database_url()), "head")
    click.echo(ensure_master_node(_master_engine()).uid)
    key = _usable(lambda: ensure_key(settings.master_key_file))
    click.echo(f"signing key {key_id(key.public_key())} in {settings.master_key_file}", err=True)


def _usable(load):  # type: ignore[no-untyped-def]
    from fuelstats_kit.master_key import KeyFileError

    try:
        return load()
    except (KeyFileError, OSError) as error:
        raise click.ClickException(str(error)) from None


# --- the signing key -----------------------------------------------------------------------------

@main.group("key")
def master_key() -> None:
    """The master node's signing key: the collector takes its records only signed with it (docs/security.md)."""


@master_key.command("show")
def master_key_show() -> None:
    """The key's id and public key, as the collector knows them."""
    from fuelstats_common.signatures import key_id, public_key_text
    from fuelstats_kit.master_key import load_key

    path = get_settings().master_key_file
    key = _usable(lambda: load_key(path))
    if key is None:
        raise click.ClickException(f"no signing key in {path}: run `{COMMAND} init`")
    click.echo(f"key id {key_id(key.public_key())}\npublic key {public_key_text(key.public_key())}\nfile {path}")


@master_key.command("rotate")
def master_key_rotate() -> None:
    """Replace the key by a new one: the collector takes it signed by both, and only then is it used."""
    from fuelstats_common.signatures import key_id
    from fuelstats_kit.collector import Collector, CollectorRefused, CollectorUnavailable
    from fuelstats_kit.master_key import complete_rotation, load_key, new_pending_key, pending_path
    from fuelstats_kit.master_settings import load_master_node

    settings = get_settings()
    master = load_master_node(_master_engine())
    key = _usable(lambda: load_key(settings.master_key_file))
    if master is None or key is None:
        raise click.ClickException(f"no master node or no signing key yet: run `{COMMAND} init`")
    new_key = _usable(lambda: new_pending_key(settings.master_key_file))
    collector = Collector(settings.collector_url, master.uid, settings.send_timeout, settings.collector_ca_file, key)
    try:
        outcome = collector.rotate(new_key)
    except (CollectorUnavailable, CollectorRefused) as error:
        raise click.ClickException(f"the collector did not take the new key ({error}); it waits in"
                                   f" {pending_path(settings.master_key_file)}: run this again") from None
    finally:
        collector.close()
    complete_rotation(settings.master_key_file)
    click.echo(f"{outcome}: the key is now {key_id(new_key.public_key())}")


@main.command("statistics")
@click.argument("state", type=click.Choice(["on", "off", "show"]))
def master_statistics(state: str) -> None:
    """Turn sending statistics on or off, or show the settings and what is not sent yet."""
    from fuelstats_kit import master_settings, storage

    engine = _master_engine()
    node = (master_settings.load_master_node(engine) if state == "show"
            else master_settings.set_sending(engine, state == "on"))
    if node is None:
        raise click.ClickException(f"no master node settings yet: run `{COMMAND} init`")
    click.echo(f"master_node_uid {node.uid}: sending {'on' if node.send_statistics else 'off'}, "
               f"contact {'sent' if node.send_contact else 'not sent'}")
    if state == "show":
        with engine.connect() as connection:
            logs, oswl = storage.count_unsent_action_logs(connection), storage.count_unsent_oswl_stats(connection)
        click.echo(f"not sent yet: {logs} action logs, {oswl} OSWL records")


@main.command("contact")
@click.option("--first-name", default="")
@click.option("--last-name", default="")
@click.option("--email", default="")
@click.option("--company", default="")
@click.option("--send/--no-send", default=False, show_default=True, help="Send it with the statistics.")
def master_contact(first_name: str, last_name: str, email: str, company: str, send: bool) -> None:
    """Store the customer contact, and whether it goes with the statistics (off by default)."""
    from fuelstats_kit.master_settings import set_contact

    set_contact(_master_engine(), first_name=first_name, last_name=last_name, email=email, company=company,
                send=send)


# --- the sender ----------------------------------------------------------------------------------

@main.group()
def sender() -> None:
    """The sender daemon: action logs, installation info and OSWL stats to the collector."""


def build_sender() -> Sender:
    from fuelstats_kit.installation import DatabaseInstallationInfo, read_fuel_release
    from fuelstats_kit.sender import Sender, config_of

    settings = get_settings()
    engine = _master_engine()
    reporter = build_failure_reporter()
    return Sender(engine, DatabaseInstallationInfo(engine, read_fuel_release(settings.fuel_version_file)),
                  config_of(settings), send_spooled_failures=lambda master: reporter.send_spooled(master).sent)


def build_failure_reporter() -> FailureReporter:
    from fuelstats_kit.failure_reports import FailureReporter
    from fuelstats_kit.installation import DatabaseInstallationInfo, read_fuel_release

    settings = get_settings()
    engine = _master_engine()
    return FailureReporter(engine, DatabaseInstallationInfo(engine, read_fuel_release(settings.fuel_version_file)),
                           settings.failure_spool_dir, settings.collector_url, settings.send_timeout,
                           settings.collector_ca_file, settings.master_key_file)


@sender.command("run")
@click.option("--once", is_flag=True, help="One run now, then exit (status 1 when the collector or database failed).")
@click.option("--interval", type=click.FloatRange(min=1), default=None,
              help="Mean seconds between runs [FUELSTATS_SEND_INTERVAL].")
def sender_run(once: bool, interval: float | None) -> None:
    """Send what is not sent yet, about once an hour at a random moment, or once."""
    import logging
    import os

    from fuelstats_kit.sender import follow

    # The master's own services come first: the sender runs at the lowest CPU priority.
    os.nice(19 - os.nice(0))
    # httpx logs every request at INFO; the sender logs one line per run.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    daemon = build_sender()
    commands.stop_on_signals(daemon.stop)
    if once:
        report = daemon.run_once()
        sys.exit(1 if report.outcome in ("collector-down", "collector-untrusted", "unauthorized", "failed") else 0)
    follow(daemon, interval or get_settings().send_interval)


@sender.command("preview")
@click.option("--limit", type=click.IntRange(min=0), default=None,
              help="Show at most this many records of each kind (the counts stay whole).")
def sender_preview(limit: int | None) -> None:
    """Print, as JSON, exactly what the next run would send; sends nothing."""
    import json

    from fuelstats_kit.preview import next_run, sources_of

    engine = _master_engine()
    sources = sources_of(engine, get_settings())
    click.echo(json.dumps(next_run(engine, sources.provider, sources.config, spool=sources.spool, limit=limit),
                          indent=2))


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
    reporter = build_failure_reporter()
    stop = commands.stop_on_signals()
    while True:
        result = reporter.send_spooled()
        click.echo(f"{len(result.sent)} sent, {result.waiting} waiting, {len(result.refused)} refused")
        if not follow or stop.wait(get_settings().failure_retry_interval):
            return


def run() -> None:
    """The console script `fuelstats-master`."""
    commands.run(main, COMMAND)
