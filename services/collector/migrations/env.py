"""Alembic environment of the collector database; run through `fuelstats db ...`."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine, pool

from fuelstats.collector.models import Base
from fuelstats_common.database import with_driver

config = context.config


def run_migrations_online() -> None:
    engine = create_engine(with_driver(config.get_main_option("sqlalchemy.url")), poolclass=pool.NullPool)
    with engine.connect() as connection:
        context.configure(connection=connection, target_metadata=Base.metadata, transaction_per_migration=True)
        with context.begin_transaction():
            context.run_migrations()


run_migrations_online()
