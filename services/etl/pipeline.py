"""The ETL: passes that carry new and changed rows into Elasticsearch, and rebuilds.

A pass of a stream reads, in one repeatable-read transaction (on the replica when there is one),
the rows written since its last completed snapshot; it writes their documents in bulk and moves
its checkpoint on the primary only after Elasticsearch has accepted a whole chunk. Killed at any
point, the next run resumes after the last accepted chunk; documents have deterministic ids, so
writing one again changes nothing. Snapshots are always taken on the primary; a standby is read
once it has replayed as far as the primary was then (source.py says why).

Nothing a master node sends stops a stream: documents are bounded (bounds.py), and one that
Elasticsearch still refuses is parked in ``etl_dead_letters`` while the stream goes on. Nothing an
outage does stops the ETL: every lost connection, at any step, is waited out with backoff, one log
line per attempt; a stream that keeps failing does not hold up the others.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import datetime as dt
import itertools
import math
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from typing import Any

import structlog
from elastic_transport import ConnectionError as ElasticConnectionError
from elastic_transport import ConnectionTimeout
from elasticsearch import ApiError, Elasticsearch
from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError, PendingRollbackError
from tenacity import (
    RetryCallState,
    Retrying,
    retry_if_exception,
    stop_after_attempt,
    stop_never,
    stop_when_event_set,
    wait_exponential,
)
from tqdm import tqdm

from fuelstats.etl import metrics, search, source, transform
from fuelstats_common.database import database_url_of, shown_url

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


class ReplicaBehind(Exception):
    """The standby has not replayed as far as the primary was when the snapshot was taken."""


@dataclass(frozen=True)
class ReplicationLag:
    """How far the standby the ETL reads is behind the primary.

    ``seconds`` is how long ago the primary committed the last transaction the standby has replayed,
    while it has WAL left to replay (0 when it has none; None when it has replayed no transaction
    since it started): the standby shows nothing younger.
    """

    bytes: int
    seconds: float | None


def replication_lag(primary: Engine, reader: Engine) -> ReplicationLag | None:
    """The lag of ``reader`` behind ``primary``; None when ``reader`` is no standby.

    Called by `fuelstats etl status`, and by the follower after every round, for its metrics.
    """
    with primary.connect() as connection:
        position = source.primary_wal_position(connection)
    with reader.connect() as connection:
        lag = source.replay_lag(connection, position)
    return None if lag is None else ReplicationLag(*lag)


IN_FLIGHT = 2  # bulk requests under way at once: Elasticsearch indexes while we read and transform
REPLICA_WAIT = 10.0  # seconds a pass waits for the standby to replay as far as its snapshot; then it is left for later
REINDEX_REPLICA_WAIT = 300.0

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


def is_outage(error: BaseException) -> bool:
    """A failure that passes by itself, so it is waited out: Elasticsearch or PostgreSQL unreachable,
    restarting or busy (a lost connection shows as any of these at any step), documents refused for
    a while, the stream held by another process."""
    if isinstance(error, (ElasticConnectionError, ConnectionTimeout, ApiError, DocumentsRejected, StreamBusy,
                          PendingRollbackError)):
        return True
    return isinstance(error, DBAPIError) and (isinstance(error, (OperationalError, InterfaceError))
                                              or error.connection_invalidated)


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
        origin = ("installations", row["id"])
        actions.append(search.index_action(installation, target.indices["installations"], origin))
        for cluster in clusters:
            actions.append(search.index_action(cluster, target.indices["clusters"], origin))
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
            actions.append(search.index_action(transform.action_log_document(row), target.indices["action_logs"],
                                               ("action_logs", row["id"])))
    return actions


def action_log_actions(rows: list[Mapping[str, Any]], target: Target, reader: Connection, *,
                       incremental: bool) -> list[dict[str, Any]]:
    return [search.index_action(transform.action_log_document(row), target.indices["action_logs"],
                                ("action_logs", row["id"])) for row in rows]


def oswl_actions(rows: list[Mapping[str, Any]], target: Target, reader: Connection, *,
                 incremental: bool) -> list[dict[str, Any]]:
    return [search.index_action(transform.oswl_document(row), target.indices["oswl_stats"], ("oswl_stats", row["id"]))
            for row in rows]


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

ONCE_ATTEMPTS = 5  # tries of each step of `etl run --once` before it gives up
BACKOFF_MIN, BACKOFF_MAX = 1.0, 60.0  # seconds between tries: 1, 2, 4, ... 60
_BACKOFF = wait_exponential(multiplier=1, min=BACKOFF_MIN, max=BACKOFF_MAX)


def backoff_seconds(failures: int) -> float:
    """How long a following stream waits after its ``failures``-th failure in a row: the steps of _BACKOFF."""
    return min(BACKOFF_MAX, max(BACKOFF_MIN, 2.0 ** (failures - 1)))


def _release(control: Connection, stream: str) -> None:
    """Let go of the stream. Its lock lives as long as the session, so a lost connection has let go of
    it already; a connection in doubt is discarded, which ends the session and its lock with it."""
    if control.invalidated or control.closed:
        return
    try:
        source.unlock_stream(control, stream)
    except (DBAPIError, PendingRollbackError):
        control.invalidate()


@dataclass(frozen=True)
class PassOutcome:
    carried: int
    resumed: bool  # it finished a pass begun before it (killed or interrupted), on that pass's snapshot


@dataclass
class Etl:
    primary: Engine
    reader: Engine
    es: Elasticsearch
    prefix: str
    batch_size: int
    interactive: bool = False
    replica_wait: float = REPLICA_WAIT

    def _control(self) -> Connection:
        return self.primary.connect().execution_options(isolation_level="AUTOCOMMIT")

    def _reading(self) -> AbstractContextManager[Connection]:
        return reading(self.reader)

    def _reader_reached(self, position: str, wait: float) -> bool:
        """Whether the reader has replayed the primary's WAL up to ``position``, waiting up to ``wait``
        seconds for it (not at all while its replay is paused)."""
        deadline = time.monotonic() + wait
        with self.reader.connect().execution_options(isolation_level="AUTOCOMMIT") as reader:
            while True:
                reached, paused = source.replay_state(reader, position)
                if reached or paused or time.monotonic() >= deadline:
                    return reached
                time.sleep(0.05)

    # --- where a failure happened, for the log and the one line of `--once` ---

    def _elasticsearch_url(self) -> str:
        nodes = self.es.transport.node_pool.all()
        return ", ".join(f"{node.scheme}://{node.host}:{node.port}{node.path_prefix}" for node in nodes)

    def describe(self, error: BaseException) -> dict[str, str]:
        """Which service failed, at which URL (never with its password), and why, in one line."""
        cause = (str(error).splitlines() or [type(error).__name__])[0][:500]
        if isinstance(error, (ElasticConnectionError, ConnectionTimeout, ApiError, DocumentsRejected)):
            return {"service": "elasticsearch", "url": self._elasticsearch_url(), "cause": cause}
        if isinstance(error, (DBAPIError, PendingRollbackError)):
            # Every engine marks its errors with its URL (fuelstats_common.database); an error raised
            # without one (a connection already in doubt) may come from either.
            urls = {shown_url(engine.url) for engine in (self.primary, self.reader)}
            return {"service": "postgresql", "url": database_url_of(error) or " or ".join(sorted(urls)), "cause": cause}
        return {"service": "etl", "url": "", "cause": cause}

    def _log_wait(self, error: BaseException, *, step: str, attempt: int, wait: float) -> None:
        if is_outage(error):
            log.warning("waiting", step=step, attempt=attempt, wait_seconds=round(wait, 1), **self.describe(error))
        else:  # not an outage: our bug, or data we did not foresee; shown whole, and tried again
            log.error("failed", step=step, attempt=attempt, wait_seconds=round(wait, 1), exc_info=error)

    def _retrying(self, attempts: int | None, step: str, stop: threading.Event | None = None) -> Retrying:
        """Outages waited out with backoff: ``attempts`` tries (None: until ``stop`` is set, or for ever)."""

        def before_sleep(state: RetryCallState) -> None:
            error = state.outcome.exception() if state.outcome else None
            if error is not None:
                self._log_wait(error, step=step, attempt=state.attempt_number,
                               wait=state.next_action.sleep if state.next_action else 0.0)

        ends = stop_after_attempt(attempts) if attempts else stop_never
        return Retrying(
            retry=retry_if_exception(is_outage),
            wait=_BACKOFF,
            stop=ends | stop_when_event_set(stop) if stop is not None else ends,
            sleep=stop.wait if stop is not None else time.sleep,
            before_sleep=before_sleep,
            reraise=True,
        )

    # --- passes ---

    def prepare(self, *, attempts: int | None = ONCE_ATTEMPTS, stop: threading.Event | None = None) -> None:
        """Index templates and indices, Elasticsearch's outages waited out (``attempts=None``: until ``stop``)."""
        self._retrying(attempts, "index setup", stop)(search.ensure_indices, self.es, self.prefix)

    def replication_lag(self) -> ReplicationLag | None:
        return replication_lag(self.primary, self.reader)

    def run_pass(self, stream: Stream) -> int:
        """Carry the stream's new and changed rows; return how many rows were carried."""
        return self._pass(stream).carried

    @metrics.counting_failures
    def _pass(self, stream: Stream) -> PassOutcome:
        target = Target.live(self.es, self.prefix)
        started = time.monotonic()
        with self._control() as control:
            if not source.lock_stream(control, stream.name):
                raise StreamBusy(f"{stream.name}: another ETL process is carrying it")
            try:
                checkpoint = source.load_checkpoint(control, stream.name)
                any_parked = source.any_parked(control)
                after = None
                if checkpoint.pass_snapshot is None:
                    snapshot, position = source.primary_snapshot(control)
                    reached = self._reader_reached(position, self.replica_wait)
                    # Kept even when the standby is not there yet: however far behind it stays, it
                    # reaches this position some day, and the pass then carries its snapshot.
                    source.begin_pass(control, stream.name, snapshot, position)
                else:
                    snapshot = checkpoint.pass_snapshot
                    # A pass begun before positions were kept: where the primary is now is past it.
                    position = checkpoint.pass_lsn or source.primary_snapshot(control)[1]
                    reached = self._reader_reached(position, self.replica_wait)
                    if checkpoint.pass_after_xact_id is not None:
                        after = (checkpoint.pass_after_xact_id, int(checkpoint.pass_after_id or 0))
                if not reached:
                    # Left for a later pass, which finds this one begun: nothing to catch up now.
                    log.info("waiting for the standby", stream=stream.name, position=position)
                    return PassOutcome(0, resumed=False)
                with self._reading() as reader:
                    pending, oldest = source.count_pending(reader, stream.name, done=checkpoint.done_snapshot)
                    metrics.pass_began(stream.name, pending, oldest)
                    progress = Progress(stream.name, pending, self.interactive)
                    rows = source.rows_of_pass(reader, stream.name, done=checkpoint.done_snapshot, target=snapshot,
                                               after=after, batch_size=self.batch_size)
                    try:
                        self._carry(stream, rows, target, reader, control, progress, any_parked)
                    finally:
                        progress.close()
                source.finish_pass(control, stream.name, snapshot)
                metrics.pass_completed(stream.name)
                if progress.done:
                    seconds = time.monotonic() - started
                    log.info("pass done", stream=stream.name, rows=progress.done, seconds=round(seconds, 3),
                             rows_per_second=round(progress.done / seconds))
                return PassOutcome(progress.done, resumed=checkpoint.pass_snapshot is not None)
            finally:
                _release(control, stream.name)

    def _carry(self, stream: Stream, rows: Iterable[Mapping[str, Any]], target: Target, reader: Connection,
               control: Connection, progress: Progress, any_parked: bool) -> None:
        """Write chunk after chunk and move the checkpoint after each, in order. Up to IN_FLIGHT bulk
        requests are under way while the next chunk is read and transformed; the checkpoint only
        ever moves past chunks Elasticsearch has accepted, or whose refused documents are parked,
        and those before them."""
        in_flight: deque[tuple[Future[list[search.BulkFailure]], list[Mapping[str, Any]], list[dict[str, Any]]]] = deque()

        def settle_oldest() -> None:
            written, chunk, actions = in_flight.popleft()
            self._settle(written.result(), actions, target, control, any_parked)
            last = chunk[-1]
            source.advance_pass(control, stream.name, (last["xact_id"], last["id"]), len(chunk))
            progress.update(len(chunk))
            metrics.DOCUMENTS.labels(stream.name).inc(len(chunk))

        with ThreadPoolExecutor(max_workers=IN_FLIGHT, thread_name_prefix="bulk") as writer:
            try:
                for chunk in _chunks(rows, self.batch_size):
                    actions = stream.actions(chunk, target, reader, incremental=True)
                    if len(in_flight) == IN_FLIGHT:
                        settle_oldest()
                    in_flight.append((writer.submit(self._send, stream, actions), chunk, actions))
                while in_flight:
                    settle_oldest()
            finally:
                for written, _, _ in in_flight:
                    written.cancel()

    def _send(self, stream: Stream, actions: list[dict[str, Any]]) -> list[search.BulkFailure]:
        """Write the actions; return the documents Elasticsearch refused for good (to be parked)."""
        _, failures = search.write(self.es, actions, self.batch_size)
        passing = [failure for failure in failures if not failure.for_good]
        if passing:
            for failure in passing[:10]:
                log.error("document refused", stream=stream.name, document=failure.document_id,
                          index=failure.index, reason=failure.reason)
            raise DocumentsRejected(stream.name, passing)
        return failures

    def _settle(self, refused: list[search.BulkFailure], actions: list[dict[str, Any]], target: Target,
                control: Connection, any_parked: bool) -> None:
        """Park what Elasticsearch refused for good; when documents are parked at all, unpark those
        of these actions it accepted now."""
        kinds = {index: kind for kind, index in target.indices.items()}
        letters = [source.DeadLetter(failure.origin[0], failure.document_id, kinds.get(failure.index, failure.index),
                                     failure.origin[1], failure.reason[:4000])
                   for failure in refused if failure.origin is not None]
        for letter in letters[:10]:
            log.error("document parked", stream=letter.stream, document=letter.document_id, kind=letter.kind,
                      row=letter.source_id, reason=letter.reason[:500])
        source.park(control, letters)
        for letter in letters:
            metrics.DEAD_LETTERS.labels(letter.stream).inc()
        if any_parked:
            refused_now = {(letter.stream, letter.document_id) for letter in letters}
            written = {(action["origin"][0], str(action["_id"])) for action in actions if action.get("origin")}
            source.unpark(control, sorted(written - refused_now))

    def run_once(self, streams: Iterable[str] = STREAMS, *, attempts: int | None = ONCE_ATTEMPTS) -> dict[str, int]:
        """Carry every row of each stream that was there when it began, outages retried with backoff
        (``attempts=None``: for ever). A pass that was interrupted is finished first, and then a new
        one is made: ``--once`` leaves nothing pending that existed when it started.

        A stream that fails does not keep the others from their turn; the first failure is raised
        after all of them had it."""
        carried: dict[str, int] = {}
        failures: list[Exception] = []
        for name in streams:
            try:
                carried[name] = self._catch_up(STREAMS[name], attempts)
            except Exception as error:  # raised below, once every stream has had its turn
                log.error("stream failed", stream=name, **self.describe(error))
                failures.append(error)
        if failures:
            raise failures[0]
        return carried

    def _catch_up(self, stream: Stream, attempts: int | None) -> int:
        carried = 0
        while True:
            outcome = self._retrying(attempts, f"{stream.name} pass")(self._pass, stream)
            carried += outcome.carried
            if not outcome.resumed:  # its snapshot was taken now: it saw every row there was
                return carried

    def follow(self, interval: float, stop: threading.Event) -> None:
        """A pass of each stream every ``interval`` seconds until ``stop`` is set. Outages are waited
        out, at start and at every step; a stream that fails waits with backoff (one log line per
        try) while the others go on."""
        try:
            self.prepare(attempts=None, stop=stop)
        except Exception:
            if stop.is_set():
                return
            raise
        failures = dict.fromkeys(STREAMS, 0)
        due = dict.fromkeys(STREAMS, 0.0)
        while not stop.is_set():
            round_started = time.monotonic()
            for name, stream in STREAMS.items():
                if stop.is_set() or time.monotonic() < due[name]:
                    continue
                try:
                    self._pass(stream)
                except Exception as error:  # a daemon: logged, and tried again later
                    failures[name] += 1
                    wait = backoff_seconds(failures[name])
                    due[name] = time.monotonic() + wait
                    self._log_wait(error, step=f"{name} pass", attempt=failures[name], wait=wait)
                else:
                    failures[name], due[name] = 0, 0.0
            self._measure_replication_lag()
            wake = min([round_started + interval, *(at for at in due.values() if at)])
            stop.wait(max(0.0, wake - time.monotonic()))

    def _measure_replication_lag(self) -> None:
        """For the follower's metrics: how far behind the primary the standby it reads is."""
        try:
            lag = self.replication_lag()
        except Exception as error:  # an outage the passes wait out and log; the lag is unknown meanwhile
            log.debug("replication lag unknown", **self.describe(error))
            metrics.replication_lag_seen(math.nan, None)
            return
        if lag is None:  # it reads the primary
            metrics.replication_lag_seen(0, 0.0)
        else:
            metrics.replication_lag_seen(lag.bytes, lag.seconds)

    def reindex(self, name: str) -> dict[str, str]:
        """Rebuild the stream's indices from scratch in new versions, then move the aliases at once.
        Documents refused for good are parked; parked ones the rebuild wrote are unparked."""
        stream = STREAMS[name]
        with self._control() as control:
            deadline = time.monotonic() + 300
            while not source.lock_stream(control, stream.name):  # let a running pass finish
                if time.monotonic() > deadline:
                    raise StreamBusy(f"{stream.name}: another ETL process kept it for 5 minutes")
                time.sleep(1)
            try:
                source.load_checkpoint(control, stream.name)
                rebuild_started = source.now(control)
                snapshot, position = source.primary_snapshot(control)
                if not self._reader_reached(position, REINDEX_REPLICA_WAIT):
                    raise ReplicaBehind(f"{stream.name}: the standby has not replayed the primary's WAL up to"
                                        f" {position} (is its replay paused?)")
                self.prepare()
                built = {kind: search.create_version(self.es, self.prefix, kind) for kind in stream.kinds}
                target = Target(self.es, self.prefix, {**Target.live(self.es, self.prefix).indices, **built})
                with self._reading() as reader:
                    total = source.count_rows(reader, stream.name)
                    progress = Progress(f"{stream.name} (rebuild)", total, self.interactive)
                    rows = source.rows_visible(reader, stream.name, batch_size=self.batch_size, target=snapshot)
                    try:
                        for chunk in _chunks(rows, self.batch_size):
                            actions = stream.actions(chunk, target, reader, incremental=False)
                            self._settle(self._send(stream, actions), actions, target, control, any_parked=False)
                            progress.update(len(chunk))
                    finally:
                        progress.close()
                self.es.indices.refresh(index=list(built.values()))
                for kind, index in built.items():
                    for old in search.swap_alias(self.es, self.prefix, kind, index):
                        self.es.indices.delete(index=old)
                source.finish_pass(control, stream.name, snapshot)
                unparked = source.unpark_older(control, stream.name, rebuild_started)
                log.info("rebuilt", stream=stream.name, rows=progress.done, indices=built, unparked=unparked)
                return built
            finally:
                _release(control, stream.name)

    def status(self) -> list[dict[str, Any]]:
        return stream_status(self.primary, self.reader)


@contextmanager
def reading(reader: Engine) -> Iterator[Connection]:
    """One snapshot of the collector's tables (on the replica when there is one)."""
    with reader.connect().execution_options(isolation_level="REPEATABLE READ") as connection, connection.begin():
        source.begin_reading(connection)
        yield connection


def stream_status(primary: Engine, reader: Engine) -> list[dict[str, Any]]:
    """How far each stream has come, how far behind it is, and how many of its documents are parked
    (`fuelstats etl status`, and the analytics' "data as of")."""
    now = dt.datetime.now(dt.UTC)
    with primary.connect() as control:
        checkpoints = {c.stream: c for c in source.all_checkpoints(control)}
        parked = source.dead_letter_counts(control)
    report = []
    with reading(reader) as connection:
        for name in STREAMS:
            checkpoint = checkpoints.get(name)
            done = checkpoint.done_snapshot if checkpoint else source.NO_SNAPSHOT
            pending, oldest = source.count_pending(connection, name, done=done)
            report.append({
                "stream": name,
                "indexed": checkpoint.indexed if checkpoint else 0,
                "pending": pending,
                "behind_seconds": round((now - oldest).total_seconds(), 1) if oldest else 0.0,
                "pass_in_progress": bool(checkpoint and checkpoint.pass_snapshot),
                "last_activity": checkpoint.updated_at.isoformat() if checkpoint else None,
                "dead_letters": parked.get(name, 0),
            })
    return report
