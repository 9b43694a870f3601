"""What a worker makes of a job: its result, written where the analytics serve it, all or nothing.

An export is made by the private part's own functions (fuelstats.analytics.exports), so a job's
file is byte for byte what the synchronous export streams; the deployment history by one query
over every action log (fuelstats.analytics.storage), written as JSON.

A result is written into a temporary file of the results folder (``.JOB-ATTEMPT.part``), flushed to
disk, then renamed to ``JOB-ATTEMPT.EXT``: a rename within one folder is atomic, and the analytics
serve only the file a succeeded job's row names, so half a file is never served. The row says
succeeded only if the attempt is still the job's (fuelstats.analytics.jobstore); otherwise, the
job was cancelled or taken over meanwhile, and the file goes. Every second the attempt notes its
progress in the row, and learns there whether it should stop.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import structlog
from sqlalchemy import Engine

from fuelstats.analytics import exports, jobstore, storage
from fuelstats.analytics.jobs import JobSpec
from fuelstats_common.commands import root_cause

log = structlog.get_logger("fuelstats.worker")

PROGRESS_EVERY = 1.0  # seconds between notes of progress, and looks at whether to stop
PART = ".part"


class Stopped(Exception):
    """The attempt must stop: its job was cancelled, taken over by another attempt, or its worker is stopping."""


@dataclass
class Attempt:
    """One attempt at a job, as it goes: what it has written, and whether it may go on."""

    job_id: uuid.UUID
    number: int
    spec: JobSpec
    jobs: Engine  # the analytics' database, where the job's row is
    should_abort: Callable[[], bool]  # procrastinate's: a cancel, or the worker's shutdown
    rows: int = 0
    bytes: int = 0
    estimate: int | None = None
    _noted_at: float = field(default_factory=time.monotonic)
    _stopped: bool = False

    def count_rows(self, rows: int) -> None:
        """Rows made (by the exporter's thread, as PostgreSQL sends them: the only writer of ``rows``)."""
        self.rows += rows

    def advance(self, written: int) -> None:
        """Count what was written; every PROGRESS_EVERY seconds, tell the row and raise Stopped if told to stop."""
        self.bytes += written
        if time.monotonic() - self._noted_at >= PROGRESS_EVERY:
            self.check()

    def check(self) -> None:
        self._noted_at = time.monotonic()
        if not self._stopped and self.should_abort():
            self._stopped = True
        if not self._stopped:
            with self.jobs.begin() as connection:
                self._stopped = not jobstore.note_progress(connection, self.job_id, self.number, self.rows,
                                                           self.bytes, self.estimate)
        if self._stopped:
            raise Stopped

    @property
    def stopped(self) -> bool:
        return self._stopped


@dataclass(frozen=True)
class Made:
    file: str
    bytes: int
    sha256: str
    rows: int


def file_of(job_id: uuid.UUID, attempt: int, extension: str) -> str:
    return f"{job_id}-{attempt}.{extension}"


def job_of(file: str) -> uuid.UUID | None:
    """The job a file of the results folder belongs to; None for a stranger."""
    try:
        return uuid.UUID(file.removeprefix(".")[:36])
    except ValueError:
        return None


def make(attempt: Attempt, collector: Engine, results: Path) -> Made:
    """The attempt's result, in its place in ``results``; Stopped (and nothing left behind) if it must stop."""
    discard_earlier_attempts(results, attempt.job_id)
    final = results / file_of(attempt.job_id, attempt.number, attempt.spec.extension)
    temporary = results / f".{final.name}{PART}"
    try:
        digest = hashlib.sha256()
        with temporary.open("wb") as out:
            for data in _contents(attempt, collector):
                out.write(data)
                digest.update(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, final)
        _sync_folder(results)
    finally:
        temporary.unlink(missing_ok=True)
    return Made(final.name, final.stat().st_size, digest.hexdigest(), attempt.rows)


def _contents(attempt: Attempt, collector: Engine) -> Iterator[bytes]:
    spec = attempt.spec
    if spec.kind == "report":
        yield _deployment_history(attempt, collector)
        return
    if spec.name != "archive":  # the archive's many exports have no one estimate
        with collector.connect() as connection:
            attempt.estimate = (storage.oswl_estimate(connection, spec.resource_type or "", spec.selection)
                                if spec.name == "oswl" else storage.export_estimate(connection, spec.name,
                                                                                    spec.selection))
    attempt.check()
    with contextlib.closing(_export_chunks(spec, collector, attempt.count_rows)) as chunks:
        for chunk in chunks:
            attempt.advance(len(chunk))
            yield chunk
    attempt.check()


def _export_chunks(spec: JobSpec, collector: Engine, counted: exports.RowCounter) -> Iterator[bytes]:
    """The synchronous export's own bytes (one exporter: PostgreSQL's COPY, fuelstats.analytics.exports)."""
    if spec.name == "archive":
        return exports.export_archive(collector, spec.selection, counted)
    if spec.name == "oswl":
        return exports.export_oswl_csv(collector, spec.resource_type or "", spec.selection, counted)
    return exports.export_csv(collector, spec.name, spec.selection, counted)


def _deployment_history(attempt: Attempt, collector: Engine) -> bytes:
    """One query over every action log, cancelled in PostgreSQL when the attempt must stop."""
    attempt.check()
    with collector.connect() as connection, connection.begin():
        with _cancelled_on_stop(attempt, connection.connection.dbapi_connection):
            try:
                rows = storage.deployment_history(connection, attempt.spec.selection)
            except Exception:
                if attempt.stopped:
                    raise Stopped from None
                raise
    attempt.count_rows(len(rows))
    report = {
        "report": attempt.spec.name,
        "title": "Deployments per Fuel release and month: outcomes, durations, failures before the first success",
        "parameters": attempt.spec.parameters,
        "generated_at": dt.datetime.now(dt.UTC).isoformat(),
        "columns": storage.DEPLOYMENT_HISTORY_COLUMNS,
        "rows": rows,
    }
    data = json.dumps(report, indent=1).encode()
    attempt.advance(len(data))
    return data


@contextlib.contextmanager
def _cancelled_on_stop(attempt: Attempt, dbapi_connection: Any) -> Iterator[None]:
    """While the block runs one long statement, a thread looks every PROGRESS_EVERY seconds whether the
    attempt must stop, and cancels the statement in PostgreSQL if so."""
    done = threading.Event()

    def watch() -> None:
        while not done.wait(PROGRESS_EVERY):
            try:
                attempt.check()
            except Stopped:
                dbapi_connection.cancel()
                return
            except Exception as error:  # the database is away: the statement will fail by itself
                log.warning("progress not noted", job=str(attempt.job_id), error=root_cause(error))

    watcher = threading.Thread(target=watch, name=f"watch-{attempt.job_id}", daemon=True)
    watcher.start()
    try:
        yield
    finally:
        done.set()
        watcher.join()


def _sync_folder(folder: Path) -> None:
    """The rename itself on disk: a crash after it must not bring back the folder without the file."""
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def discard_earlier_attempts(results: Path, job_id: uuid.UUID) -> None:
    """What earlier attempts at the job left (a worker killed mid-way leaves its temporary file)."""
    for path in results.glob(f"*{job_id}-*"):
        if job_of(path.name) == job_id:
            path.unlink(missing_ok=True)


def discard(results: Path, file: str | None) -> None:
    if file:
        (results / file).unlink(missing_ok=True)


def sweep_files(results: Path, jobs: Engine) -> int:
    """Files of the results folder that no job needs any more: of jobs neither pending nor served
    (a result whose job row was marked expired but whose deletion was cut short, a temporary file
    whose worker died), and strangers' are left alone. How many went."""
    files = {path.name: job_of(path.name) for path in results.iterdir() if path.is_file()}
    owners = sorted({job for job in files.values() if job is not None})
    with jobs.connect() as connection:
        pending, served = jobstore.kept_files(connection, owners)
    gone = 0
    for name, job in files.items():
        if job is not None and job not in pending and name not in served:
            (results / name).unlink(missing_ok=True)
            gone += 1
    return gone
