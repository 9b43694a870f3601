"""Every setting of every fuel-stats program, read from ``FUELSTATS_*`` environment variables here only.

A setting that is malformed, or a ``FUELSTATS_*`` variable that names no setting (a typo would
otherwise be ignored silently), stops the program with one line that says which and why.
"""

from __future__ import annotations

import functools
import ipaddress
import os
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
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
    log_level: str = Field(default="INFO", description="Python logging level name.")
    workers: int = Field(default=2, gt=0, description="gunicorn worker processes per service.")
    openapi_dir: Path = Field(
        default=REPOSITORY_ROOT / "openapi", description="Folder of the OpenAPI documents."
    )

    @field_validator("database_url", "replica_database_url")
    @classmethod
    def _database_url_parses(cls, value: str | None) -> str | None:
        if value is None:
            return None
        try:
            make_url(value)
        except ArgumentError as error:
            raise ValueError(f"not an SQLAlchemy URL ({error})") from None
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
    def read_database_url(self) -> str:
        """Where the ETL reads: the replica when there is one, else the primary."""
        return self.replica_database_url or self.require_database_url()

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
