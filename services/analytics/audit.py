"""The audit trail: who logged in (or failed to), logged out, made, used or revoked a token, changed
an account, took data out through the private part, or asked for, cancelled or downloaded a job.

Every event is two things at once: a row in ``audit_events`` (the analytics' own database, listed by
``GET /api/v1/private/audit/``), which outlives log rotation and can be queried, and a structured log
line (logger ``fuelstats.audit``, ``"event": "audit"``, the event in ``action``), which reaches whatever collects the logs the moment it happens.
Neither ever holds a secret: no password, token or session id, only names, addresses and ids.
"""

from __future__ import annotations

from typing import Any

import structlog
from sqlalchemy import Connection, Engine

from fuelstats.analytics import accountstore

log = structlog.get_logger("fuelstats.audit")

# Every event the trail knows (the API's filter takes these).
EVENTS = ("login", "login-failed", "login-throttled", "logout", "token-created", "token-revoked", "token-used",
          "export", "user-added", "user-disabled", "user-enabled", "password-reset", "role-granted",
          "master-key-reset", "job-created", "job-cancelled", "job-result")


def record(connection: Connection, event: str, *, actor: str | None, address: str | None, **details: Any) -> None:
    """One event, in the transaction of what it records."""
    assert event in EVENTS, event
    accountstore.insert_event(connection, event, actor, address, details)
    log.info("audit", action=event, actor=actor, address=address, **details)


def record_alone(engine: Engine, event: str, *, actor: str | None, address: str | None, **details: Any) -> None:
    """One event in a transaction of its own (for what writes nothing else here: an export)."""
    with engine.begin() as connection:
        record(connection, event, actor=actor, address=address, **details)


def page(engine: Engine, *, event: str | None, actor: str | None, page: int, size: int) -> dict[str, Any]:
    with engine.connect() as connection:
        total, rows = accountstore.events_page(connection, event, actor, offset=(page - 1) * size, limit=size)
    return {"total": total, "page": page, "size": size, "items": [{**row, "at": row["at"].isoformat()} for row in rows]}
