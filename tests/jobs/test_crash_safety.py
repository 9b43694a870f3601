"""Jobs survive what happens to workers and databases: a worker SIGKILLed mid-job leaves it to another,
which finishes it once; two workers never take one job; a running job is cancelled mid-way; a
failing attempt is retried after a wait, and a job that always fails (a poison job) fails for good,
with why, after FUELSTATS_JOB_ATTEMPTS attempts.

A job is held mid-way by a lock on the collector's table it reads: the worker has taken it (its row
says running) and waits in PostgreSQL until the test lets go.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import text

from fuelstats.core.database import engine_for
from tests.jobs.conftest import create, metrics_of, wait_for


@contextmanager
def locked(database_url: str, table: str) -> Iterator[None]:
    """Nobody reads ``table`` of the collector's database until the block ends."""
    with engine_for(database_url).connect() as connection, connection.begin():
        connection.execute(text(f"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE"))
        yield


@contextmanager
def table_away(database_url: str, table: str) -> Iterator[None]:
    """``table`` of the collector's database is not there until the block ends (every read of it fails)."""
    with engine_for(database_url).begin() as connection:
        connection.execute(text(f"ALTER TABLE {table} RENAME TO {table}_away"))
    try:
        yield
    finally:
        with engine_for(database_url).begin() as connection:
            connection.execute(text(f"ALTER TABLE {table}_away RENAME TO {table}"))


def queue_row(queue: str, job: dict) -> tuple[str, int]:  # type: ignore[type-arg]
    """procrastinate's status and attempts of the run of ``job``: one row per job."""
    with engine_for(queue).connect() as connection:
        [row] = connection.execute(text("SELECT q.status, q.attempts FROM procrastinate_jobs q"
                                        " JOIN jobs j ON j.queue_job_id = q.id WHERE j.id = :id"),
                                   {"id": job["id"]}).all()
    return str(row.status), int(row.attempts)


def until(found: Callable[[], Any], timeout: float = 30) -> Any:
    """What ``found`` returns once it is something."""
    deadline = time.monotonic() + timeout
    while not (value := found()):
        assert time.monotonic() < deadline, "never came"
        time.sleep(0.1)
    return value


def ended(worker, job_id: str) -> list[str]:  # type: ignore[no-untyped-def]
    """How each attempt of the job that ``worker`` ran ended."""
    return [event["outcome"] for event in worker.events("job attempt ended") if event["job"] == job_id]


def test_a_worker_killed_mid_job_leaves_it_to_another_which_finishes_it_once(api, start_worker, jobs_dir,
                                                                            database_url, queue):
    first = start_worker()
    with locked(database_url, "action_logs"):
        job = create(api, kind="export", name="action_logs")
        wait_for(api, job["id"], "running")
        first.kill()
        assert [path.name for path in jobs_dir.iterdir()] == [f".{job['id']}-1.csv.part"]
        second = start_worker()
    done = wait_for(api, job["id"], "succeeded", "failed", timeout=60)
    assert done["state"] == "succeeded" and done["attempts"] == 2, done
    assert api.get(done["result"]["href"]).content == api.get("/api/v1/private/exports/action_logs/").content
    assert [path.name for path in jobs_dir.iterdir()] == [f"{job['id']}-2.csv"], "the killed attempt's file went"
    assert ended(second, job["id"]) == ["succeeded"]
    assert queue_row(queue, job) == ("succeeded", 2)  # procrastinate ran it twice (its attempts count the ended)


def test_two_workers_never_run_one_job_twice(api, start_worker, database_url, queue):
    workers = [start_worker(), start_worker()]
    with locked(database_url, "action_logs"):
        # Each worker runs one job at a time: the first two jobs keep both busy, so both take one.
        held = [create(api, kind="export", name="action_logs"), create(api, kind="report", name="deployment_history")]
        for job in held:
            wait_for(api, job["id"], "running")
        waiting = [create(api, kind="export", name=name) for name in ("clusters", "nodes", "plugins")]
        waiting.append(create(api, kind="report", name="deployment_history", include_filtered=True))
    jobs = [wait_for(api, job["id"], "succeeded", "failed") for job in held + waiting]
    assert all(job["state"] == "succeeded" and job["attempts"] == 1 for job in jobs), jobs
    for job in jobs:
        assert sorted(ended(workers[0], job["id"]) + ended(workers[1], job["id"])) == ["succeeded"], job["id"]
        assert queue_row(queue, job) == ("succeeded", 1)
    ran_by = [index for job in held for index, worker in enumerate(workers) if ended(worker, job["id"])]
    assert sorted(ran_by) == [0, 1], "each worker ran one of the held jobs"


def test_a_running_job_is_cancelled_mid_way(api, start_worker, jobs_dir, database_url, queue):
    worker = start_worker()
    with locked(database_url, "action_logs"):
        job = create(api, kind="report", name="deployment_history")
        wait_for(api, job["id"], "running")
        cancelled = api.post(f"/api/v1/jobs/{job['id']}/cancel/")
        assert cancelled.status_code == 200 and cancelled.json()["state"] == "cancelled"
        # The worker stops its query in PostgreSQL while the lock still holds it: mid-way, not at the end.
        wait_for(api, job["id"], "cancelled")
        assert until(lambda: ended(worker, job["id"])) == ["cancelled"]
    assert list(jobs_dir.iterdir()) == [], "what it wrote went"
    assert queue_row(queue, job)[0] == "aborted"
    again = api.post(f"/api/v1/jobs/{job['id']}/cancel/")
    assert (again.status_code, again.json()["rule"]) == (409, "job-state")
    result = api.get(f"/api/v1/jobs/{job['id']}/result/")
    assert (result.status_code, result.json()["rule"]) == (409, "job-state")


def test_a_failed_attempt_is_retried_and_a_poison_job_fails_with_its_reason(api, start_worker, database_url):
    worker = start_worker(FUELSTATS_JOB_ATTEMPTS="3")
    with table_away(database_url, "action_logs"):
        job = create(api, kind="report", name="deployment_history")
        failed_once = until(lambda: (seen := api.get(f"/api/v1/jobs/{job['id']}/").json())["error"] and seen)
    assert "action_logs" in failed_once["error"] and failed_once["error"].endswith("(attempt 1 of 3)")
    done = wait_for(api, job["id"], "succeeded", "failed")
    assert done["state"] == "succeeded" and done["attempts"] == 2 and done["error"] is None

    with table_away(database_url, "action_logs"):
        poison = create(api, kind="report", name="deployment_history", include_filtered=True)
        failed = wait_for(api, poison["id"], "failed", "succeeded", timeout=60)
    assert failed["state"] == "failed" and failed["attempts"] == 3 and failed["result"] is None
    assert failed["error"].startswith("ProgrammingError: relation \"action_logs\" does not exist")
    assert failed["error"].endswith("(attempt 3 of 3)")
    exposed = metrics_of(worker)
    assert 'fuelstats_job_attempts_total{kind="report",outcome="retried"} 3.0' in exposed
    assert 'fuelstats_job_attempts_total{kind="report",outcome="failed"} 1.0' in exposed


def test_the_sweep_goes_before_the_jobs_that_wait(api, start_worker, database_url, queue):
    start_worker()  # one job at a time
    with engine_for(queue).connect() as connection:
        def sweep_waiting() -> int | None:
            return connection.execute(text("SELECT id FROM procrastinate_jobs WHERE task_name = 'fuelstats.jobs.sweep'"
                                            " AND status = 'todo'")).scalar()

        with locked(database_url, "action_logs"):
            held, waiting = create(api, kind="export", name="action_logs"), create(api, kind="export", name="plugins")
            wait_for(api, held["id"], "running")
            sweep = until(sweep_waiting)  # deferred after the job that waits, while the held one runs
        wait_for(api, waiting["id"], "succeeded")
        started = connection.execute(text(
            "SELECT e.job_id FROM procrastinate_events e WHERE e.type = 'started' AND e.job_id IN"
            " (:sweep, (SELECT queue_job_id FROM jobs WHERE id = :waiting)) ORDER BY e.id"),
            {"sweep": sweep, "waiting": waiting["id"]}).scalars().all()
    assert started[0] == sweep, "the sweep ran first, once the slot was free"



def held_back(queue: str, job: dict, until_when: str) -> None:  # type: ignore[type-arg]
    """The run of ``job`` waits in the queue until ``until_when`` (as if every worker were busy meanwhile)."""
    with engine_for(queue).begin() as connection:
        connection.execute(text(f"UPDATE procrastinate_jobs SET scheduled_at = {until_when}"
                                " WHERE id = (SELECT queue_job_id FROM jobs WHERE id = :id)"), {"id": job["id"]})


def test_a_dead_workers_job_that_had_ended_is_not_run_again_and_the_others_are(api, start_worker, database_url,
                                                                                queue):
    first = start_worker(FUELSTATS_WORKER_CONCURRENCY="2")
    with locked(database_url, "action_logs"):
        ended_job = create(api, kind="export", name="action_logs")
        other = create(api, kind="report", name="deployment_history")
        for job in (ended_job, other):
            wait_for(api, job["id"], "running")
        first.kill()
    # Its worker had written the row's end (here, failed for good), and was killed before telling procrastinate.
    with engine_for(queue).begin() as connection:
        connection.execute(text("UPDATE jobs SET state = 'failed', error = 'it ended', finished_at = now()"
                                " WHERE id = :id"), {"id": ended_job["id"]})
    # Asked for again, and waiting in the queue with the queueing lock the old run's would take back if run again.
    again = create(api, kind="export", name="action_logs")
    assert again["id"] != ended_job["id"]
    held_back(queue, again, "now() + interval '1 hour'")
    second = start_worker()
    assert until(lambda: queue_row(queue, ended_job)[0] != "doing", timeout=20)
    assert queue_row(queue, ended_job)[0] == "aborted"
    assert wait_for(api, other["id"], "succeeded", "failed")["state"] == "succeeded", "the sweep went on"
    held_back(queue, again, "now()")
    assert wait_for(api, again["id"], "succeeded", "failed")["state"] == "succeeded"
    assert api.get(f"/api/v1/jobs/{ended_job['id']}/").json()["error"] == "it ended", "left as it ended"
    assert not second.events("job of a dead worker not taken over")
    assert 'fuelstats_jobs_stalled_total{outcome="aborted"} 1.0' in metrics_of(second)


def test_a_pending_job_whose_run_ended_in_the_queue_fails_with_why(api, start_worker, queue):
    # No worker yet: the jobs wait. Then procrastinate's runs end, but the rows never hear of it.
    statuses = ("succeeded", "failed", "cancelled", "aborted")
    forsaken = [create(api, kind="export", name=name) for name in ("clusters", "nodes", "plugins", "action_logs")]
    waiting = create(api, kind="report", name="deployment_history")
    with engine_for(queue).begin() as connection:
        for job, status in zip(forsaken, statuses, strict=True):
            connection.execute(text("UPDATE procrastinate_jobs SET status = :status"
                                    " WHERE id = (SELECT queue_job_id FROM jobs WHERE id = :id)"),
                               {"id": job["id"], "status": status})
    start_worker()
    for job in forsaken:
        failed = wait_for(api, job["id"], "failed", timeout=20)
        assert failed["error"].startswith("its run in the queue ended without a last word from its worker")
        assert create(api, kind="export", name=job["name"])["id"] != job["id"], "asked again: a new job"
    assert wait_for(api, waiting["id"], "succeeded", "failed")["state"] == "succeeded"
