"""Asynchronous jobs (docs/jobs.md): exports and heavy reports made by workers, not inside a request.

An export of tens of millions of rows, or a report over the whole action-log history, takes longer
than any request should. A job is asked for (``create``), queued in the analytics' own database
(procrastinate, fuelstats.analytics.jobqueue), made by a worker (``fuelstats worker run``,
fuelstats.worker) into a file of the results folder, and downloaded from there, resumably, until
it expires. Here is what the API does with jobs: what may be asked for, by whom, and what a user
sees of them. Who may do what follows the parts of the API: an export is the private part's (an
admin, from this machine), a report anyone's who may read the reports. A job is its user's; an
admin sees everyone's.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, RowMapping

from fuelstats.analytics import audit, jobqueue, jobstore
from fuelstats.analytics.accounts import Principal
from fuelstats.analytics.models import JOB_KINDS, PENDING_JOB_STATES
from fuelstats.analytics.storage import EXPORTS, Range
from fuelstats.core.errors import Refused

# What a job makes. Exports are those of the private part, by the same functions (exports.py); the
# OSWL export names its resource type; the archive is every export in one ZIP.
EXPORT_NAMES = (*EXPORTS, "oswl", "archive")
REPORT_NAMES = ("deployment_history",)
MEDIA_TYPES = {"csv": "text/csv", "zip": "application/zip", "json": "application/json"}

# Job rows (and procrastinate's) are deleted this long after they ended; results go much earlier
# (FUELSTATS_JOB_RESULT_LIFETIME).
KEEP_ENDED_JOBS_DAYS = 30


def selection(from_: str | None, to: str | None, include_filtered: bool, *, path: str) -> Range:
    """The dates and filtered installations an export or a report covers; ``from`` after ``to`` is refused."""
    chosen = Range(dt.date.fromisoformat(from_) if from_ else None, dt.date.fromisoformat(to) if to else None,
                   include_filtered)
    if chosen.since and chosen.until and chosen.since > chosen.until:
        raise Refused(400, f"from {chosen.since} is after to {chosen.until}", rule="date-range", path=path)
    return chosen


@dataclass(frozen=True)
class JobSpec:
    """What a job makes: its kind, its name, and its parameters, normalised (so that identical requests
    look identical: the deduplication compares these)."""

    kind: str
    name: str
    selection: Range
    resource_type: str | None = None

    @property
    def parameters(self) -> dict[str, Any]:
        parameters: dict[str, Any] = {
            "from": self.selection.since and self.selection.since.isoformat(),
            "to": self.selection.until and self.selection.until.isoformat(),
            "include_filtered": self.selection.include_filtered,
        }
        if self.resource_type is not None:
            parameters["resource_type"] = self.resource_type
        return parameters

    @property
    def extension(self) -> str:
        if self.kind == "report":
            return "json"
        return "zip" if self.name == "archive" else "csv"

    @property
    def media_type(self) -> str:
        return MEDIA_TYPES[self.extension]

    @property
    def is_private(self) -> bool:
        """An export holds the collector's data as stored: the private part's rule holds for it."""
        return self.kind == "export"

    @classmethod
    def of(cls, kind: str, name: str, parameters: dict[str, Any]) -> JobSpec:
        """The spec of a stored job."""
        return cls(kind, name, selection(parameters.get("from"), parameters.get("to"),
                                         bool(parameters.get("include_filtered")), path="$.from"),
                   parameters.get("resource_type"))


def requested(body: dict[str, Any]) -> JobSpec:
    """The job a request asks for (the spec has checked each field; here, how they go together)."""
    kind, name, resource_type = body["kind"], body["name"], body.get("resource_type")
    names = EXPORT_NAMES if kind == "export" else REPORT_NAMES
    if name not in names:
        raise Refused(400, f"{kind} {name!r} is none of {', '.join(names)}", rule="job-name", path="$.name")
    if (resource_type is not None) != (name == "oswl"):
        raise Refused(400, "resource_type goes with the oswl export, and only with it", rule="resource-type",
                      path="$.resource_type")
    chosen = selection(body.get("from"), body.get("to"), bool(body.get("include_filtered", False)), path="$.from")
    return JobSpec(kind, name, chosen, resource_type)


def dedupe_key(owner: str, spec: JobSpec) -> str:
    """The same for the same user asking for the same thing, however the request was written."""
    what = json.dumps([owner, spec.kind, spec.name, spec.parameters], sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(what.encode()).hexdigest()


# --- who may see what --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Caller:
    """Who acts on jobs, and whether from this machine (the private part's rule, for exports)."""

    principal: Principal
    address: str | None
    local: bool

    @property
    def is_admin(self) -> bool:
        return self.principal.may("admin")

    def audit(self, engine_or_connection: Any, event: str, job: RowMapping, **details: Any) -> None:
        record = audit.record if not isinstance(engine_or_connection, Engine) else audit.record_alone
        record(engine_or_connection, event, actor=self.principal.name, address=self.address, job=str(job["id"]),
               kind=job["kind"], name=job["name"], via=self.principal.via, **job["parameters"], **details)


def _may_ask_for(caller: Caller, spec: JobSpec) -> None:
    if spec.is_private:
        if not caller.is_admin:
            raise Refused(403, "an export is the private part's: it needs the admin role", rule="role")
        if not caller.local:
            raise Refused(403, "exports answer only requests from this machine", rule="local-only")


def _visible(caller: Caller, job: RowMapping | None) -> RowMapping:
    """The job if the caller may see it: their own, or anyone's for an admin; an export only from this machine.
    Another's job looks like no job at all (404), so ids tell nothing."""
    if job is None or not (caller.is_admin or job["user_id"] == caller.principal.user_id):
        raise Refused(404, "no such job", rule="known-job", path="path.job_id")
    if job["kind"] == "export" and not caller.local:
        raise Refused(403, "exports answer only requests from this machine", rule="local-only")
    return job


def _job_id(text: str) -> uuid.UUID:
    try:
        return uuid.UUID(text)
    except ValueError:
        raise Refused(404, "no such job", rule="known-job", path="path.job_id") from None


# --- what the API does -------------------------------------------------------------------------------

def create(engine: Engine, caller: Caller, spec: JobSpec) -> tuple[RowMapping, bool]:
    """The job asked for, queued; or the identical one of the same user that is still pending. True when new.

    The row, its place in the queue and the audit's record are one transaction: there is never a job
    without its queue entry, nor the other way round."""
    _may_ask_for(caller, spec)
    key = dedupe_key(caller.principal.name, spec)
    with engine.begin() as connection:
        while True:
            job_id = jobstore.insert_job(connection, caller.principal.user_id, spec.kind, spec.name, spec.parameters,
                                         key)
            if job_id is not None:
                break
            existing = jobstore.pending_job(connection, key)
            if existing is not None:
                return existing, False
            # The pending job that refused the row ended between the two statements (each sees what is
            # committed when it starts): nothing was written, and the row may now go in. Each turn
            # needs another identical job asked for and ended meanwhile, so the loop ends.
        jobstore.set_queue_job(connection, job_id, jobqueue.defer(connection, str(job_id), key))
        job = jobstore.job(connection, job_id)
        assert job is not None
        caller.audit(connection, "job-created", job)
    return job, True


def find(engine: Engine, caller: Caller, job_id: str) -> RowMapping:
    with engine.connect() as connection:
        return _visible(caller, jobstore.job(connection, _job_id(job_id)))


def listing(engine: Engine, caller: Caller, *, everyone: bool, page: int, size: int) -> tuple[int, list[RowMapping]]:
    """The caller's jobs, newest first; an admin may ask for everyone's. From another machine, no exports."""
    if everyone and not caller.is_admin:
        raise Refused(403, "only an admin sees everyone's jobs", rule="role", path="query.owner")
    kinds = JOB_KINDS if caller.local else tuple(kind for kind in JOB_KINDS if kind != "export")
    with engine.connect() as connection:
        return jobstore.jobs_page(connection, None if everyone else caller.principal.user_id, kinds,
                                  offset=(page - 1) * size, limit=size)


def cancel(engine: Engine, caller: Caller, job_id: str) -> RowMapping:
    """A pending job cancelled: at once for its user; a worker running it stops within a second and
    deletes what it wrote. A job that has ended is refused (409)."""
    with engine.begin() as connection:
        job = _visible(caller, jobstore.job(connection, _job_id(job_id)))
        cancelled = jobstore.cancel_job(connection, job["id"])
        if cancelled is None:
            raise Refused(409, f"the job has {job['state']}: only a queued or running job can be cancelled",
                          rule="job-state")
        if cancelled["queue_job_id"] is not None:
            jobqueue.cancel(connection, cancelled["queue_job_id"])
        caller.audit(connection, "job-cancelled", cancelled)
    return cancelled


def result(engine: Engine, caller: Caller, job_id: str, results: Callable[[], Path], requested_range: str | None
           ) -> tuple[RowMapping, Path]:
    """The job and its result's file in the folder ``results`` names (asked only then: without one, only a
    download is refused), once it has succeeded and until it expires (409 before, 410 after).
    Every download is audited, with the part of the file asked for."""
    job = find(engine, caller, job_id)
    if job["state"] in PENDING_JOB_STATES:
        raise Refused(409, f"the job is {job['state']}: its result is not made yet", rule="job-state")
    if job["state"] == "expired" or (job["state"] == "succeeded" and job["expires_at"] <= _now()):
        raise Refused(410, "the job's result has expired and was deleted: ask for the job again", rule="job-expired")
    if job["state"] != "succeeded":
        raise Refused(409, f"the job has {job['state']}: it has no result", rule="job-state")
    path = results() / job["result_file"]
    if not path.is_file():  # deleted a moment ago by a worker's sweep
        raise Refused(410, "the job's result has expired and was deleted: ask for the job again", rule="job-expired")
    caller.audit(engine, "job-result", job, range=requested_range)
    return job, path


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def view(job: RowMapping) -> dict[str, Any]:
    """A job as the API shows it."""
    spec = JobSpec.of(job["kind"], job["name"], job["parameters"])
    succeeded = job["state"] == "succeeded"
    return {
        "id": str(job["id"]),
        "owner": job["owner"],
        "kind": job["kind"],
        "name": job["name"],
        "parameters": spec.parameters,
        "state": job["state"],
        "progress": {"rows_done": job["rows_done"], "rows_estimate": job["rows_estimate"],
                     "bytes_done": job["bytes_done"]},
        "attempts": job["attempts"],
        "error": job["error"],
        "created_at": job["created_at"].isoformat(),
        "started_at": job["started_at"] and job["started_at"].isoformat(),
        "finished_at": job["finished_at"] and job["finished_at"].isoformat(),
        "expires_at": job["expires_at"] and job["expires_at"].isoformat(),
        "result": {"href": f"/api/v1/jobs/{job['id']}/result/", "bytes": job["result_bytes"],
                   "media_type": spec.media_type} if succeeded else None,
        "href": f"/api/v1/jobs/{job['id']}/",
    }
