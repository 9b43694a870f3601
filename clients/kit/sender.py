"""The sender daemon: what a master node has not sent yet goes to the collector, exactly once.

A record is marked sent only after the collector acknowledged it (`added`/`existed` for action
logs, `added`/`updated` for OSWL). The collector keys every record (master node, id), so a record
sent again after a crash or a lost answer is `existed`, never a second copy: killing the sender at
any moment loses nothing and stores nothing twice. `skipped` (a task still running) stays unsent.

With the master's key (FUELSTATS_MASTER_KEY_FILE, made by `fuelstats-master init`), each run
enrolls it first (the collector trusts the first key of a master node; enrolling it again changes
nothing) and signs every request; a collector that refuses the signature stops the run
(`unauthorized`): no other request of it would be taken either.
"""

from __future__ import annotations

import datetime as dt
import random
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import structlog
from sqlalchemy import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError
from tenacity import (
    Retrying,
    retry_if_exception_type,
    retry_if_not_exception_type,
    stop_after_attempt,
    wait_exponential,
    wait_random,
)

from fuelstats_common.database import describe_database_error
from fuelstats_kit import storage
from fuelstats_kit.collector import (
    Collector,
    CollectorRefused,
    CollectorUnauthorized,
    CollectorUnavailable,
    CollectorUntrusted,
)
from fuelstats_kit.installation import InstallationInfoProvider
from fuelstats_kit.master_key import load_key
from fuelstats_kit.master_settings import MasterNode, load_master_node

if TYPE_CHECKING:
    from fuelstats_kit.settings import KitSettings

log = structlog.get_logger("fuelstats_kit.sender")
T = TypeVar("T")
ACKNOWLEDGED_ACTION_LOG = frozenset({"added", "existed"})
ACKNOWLEDGED_OSWL = frozenset({"added", "updated"})


@dataclass(frozen=True)
class SenderConfig:
    collector_url: str
    batch_size: int = 100
    timeout: float = 30.0
    run_seconds: float = 600.0
    attempts: int = 5
    first_wait: float = 1.0  # seconds before the first retry; it doubles, with jitter, up to max_wait
    max_wait: float = 60.0
    ca_file: Path | None = None  # the authorities the collector's certificate is verified against; None: the system's
    key_file: Path | None = None  # the master's signing key; none (or no file): requests go unsigned


def config_of(settings: KitSettings) -> SenderConfig:
    """The sender's configuration as the kit's settings give it: the daemon's, and the preview's."""
    return SenderConfig(collector_url=settings.collector_url, batch_size=settings.send_batch_size,
                        timeout=settings.send_timeout, run_seconds=settings.send_run_seconds,
                        attempts=settings.send_attempts, ca_file=settings.collector_ca_file,
                        key_file=settings.master_key_file)


@dataclass
class RunReport:
    # done, disabled, no-master-node, busy, collector-down, collector-untrusted, unauthorized, interrupted,
    # out-of-time, failed
    outcome: str = "done"
    signed: bool = False  # the run signed its requests with the master's key
    action_logs_sent: int = 0
    # What is left unsent in the master's database when the run ends, however it ended (tasks still
    # running, refused records, a run out of time or the collector down); None when the database
    # did not answer.
    action_logs_pending: int | None = None
    installation_structure: str = "not-sent"
    oswl_stats_sent: int = 0
    oswl_stats_pending: int | None = None
    failure_reports_sent: int = 0  # spooled while the collector was down (failure_reports.py)
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)


class _OutOfTime(Exception):
    pass


def _json_ready(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    return value


def action_log_record(master_node_uid: str, row: dict[str, Any]) -> dict[str, Any]:
    """A row of `action_logs` as the v1 record: its id is the external id, the row is the body."""
    return {"master_node_uid": master_node_uid, "external_id": row["id"],
            "body": {name: _json_ready(value) for name, value in row.items()}}


def oswl_record(master_node_uid: str, row: dict[str, Any]) -> dict[str, Any]:
    record = {name: _json_ready(value) for name, value in row.items() if name != "is_sent"}
    return {**record, "master_node_uid": master_node_uid}


def installation_structure(provider: InstallationInfoProvider, master: MasterNode) -> dict[str, Any]:
    """The v1 installation structure a run sends: the provider's, with the contact its owner agreed to send."""
    return {**provider.installation_info(master.uid), "user_information": master.user_information()}


@dataclass(frozen=True)
class Stream:
    """A table of records the sender sends in batches until none is left unsent."""

    name: str
    read: Callable[[Connection, int, int], list[dict[str, Any]]]  # (after id, limit) -> unsent rows in id order
    mark: Callable[[Connection, list[int]], None]
    record: Callable[[str, dict[str, Any]], dict[str, Any]]  # (master node uid, row) -> the v1 record
    acknowledged: frozenset[str]


ACTION_LOGS = Stream("action_logs", storage.unsent_action_logs, storage.mark_action_logs_sent, action_log_record,
                     ACKNOWLEDGED_ACTION_LOG)
OSWL_STATS = Stream("oswl_stats", storage.unsent_oswl_stats, storage.mark_oswl_stats_sent, oswl_record,
                    ACKNOWLEDGED_OSWL)


def unsent_batches(engine: Engine, stream: Stream, batch_size: int,
                   before_each: Callable[[], None] = lambda: None) -> Iterator[list[dict[str, Any]]]:
    """The stream's unsent rows, batch after batch in id order, as a run reads them; each batch is
    read after ``before_each`` and after the caller handled the batch before it."""
    after = 0
    while True:
        before_each()
        with engine.connect() as connection:
            rows = stream.read(connection, after, batch_size)
        if not rows:
            return
        after = rows[-1]["id"]
        yield rows


class Sender:
    def __init__(self, engine: Engine, provider: InstallationInfoProvider, config: SenderConfig,
                 stop: threading.Event | None = None,
                 send_spooled_failures: Callable[[MasterNode], list[str]] | None = None) -> None:
        self.engine = engine
        self.provider = provider
        self.config = config
        self.stop = stop or threading.Event()
        # Failure reports go at once; those kept while the collector was down go with the next run.
        self.send_spooled_failures = send_spooled_failures

    # --- one run ---

    def run_once(self) -> RunReport:
        report = RunReport()
        started = time.monotonic()
        try:
            with self._exclusive() as alone:
                if not alone:
                    report.outcome = "busy"  # another sender is running against this database
                else:
                    self._run(report, deadline=started + self.config.run_seconds)
        except Exception as error:
            # The master's database down (an upgrade, a restart) or a provider that broke: the daemon
            # carries on and the next run tries again; what was acknowledged is marked already.
            report.outcome = "failed"
            report.errors.append((describe_database_error(error) or f"{type(error).__name__}: {error}")[:500])
        finally:
            report.seconds = round(time.monotonic() - started, 3)
            self._count_backlog(report)
            log.info("sender run", **asdict(report))
        return report

    def _count_backlog(self, report: RunReport) -> None:
        """What is left to send, as the master's database counts it: the run's own tally misses what it
        never reached."""
        try:
            with self.engine.connect() as connection:
                report.action_logs_pending = storage.count_unsent_action_logs(connection)
                report.oswl_stats_pending = storage.count_unsent_oswl_stats(connection)
        except SQLAlchemyError:
            pass  # the database is down: the run already says so, and the backlog stays unknown

    @contextmanager
    def _exclusive(self) -> Iterator[bool]:
        # A session lock: a killed sender's connection closes and its lock goes with it.
        with self.engine.connect() as connection:
            alone = storage.try_lock(connection, storage.SENDER_LOCK)
            connection.commit()
            try:
                yield alone
            finally:
                if alone:
                    storage.unlock(connection, storage.SENDER_LOCK)
                    connection.commit()

    def _run(self, report: RunReport, deadline: float) -> None:
        master = load_master_node(self.engine)
        if master is None:
            report.outcome = "no-master-node"
            return
        if not master.send_statistics:
            report.outcome = "disabled"
            return
        key = load_key(self.config.key_file) if self.config.key_file else None
        collector = Collector(self.config.collector_url, master.uid, self.config.timeout, self.config.ca_file, key)
        report.signed = collector.signs
        try:
            self._retrying(collector.ping, deadline)
            if collector.signs:
                self._enrol(collector, report, deadline)
            if self.send_spooled_failures is not None:
                report.failure_reports_sent = len(self.send_spooled_failures(master))
            self._send_action_logs(collector, master, report, deadline)
            self._send_installation_structure(collector, master, report, deadline)
            self._send_oswl_stats(collector, master, report, deadline)
        except CollectorUntrusted as error:
            report.outcome = "collector-untrusted"
            report.errors.append(str(error))
        except CollectorUnavailable as error:
            report.outcome = "collector-down"
            report.errors.append(str(error))
        except CollectorUnauthorized as error:
            report.outcome = "unauthorized"
            report.errors.append(f"the collector refuses this master's signature: {error}")
        except _OutOfTime:
            report.outcome = "interrupted" if self.stop.is_set() else "out-of-time"
        finally:
            collector.close()

    def _enrol(self, collector: Collector, report: RunReport, deadline: float) -> None:
        try:
            self._retrying(collector.enrol, deadline)
        except CollectorUnauthorized:
            raise
        except CollectorRefused as error:
            if error.status != 404:
                raise CollectorUnauthorized(error.status, str(error), error.rule) from None
            # A collector older than master keys: it takes the requests, and ignores their signatures.
            report.errors.append("the collector does not enrol master keys yet")

    def _retrying(self, call: Callable[[], T], deadline: float) -> T:
        """`call`, tried again with growing waits while the collector is unavailable and time remains."""
        # Jitter, so that masters that lost the collector together do not all come back together.
        backoff_of = (wait_exponential(multiplier=self.config.first_wait, max=self.config.max_wait)
                      + wait_random(0, self.config.first_wait))

        def wait(state: Any) -> float:
            backoff = backoff_of(state)
            error = state.outcome.exception() if state.outcome else None
            return max(backoff, getattr(error, "retry_after", None) or 0.0)

        def out_of_time(state: Any) -> bool:
            return time.monotonic() + wait(state) >= deadline or self.stop.is_set()

        for attempt in Retrying(stop=stop_after_attempt(self.config.attempts) | out_of_time, wait=wait,
                                retry=(retry_if_exception_type(CollectorUnavailable)
                                       & retry_if_not_exception_type(CollectorUntrusted)), reraise=True,
                                sleep=self._sleep):
            with attempt:
                self._check_time(deadline)
                return call()
        raise AssertionError("unreachable: tenacity reraises")

    def _sleep(self, seconds: float) -> None:
        if self.stop.wait(seconds):
            raise _OutOfTime

    def _check_time(self, deadline: float) -> None:
        if self.stop.is_set() or time.monotonic() >= deadline:
            raise _OutOfTime

    # --- the three streams ---

    def _send_action_logs(self, collector: Collector, master: MasterNode, report: RunReport,
                          deadline: float) -> None:
        self._send_stream(ACTION_LOGS, master, collector.send_action_logs, deadline, report)

    def _send_installation_structure(self, collector: Collector, master: MasterNode, report: RunReport,
                                     deadline: float) -> None:
        self._check_time(deadline)
        structure = installation_structure(self.provider, master)
        try:
            self._retrying(lambda: collector.send_installation_structure(structure), deadline)
            report.installation_structure = "sent"
        except CollectorUnauthorized:
            raise
        except CollectorRefused as error:
            report.installation_structure = "refused"
            report.errors.append(f"installation structure: {error}")

    def _send_oswl_stats(self, collector: Collector, master: MasterNode, report: RunReport, deadline: float) -> None:
        self._send_stream(OSWL_STATS, master, collector.send_oswl_stats, deadline, report)

    def _send_stream(self, stream: Stream, master: MasterNode,
                     send_records: Callable[[list[dict[str, Any]]], dict[int, str]], deadline: float,
                     report: RunReport) -> None:
        """Unsent rows in id order, batch by batch; counted in the report as they go (a run may stop midway)."""
        def send(rows: list[dict[str, Any]]) -> dict[int, str]:
            return send_records([stream.record(master.uid, row) for row in rows])

        for rows in unsent_batches(self.engine, stream, self.config.batch_size, lambda: self._check_time(deadline)):
            for batch, statuses in self._deliver(rows, send, deadline, report):
                done = [row["id"] for row in batch if statuses.get(row["id"]) in stream.acknowledged]
                with self.engine.begin() as connection:
                    stream.mark(connection, done)
                setattr(report, f"{stream.name}_sent", getattr(report, f"{stream.name}_sent") + len(done))

    def _deliver(self, rows: list[dict[str, Any]], send: Callable[[list[dict[str, Any]]], dict[int, str]],
                 deadline: float, report: RunReport) -> Iterator[tuple[list[dict[str, Any]], dict[int, str]]]:
        """The batch's statuses; when the collector refuses the batch, each row's own, so one bad row
        stays behind (unsent, logged) instead of holding back every row after it."""
        try:
            yield rows, self._retrying(lambda: send(rows), deadline)
            return
        except CollectorUnauthorized:
            raise
        except CollectorRefused as error:
            if len(rows) == 1:
                report.errors.append(f"record {rows[0]['id']} refused: {error}")
                yield rows, {}
                return
        for row in rows:
            yield from self._deliver([row], send, deadline, report)


def next_wait(interval: float, rng: random.Random) -> float:
    """The interval dithered by a quarter either way."""
    return interval * rng.uniform(0.75, 1.25)


def follow(sender: Sender, interval: float, rng: random.Random | None = None) -> None:
    """Run about once per `interval` until `sender.stop` is set; the first run at a random moment in it,
    so masters installed (or restarted) together do not all send together."""
    rng = rng or random.Random()
    wait = rng.uniform(0, interval)
    while not sender.stop.wait(wait):
        sender.run_once()
        wait = next_wait(interval, rng)
