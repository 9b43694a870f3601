"""`fuelstats worker`: the workers of the asynchronous jobs, exports and heavy reports (docs/jobs.md)."""

from __future__ import annotations

import click

from fuelstats.core.database import POOL_CONNECTIONS
from fuelstats.worker.settings import get_settings


@click.group(name="worker")
def group() -> None:
    """Workers of the asynchronous jobs: exports and heavy reports (docs/jobs.md)."""


@group.command()
@click.option("--concurrency", type=click.IntRange(min=1, max=POOL_CONNECTIONS), default=None,
              help="Jobs run at once [FUELSTATS_WORKER_CONCURRENCY].")
def run(concurrency: int | None) -> None:
    """Run jobs from the queue until SIGTERM; start more workers, here or elsewhere, to run more at once."""
    from fuelstats.core import health, metrics
    from fuelstats.core.database import engine_for
    from fuelstats.worker import metrics as worker_metrics
    from fuelstats.worker import tasks

    settings = get_settings()
    # Without any of these a job could only fail: say so now, not at the first job.
    queue = settings.require_analytics_database_url()
    settings.require_database_url()
    results = settings.require_jobs_dir()
    results.mkdir(parents=True, exist_ok=True)
    worker_metrics.count_queue(engine_for(queue), settings.readiness_timeout)
    metrics.serve_alone(settings.worker_metrics_bind, "worker",
                        [health.database(queue, "queue"), health.database(settings.read_database_url)],
                        settings.readiness_timeout)
    tasks.work(settings, concurrency or settings.worker_concurrency)
