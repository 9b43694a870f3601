"""What the next sender run would send, exactly, without sending anything: the master's side of
"statistics are collected", for a person to read before agreeing (`fuelstats-master sender preview`,
and a Fuel UI through the kit's settings API: `GET /api/settings/preview`).

It goes through the sender's own code: the same batches of the same unsent rows, made into records
by the same functions, the installation structure the same provider builds with the contact only
when its owner agreed, and the failure reports the spool keeps. What is sent was sanitized when it
was written (action_logs.py, failure_reports.py): the preview shows it as it leaves. No network.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine

from fuelstats_kit.failure_reports import Spool
from fuelstats_kit.installation import DatabaseInstallationInfo, InstallationInfoProvider, read_fuel_release
from fuelstats_kit.master_settings import load_master_node
from fuelstats_kit.sender import (
    ACTION_LOGS,
    OSWL_STATS,
    SenderConfig,
    Stream,
    config_of,
    installation_structure,
    unsent_batches,
)

if TYPE_CHECKING:
    from fuelstats_kit.settings import KitSettings

WHAT_IS_SENT = (
    "Fuel sends anonymous usage statistics to {collector}, about once an hour: what was done on this "
    "master (API requests that changed something, with their sanitized bodies; deployments and other "
    "tasks and how they ended; health check results), how the installation is built (environments, "
    "their releases, modes, network and storage choices, node roles and hardware, plugins), and the "
    "OpenStack workload of each environment (virtual machines, volumes, images, tenants and the like). Passwords, keys and other credentials are never sent. The contact "
    "below goes only if its owner agreed to send it. Sending can be turned off at any time."
)


@dataclass(frozen=True)
class Sources:
    """What a run reads besides the master's unsent rows: the installation, the sender's
    configuration, the spooled failure reports."""

    provider: InstallationInfoProvider
    config: SenderConfig
    spool: Spool | None = None


def sources_of(engine: Engine, settings: KitSettings) -> Sources:
    """The sources of the sender daemon that the kit's settings configure (`fuelstats-master sender run`)."""
    return Sources(DatabaseInstallationInfo(engine, read_fuel_release(settings.fuel_version_file)),
                   config_of(settings), Spool(settings.failure_spool_dir))


def next_run(engine: Engine, provider: InstallationInfoProvider, config: SenderConfig, *,
             spool: Spool | None = None, limit: int | None = None) -> dict[str, Any]:
    """What the next run sends, in its order: the spooled failure reports, the action logs in
    batches, the installation structure, the OSWL records in batches. ``limit``: at most that many
    records of each stream are shown (the counts are always whole). With sending off (``sends``
    false, ``reason`` disabled) the next run sends nothing; the rest says what it would send once on."""
    master = load_master_node(engine)
    description = WHAT_IS_SENT.format(collector=config.collector_url)
    if master is None:
        return {"master_node_uid": None, "sends": False, "reason": "no-master-node", "description": description,
                "collector_url": config.collector_url}
    waiting = spool.waiting() if spool is not None else []
    return {
        "master_node_uid": master.uid,
        "sends": master.send_statistics,
        "reason": None if master.send_statistics else "disabled",
        "description": description,
        "collector_url": config.collector_url,
        "batch_size": config.batch_size,
        "failure_reports": [spool.read(path) for path in waiting[:limit]] if spool is not None else [],
        "action_logs": _stream(engine, ACTION_LOGS, master.uid, config.batch_size, limit),
        "installation_structure": installation_structure(provider, master),
        "oswl_stats": _stream(engine, OSWL_STATS, master.uid, config.batch_size, limit),
    }


def _stream(engine: Engine, stream: Stream, master_node_uid: str, batch_size: int, limit: int | None
            ) -> dict[str, Any]:
    """The stream's batches as a run makes them: how many records, and (up to ``limit``) each one."""
    batches: list[list[dict[str, Any]]] = []
    count = shown = 0
    for rows in unsent_batches(engine, stream, batch_size):
        count += len(rows)
        keep = rows if limit is None else rows[:max(0, limit - shown)]
        if keep:
            batches.append([stream.record(master_node_uid, row) for row in keep])
            shown += len(keep)
    return {"count": count, "batches": batches}
