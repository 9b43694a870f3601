"""Writing the master node's action logs: API requests (through the middleware) and tasks.

Every log is written whatever the statistics setting says: the setting decides what is sent, not
what the master remembers. Nothing that names a credential is written, by the collector's own
sanitization rules (docs/sanitization.md), applied here before the row exists.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from sqlalchemy import Engine

from fuelstats_common.sanitize import sanitize_all
from fuelstats_kit import storage

# /api/clusters/3/changes and /api/v1/clusters/3/changes are both the `clusters` group.
_API_PATH = re.compile(r"^/api(?:/v\d+)?/(?P<group>[^/]+)")
_CLUSTER_ID = re.compile(r"/clusters/(?P<id>\d+)(?:/|$)")
_ID_SEGMENT = re.compile(r"/\d+(?=/|$)")


def client_of(user_agent: str) -> str:
    """Which Fuel client made a request: `fuel-cli`, `fuel-web`, or `other`."""
    agent = user_agent.lower()
    for client in ("fuel-cli", "fuel-web"):
        if client in agent:
            return client
    return "other"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)  # Nailgun's timestamps are naive UTC


def record_request(engine: Engine, *, method: str, path: str, status: int, started: dt.datetime,
                   ended: dt.datetime, actor_id: str | None, user_agent: str,
                   request_data: Any = None, answer: str | None = None) -> int:
    """Log one modifying API request; its log id. ``answer``: the start of a failed request's
    response body, which says why (Nailgun kept it too); it becomes the log's ``message``."""
    matched = _API_PATH.match(path)
    cluster = _CLUSTER_ID.search(path)
    template = _ID_SEGMENT.sub("/{id}", path)
    info = {
        "http_method": method,
        "url": template,
        "result_code": status,
        "execution_time": round((ended - started).total_seconds(), 6),
        "user_agent": user_agent[:200],
        "client": client_of(user_agent),
        "request_data": sanitize_all(request_data) if request_data is not None else {},
        **({"message": sanitize_all(answer)} if answer else {}),
    }
    with engine.begin() as connection:
        return storage.insert_action_log(connection, {
            "actor_id": actor_id, "action_group": matched["group"] if matched else "other",
            "action_name": f"{method} {template}", "action_type": "http_request",
            "start_timestamp": started, "end_timestamp": ended, "additional_info": info,
            "cluster_id": int(cluster["id"]) if cluster else None, "task_uuid": None,
        })


def task_started(engine: Engine, *, task_uuid: str, name: str, group: str = "cluster_changes",
                 cluster_id: int | None = None, actor_id: str | None = None,
                 started: dt.datetime | None = None) -> int:
    """Log that an asynchronous task began (the task runner calls this); its log id.
    Until `task_finished`, the collector answers `skipped` for it and the sender keeps it."""
    with engine.begin() as connection:
        return storage.insert_action_log(connection, {
            "actor_id": actor_id, "action_group": group, "action_name": name, "action_type": "nailgun_task",
            "start_timestamp": started or _now(), "end_timestamp": None, "additional_info": {"operation": name},
            "cluster_id": cluster_id, "task_uuid": task_uuid,
        })


def task_finished(engine: Engine, *, task_uuid: str, status: str, message: str = "",
                  ended: dt.datetime | None = None) -> int | None:
    """Log how the task ended; its log id, or None when no running task has this uuid."""
    ended = ended or _now()
    with engine.begin() as connection:
        started = storage.open_task_start(connection, task_uuid)
        if started is None:
            return None
        return storage.finish_task_log(connection, task_uuid, ended, {
            "ended_with_status": status, "message": sanitize_all(message),
            "execution_time": round((ended - started).total_seconds(), 6),
        })


def health_check_run(engine: Engine, *, cluster_id: int, test_set: str, tests: dict[str, str],
                     started: dt.datetime, ended: dt.datetime, actor_id: str | None = None) -> int:
    """Log a health check (OSTF) run of an environment: each test's name and how it ended (`success`,
    `failure`, `error`, `skipped`, ...). The v1 protocol has no message of its own for it; the
    analytics' health check report reads these logs (docs/analytics.md); its log id."""
    with engine.begin() as connection:
        return storage.insert_action_log(connection, {
            "actor_id": actor_id, "action_group": "health_check", "action_name": "ostf_testrun",
            "action_type": "nailgun_task", "start_timestamp": started, "end_timestamp": ended,
            "additional_info": {"ended_with_status": "ready", "test_set": test_set,
                                "execution_time": round((ended - started).total_seconds(), 6),
                                "tests": [{"name": name, "status": status} for name, status in tests.items()]},
            "cluster_id": cluster_id, "task_uuid": None,
        })
