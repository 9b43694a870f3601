"""What the kit's tests ask of both databases."""

from __future__ import annotations

from sqlalchemy import Engine, text

from fuelstats_kit.sender import Sender, SenderConfig

FAST = dict(timeout=3.0, run_seconds=30.0, attempts=2, first_wait=0.01, max_wait=0.05)


def sender(master: Engine, url: str, **config: float | int) -> Sender:
    from fuelstats_kit.installation import DatabaseInstallationInfo

    release = {"release": "9.0", "api": "1", "feature_groups": ["mirantis"], "build_id": "ga"}
    return Sender(master, DatabaseInstallationInfo(master, release),
                  SenderConfig(collector_url=url, **{"batch_size": 10, **FAST, **config}))  # type: ignore[arg-type]


def stored(collector: Engine) -> dict[str, int]:
    """How many rows the collector holds, and how many distinct records: they must always be equal."""
    with collector.connect() as connection:
        return {
            "action_logs": connection.execute(text("SELECT count(*) FROM action_logs")).scalar_one(),
            "action_log_ids": connection.execute(
                text("SELECT count(DISTINCT (master_node_uid, external_id)) FROM action_logs")).scalar_one(),
            "installation_structures": connection.execute(
                text("SELECT count(*) FROM installation_structures")).scalar_one(),
            "oswl_stats": connection.execute(text("SELECT count(*) FROM oswl_stats")).scalar_one(),
        }


def unsent(master: Engine) -> dict[str, list[int]]:
    with master.connect() as connection:
        return {table: list(connection.execute(text(f"SELECT id FROM {table} WHERE NOT is_sent ORDER BY id")).scalars())
                for table in ("action_logs", "oswl_stats")}
