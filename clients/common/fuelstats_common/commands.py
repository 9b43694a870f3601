"""What the command line programs of both sides (`fuelstats`, `fuelstats-master`) do alike.

A configuration error is one line on stderr and exit status 2, never a traceback; SIGTERM and
SIGINT ask a loop to stop between two steps; Alembic is pointed at a migrations folder and a
database. Written once here, for the services' commands and the kit's.
"""

from __future__ import annotations

import signal
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

import click

from fuelstats_common.settings import ConfigurationError

if TYPE_CHECKING:
    from alembic.config import Config


def stop_on_signals(stop: threading.Event | None = None) -> threading.Event:
    """An event that SIGTERM or SIGINT sets (``stop``, or a new one): loops wait on it and end cleanly."""
    stop = stop or threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    return stop


def alembic_config(migrations: Path, database_url: str) -> Config:
    """Alembic's configuration for the migrations in ``migrations`` against ``database_url``."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations))
    config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))  # ConfigParser interpolates %
    return config


def run(main: click.Group, program: str) -> None:
    """A console script's entry: a configuration error is one line on stderr and exit status 2."""
    try:
        main(standalone_mode=True)
    except ConfigurationError as error:
        click.echo(f"{program}: configuration: {error}", err=True)
        sys.exit(2)
