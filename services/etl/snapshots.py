"""Snapshots of the ETL's indices, taken together with its checkpoints, and their restore.

A snapshot's indices hold what the ETL had carried when it was taken. Restored later, the ETL must
carry again everything after that, and nothing twice: so a snapshot keeps, in its metadata, each
stream's checkpoint, and a restore puts those back. Both sides agree exactly because the ETL's
streams are held (the same locks its passes take) while the snapshot is taken.

A restore fills new versions of the indices from the snapshot and then moves the aliases to them
in one request each, as a rebuild does: readers never see a missing or half-restored index, and a
failed restore leaves the live indices as they were.

Snapshots are taken by `fuelstats backup snapshot` (a systemd timer runs it), not by Elasticsearch's
snapshot lifecycle management: SLM cannot read the checkpoints from PostgreSQL, and the node of the
tests (Elastic's test distribution) has no SLM at all.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import structlog
from elasticsearch import Elasticsearch
from sqlalchemy import Connection, Engine

from fuelstats.etl import search, source
from fuelstats.etl.pipeline import STREAMS, StreamBusy

log = structlog.get_logger("fuelstats.backup")

LOCK_WAIT_SECONDS = 300.0


class SnapshotError(Exception):
    """No snapshot to restore, or one that cannot be restored over this database."""


@dataclass(frozen=True)
class Snapshot:
    name: str
    state: str
    started: dt.datetime
    seconds: float
    indices: dict[str, str]  # kind -> index
    checkpoints: list[dict[str, Any]]


def _of(answer: dict[str, Any]) -> Snapshot:
    metadata = answer.get("metadata") or {}
    return Snapshot(
        name=answer["snapshot"], state=answer["state"],
        started=dt.datetime.fromtimestamp(answer["start_time_in_millis"] / 1000, dt.UTC),
        seconds=answer.get("duration_in_millis", 0) / 1000,
        indices=dict(metadata.get("indices", {})), checkpoints=list(metadata.get("checkpoints", [])),
    )


@contextmanager
def _streams_held(primary: Engine) -> Iterator[Connection]:
    """Every stream held, as a pass holds its own: no pass runs meanwhile (they wait and retry)."""
    with primary.connect().execution_options(isolation_level="AUTOCOMMIT") as control:
        held: list[str] = []
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        try:
            for stream in STREAMS:
                while not source.lock_stream(control, stream):
                    if time.monotonic() > deadline:
                        raise StreamBusy(f"{stream}: an ETL pass kept it for {LOCK_WAIT_SECONDS:.0f} seconds")
                    time.sleep(0.5)
                held.append(stream)
            yield control
        finally:
            for stream in held:
                source.unlock_stream(control, stream)


def ensure_repository(es: Elasticsearch, repository: str, location: str | None) -> None:
    """Register the repository at ``location`` when one is given; otherwise it must exist already."""
    if location is not None:
        search.register_repository(es, repository, location)


def take(primary: Engine, es: Elasticsearch, prefix: str, repository: str) -> Snapshot:
    """Snapshot the indices behind the prefix's aliases, with the ETL's checkpoints, and wait for it."""
    with _streams_held(primary) as control:
        indices = {kind: index for kind in search.KINDS
                   for index in search.indices_behind(es, search.alias(prefix, kind))}
        checkpoints = [
            {name: value for name, value in checkpoint.__dict__.items() if name != "updated_at"}
            for checkpoint in source.all_checkpoints(control)
        ]
        name = f"{prefix}-{dt.datetime.now(dt.UTC):%Y%m%d-%H%M%S-%f}"
        answer = search.create_snapshot(es, repository, name, list(indices.values()),
                                        {"prefix": prefix, "indices": indices, "checkpoints": checkpoints})
    snapshot = _of(answer)
    log.info("snapshot taken", snapshot=name, state=snapshot.state, seconds=snapshot.seconds,
             indices=list(indices.values()))
    return snapshot


def listing(es: Elasticsearch, prefix: str, repository: str) -> list[Snapshot]:
    """The prefix's snapshots in the repository, oldest first.

    Elasticsearch keeps start times in milliseconds, so snapshots taken close together can tie;
    the name, which `take` stamps to the microsecond, breaks the tie.
    """
    found = [_of(answer) for answer in search.snapshots(es, repository)
             if (answer.get("metadata") or {}).get("prefix") == prefix]
    return sorted(found, key=lambda snapshot: (snapshot.started, snapshot.name))


def prune(es: Elasticsearch, prefix: str, repository: str, keep: int) -> list[str]:
    """Delete all but the newest ``keep`` complete snapshots of the prefix (and every failed one
    older than those); return the names deleted."""
    snapshots = listing(es, prefix, repository)
    complete = [snapshot for snapshot in snapshots if snapshot.state == "SUCCESS"]
    if complete:
        # Whatever comes after the oldest one kept, failed or in progress, is newer: it stays.
        snapshots = snapshots[:snapshots.index(complete[-keep:][0])]
    deleted = []
    for snapshot in snapshots:
        search.delete_snapshot(es, repository, snapshot.name)
        deleted.append(snapshot.name)
    return deleted


def restore(primary: Engine, es: Elasticsearch, prefix: str, repository: str, name: str | None = None) -> Snapshot:
    """Put the indices of a snapshot (the latest complete one when no name is given) behind the
    prefix's aliases, and the ETL's checkpoints back to what they were then."""
    snapshots = [snapshot for snapshot in listing(es, prefix, repository)
                 if snapshot.state == "SUCCESS" and (name is None or snapshot.name == name)]
    if not snapshots:
        raise SnapshotError(f"no complete snapshot {name or 'of ' + prefix!r} in repository {repository!r}")
    snapshot = snapshots[-1]
    with _streams_held(primary) as control:
        next_transaction = source.next_transaction(control)
        for checkpoint in snapshot.checkpoints:
            for taken in (checkpoint["done_snapshot"], checkpoint["pass_snapshot"]):
                if taken and source.snapshot_horizon(taken) > next_transaction:
                    # The database was restored to a moment before this snapshot: its checkpoints
                    # would mark as carried the transactions the database has yet to run.
                    raise SnapshotError(f"{snapshot.name} is newer than this database (its {checkpoint['stream']}"
                                        " checkpoint is past the database's transactions): restore an older"
                                        " snapshot or rebuild with `fuelstats etl reindex`")
        search.put_templates(es, prefix)  # for the versions that come after
        for kind, index in snapshot.indices.items():
            restored = search.new_index_name(prefix, kind)
            search.restore_index(es, repository, snapshot.name, index, restored)
            for old in search.swap_alias(es, prefix, kind, restored):
                es.indices.delete(index=old)
        for checkpoint in snapshot.checkpoints:
            source.put_checkpoint(control, source.Checkpoint(**checkpoint, updated_at=dt.datetime.now(dt.UTC)))
        for stream in set(STREAMS) - {checkpoint["stream"] for checkpoint in snapshot.checkpoints}:
            source.put_checkpoint(control, source.Checkpoint(stream, source.NO_SNAPSHOT, None, None, None, 0,
                                                             dt.datetime.now(dt.UTC), None))
    log.info("snapshot restored", snapshot=snapshot.name, indices=snapshot.indices)
    return snapshot
