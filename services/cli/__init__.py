"""`fuelstats`: the services' command, one module per program (`fuelstats db|collector|etl|analytics|backup|users|worker
...`).

Each module holds a click group named after its program; adding a program is a module here and
one name in PROGRAMS. The master node kit has its own command, `fuelstats-master` (fuelstats_kit.cli).
"""

from __future__ import annotations

import warnings

import click

from fuelstats.cli import analytics, backup, collector, db, etl, users, worker
from fuelstats_common import commands
from fuelstats_common.logs import configure_logging
from fuelstats_common.sanitize import hide_url_passwords
from fuelstats_common.settings import ProgramSettings, settings_of

# Connexion imports Starlette's test client at import time, which warns about httpx on every start.
warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")

COMMAND = "fuelstats"
PROGRAMS = (db, collector, etl, analytics, backup, users, worker)


@click.group()
@click.version_option(package_name="fuel-stats", prog_name=COMMAND)
def main() -> None:
    """fuel-stats: collector, ETL and analytics of Fuel usage statistics."""
    settings = settings_of(ProgramSettings)
    configure_logging(settings.log_level, settings.log_format)


for program in PROGRAMS:
    main.add_command(program.group)


def _describe_elasticsearch_error(error: BaseException) -> str | None:
    """One line for an Elasticsearch that cannot be reached, or answers that it cannot serve now (busy,
    unavailable); the database's is fuelstats_common's."""
    from elastic_transport import ConnectionError, ConnectionTimeout
    from elasticsearch import ApiError

    from fuelstats.core.settings import ElasticsearchSettings

    if isinstance(error, ConnectionError | ConnectionTimeout):
        cause = commands.root_cause(error)
    elif isinstance(error, ApiError) and (error.meta.status == 429 or error.meta.status >= 500):
        cause = f"{error.meta.status} {error.message}"
    else:
        return None
    url = settings_of(ElasticsearchSettings).elasticsearch_url
    return f"Elasticsearch at {hide_url_passwords(url)}: {cause}"


def run() -> None:
    """The console script `fuelstats`."""
    commands.run(main, COMMAND, describers=[_describe_elasticsearch_error, etl.describe_outage])
