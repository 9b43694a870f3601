"""Alembic environment of the analytics' own database; run through `fuelstats analytics db ...`.

Its version table has a name of its own, so that it never mistakes the collector's history for its
own, even when both sets of tables are put in one database. procrastinate's tables are its schema's,
applied by a migration of ours but described by no model: comparing models with the database
leaves them out.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine, pool

from fuelstats.analytics.models import VERSION_TABLE, Base, described_here
from fuelstats_common.database import with_driver

config = context.config


def run_migrations_online() -> None:
    engine = create_engine(with_driver(config.get_main_option("sqlalchemy.url")), poolclass=pool.NullPool)
    with engine.connect() as connection:
        context.configure(connection=connection, target_metadata=Base.metadata, transaction_per_migration=True,
                          version_table=VERSION_TABLE, include_name=described_here)
        with context.begin_transaction():
            context.run_migrations()


run_migrations_online()
