"""Alembic migrations of the analytics' own database (`fuelstats analytics db ...`)."""
