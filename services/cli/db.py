"""`fuelstats db`: the collector database's schema (Alembic), the one database every service uses."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click
import structlog

from fuelstats.collector import migrations
from fuelstats.core.settings import DatabaseSettings
from fuelstats_common import commands
from fuelstats_common.settings import settings_of

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(migrations.__file__).parent


def alembic_config(database_url: str) -> Config:
    return commands.alembic_config(MIGRATIONS, database_url)


def _database_url() -> str:
    return settings_of(DatabaseSettings).require_database_url()


@click.group(name="db")
def group() -> None:
    """The collector database's schema."""


@group.command()
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


@group.command()
@click.argument("revision")
def downgrade(revision: str) -> None:
    """Migrate the collector database down to REVISION ('base' empties it)."""
    from alembic import command

    command.downgrade(alembic_config(_database_url()), revision)


@group.command()
def current() -> None:
    """Print the collector database's current revision."""
    from alembic import command

    command.current(alembic_config(_database_url()))
