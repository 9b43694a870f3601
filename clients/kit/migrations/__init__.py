"""Alembic history of the master node database, apart from the collector's."""

# Not `alembic_version`: on a Fuel master that table is Nailgun's own migration history.
VERSION_TABLE = "fuelstats_kit_alembic_version"
