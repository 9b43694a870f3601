"""What the collector does with a batch, between the validated request and storage.

Each function runs one transaction: the batch is stored whole or not at all. Bodies are sanitized
before anything is stored. ``key_id`` is the key that signed the request (authentication.py), None
when nobody did: the records are stored as verified or not, and an unsigned batch that names an
enrolled master node is refused whole (docs/security.md).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine

from fuelstats.collector import storage
from fuelstats.collector.authentication import (
    MASTER_NODE_UID,
    SIGNATURE_REQUIRED,
    Unauthenticated,
    check_writer,
    writer_refusal,
)
from fuelstats.collector.filtering import FilteringRules, release_of
from fuelstats.core.database import in_one_statement
from fuelstats.core.errors import Refused
from fuelstats_common.sanitize import sanitize_action_log_body_if_needed, sanitize_if_needed


def check_master_node(header_uid: str | None, body_uid: str, path: str) -> None:
    """A master node that names itself in the header may send only its own records (no spoofing): a
    batch that breaks it is refused whole, with 403."""
    if header_uid and header_uid != body_uid:
        raise Refused(
            403,
            f"master_node_uid {body_uid!r} contradicts the master-node-uid header {header_uid!r}:"
            " a master node may send only its own records",
            rule=MASTER_NODE_UID,
            path=path,
        )


# --- action logs ---------------------------------------------------------------------------------

def is_unfinished_task(body: dict[str, Any]) -> bool:
    """A Nailgun task still running: its log is complete only once it has an end time."""
    return body.get("action_type") == "nailgun_task" and not body.get("end_timestamp")


@dataclass(frozen=True)
class RecordFate:
    master_node_uid: str
    external_id: int
    status: str

    def as_json(self, id_field: str) -> dict[str, Any]:
        return {"master_node_uid": self.master_node_uid, id_field: self.external_id, "status": self.status}


def record_action_logs(engine: Engine, header_uid: str | None, items: Sequence[dict[str, Any]], *,
                       key_id: str | None = None, keys_checked: bool = False) -> list[RecordFate]:
    """Store the finished action logs not stored before; tell each record's fate, in order. A signed
    batch replaces unverified records of the same ids: they were never the master node's to claim.
    ``keys_checked``: the request's text names no credential (sanitize.may_name_credentials)."""
    for index, item in enumerate(items):
        check_master_node(header_uid, item["master_node_uid"], f"$.action_logs[{index}].master_node_uid")
    rows = [
        storage.ActionLogRow(
            master_node_uid=item["master_node_uid"],
            external_id=item["external_id"],
            action_type=item["body"].get("action_type"),
            action_name=item["body"].get("action_name"),
            body=sanitize_action_log_body_if_needed(item["body"], keys_checked=keys_checked),
        )
        for item in items
        if not is_unfinished_task(item["body"])
    ]
    uids = {item["master_node_uid"] for item in items}
    storage.ensure_current_partitions_of(engine)
    # One statement, outside a transaction: the batch costs one round trip to PostgreSQL.
    stored = in_one_statement(engine, lambda connection: storage.store_action_logs(
        connection, rows, master_node_uids=uids, header_uid=header_uid, key_id=key_id))
    if isinstance(stored, storage.WriterRefused):
        refusal = writer_refusal(stored.enrolled, uids, header_uid, key_id)
        assert refusal is not None, "the statement and writer_refusal apply the same rule"
        raise refusal
    stored_now = stored.keys
    fates = []
    for item in items:
        key = (item["master_node_uid"], item["external_id"])
        if is_unfinished_task(item["body"]):
            status = "skipped"
        elif key in stored_now:
            status = "added"
            stored_now.discard(key)  # a record repeated in one batch is stored once: the rest existed
        else:
            status = "existed"
        fates.append(RecordFate(key[0], key[1], status))
    return fates


# --- installation structure ----------------------------------------------------------------------

def record_installation_structure(
    engine: Engine, header_uid: str | None, structure: dict[str, Any], rules: FilteringRules, *,
    key_id: str | None = None,
) -> bool:
    """Store the master node's current structure; True when it is the node's first report."""
    uid = structure["master_node_uid"]
    check_master_node(header_uid, uid, "$.installation_structure.master_node_uid")
    stored = sanitize_if_needed(structure)
    if rules.depends_on_date(structure):
        # Whether it counts depends on the day the installation was first reported: read it first.
        with engine.begin() as connection:
            check_writer(connection, {uid}, header_uid, key_id)
            first_reported_on = storage.installation_creation_date(connection, uid) or dt.datetime.now(dt.UTC).date()
            first = storage.upsert_installation_structure(
                connection, master_node_uid=uid, structure=stored, release=release_of(structure),
                is_filtered=rules.is_filtered(structure, first_reported_on), verified=key_id is not None)
    else:
        # One statement (the writer's check and the upsert), outside a transaction: one round trip.
        outcome = in_one_statement(engine, lambda connection: storage.store_installation_structure(
            connection, master_node_uid=uid, structure=stored, release=release_of(structure),
            is_filtered=rules.is_filtered(structure, dt.datetime.now(dt.UTC).date()), header_uid=header_uid,
            key_id=key_id))
        if isinstance(outcome, storage.WriterRefused):
            refusal = writer_refusal(outcome.enrolled, {uid}, header_uid, key_id)
            assert refusal is not None, "the statement and writer_refusal apply the same rule"
            raise refusal
        first = outcome
    if first is None:
        raise Unauthenticated(SIGNATURE_REQUIRED, f"master node {uid!r} has a verified structure: only a request"
                              " signed with its key replaces it")
    return first


def reapply_filtering(engine: Engine, rules: FilteringRules) -> int:
    """Mark every stored structure by the given rules; return how many changed."""
    with engine.begin() as connection:
        changes = {
            id_: should_be
            for id_, structure, created, is_filtered in storage.installation_structures_for_filtering(connection)
            if (should_be := rules.is_filtered(structure, created.date())) != is_filtered
        }
        storage.set_filtered(connection, changes)
    return len(changes)


# --- OSWL stats ----------------------------------------------------------------------------------

def record_oswl_stats(engine: Engine, header_uid: str | None, items: Sequence[dict[str, Any]], *,
                      key_id: str | None = None) -> list[RecordFate]:
    """Store each record, replacing one stored before under the same key; tell each record's fate."""
    for index, item in enumerate(items):
        check_master_node(header_uid, item["master_node_uid"], f"$.oswl_stats[{index}].master_node_uid")
    records = [
        {
            "master_node_uid": item["master_node_uid"],
            "external_id": item["id"],
            "cluster_id": item["cluster_id"],
            "created_date": item["created_date"],
            "updated_time": item["updated_time"],
            "resource_type": item["resource_type"],
            "resource_checksum": item["resource_checksum"],
            "resource_data": sanitize_if_needed(item["resource_data"]),
            "version_info": item.get("version_info"),
        }
        for item in items
    ]
    with engine.begin() as connection:
        check_writer(connection, {item["master_node_uid"] for item in items}, header_uid, key_id)
        created = storage.upsert_oswl_stats(connection, records, verified=key_id is not None)
        if len(created) < len({(r["master_node_uid"], r["external_id"], r["resource_type"]) for r in records}):
            raise Unauthenticated(SIGNATURE_REQUIRED, "verified records are replaced only by requests signed"
                                  " with their master node's key")
    fates = []
    seen: set[tuple[str, int, str]] = set()
    for item in items:
        key = (item["master_node_uid"], item["id"], item["resource_type"])
        status = "added" if created.get(key) and key not in seen else "updated"
        seen.add(key)
        fates.append(RecordFate(key[0], key[1], status))
    return fates
