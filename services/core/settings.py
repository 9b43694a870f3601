"""The settings pieces the services share, composed into each program's own model.

Each service reads its settings in one place: `fuelstats.collector.settings`,
`fuelstats.etl.settings`, `fuelstats.analytics.settings` (and `fuelstats db` reads
`DatabaseSettings` alone). How variables are read, checked and refused is
`fuelstats_common.settings`, shared with the master node kit.
"""

from __future__ import annotations

import ipaddress
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, Field, field_validator

from fuelstats import resources
from fuelstats_common.settings import ENV_PREFIX, ConfigurationError, DatabaseUrl, ProgramSettings


class DatabaseSettings(ProgramSettings):
    """The collector's PostgreSQL database, which every service reads or writes."""

    database_url: DatabaseUrl | None = Field(
        default=None, description="SQLAlchemy URL of the collector's PostgreSQL database."
    )

    def require_database_url(self) -> str:
        if self.database_url is None:
            raise ConfigurationError(f"{ENV_PREFIX}DATABASE_URL is not set (an SQLAlchemy URL, e.g. postgresql://...)")
        return self.database_url


class ReplicaSettings(DatabaseSettings):
    """A hot standby that readers use instead of the primary when there is one."""

    replica_database_url: DatabaseUrl | None = Field(
        default=None, description="SQLAlchemy URL of a replica the ETL reads from instead of the primary."
    )

    @property
    def read_database_url(self) -> str:
        """Where reading goes: the replica when there is one, else the primary."""
        return self.replica_database_url or self.require_database_url()


class ElasticsearchSettings(ProgramSettings):
    elasticsearch_url: str = Field(default="http://127.0.0.1:9200", description="The Elasticsearch node or cluster.")
    index_prefix: str = Field(
        default="fuelstats", pattern=r"^[a-z0-9][a-z0-9_-]*$", description="Prefix of every Elasticsearch index and alias."
    )


class ServiceSettings(ProgramSettings):
    """An HTTP service: its OpenAPI documents, its body limit, its gunicorn workers, the proxies it believes."""

    max_body_bytes: int = Field(
        default=8 * 1024 * 1024, gt=0, description="Largest request body a service reads; larger gets 413."
    )
    workers: int = Field(default=2, gt=0, description="gunicorn worker processes per service.")
    openapi_dir: Path = Field(
        default_factory=resources.openapi_dir, description="Folder of the OpenAPI documents; unset: those shipped."
    )
    trusted_proxies: str = Field(
        default="", description="Comma-separated addresses of proxies (the nginx front door) whose X-Forwarded-For"
        " the collector and the analytics believe."
    )

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
        # Canonical spellings: they are compared with the addresses connections come from.
        return frozenset(str(ipaddress.ip_address(part.strip())) for part in self.trusted_proxies.split(",")
                         if part.strip())


# --- health and metrics (docs/operations.md) ------------------------------------------------------

METRICS_OFF = "off"


def split_bind(value: str) -> tuple[str, int] | None:
    """HOST:PORT (``[::1]:9481`` for IPv6) as a host and a port; None for ``off``."""
    if value == METRICS_OFF:
        return None
    host, _, port = value.rpartition(":")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError("must be HOST:PORT (e.g. 127.0.0.1:9481) or off")
    return host.removeprefix("[").removesuffix("]"), int(port)


def _is_bind(value: str) -> str:
    split_bind(value)
    return value


# Where a program serves its metrics: a port of its own, on loopback unless the operator says otherwise.
MetricsBind = Annotated[str, AfterValidator(_is_bind)]


class HealthSettings(ProgramSettings):
    """What every service's readiness check shares: how long it may wait."""

    readiness_timeout: float = Field(
        default=2.0, gt=0, le=30, description="Seconds a readiness check waits for the database or Elasticsearch."
    )


# --- the analytics' own database and the asynchronous jobs (docs/jobs.md) -------------------------

class AnalyticsDatabaseSettings(ProgramSettings):
    """The analytics' own database: its accounts, the jobs and their queue; the analytics and the workers read it."""

    analytics_database_url: DatabaseUrl | None = Field(
        default=None, description="SQLAlchemy URL of the analytics' own database (accounts, sessions, tokens, audit,"
        " jobs and their queue)."
    )

    def require_analytics_database_url(self) -> str:
        if self.analytics_database_url is None:
            raise ConfigurationError(f"{ENV_PREFIX}ANALYTICS_DATABASE_URL is not set: the analytics keep their"
                                     " accounts in a database of their own (an SQLAlchemy URL, e.g. postgresql://...)")
        return self.analytics_database_url


class JobSettings(ProgramSettings):
    """Where jobs' results are kept, shared by the analytics (which serves them) and the workers (which write them)."""

    jobs_dir: Path | None = Field(
        default=None, description="Folder of the jobs' results, shared by the analytics and the workers of one machine."
    )
    job_result_lifetime: int = Field(
        default=86400, gt=0, description="Seconds a finished job's result is kept before it is deleted."
    )

    def require_jobs_dir(self) -> Path:
        if self.jobs_dir is None:
            raise ConfigurationError(f"{ENV_PREFIX}JOBS_DIR is not set: jobs keep their results in a folder the"
                                     " analytics and the workers share (docs/jobs.md)")
        return self.jobs_dir
