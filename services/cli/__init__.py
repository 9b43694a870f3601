"""`fuelstats`: the services' command, one module per program (`fuelstats db|collector|etl|analytics|backup|users ...`).

Each module holds a click group named after its program; adding a program is a module here and
one name in PROGRAMS. The master node kit has its own command, `fuelstats-master` (fuelstats_kit.cli).
"""

from __future__ import annotations

import warnings

import click

from fuelstats.cli import analytics, backup, collector, db, etl, users
from fuelstats_common import commands
from fuelstats_common.logs import configure_logging
from fuelstats_common.settings import ProgramSettings, settings_of

# Connexion imports Starlette's test client at import time, which warns about httpx on every start.
warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")

COMMAND = "fuelstats"
PROGRAMS = (db, collector, etl, analytics, backup, users)


@click.group()
@click.version_option(package_name="fuel-stats", prog_name=COMMAND)
def main() -> None:
    """fuel-stats: collector, ETL and analytics of Fuel usage statistics."""
    configure_logging(settings_of(ProgramSettings).log_level)


for program in PROGRAMS:
    main.add_command(program.group)


def run() -> None:
    """The console script `fuelstats`."""
    commands.run(main, COMMAND)
