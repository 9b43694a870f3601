"""The ETL's settings: every variable `fuelstats etl ...` reads, here only."""

from __future__ import annotations

from pydantic import Field

from fuelstats.core.settings import ElasticsearchSettings, HealthSettings, MetricsBind, ReplicaSettings
from fuelstats_common.settings import settings_of


class EtlSettings(ReplicaSettings, ElasticsearchSettings, HealthSettings):
    etl_metrics_bind: MetricsBind = Field(
        default="127.0.0.1:9483", description="HOST:PORT where `fuelstats etl run` serves its metrics while following,"
        " or off.",
    )
    etl_interval: float = Field(default=15.0, gt=0, description="Seconds between ETL passes while following.")
    etl_batch_size: int = Field(default=1000, gt=0, le=50_000, description="Rows per Elasticsearch bulk request.")


def get_settings() -> EtlSettings:
    """The ETL process's settings, read once."""
    return settings_of(EtlSettings)
