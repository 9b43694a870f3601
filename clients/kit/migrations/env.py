"""Alembic environment of the Fuel master node database; run through `fuelstats-master db ...`."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine, pool

from fuelstats_common.database import with_driver
from fuelstats_kit.migrations import VERSION_TABLE
from fuelstats_kit.models import Base

config = context.config


def run_migrations_online() -> None:
    engine = create_engine(with_driver(config.get_main_option("sqlalchemy.url")), poolclass=pool.NullPool)
    with engine.connect() as connection:
        context.configure(connection=connection, target_metadata=Base.metadata, transaction_per_migration=True,
                          version_table=VERSION_TABLE)
        with context.begin_transaction():
            context.run_migrations()


run_migrations_online()
