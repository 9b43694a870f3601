"""What the command line programs of both sides (`fuelstats`, `fuelstats-master`) do alike.

A configuration error is one line on stderr and exit status 2, never a traceback; so is a
database or search node that cannot be reached (status 1), naming its URL without its password;
SIGTERM and SIGINT ask a loop to stop between two steps; Alembic is pointed at a migrations folder
and a database. Written once here, for the services' commands and the kit's.
"""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from fuelstats_common.database import describe_database_error
from fuelstats_common.settings import ConfigurationError

if TYPE_CHECKING:
    from alembic.config import Config

# Tells, in one line, why a command could not reach what it needs; None when the error is another.
Describer = Callable[[BaseException], "str | None"]


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


def root_cause(error: BaseException) -> str:
    """What the innermost error of a chain says (``[Errno 111] Connection refused``): HTTP clients wrap
    the socket's error in two or three of their own, whose messages tell less."""
    while (inner := error.__cause__ or error.__context__) is not None:
        error = inner
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__


def run(main: click.Group, program: str, describers: Sequence[Describer] = ()) -> None:
    """A console script's entry: a configuration error, or a dependency out of reach (the database, and
    what ``describers`` recognise), is one line on stderr, not a traceback."""
    try:
        main(standalone_mode=True)
    except ConfigurationError as error:
        click.echo(f"{program}: configuration: {error}", err=True)
        sys.exit(2)
    except Exception as error:
        for describe in (describe_database_error, *describers):
            line = describe(error)
            if line is not None:
                click.echo(f"{program}: {line}", err=True)
                sys.exit(1)
        raise
