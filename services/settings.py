"""Every setting of every fuel-stats program, read from ``FUELSTATS_*`` environment variables here only.

A setting that is malformed, or a ``FUELSTATS_*`` variable that names no setting (a typo would
otherwise be ignored silently), stops the program with one line that says which and why.
"""

from __future__ import annotations

import functools
import ipaddress
import os
from pathlib import Path

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, ValidationInfo, field_validator
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

ENV_PREFIX = "FUELSTATS_"
REPOSITORY_ROOT = Path(__file__).resolve().parents[1]


class ConfigurationError(Exception):
    """A setting is missing or malformed; the message is one line meant for a person."""


class Settings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    database_url: str | None = Field(
        default=None, description="SQLAlchemy URL of the collector's PostgreSQL database."
    )
    max_body_bytes: int = Field(
        default=8 * 1024 * 1024, gt=0, description="Largest request body the collector reads; larger gets 413."
    )
    filtering_rules: Path = Field(
        default=REPOSITORY_ROOT / "config" / "filtering_rules.yaml",
        description="YAML file of the rules that mark development and test builds as filtered.",
    )
    replica_database_url: str | None = Field(
        default=None, description="SQLAlchemy URL of a replica the ETL reads from instead of the primary."
    )
    elasticsearch_url: str = Field(default="http://127.0.0.1:9200", description="The Elasticsearch node or cluster.")
    index_prefix: str = Field(
        default="fuelstats", pattern=r"^[a-z0-9][a-z0-9_-]*$", description="Prefix of every Elasticsearch index and alias."
    )
    etl_interval: float = Field(default=15.0, gt=0, description="Seconds between ETL passes while following.")
    etl_batch_size: int = Field(default=1000, gt=0, le=50_000, description="Rows per Elasticsearch bulk request.")
    trusted_proxies: str = Field(
        default="", description="Comma-separated addresses of proxies whose X-Forwarded-For the analytics believes."
    )
    # The analytics' "data as of" (docs/analytics.md): how far behind the ETL may be before the
    # statistics are called stale.
    data_stale_after: float = Field(
        default=3600.0, gt=0, description="Seconds the ETL may lag behind the collector before the data is stale."
    )
    # Failure reports (docs/failure-reports.md): who the support team is and how it hears of them.
    smtp_host: str | None = Field(
        default=None, description="SMTP server the collector e-mails failure reports through; unset: e-mails wait."
    )
    smtp_port: int = Field(default=25, gt=0, le=65535, description="Port of the SMTP server.")
    smtp_tls: Literal["off", "starttls", "ssl"] = Field(
        default="off", description="off, starttls (upgrade the connection) or ssl (TLS from the start, e.g. port 465)."
    )
    smtp_ca_file: Path | None = Field(
        default=None, description="PEM file of the authorities whose SMTP server certificates are trusted; unset: the"
        " system's.",
    )
    smtp_user: str | None = Field(default=None, description="User name for SMTP AUTH; unset: no login.")
    smtp_password: SecretStr | None = Field(
        default=None, validate_default=True, description="Password for SMTP AUTH, with FUELSTATS_SMTP_USER."
    )
    smtp_sender: str = Field(
        default="fuel-stats@localhost", pattern=r"^[^@\s]+@[^@\s]+$", description="From address of the e-mails."
    )
    smtp_recipients: str = Field(
        default="", validate_default=True,
        description="Comma-separated addresses of the support team; required with FUELSTATS_SMTP_HOST.",
    )
    webhook_url: str | None = Field(
        default=None, description="http(s) URL that gets each failure report as JSON (POST); unset: no webhook."
    )
    webhook_secret: SecretStr | None = Field(
        default=None, description="Key of the HMAC-SHA256 signature in the webhook's X-Fuelstats-Signature header."
    )
    notify_interval: float = Field(
        default=30.0, gt=0, description="Seconds between a collector worker's looks for notifications due again."
    )
    notify_backoff: float = Field(
        default=30.0, gt=0, description="Seconds before the first retry of a failed notification; doubles each time."
    )
    notify_backoff_max: float = Field(default=3600.0, gt=0, description="Longest wait between retries, in seconds.")
    notify_timeout: float = Field(default=10.0, gt=0, description="Seconds one e-mail or webhook delivery may take.")
    log_level: str = Field(default="INFO", description="Python logging level name.")
    workers: int = Field(default=2, gt=0, description="gunicorn worker processes per service.")
    openapi_dir: Path = Field(
        default=REPOSITORY_ROOT / "openapi", description="Folder of the OpenAPI documents."
    )
    # --- the master node kit (clients/kit): what runs on a Fuel master node ---
    master_database_url: str | None = Field(
        default=None, description="SQLAlchemy URL of the Fuel master node's database (action logs, settings)."
    )
    collector_url: str = Field(
        default="http://127.0.0.1:8000", pattern=r"^https?://", description="The collector the sender sends to."
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
    failure_spool_dir: Path = Field(
        default=Path("/var/lib/fuelstats/failure-reports"),
        description="Where the master keeps failure reports until the collector has them (docs/failure-reports.md).",
    )
    failure_retry_interval: float = Field(
        default=60.0, gt=0, description="Seconds between the master's tries of spooled failure reports."
    )

    @field_validator("database_url", "replica_database_url", "master_database_url")
    @classmethod
    def _database_url_parses(cls, value: str | None) -> str | None:
        if value is None:
            return None
        try:
            make_url(value)
        except ArgumentError as error:
            raise ValueError(f"not an SQLAlchemy URL ({error})") from None
        return value

    @field_validator("smtp_password")
    @classmethod
    def _credentials_come_in_pairs(cls, value: SecretStr | None, info: ValidationInfo) -> SecretStr | None:
        if (info.data.get("smtp_user") is None) != (value is None):
            raise ValueError("FUELSTATS_SMTP_USER and FUELSTATS_SMTP_PASSWORD are set together or not at all")
        return value

    @field_validator("smtp_recipients")
    @classmethod
    def _recipients_are_addresses(cls, value: str, info: ValidationInfo) -> str:
        addresses = [part.strip() for part in value.split(",") if part.strip()]
        for address in addresses:
            if address.count("@") != 1 or any(character.isspace() for character in address):
                raise ValueError(f"{address!r} is not an e-mail address")
        if info.data.get("smtp_host") and not addresses:
            raise ValueError("required when FUELSTATS_SMTP_HOST is set: whom to e-mail")
        return value

    @field_validator("webhook_url")
    @classmethod
    def _webhook_is_http(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith(("http://", "https://")):
            raise ValueError("must be an http:// or https:// URL")
        return value

    @field_validator("log_level")
    @classmethod
    def _log_level_known(cls, value: str) -> str:
        level = value.upper()
        if level not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
            raise ValueError("must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL")
        return level

    @field_validator("trusted_proxies")
    @classmethod
    def _proxies_are_addresses(cls, value: str) -> str:
        for address in filter(None, (part.strip() for part in value.split(","))):
            try:
                ipaddress.ip_address(address)
            except ValueError:
                raise ValueError(f"{address!r} is not an IP address") from None
        return value

    @property
    def trusted_proxy_addresses(self) -> frozenset[str]:
        return frozenset(part.strip() for part in self.trusted_proxies.split(",") if part.strip())

    @property
    def smtp_recipient_addresses(self) -> tuple[str, ...]:
        return tuple(part.strip() for part in self.smtp_recipients.split(",") if part.strip())

    @property
    def read_database_url(self) -> str:
        """Where the ETL reads: the replica when there is one, else the primary."""
        return self.replica_database_url or self.require_database_url()

    def require_master_database_url(self) -> str:
        if self.master_database_url is None:
            raise ConfigurationError(f"{ENV_PREFIX}MASTER_DATABASE_URL is not set (an SQLAlchemy URL, e.g. postgresql://...)")
        return self.master_database_url

    def require_database_url(self) -> str:
        if self.database_url is None:
            raise ConfigurationError(f"{ENV_PREFIX}DATABASE_URL is not set (an SQLAlchemy URL, e.g. postgresql://...)")
        return self.database_url


def _unknown_variables(environ: os._Environ[str] | dict[str, str]) -> list[str]:
    known = {ENV_PREFIX + name.upper() for name in Settings.model_fields}
    return sorted(name for name in environ if name.startswith(ENV_PREFIX) and name not in known)


def load_settings(environ: dict[str, str] | None = None) -> Settings:
    """Read and check the settings; raise ConfigurationError with a one-line reason."""
    environ = dict(os.environ if environ is None else environ)
    unknown = _unknown_variables(environ)
    if unknown:
        raise ConfigurationError(f"unknown setting {', '.join(unknown)} (known: {', '.join(sorted(ENV_PREFIX + n.upper() for n in Settings.model_fields))})")
    relevant = {name: value for name, value in environ.items() if name.startswith(ENV_PREFIX)}
    try:
        return Settings(**{name[len(ENV_PREFIX):].lower(): value for name, value in relevant.items()})
    except ValidationError as error:
        first = error.errors()[0]
        name = ENV_PREFIX + str(first["loc"][0]).upper()
        raise ConfigurationError(f"{name}={first.get('input')!r}: {first['msg']}") from None


@functools.cache
def get_settings() -> Settings:
    """The process's settings, read once."""
    return load_settings()
