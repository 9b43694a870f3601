"""Every Elasticsearch operation of the ETL: templates, versioned indices behind aliases, bulk writes.

Each kind of document has an alias (``fuelstats-clusters``) that readers use and a versioned index
behind it (``fuelstats-clusters-v20261125103000123456``). A rebuild fills a new version and then
moves the alias in one atomic request, so readers never see a half-built index.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import structlog
from elasticsearch import BadRequestError, Elasticsearch
from elasticsearch.helpers import scan
from elasticsearch_dsl import Document

from fuelstats.core.elastic import alias, connect, dumps  # noqa: F401 (connect: the ETL's callers reach it here)
from fuelstats.etl.documents import ActionLog, Cluster, Installation, OswlStat

log = structlog.get_logger("fuelstats.etl")

KINDS: dict[str, type[Document]] = {
    "installations": Installation,
    "clusters": Cluster,
    "action_logs": ActionLog,
    "oswl_stats": OswlStat,
}
STREAM_OF_KIND = {"installations": "installations", "clusters": "installations", "action_logs": "action_logs",
                  "oswl_stats": "oswl_stats"}
INDEX_SETTINGS = {"number_of_shards": 1, "number_of_replicas": 0, "refresh_interval": "1s"}


@dataclass(frozen=True)
class BulkFailure:
    document_id: str
    index: str
    reason: str
    status: int = 500
    origin: tuple[str, int] | None = None  # the stream and id of the row the document was made from

    @property
    def for_good(self) -> bool:
        """Elasticsearch refused the document itself (400: it cannot parse or map it); sending it again
        changes nothing. Anything else (busy, blocked, an index missing, a failing node) may pass later."""
        return self.status == 400 and self.origin is not None


def new_index_name(prefix: str, kind: str) -> str:
    return f"{alias(prefix, kind)}-v{dt.datetime.now(dt.UTC):%Y%m%d%H%M%S%f}"


def put_templates(es: Elasticsearch, prefix: str) -> None:
    """One index template per kind: every versioned index gets the Document's mapping."""
    for kind, document in KINDS.items():
        es.indices.put_index_template(
            name=alias(prefix, kind),
            index_patterns=[f"{alias(prefix, kind)}-v*"],
            template={"settings": INDEX_SETTINGS, "mappings": document._doc_type.mapping.to_dict()},
            priority=100,
        )


def indices_behind(es: Elasticsearch, name: str) -> list[str]:
    if not es.indices.exists_alias(name=name):
        return []
    return sorted(es.indices.get_alias(name=name).keys())


def ensure_indices(es: Elasticsearch, prefix: str) -> None:
    """Templates, and for each kind without one yet, a first version behind its alias.

    An existing index gets the fields a newer Document added, so an upgrade takes effect without a
    reindex; documents indexed before it get them on the next ``fuelstats etl reindex``.
    """
    put_templates(es, prefix)
    for kind, document in KINDS.items():
        if not indices_behind(es, alias(prefix, kind)):
            es.indices.create(index=new_index_name(prefix, kind), aliases={alias(prefix, kind): {}})
            continue
        try:
            es.indices.put_mapping(index=alias(prefix, kind), **document._doc_type.mapping.to_dict())
        except BadRequestError as error:
            # A field whose type changed: only a new version can have it, and reindex builds one.
            log.warning("mapping changed incompatibly", kind=kind, error=str(error)[:300],
                        remedy=f"fuelstats etl reindex {STREAM_OF_KIND[kind]}")


def create_version(es: Elasticsearch, prefix: str, kind: str) -> str:
    """A new, empty version of the kind's index, not yet behind the alias."""
    put_templates(es, prefix)
    name = new_index_name(prefix, kind)
    es.indices.create(index=name)
    return name


def swap_alias(es: Elasticsearch, prefix: str, kind: str, new_index: str) -> list[str]:
    """Move the alias to ``new_index`` in one atomic step; return the versions it left."""
    name = alias(prefix, kind)
    old = indices_behind(es, name)
    actions: list[dict[str, Any]] = [{"remove": {"index": index, "alias": name}} for index in old]
    actions.append({"add": {"index": new_index, "alias": name}})
    es.indices.update_aliases(actions=actions)
    return old


# Of each item of a _bulk answer, only what tells its fate: about a tenth of the whole answer.
_ITEM_FATE = "errors,items.*.status,items.*.error"
_ANY_ERRORS = "errors"
BUSY = 429  # Elasticsearch's queue is full: the item may be sent again a moment later
BUSY_RETRIES = 3


# A _bulk request's body at most (a single larger action goes alone): well under Elasticsearch's
# http.max_content_length (100 MB), which large action logs could otherwise pass in one chunk,
# and a bound on what one request holds in memory.
MAX_BULK_BYTES = 32 * 2**20


def bulk_bodies(actions: list[dict[str, Any]]) -> Iterator[tuple[list[dict[str, Any]], bytes]]:
    """The NDJSON of index and delete actions (``index_action``, ``delete_action``), in bodies of at
    most MAX_BULK_BYTES, each with the actions it holds."""
    lines: list[bytes] = []
    size = first = 0
    for number, action in enumerate(actions):
        operation = action["_op_type"]
        header = dumps({operation: {"_index": action["_index"], "_id": action["_id"]}})
        source = dumps(action["_source"]) if operation == "index" else None
        grown = len(header) + 1 + (len(source) + 1 if source is not None else 0)
        if lines and size + grown > MAX_BULK_BYTES:
            yield actions[first:number], b"\n".join([*lines, b""])
            lines, size, first = [], 0, number
        lines.append(header)
        if source is not None:
            lines.append(source)
        size += grown
    if lines:
        yield actions[first:], b"\n".join([*lines, b""])


def bulk_body(actions: Iterable[dict[str, Any]]) -> bytes:
    """The NDJSON of index and delete actions, in one body whatever its size."""
    return b"".join(body for _, body in bulk_bodies(list(actions)))


def write(es: Elasticsearch, actions: list[dict[str, Any]], chunk_size: int) -> tuple[int, list[BulkFailure]]:
    """Send index and delete actions in _bulk requests of ``chunk_size``; count what succeeded and
    tell what failed and why.

    Not the client's bulk helpers: they turn every item of every answer into Python objects, which
    halved the rate on two cores (bench/etl.py). Here the body is serialized in one go and the
    answer says only whether any item failed. Only then is the same body sent again for each item's
    fate (its ids are deterministic, so writing a document twice changes nothing): reading a
    thousand fates cost as much as writing the body. A body stays under MAX_BULK_BYTES; a request
    refused whole for one of its items is halved until that item is found.
    """
    done = 0
    failures: list[BulkFailure] = []
    for start in range(0, len(actions), chunk_size):
        for pending, body in bulk_bodies(actions[start:start + chunk_size]):
            done_now, failed = _write_body(es, pending, body)
            done += done_now
            failures += failed
    return done, failures


def _write_body(es: Elasticsearch, pending: list[dict[str, Any]], body: bytes) -> tuple[int, list[BulkFailure]]:
    """One _bulk body; the items refused as busy are sent again (up to BUSY_RETRIES times)."""
    done = 0
    failures: list[BulkFailure] = []
    for attempt in range(BUSY_RETRIES + 1):
        if attempt:
            body = bulk_body(pending)
        try:
            answer = es.bulk(operations=body, filter_path=_ANY_ERRORS)
        except BadRequestError as refusal:
            # The whole request refused for what one item holds (an id over 512 bytes): halve it
            # until that item is alone, so that only it is refused.
            done_in_halves, failed_in_halves = _halved(es, pending, refusal)
            return done + done_in_halves, failures + failed_in_halves
        if answer["errors"]:
            answer = es.bulk(operations=body, filter_path=_ITEM_FATE)
        if not answer["errors"]:
            done += len(pending)
            break
        busy = []
        for action, item in zip(pending, answer["items"], strict=True):
            result = next(iter(item.values()))
            status = int(result.get("status", 500))
            if status < 300 or (action["_op_type"] == "delete" and status == 404):
                done += 1
            elif status == BUSY and attempt < BUSY_RETRIES:
                busy.append(action)
            else:
                failures.append(BulkFailure(str(action["_id"]), str(action["_index"]),
                                            str(result.get("error", status)), status, action.get("origin")))
        if not busy:
            break
        pending = busy
        time.sleep(2**attempt)
    return done, failures


def _halved(es: Elasticsearch, pending: list[dict[str, Any]], refusal: BadRequestError
            ) -> tuple[int, list[BulkFailure]]:
    if len(pending) == 1:
        action = pending[0]
        reason = f"the bulk request was refused for it: {refusal.error}: {str(refusal.info)[:1000]}"
        return 0, [BulkFailure(str(action["_id"]), str(action["_index"]), reason, 400, action.get("origin"))]
    done = 0
    failures: list[BulkFailure] = []
    middle = len(pending) // 2
    for half in (pending[:middle], pending[middle:]):
        done_now, failed = _write_body(es, half, bulk_body(half))
        done += done_now
        failures += failed
    return done, failures


def index_action(document: tuple[str, dict[str, Any]], index: str, origin: tuple[str, int] | None = None
                 ) -> dict[str, Any]:
    """Index a document; ``origin`` (stream, row id) tells where it came from, should it be refused."""
    document_id, source = document
    return {"_op_type": "index", "_index": index, "_id": document_id, "_source": source, "origin": origin}


def delete_action(document_id: str, index: str) -> dict[str, Any]:
    return {"_op_type": "delete", "_index": index, "_id": document_id}


def cluster_ids_of(es: Elasticsearch, index: str, master_node_uids: list[str]) -> Iterator[str]:
    """The ids of the cluster documents now indexed for these master nodes."""
    query = {"query": {"terms": {"master_node_uid": master_node_uids}}, "_source": False}
    for hit in scan(es, index=index, query=query, size=1000):
        yield hit["_id"]


# What an installation lends its action logs. Its environments and their release versions are
# among them: logs of a new environment often arrive before the structure that names it, so they
# are carried again, with their release version, once it does. Its verified mark too: a log is
# verified when it and its installation are (docs/security.md).
MARKS = ("release", "is_filtered", "creation_date", "cluster_ids", "release_versions", "verified")


def marks_of(installation: dict[str, Any]) -> tuple[Any, ...]:
    """The marks of an installation document; the creation date as Elasticsearch returns it."""
    created = installation.get("creation_date")
    return (installation.get("release"), installation.get("is_filtered"),
            created.isoformat() if isinstance(created, dt.datetime) else created,
            installation.get("cluster_ids") or [], installation.get("release_versions") or [],
            installation.get("verified"))


def installation_marks(es: Elasticsearch, index: str, master_node_uids: list[str]) -> dict[str, tuple[Any, ...]]:
    """The marks of these installations as indexed now (absent ones are left out)."""
    if not master_node_uids:
        return {}
    found = es.mget(index=index, ids=master_node_uids, source_includes=list(MARKS))["docs"]
    return {doc["_id"]: marks_of(doc["_source"]) for doc in found if doc.get("found")}


# --- snapshots (etl/snapshots.py, docs/backups.md) -------------------------------------------------

def register_repository(es: Elasticsearch, name: str, location: str) -> None:
    """A shared-filesystem snapshot repository at ``location`` (inside the node's path.repo); again: no change."""
    es.snapshot.create_repository(name=name, repository={"type": "fs", "settings": {"location": location}})


def create_snapshot(es: Elasticsearch, repository: str, name: str, indices: list[str], metadata: dict[str, Any]
                    ) -> dict[str, Any]:
    """Snapshot these indices (not the cluster's templates and settings) and wait until it is complete."""
    answer = es.snapshot.create(repository=repository, snapshot=name, indices=indices, include_global_state=False,
                                metadata=metadata, wait_for_completion=True)
    return dict(answer["snapshot"])


def snapshots(es: Elasticsearch, repository: str) -> list[dict[str, Any]]:
    """Every snapshot in the repository, oldest first."""
    return list(es.snapshot.get(repository=repository, snapshot="_all", sort="start_time")["snapshots"])


def delete_snapshot(es: Elasticsearch, repository: str, name: str) -> None:
    es.snapshot.delete(repository=repository, snapshot=name)


def restore_index(es: Elasticsearch, repository: str, snapshot: str, index: str, as_index: str) -> None:
    """Restore one index of a snapshot under another name, without its aliases; wait until it is complete."""
    es.snapshot.restore(repository=repository, snapshot=snapshot, indices=index, rename_pattern=f"^{index}$",
                        rename_replacement=as_index, include_aliases=False, include_global_state=False,
                        wait_for_completion=True)
