"""`fuelstats analytics`: the analytics service, its reports, search, exports and web UI, and its own database."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from fuelstats.analytics import migrations
from fuelstats.analytics.settings import get_settings
from fuelstats_common import commands

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(migrations.__file__).parent


def alembic_config(database_url: str) -> Config:
    return commands.alembic_config(MIGRATIONS, database_url)


@click.group(name="analytics")
def group() -> None:
    """The analytics service: reports, search and exports."""


@group.command()
@click.option("--bind", default="127.0.0.1:8001", show_default=True, help="HOST:PORT to listen on.")
@click.option("--workers", type=click.IntRange(min=1), default=None, help="Worker processes [FUELSTATS_WORKERS].")
def serve(bind: str, workers: int | None) -> None:
    """Serve the analytics API with gunicorn."""
    from fuelstats.core.server import serve as run_server

    settings = get_settings()
    # Every login, session and token is checked there: without it, say so now rather than per request.
    settings.require_analytics_database_url()
    run_server("fuelstats.analytics.app:create_app", program="analytics", bind=bind, workers=workers or settings.workers,
               metrics_bind=settings.analytics_metrics_bind, log_level=settings.log_level)


@group.group(name="db")
def database() -> None:
    """The analytics' own database (accounts, sessions, tokens, audit): FUELSTATS_ANALYTICS_DATABASE_URL."""


@database.command()
@click.option("--revision", default="head", show_default=True, help="Alembic revision to upgrade to.")
def upgrade(revision: str) -> None:
    """Migrate the analytics' database up to REVISION."""
    from alembic import command

    command.upgrade(alembic_config(get_settings().require_analytics_database_url()), revision)


@database.command()
@click.argument("revision")
def downgrade(revision: str) -> None:
    """Migrate the analytics' database down to REVISION ('base' empties it)."""
    from alembic import command

    command.downgrade(alembic_config(get_settings().require_analytics_database_url()), revision)


@database.command()
def current() -> None:
    """Print the analytics' database's current revision."""
    from alembic import command

    command.current(alembic_config(get_settings().require_analytics_database_url()))
