"""The backups' settings: every variable `fuelstats backup ...` reads, here only.

Backups are a program of their own (a systemd timer runs them, docs/backups.md): the collector,
the ETL and the analytics never read where pgBackRest's configuration is or how many snapshots
are kept. Snapshots hold the ETL's checkpoints, so this program reads the primary and
Elasticsearch as the ETL does.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field

from fuelstats.core.settings import DatabaseSettings, ElasticsearchSettings
from fuelstats_common.settings import settings_of


class BackupSettings(DatabaseSettings, ElasticsearchSettings):
    pgbackrest_config: Path = Field(
        default=Path("/etc/pgbackrest/pgbackrest.conf"), description="pgBackRest's configuration file."
    )
    backup_stanza: str = Field(
        default="fuelstats", pattern=r"^[A-Za-z0-9_.-]+$", description="The pgBackRest stanza of the PostgreSQL cluster."
    )
    snapshot_repository: str = Field(
        default="fuelstats", pattern=r"^[a-z0-9][a-z0-9_.-]*$", description="Elasticsearch snapshot repository."
    )
    snapshot_location: str | None = Field(
        default=None, description="Folder on the Elasticsearch node (inside its path.repo) the repository is registered"
        " at; unset: it is registered already.",
    )
    snapshot_keep: int = Field(default=14, gt=0, description="Complete Elasticsearch snapshots kept.")


def get_settings() -> BackupSettings:
    """The backup command's settings, read once."""
    return settings_of(BackupSettings)
