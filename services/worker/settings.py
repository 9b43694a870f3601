"""The workers' settings: every variable `fuelstats worker run` reads, here only."""

from __future__ import annotations

from pydantic import Field, field_validator

from fuelstats.core.database import POOL_CONNECTIONS
from fuelstats.core.settings import AnalyticsDatabaseSettings, HealthSettings, JobSettings, MetricsBind, ReplicaSettings
from fuelstats_common.settings import settings_of

# A sweep's period must divide a minute, so that procrastinate's cron (seconds are its sixth field)
# comes round evenly on every worker.
SWEEP_PERIODS = (1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60)


class WorkerSettings(ReplicaSettings, AnalyticsDatabaseSettings, JobSettings, HealthSettings):
    """The queue and the jobs' rows are in the analytics' database; exports and reports read the collector's
    (its replica when there is one); results go to FUELSTATS_JOBS_DIR."""

    worker_metrics_bind: MetricsBind = Field(
        default="127.0.0.1:9485", description="HOST:PORT where `fuelstats worker run` serves its metrics, or off."
    )
    # Each running export or report holds one of the collector database's connections till it ends.
    worker_concurrency: int = Field(default=1, ge=1, le=POOL_CONNECTIONS,
                                    description="Jobs one worker process runs at once.")
    worker_heartbeat: float = Field(
        default=10.0, gt=0, le=300, description="Seconds between a worker's heartbeats; one silent for three of them"
        " is taken for dead, and its jobs are run again.",
    )
    worker_sweep_interval: int = Field(
        default=60, description="Seconds between sweeps (jobs of dead workers, expired results); divides 60."
    )
    job_attempts: int = Field(
        default=5, ge=1, le=100, description="Attempts at a job (its worker's death counts as one) before it fails."
    )
    job_retry_wait: int = Field(
        default=2, ge=1, le=60, description="Base of the wait before a failed attempt is tried again: BASE^n seconds"
        " before the n-th retry.",
    )

    @field_validator("worker_sweep_interval")
    @classmethod
    def _divides_a_minute(cls, value: int) -> int:
        if value not in SWEEP_PERIODS:
            raise ValueError(f"must divide 60: one of {', '.join(map(str, SWEEP_PERIODS))}")
        return value

    @property
    def sweep_cron(self) -> str:
        """procrastinate's cron of the sweep: croniter's seconds field is the sixth."""
        return "* * * * *" if self.worker_sweep_interval == 60 else f"* * * * * */{self.worker_sweep_interval}"

    @property
    def stalled_after(self) -> float:
        """Seconds without a heartbeat after which a worker is taken for dead."""
        return 3 * self.worker_heartbeat


def get_settings() -> WorkerSettings:
    """The worker process's settings, read once."""
    return settings_of(WorkerSettings)
