"""The large JSON columns compressed with lz4 instead of pglz, PostgreSQL's default.

A ~50 KB installation structure is compressed as it is stored (TOAST) and decompressed as the ETL
reads it. Measured with bench/fleet.py's structures: PostgreSQL's CPU per structure stored through
the collector went from 1.2 ms to 0.7 ms with lz4, a COPY of them ran twice as fast, and the table
took 10.4 MB instead of 17.8. Values stored before keep pglz until they are written again: both
are read alike.

A PostgreSQL built without lz4 keeps pglz (the columns are left as they were, with a notice).

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-28
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# Columns whose values are usually over TOAST's threshold (2 KB): action log bodies are not.
LARGE_JSON_COLUMNS = (
    ("installation_structures", "structure"),
    ("oswl_stats", "resource_data"),
    ("failure_reports", "report"),
)


def _set_compression(method: str) -> None:
    for table, column in LARGE_JSON_COLUMNS:
        op.execute(f"""
            DO $$ BEGIN
                EXECUTE 'ALTER TABLE {table} ALTER COLUMN {column} SET COMPRESSION {method}';
            EXCEPTION WHEN feature_not_supported THEN
                RAISE NOTICE 'this PostgreSQL has no {method}: {table}.{column} keeps its compression';
            END $$
        """)


def upgrade() -> None:
    _set_compression("lz4")


def downgrade() -> None:
    _set_compression("default")
