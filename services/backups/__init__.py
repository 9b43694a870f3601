"""Backups of what fuel-stats keeps (docs/backups.md).

The PostgreSQL cluster (the collector's database and every other database in it, the analytics'
own included) is backed up with pgBackRest (`pgbackrest.py`): WAL archived from the primary, full
and incremental backups copied from the hot standby. Elasticsearch's indices are snapshotted with
the ETL's checkpoints (`fuelstats.etl.snapshots`), since they can also be rebuilt from PostgreSQL.
`fuelstats backup ...` runs both for operators.
"""
