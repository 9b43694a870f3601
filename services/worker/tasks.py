"""procrastinate in the workers: the queue on psycopg 3, the two tasks, and the loop that runs them.

A worker takes a job from the queue with ``SELECT ... FOR UPDATE SKIP LOCKED`` (procrastinate's
fetch), so however many workers run, on however many machines, each job is taken by one; LISTEN/NOTIFY
wakes them as soon as a job is queued. Every worker beats (``procrastinate_workers``) every
FUELSTATS_WORKER_HEARTBEAT seconds. The sweep, a periodic task deferred once per period whatever the
number of workers, runs again the jobs of a worker silent for three beats (SIGKILLed, its machine
gone), or fails them when they are out of attempts; it also deletes expired results, files nobody
needs, and jobs ended long ago.

A failed attempt is tried again after FUELSTATS_JOB_RETRY_WAIT^n seconds (the database away, a
statement cancelled by a standby), up to FUELSTATS_JOB_ATTEMPTS attempts; then the job fails, with
why. The worker itself waits out an analytics' database that cannot be reached, a log line per try.
"""

from __future__ import annotations

import asyncio
import signal
import socket
import time
import uuid
from typing import Any

import structlog
from procrastinate import App, JobContext, PsycopgConnector, RetryStrategy, exceptions
from procrastinate.job_context import AbortReason
from procrastinate.jobs import Job, Status
from procrastinate.manager import JobManager
from psycopg import OperationalError
from psycopg_pool import PoolTimeout
from sqlalchemy import make_url

from fuelstats.analytics import jobstore
from fuelstats.analytics.jobqueue import QUEUE, RUN_TASK, SWEEP_TASK
from fuelstats.analytics.jobs import KEEP_ENDED_JOBS_DAYS, JobSpec
from fuelstats.core.database import engine_for
from fuelstats.worker import metrics, runner
from fuelstats.worker.settings import WorkerSettings, get_settings
from fuelstats_common.commands import root_cause

log = structlog.get_logger("fuelstats.worker")

# How long a stopping worker lets its jobs run before it aborts them (they are run again later);
# the unit's TimeoutStopSec is longer.
SHUTDOWN_GRACE = 20.0
LONGEST_OUTAGE_WAIT = 30.0
# The sweep goes before every waiting job (procrastinate takes the highest priority first, jobs are 0),
# so that jobs of dead workers are not left behind a queue of exports; it still needs a free slot.
SWEEP_PRIORITY = 100


def _libpq_url(url: str) -> str:
    """An SQLAlchemy URL (postgresql+psycopg2://...) as psycopg 3 takes it."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def worker_app(settings: WorkerSettings) -> App:
    connector = PsycopgConnector(conninfo=_libpq_url(settings.require_analytics_database_url()),
                                 min_size=1, max_size=settings.worker_concurrency + 4, timeout=10)
    app = App(connector=connector)
    retry = RetryStrategy(max_attempts=settings.job_attempts - 1, exponential_wait=settings.job_retry_wait)
    app.task(name=RUN_TASK, queue=QUEUE, pass_context=True, retry=retry if settings.job_attempts > 1 else False)(run)
    sweeper = app.task(name=SWEEP_TASK, queue=QUEUE, pass_context=True, queueing_lock=SWEEP_TASK,
                       priority=SWEEP_PRIORITY)(sweep)
    app.periodic(cron=settings.sweep_cron, periodic_id=SWEEP_TASK)(sweeper)
    return app


# --- the tasks -------------------------------------------------------------------------------------

def run(context: JobContext, job_id: str) -> None:
    """One attempt at a job (in a thread of the worker: exports and reports are blocking work)."""
    settings = get_settings()
    jobs = engine_for(settings.require_analytics_database_url())
    number = context.job.attempts + 1
    with jobs.begin() as connection:
        job = jobstore.start_attempt(connection, uuid.UUID(job_id), number)
    if job is None:
        log.info("job not pending", job=job_id)  # cancelled before it was run
        return
    attempt = runner.Attempt(job["id"], number, JobSpec.of(job["kind"], job["name"], job["parameters"]), jobs,
                             context.should_abort)
    results = settings.require_jobs_dir()
    started = time.monotonic()

    def ended(outcome: str) -> None:
        metrics.ATTEMPTS.labels(job["kind"], outcome).inc()
        metrics.DURATION.labels(job["kind"], outcome).observe(time.monotonic() - started)
        log.info("job attempt ended", job=job_id, kind=job["kind"], name=job["name"], attempt=number,
                 outcome=outcome, rows=attempt.rows, bytes=attempt.bytes, seconds=round(time.monotonic() - started, 3))

    try:
        made = runner.make(attempt, engine_for(settings.read_database_url), results)
    except runner.Stopped:
        if context.abort_reason() == AbortReason.SHUTDOWN:
            _failed(jobs, attempt, "its worker stopped before it was done", settings, ended)
        else:
            ended("cancelled")
        # procrastinate records it aborted, and runs it again when it was its worker that stopped
        raise exceptions.JobAborted from None
    except Exception as error:
        _failed(jobs, attempt, _reason(error), settings, ended)
        raise
    metrics.ROWS.labels(job["kind"]).inc(made.rows)
    with jobs.begin() as connection:
        kept = jobstore.finish_job(connection, attempt.job_id, number, made.rows, made.file, made.bytes, made.sha256,
                                   settings.job_result_lifetime)
    if not kept:  # cancelled, or taken over, between its last note and now
        runner.discard(results, made.file)
        ended("cancelled")
        return
    ended("succeeded")


def _failed(jobs: Any, attempt: runner.Attempt, reason: str, settings: WorkerSettings, ended: Any) -> None:
    final = attempt.number >= settings.job_attempts
    with jobs.begin() as connection:
        jobstore.attempt_failed(connection, attempt.job_id, attempt.number,
                                f"{reason} (attempt {attempt.number} of {settings.job_attempts})", final=final)
    ended("failed" if final else "retried")


def _reason(error: BaseException) -> str:
    """Why an attempt failed, in a line for its user: the error's own words, never a traceback."""
    return f"{type(error).__name__}: {root_cause(error)}"[:500]


async def sweep(context: JobContext, timestamp: int) -> None:
    """Jobs of dead workers run again (or failed), expired results and unneeded files deleted, old jobs forgotten."""
    settings = get_settings()
    jobs = engine_for(settings.require_analytics_database_url())
    manager = context.app.job_manager
    for stalled in await manager.get_stalled_jobs(seconds_since_heartbeat=settings.stalled_after):
        try:
            await _take_over(manager, jobs, stalled, settings)
        except Exception as error:  # the next sweep tries it again; the others are not held up
            log.error("job of a dead worker not taken over", queue_job=stalled.id, task=stalled.task_name,
                      job=stalled.task_kwargs.get("job_id"), error=_reason(error))
    forsaken = await asyncio.to_thread(_fail_forsaken, jobs)
    if forsaken:
        log.warning("jobs whose run had ended failed", jobs=[str(job) for job in forsaken])
    results = settings.require_jobs_dir()
    expired = await asyncio.to_thread(_expire, jobs, results)
    swept = await asyncio.to_thread(runner.sweep_files, results, jobs)
    await manager.delete_old_jobs(nb_hours=KEEP_ENDED_JOBS_DAYS * 24, queue=QUEUE, include_failed=True,
                                  include_cancelled=True, include_aborted=True)
    forgotten = await asyncio.to_thread(_forget, jobs)
    if expired or swept or forgotten:
        log.info("swept", expired_results=expired, files_deleted=swept, jobs_forgotten=forgotten)


async def _take_over(manager: JobManager, jobs: Any, stalled: Job, settings: WorkerSettings) -> None:
    """A job of a dead worker: run again if its row is still pending and it has attempts left, failed
    if not; a run whose row has ended (cancelled, or finished before its worker died) is only closed:
    run again, it could take the queueing lock of the identical job asked for since."""
    job_id = str(stalled.task_kwargs["job_id"]) if stalled.task_name == RUN_TASK else None
    if job_id is not None and not await asyncio.to_thread(_pending, jobs, job_id):
        await manager.finish_job(stalled, status=Status.ABORTED, delete_job=False)
        metrics.STALLED.labels("aborted").inc()
        log.info("job of a dead worker had ended", job=job_id)
        return
    if job_id is not None and stalled.attempts + 1 < settings.job_attempts:
        await manager.retry_job(stalled)
        metrics.STALLED.labels("retried").inc()
        log.warning("job of a dead worker run again", job=job_id, attempts=stalled.attempts + 1)
        return
    await manager.finish_job(stalled, status=Status.FAILED, delete_job=False)
    if job_id is not None:
        await asyncio.to_thread(_fail, jobs, job_id, f"its worker stopped {stalled.attempts + 1} times before it"
                                " was done (killed, or its machine gone)")
        metrics.STALLED.labels("failed").inc()


def _pending(jobs: Any, job_id: str) -> bool:
    with jobs.connect() as connection:
        return jobstore.is_pending(connection, uuid.UUID(job_id))


def _fail(jobs: Any, job_id: str, reason: str) -> None:
    with jobs.begin() as connection:
        jobstore.fail_job(connection, uuid.UUID(job_id), reason)


def _fail_forsaken(jobs: Any) -> list[uuid.UUID]:
    with jobs.begin() as connection:
        return jobstore.fail_forsaken(connection, "its run in the queue ended without a last word from its worker"
                                      " (lost with the database, or its worker killed mid-way): ask for it again")


def _expire(jobs: Any, results: Any) -> int:
    """Results past their time: the rows say expired first (no longer served), then the files go."""
    with jobs.begin() as connection:
        expired = jobstore.expire_results(connection)
    for job in expired:
        runner.discard(results, job["result_file"])
    return len(expired)


def _forget(jobs: Any) -> int:
    with jobs.begin() as connection:
        return jobstore.delete_old_jobs(connection, KEEP_ENDED_JOBS_DAYS)


# --- the worker ------------------------------------------------------------------------------------

def work(settings: WorkerSettings, concurrency: int) -> None:
    """Run jobs until SIGTERM or SIGINT; then let the running ones end (SHUTDOWN_GRACE seconds at most)."""
    asyncio.run(_work(settings, concurrency))


async def _work(settings: WorkerSettings, concurrency: int) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    app = worker_app(settings)
    wait = 1.0
    while not stop.is_set():
        try:
            async with app.open_async():
                wait = 1.0
                await _run_until(app, stop, settings, concurrency)
        except (exceptions.ConnectorException, OperationalError, PoolTimeout, OSError) as error:
            log.error("queue unavailable", error=_reason(error), retry_in=wait)
        if not stop.is_set():
            try:
                await asyncio.wait_for(stop.wait(), wait)
            except TimeoutError:
                pass
            wait = min(wait * 2, LONGEST_OUTAGE_WAIT)


async def _run_until(app: App, stop: asyncio.Event, settings: WorkerSettings, concurrency: int) -> None:
    """procrastinate's worker until ``stop``; it returns or raises by itself when it loses the database."""
    worker = asyncio.create_task(app.run_worker_async(
        queues=[QUEUE], concurrency=concurrency, name=socket.gethostname(), install_signal_handlers=False,
        update_heartbeat_interval=settings.worker_heartbeat, stalled_worker_timeout=settings.stalled_after,
        shutdown_graceful_timeout=SHUTDOWN_GRACE, abort_job_polling_interval=runner.PROGRESS_EVERY,
        listen_notify=True))
    stopping = asyncio.create_task(stop.wait())
    await asyncio.wait({worker, stopping}, return_when=asyncio.FIRST_COMPLETED)
    stopping.cancel()
    if not worker.done():
        worker.cancel()  # procrastinate's graceful stop: no new job, the running ones end or are aborted
        try:
            await worker
        except asyncio.CancelledError:
            pass
        return
    worker.result()
    log.error("worker stopped by itself: the queue's database was lost")
