"""`fuelstats analytics`: the analytics service, its reports, search, exports and web UI."""

from __future__ import annotations

import click

from fuelstats.analytics.settings import get_settings


@click.group(name="analytics")
def group() -> None:
    """The analytics service: reports, search and exports."""


@group.command()
@click.option("--bind", default="127.0.0.1:8001", show_default=True, help="HOST:PORT to listen on.")
@click.option("--workers", type=click.IntRange(min=1), default=None, help="Worker processes [FUELSTATS_WORKERS].")
def serve(bind: str, workers: int | None) -> None:
    """Serve the analytics API with gunicorn."""
    from fuelstats.core.server import serve as run_server

    settings = get_settings()
    run_server("fuelstats.analytics.app:create_app", program="analytics", bind=bind, workers=workers or settings.workers,
               metrics_bind=settings.analytics_metrics_bind, log_level=settings.log_level)
