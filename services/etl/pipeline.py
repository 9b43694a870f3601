"""The ETL: passes that carry new and changed rows into Elasticsearch, and rebuilds.

A pass of a stream reads, in one repeatable-read transaction (on the replica when there is one),
the rows written since its last completed snapshot; it writes their documents in bulk and moves
its checkpoint on the primary only after Elasticsearch has accepted a whole chunk. Killed at any
point, the next run resumes after the last accepted chunk; documents have deterministic ids, so
writing one again changes nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import datetime as dt
import itertools
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import structlog
from elastic_transport import ConnectionError as ElasticConnectionError
from elastic_transport import ConnectionTimeout
from elasticsearch import ApiError, Elasticsearch
from sqlalchemy import Connection, Engine
from sqlalchemy.exc import OperationalError
from tenacity import RetryCallState, Retrying, retry_if_exception_type, stop_after_attempt, stop_never, wait_exponential
from tqdm import tqdm

from fuelstats.etl import search, source, transform

log = structlog.get_logger("fuelstats.etl")


class DocumentsRejected(Exception):
    """Elasticsearch refused documents; the checkpoint stays before them."""

    def __init__(self, stream: str, failures: list[search.BulkFailure]) -> None:
        first = failures[0]
        super().__init__(f"{stream}: Elasticsearch refused {len(failures)} documents, first {first.document_id}"
                         f" in {first.index}: {first.reason}")
        self.failures = failures


class StreamBusy(Exception):
    """Another ETL process is carrying this stream."""


IN_FLIGHT = 2  # bulk requests under way at once: Elasticsearch indexes while we read and transform

# glibc's malloc options (malloc.h), and what the ETL sets them to.
_M_TRIM_THRESHOLD, _M_TOP_PAD = -1, -2
_KEPT_FREE = 64 * 2**20


def keep_freed_memory() -> None:
    """Let glibc keep up to 64 MiB of freed memory for the next chunk.

    By default it gives the memory of each chunk back to the system as soon as the chunk is written
    and faults it in again for the next one: that took a quarter of the ETL's time (bench/etl.py).
    Peak memory stays what the largest chunk needs. Without glibc, nothing changes.
    """
    libc_name = ctypes.util.find_library("c")
    libc = ctypes.CDLL(libc_name) if libc_name else None
    if libc is not None and hasattr(libc, "mallopt"):
        libc.mallopt(_M_TRIM_THRESHOLD, _KEPT_FREE)
        libc.mallopt(_M_TOP_PAD, _KEPT_FREE // 4)


RETRIED = (ElasticConnectionError, ConnectionTimeout, ApiError, OperationalError, DocumentsRejected, StreamBusy)


@dataclass(frozen=True)
class Target:
    """Where documents go: the Elasticsearch client and, per kind, the index (or alias) to write to."""

    es: Elasticsearch
    prefix: str
    indices: dict[str, str]

    @classmethod
    def live(cls, es: Elasticsearch, prefix: str) -> Target:
        return cls(es, prefix, {kind: search.alias(prefix, kind) for kind in search.KINDS})


# --- documents of each stream --------------------------------------------------------------------

def installation_actions(rows: list[Mapping[str, Any]], target: Target, reader: Connection, *,
                         incremental: bool) -> list[dict[str, Any]]:
    actions = []
    kept: set[str] = set()
    documents = {}
    secret = source.public_id_secret(reader) if rows else ""
    for row in rows:
        installation, clusters = transform.installation_documents(
            row["master_node_uid"], row["structure"], release=row["release"], is_filtered=row["is_filtered"],
            creation_date=row["creation_date"], modification_date=row["modification_date"],
            verified=row["verified"], public_id=transform.installation_id(secret, row["master_node_uid"]),
        )
        documents[row["master_node_uid"]] = installation[1]
        actions.append(search.index_action(installation, target.indices["installations"]))
        for cluster in clusters:
            actions.append(search.index_action(cluster, target.indices["clusters"]))
            kept.add(cluster[0])
    if incremental:
        uids = sorted(documents)
        # An update replaces the installation's documents: clusters it no longer reports go.
        for document_id in search.cluster_ids_of(target.es, target.indices["clusters"], uids):
            if document_id not in kept:
                actions.append(search.delete_action(document_id, target.indices["clusters"]))
        # Action logs carry their installation's release, filtered and verified marks: when those change (or
        # the installation reports for the first time), its logs are carried again.
        indexed = search.installation_marks(target.es, target.indices["installations"], uids)
        changed = [uid for uid in uids if indexed.get(uid) != search.marks_of(documents[uid])]
        for row in source.action_logs_of(reader, changed, batch_size=1000) if changed else ():
            actions.append(search.index_action(transform.action_log_document(row), target.indices["action_logs"]))
    return actions


def action_log_actions(rows: list[Mapping[str, Any]], target: Target, reader: Connection, *,
                       incremental: bool) -> list[dict[str, Any]]:
    return [search.index_action(transform.action_log_document(row), target.indices["action_logs"]) for row in rows]


def oswl_actions(rows: list[Mapping[str, Any]], target: Target, reader: Connection, *,
                 incremental: bool) -> list[dict[str, Any]]:
    return [search.index_action(transform.oswl_document(row), target.indices["oswl_stats"]) for row in rows]


@dataclass(frozen=True)
class Stream:
    name: str
    kinds: tuple[str, ...]
    actions: Callable[..., list[dict[str, Any]]]


STREAMS = {
    stream.name: stream
    for stream in (
        Stream("installations", ("installations", "clusters"), installation_actions),
        Stream("action_logs", ("action_logs",), action_log_actions),
        Stream("oswl_stats", ("oswl_stats",), oswl_actions),
    )
}


# --- progress ------------------------------------------------------------------------------------

class Progress:
    """A bar on a terminal; otherwise a log line every few seconds and one at the end."""

    def __init__(self, stream: str, total: int, interactive: bool) -> None:
        self.stream = stream
        self.total = total
        self.done = 0
        self._last_line = time.monotonic()
        self._bar = tqdm(total=total, desc=stream, unit="rows", file=sys.stderr) if interactive else None

    def update(self, rows: int) -> None:
        self.done += rows
        if self._bar is not None:
            self._bar.update(rows)
        elif time.monotonic() - self._last_line > 5:
            log.info("progress", stream=self.stream, rows=self.done, of=self.total)
            self._last_line = time.monotonic()

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


def _chunks(rows: Iterable[Mapping[str, Any]], size: int) -> Iterator[list[Mapping[str, Any]]]:
    iterator = iter(rows)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


# --- the ETL -------------------------------------------------------------------------------------

@dataclass
class Etl:
    primary: Engine
    reader: Engine
    es: Elasticsearch
    prefix: str
    batch_size: int
    interactive: bool = False

    def _control(self) -> Connection:
        return self.primary.connect().execution_options(isolation_level="AUTOCOMMIT")

    @contextmanager
    def _reading(self) -> Iterator[Connection]:
        """One snapshot of the collector's tables (on the replica when there is one)."""
        with self.reader.connect().execution_options(isolation_level="REPEATABLE READ") as reader, reader.begin():
            source.begin_reading(reader)
            yield reader

    def prepare(self) -> None:
        search.ensure_indices(self.es, self.prefix)

    def run_pass(self, stream: Stream) -> int:
        """Carry the stream's new and changed rows; return how many rows were carried."""
        target = Target.live(self.es, self.prefix)
        started = time.monotonic()
        with self._control() as control:
            if not source.lock_stream(control, stream.name):
                raise StreamBusy(f"{stream.name}: another ETL process is carrying it")
            try:
                checkpoint = source.load_checkpoint(control, stream.name)
                with self._reading() as reader:
                    snapshot = checkpoint.pass_snapshot or source.current_snapshot(reader)
                    if checkpoint.pass_snapshot is None:
                        source.begin_pass(control, stream.name, snapshot)
                        after = None
                    elif checkpoint.pass_after_xact_id is not None:
                        after = (checkpoint.pass_after_xact_id, int(checkpoint.pass_after_id or 0))
                    else:
                        after = None
                    pending, _ = source.count_pending(reader, stream.name, done=checkpoint.done_snapshot)
                    progress = Progress(stream.name, pending, self.interactive)
                    rows = source.rows_of_pass(reader, stream.name, done=checkpoint.done_snapshot, target=snapshot,
                                               after=after, batch_size=self.batch_size)
                    try:
                        self._carry(stream, rows, target, reader, control, progress)
                    finally:
                        progress.close()
                source.finish_pass(control, stream.name, snapshot)
                if progress.done:
                    seconds = time.monotonic() - started
                    log.info("pass done", stream=stream.name, rows=progress.done, seconds=round(seconds, 3),
                             rows_per_second=round(progress.done / seconds))
                return progress.done
            finally:
                source.unlock_stream(control, stream.name)

    def _carry(self, stream: Stream, rows: Iterable[Mapping[str, Any]], target: Target, reader: Connection,
               control: Connection, progress: Progress) -> None:
        """Write chunk after chunk and move the checkpoint after each, in order. Up to IN_FLIGHT bulk
        requests are under way while the next chunk is read and transformed; the checkpoint only
        ever moves past chunks Elasticsearch has accepted, and those before them."""
        in_flight: deque[tuple[Future[None], list[Mapping[str, Any]]]] = deque()

        def settle_oldest() -> None:
            written, chunk = in_flight.popleft()
            written.result()
            last = chunk[-1]
            source.advance_pass(control, stream.name, (last["xact_id"], last["id"]), len(chunk))
            progress.update(len(chunk))

        with ThreadPoolExecutor(max_workers=IN_FLIGHT, thread_name_prefix="bulk") as writer:
            try:
                for chunk in _chunks(rows, self.batch_size):
                    actions = stream.actions(chunk, target, reader, incremental=True)
                    if len(in_flight) == IN_FLIGHT:
                        settle_oldest()
                    in_flight.append((writer.submit(self._send, stream, actions), chunk))
                while in_flight:
                    settle_oldest()
            finally:
                for written, _ in in_flight:
                    written.cancel()

    def _send(self, stream: Stream, actions: list[dict[str, Any]]) -> None:
        _, failures = search.write(self.es, actions, self.batch_size)
        if failures:
            for failure in failures[:10]:
                log.error("document refused", stream=stream.name, document=failure.document_id,
                          index=failure.index, reason=failure.reason)
            raise DocumentsRejected(stream.name, failures)

    def run_once(self, streams: Iterable[str] = STREAMS, *, attempts: int | None = 5) -> dict[str, int]:
        """One pass of each stream, each retried with backoff (``attempts=None``: for ever)."""
        carried = {}
        for name in streams:
            carried[name] = _retrying(attempts)(self.run_pass, STREAMS[name])
        return carried

    def follow(self, interval: float, stop: threading.Event) -> None:
        """Passes every ``interval`` seconds until ``stop`` is set; outages are waited out."""
        while not stop.is_set():
            started = time.monotonic()
            self.run_once(attempts=None)
            stop.wait(max(0.0, interval - (time.monotonic() - started)))

    def reindex(self, name: str) -> dict[str, str]:
        """Rebuild the stream's indices from scratch in new versions, then move the aliases at once."""
        stream = STREAMS[name]
        with self._control() as control:
            deadline = time.monotonic() + 300
            while not source.lock_stream(control, stream.name):  # let a running pass finish
                if time.monotonic() > deadline:
                    raise StreamBusy(f"{stream.name}: another ETL process kept it for 5 minutes")
                time.sleep(1)
            try:
                source.load_checkpoint(control, stream.name)
                self.prepare()
                built = {kind: search.create_version(self.es, self.prefix, kind) for kind in stream.kinds}
                target = Target(self.es, self.prefix, {**Target.live(self.es, self.prefix).indices, **built})
                with self._reading() as reader:
                    snapshot = source.current_snapshot(reader)
                    total = source.count_rows(reader, stream.name)
                    progress = Progress(f"{stream.name} (rebuild)", total, self.interactive)
                    try:
                        for chunk in _chunks(source.rows_visible(reader, stream.name, batch_size=self.batch_size),
                                             self.batch_size):
                            self._send(stream, stream.actions(chunk, target, reader, incremental=False))
                            progress.update(len(chunk))
                    finally:
                        progress.close()
                self.es.indices.refresh(index=list(built.values()))
                for kind, index in built.items():
                    for old in search.swap_alias(self.es, self.prefix, kind, index):
                        self.es.indices.delete(index=old)
                source.finish_pass(control, stream.name, snapshot)
                log.info("rebuilt", stream=stream.name, rows=progress.done, indices=built)
                return built
            finally:
                source.unlock_stream(control, stream.name)

    def status(self) -> list[dict[str, Any]]:
        """How far each stream has come and how far behind it is."""
        now = dt.datetime.now(dt.UTC)
        with self._control() as control:
            checkpoints = {c.stream: c for c in source.all_checkpoints(control)}
        report = []
        with self._reading() as reader:
            for name in STREAMS:
                checkpoint = checkpoints.get(name)
                done = checkpoint.done_snapshot if checkpoint else source.NO_SNAPSHOT
                pending, oldest = source.count_pending(reader, name, done=done)
                report.append({
                    "stream": name,
                    "indexed": checkpoint.indexed if checkpoint else 0,
                    "pending": pending,
                    "behind_seconds": round((now - oldest).total_seconds(), 1) if oldest else 0.0,
                    "pass_in_progress": bool(checkpoint and checkpoint.pass_snapshot),
                    "last_activity": checkpoint.updated_at.isoformat() if checkpoint else None,
                })
        return report


def _log_retry(state: RetryCallState) -> None:
    error = state.outcome.exception() if state.outcome else None
    log.warning("retrying", attempt=state.attempt_number, wait_seconds=round(state.next_action.sleep, 1)
                if state.next_action else None, error=str(error).splitlines()[0] if error else None)


def _retrying(attempts: int | None) -> Retrying:
    return Retrying(
        retry=retry_if_exception_type(RETRIED),
        wait=wait_exponential(multiplier=1, min=1, max=60),
        stop=stop_after_attempt(attempts) if attempts else stop_never,
        before_sleep=_log_retry,
        reraise=True,
    )
