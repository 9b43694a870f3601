"""`fuelstats collector`: the collector service, the v1 protocol Fuel masters speak."""

from __future__ import annotations

import click

from fuelstats.collector.settings import get_settings
from fuelstats_common import commands


@click.group(name="collector")
def group() -> None:
    """The collector service (the v1 protocol Fuel masters speak)."""


@group.command()
@click.option("--bind", default="127.0.0.1:8000", show_default=True, help="HOST:PORT to listen on.")
@click.option("--workers", type=click.IntRange(min=1), default=None, help="Worker processes [FUELSTATS_WORKERS].")
def serve(bind: str, workers: int | None) -> None:
    """Serve the collector with gunicorn."""
    from fuelstats.collector.context import filtering_rules
    from fuelstats.core.server import serve as run_server

    settings = get_settings()
    settings.require_database_url()
    filtering_rules()  # a broken rules file stops us here, with one line, not in every worker
    run_server("fuelstats.collector.app:create_app", program="collector", bind=bind, workers=workers or settings.workers,
               metrics_bind=settings.collector_metrics_bind, log_level=settings.log_level)


@group.command("reapply-filters")
def reapply_filters() -> None:
    """Mark stored installation structures as filtered or not, by the current filtering rules."""
    from fuelstats.collector import filtering, ingest
    from fuelstats.core.database import engine_for

    settings = get_settings()
    rules = filtering.load_rules(settings.filtering_rules)
    changed = ingest.reapply_filtering(engine_for(settings.require_database_url()), rules)
    click.echo(f"{changed} installation structures changed")


@group.command("notify")
@click.option("--follow", is_flag=True, help="Keep going, every FUELSTATS_NOTIFY_INTERVAL seconds, until stopped.")
def notify(follow: bool) -> None:
    """Deliver the failure report notifications that are due (the collector's workers do it too)."""
    from fuelstats.collector import notifications
    from fuelstats.core.database import engine_for

    settings = get_settings()
    channels = notifications.configured_channels(settings)
    if not channels:
        raise click.ClickException("no channel configured: set FUELSTATS_SMTP_HOST (and its recipients) "
                                   "or FUELSTATS_WEBHOOK_URL")
    url = settings.require_database_url()
    engine = engine_for(url)
    if follow:
        from fuelstats.core import health, metrics

        metrics.serve_alone(settings.notify_metrics_bind, "notify", [health.database(url)], settings.readiness_timeout)
    backoff = notifications.Backoff(settings.notify_backoff, settings.notify_backoff_max)
    stop = commands.stop_on_signals()
    while True:
        result = notifications.deliver_due(engine, channels, backoff, stop)
        click.echo(f"{result.delivered} delivered, {result.failed} failed (retried later)")
        if not follow or stop.wait(settings.notify_interval):
            return


# --- protection from spoofing (docs/security.md) -------------------------------------------------

@group.command("reset-key")
@click.argument("master_node_uid")
@click.option("--public-key", default=None, help="The master's new Ed25519 public key (base64url), as its owner gave"
              " it; none: the master enrolls again on its next contact.")
@click.option("--reason", required=True, help="Why, for the audit trail (e.g. a ticket).")
def reset_key(master_node_uid: str, public_key: str | None, reason: str) -> None:
    """Reset the signing key of MASTER_NODE_UID (a lost or stolen key); recorded with your OS user."""
    import getpass
    import socket

    from fuelstats.collector import keys
    from fuelstats.core.database import engine_for
    from fuelstats.core.errors import Refused

    engine = engine_for(get_settings().require_database_url())
    try:
        state = keys.reset(engine, master_node_uid, public_key=public_key, actor=f"os:{getpass.getuser()}",
                           address=f"cli@{socket.gethostname()}", reason=reason)
    except Refused as error:
        raise click.ClickException(error.message) from None
    click.echo(f"{master_node_uid}: key {state['key_id'] or 'none (it enrolls again on its next contact)'}")


@group.command("quarantine")
@click.option("--rule", default=None, help="Only submissions refused by this rule.")
@click.option("--master-node-uid", default=None, help="Only submissions that claimed this master node.")
@click.option("--limit", type=click.IntRange(min=0, max=500), default=20, show_default=True,
              help="How many kept submissions to show, the newest first.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (as the analytics' private API answers).")
def quarantine(rule: str | None, master_node_uid: str | None, limit: int, as_json: bool) -> None:
    """Refused submissions: how many per rule and master node, and the latest kept."""
    import json

    from fuelstats.collector import quarantine as kept
    from fuelstats.core.database import engine_for

    listing = kept.listing(engine_for(get_settings().require_database_url()), rule=rule,
                           master_node_uid=master_node_uid, size=max(limit, 1))
    if as_json:
        click.echo(json.dumps(listing, indent=2))
        return
    click.echo(f"{listing['total_refused']} refused in all")
    for row in listing["counts"]:
        click.echo(f"{row['count']:>10}  {row['rule']:<20} {row['master_node_uid'] or '(not enrolled)'}")
    for item in listing["samples"]["items"][:limit]:
        click.echo(f"{item['received_at']}  {item['rule']:<20} {item['method']} {item['path']}"
                   f"  {item['master_node_uid'] or '-'}  {item['message']}")
