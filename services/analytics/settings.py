"""The analytics' settings: every variable `fuelstats analytics serve` and its workers read, here only."""

from __future__ import annotations

import ipaddress

from pydantic import Field, field_validator

from fuelstats.core.settings import ElasticsearchSettings, HealthSettings, MetricsBind, ReplicaSettings, ServiceSettings
from fuelstats_common.settings import settings_of


class AnalyticsSettings(ReplicaSettings, ElasticsearchSettings, ServiceSettings, HealthSettings):
    analytics_metrics_bind: MetricsBind = Field(
        default="127.0.0.1:9482", description="HOST:PORT where `fuelstats analytics serve` serves its metrics, or off."
    )
    trusted_proxies: str = Field(
        default="", description="Comma-separated addresses of proxies whose X-Forwarded-For the analytics believes."
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
        return frozenset(part.strip() for part in self.trusted_proxies.split(",") if part.strip())


def get_settings() -> AnalyticsSettings:
    """The analytics process's settings, read once."""
    return settings_of(AnalyticsSettings)
