"""The analytics' settings: every variable `fuelstats analytics serve` and its workers read, here only."""

from __future__ import annotations

import ipaddress
from typing import Literal

from pydantic import Field, field_validator

from fuelstats.core.settings import (
    AnalyticsDatabaseSettings,
    ElasticsearchSettings,
    HealthSettings,
    JobSettings,
    MetricsBind,
    ReplicaSettings,
    ServiceSettings,
)
from fuelstats_common.settings import settings_of

# Which parts answer without a login (docs/authentication.md): everything needs one (`private`, the
# commercial instance), or the reports and the public search are open to all (`public-reports`).
InstanceMode = Literal["private", "public-reports"]


class AnalyticsSettings(ReplicaSettings, ElasticsearchSettings, ServiceSettings, HealthSettings,
                        AnalyticsDatabaseSettings, JobSettings):
    analytics_metrics_bind: MetricsBind = Field(
        default="127.0.0.1:9482", description="HOST:PORT where `fuelstats analytics serve` serves its metrics, or off."
    )
    analytics_networks: str = Field(
        default="0.0.0.0/0,::/0", min_length=1,
        description="Comma-separated networks (CIDR) the analytics UI and API answer; others get 403.",
    )

    # The "data as of" (docs/analytics.md): how far behind the ETL may be before the statistics are called stale.
    data_stale_after: float = Field(
        default=3600.0, gt=0, description="Seconds the ETL may lag behind the collector before the data is stale."
    )

    # --- accounts, sessions and tokens (docs/authentication.md); their database: AnalyticsDatabaseSettings ---
    analytics_mode: InstanceMode = Field(
        default="private", description="private: everything needs a login; public-reports: reports and search are open."
    )
    session_lifetime: int = Field(default=8 * 3600, gt=0, description="Seconds a browser session lasts at most.")
    session_idle_timeout: int = Field(
        default=3600, gt=0, description="Seconds without a request after which a browser session ends."
    )
    login_account_failures: int = Field(
        default=5, gt=0, description="Failed logins of one account within FUELSTATS_LOGIN_LOCKOUT before it waits."
    )
    login_address_failures: int = Field(
        default=20, gt=0, description="Failed logins from one address within FUELSTATS_LOGIN_LOCKOUT before it waits."
    )
    login_lockout: int = Field(
        default=900, gt=0, description="Seconds failed logins are counted over, and how long a throttled login waits."
    )

    # --- asynchronous jobs (docs/jobs.md); where their results are: JobSettings ---
    export_sync_limit: int = Field(
        default=1_000_000, ge=0, description="Rows above which an export is refused in a request and made by a job"
        " instead (0: no limit)."
    )

    @field_validator("analytics_networks")
    @classmethod
    def _networks_are_cidrs(cls, value: str) -> str:
        parts = [part.strip() for part in value.split(",") if part.strip()]
        if not parts:
            raise ValueError("name at least one network (0.0.0.0/0,::/0 allows every address)")
        for part in parts:
            try:
                ipaddress.ip_network(part, strict=False)
            except ValueError:
                raise ValueError(f"{part!r} is not a network (e.g. 10.20.0.0/16)") from None
        return value

    @property
    def analytics_network_list(self) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
        return tuple(ipaddress.ip_network(part.strip(), strict=False) for part in self.analytics_networks.split(",")
                     if part.strip())

    @property
    def analytics_open_to_all(self) -> bool:
        """Every address is allowed: nothing to check (and no client address needed to check it)."""
        return {str(network) for network in self.analytics_network_list} >= {"0.0.0.0/0", "::/0"}


def get_settings() -> AnalyticsSettings:
    """The analytics process's settings, read once."""
    return settings_of(AnalyticsSettings)
