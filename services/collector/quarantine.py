"""The quarantine: refused submissions kept to be looked at, bounded whatever arrives.

Snowplow keeps its "failed events" queryable; so does this, within limits a flood cannot break.
Each refusal by a rule of authentication.QUARANTINED costs one statement (storage.quarantine):

- its count goes up by one, per rule and master node: exact, and never derived from what is kept.
  Only enrolled master nodes get counts of their own; every other claimed uid counts under '' (so
  made-up uids cannot grow the table);
- the submission itself is kept in a ring of FUELSTATS_QUARANTINE_SAMPLES slots, body cut to
  FUELSTATS_QUARANTINE_BODY_BYTES, the oldest overwritten first: the table never holds more rows
  than slots, nor a row more than the body's cap and a few short fields.

Read it through the analytics' private API (GET /api/v1/private/quarantine/) or
`fuelstats collector quarantine`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import http_sf
import structlog
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from fuelstats.collector import storage
from fuelstats.collector.settings import CollectorSettings
from fuelstats.core.errors import Refused

if TYPE_CHECKING:
    from fuelstats.collector.authentication import Incoming

log = structlog.get_logger("fuelstats.quarantine")

NOT_ENROLLED = ""  # what every master node that is not enrolled counts as
_SHORT = 256  # characters kept of a claimed uid, a key id or a path
_MESSAGE = 500


def _cut(text: str | None, length: int = _SHORT) -> str | None:
    return None if text is None else text[:length]


def claimed_key_id(incoming: Incoming) -> str | None:
    """The key id the first signature names, verified or not (for whoever reads the quarantine)."""
    try:
        inputs = http_sf.parse((incoming.header("signature-input") or "").encode("latin-1"), tltype="dictionary")
    except (http_sf.StructuredFieldError, ValueError, UnicodeError):
        return None
    for member in inputs.values():
        key_id = member[1].get("keyid") if isinstance(member, tuple) and isinstance(member[1], dict) else None
        if isinstance(key_id, str):
            return key_id
    return None


def record(engine: Engine, settings: CollectorSettings, incoming: Incoming, refusal: Refused,
           counted_as: str | None) -> None:
    """Count and keep one refused submission; a quarantine that cannot be written never hides the refusal."""
    refused = storage.Refusal(
        rule=refusal.rule or "", counted_as=counted_as or NOT_ENROLLED,
        master_node_uid=_cut(incoming.master_node_uid), key_id=_cut(claimed_key_id(incoming)), method=incoming.method,
        path=_cut(incoming.path) or "", address=_cut(incoming.address), message=refusal.message[:_MESSAGE],
        body=incoming.body[:settings.quarantine_body_bytes], body_bytes=len(incoming.body),
    )
    try:
        with engine.begin() as connection:
            storage.quarantine(connection, refused, settings.quarantine_samples)
    except SQLAlchemyError as error:
        log.error("quarantine not written", rule=refused.rule, error=str(error).splitlines()[0])


def listing(engine: Engine, *, rule: str | None = None, master_node_uid: str | None = None, page: int = 1,
            size: int = 50) -> dict[str, Any]:
    """The counts, and a page of the kept submissions (newest first), as the private API answers."""
    with engine.connect() as connection, connection.begin():
        counts = storage.quarantine_counts(connection)
        total, samples = storage.quarantine_samples(connection, rule=rule, master_node_uid=master_node_uid,
                                                    offset=(page - 1) * size, limit=size)
    return {
        "counts": [{**row, "first_at": row["first_at"].isoformat(), "last_at": row["last_at"].isoformat()}
                   for row in counts],
        "total_refused": sum(row["count"] for row in counts),
        "samples": {"total": total, "page": page, "size": size, "items": [
            {**row, "received_at": row["received_at"].isoformat(),
             "body": bytes(row["body"]).decode("utf-8", "replace")} for row in samples]},
    }
