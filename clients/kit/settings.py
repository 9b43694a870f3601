"""The master node kit's settings: every variable `fuelstats-master` and the kit's modules read, here only."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import Field, field_validator

from fuelstats_common.settings import ENV_PREFIX, ConfigurationError, DatabaseUrl, ProgramSettings, settings_of


class KitSettings(ProgramSettings):
    master_database_url: DatabaseUrl | None = Field(
        default=None, description="SQLAlchemy URL of the Fuel master node's database (action logs, settings)."
    )
    collector_url: str = Field(
        default="http://127.0.0.1:8000", pattern=r"^https?://", description="The collector the sender sends to."
    )
    # The kit's one TLS setting (issue 14): its certificate is always verified, against this or the system's.
    collector_ca_file: Path | None = Field(
        default=None, description="PEM file of the authorities trusted for the collector's certificate; unset: the"
        " system's.",
    )
    send_interval: float = Field(default=3600.0, gt=0, description="Mean seconds between the sender's runs.")
    send_batch_size: int = Field(default=100, gt=0, le=1000, description="Records per request the sender makes.")
    send_timeout: float = Field(default=30.0, gt=0, description="Seconds the sender waits for one answer.")
    send_run_seconds: float = Field(
        default=600.0, gt=0, description="Longest a sender run may take; the rest waits for the next run."
    )
    send_attempts: int = Field(default=5, gt=0, le=20, description="Tries of one request before a run gives up.")
    fuel_version_file: Path = Field(
        default=Path("/etc/fuel/version.yaml"), description="Fuel's version file, read for the fuel_release sent."
    )
    master_key_file: Path = Field(
        default=Path("/etc/fuelstats/master-key.pem"),
        description="The master node's Ed25519 signing key (made by `fuelstats-master init`, mode 0600); no file:"
        " requests go unsigned (docs/security.md).",
    )
    failure_spool_dir: Path = Field(
        default=Path("/var/lib/fuelstats/failure-reports"),
        description="Where the master keeps failure reports until the collector has them (docs/failure-reports.md).",
    )
    failure_retry_interval: float = Field(
        default=60.0, gt=0, description="Seconds between the master's tries of spooled failure reports."
    )

    @field_validator("collector_ca_file")
    @classmethod
    def _ca_file_readable(cls, value: Path | None) -> Path | None:
        if value is not None and not (value.is_file() and os.access(value, os.R_OK)):
            raise ValueError("not a readable file (a PEM file of certificate authorities)")
        return value

    def require_master_database_url(self) -> str:
        if self.master_database_url is None:
            raise ConfigurationError(f"{ENV_PREFIX}MASTER_DATABASE_URL is not set (an SQLAlchemy URL, e.g. postgresql://...)")
        return self.master_database_url


def get_settings() -> KitSettings:
    """The kit process's settings, read once."""
    return settings_of(KitSettings)
