"""The jobs' operations (docs/jobs.md), named by operationId in openapi/analytics.yaml: thin, over
fuelstats.analytics.jobs. Who calls, and whether from this machine, decides what they may see."""

from __future__ import annotations

from typing import Any

from connexion import request
from starlette.responses import FileResponse, JSONResponse

from fuelstats.analytics import jobs
from fuelstats.analytics.context import accounts_engine
from fuelstats.analytics.handlers import download_name
from fuelstats.analytics.security import client, current_principal
from fuelstats.analytics.settings import get_settings
from fuelstats.core.proxies import is_loopback

Json = dict[str, Any]
EVERYONE = "*"


def _caller() -> jobs.Caller:
    principal = current_principal()
    assert principal is not None, "the spec lets no anonymous request here"
    address = client(request)
    return jobs.Caller(principal, address, is_loopback(address))


def list_jobs(owner: str | None = None, page: int = 1, size: int = 50) -> Json:
    total, found = jobs.listing(accounts_engine(), _caller(), everyone=owner == EVERYONE, page=page, size=size)
    return {"total": total, "page": page, "size": size, "items": [jobs.view(job) for job in found]}


def create_job(body: Json) -> JSONResponse:
    job, _ = jobs.create(accounts_engine(), _caller(), jobs.requested(body))
    shown = jobs.view(job)
    return JSONResponse(shown, status_code=202, headers={"Location": shown["href"]})


def get_job(job_id: str) -> Json:
    return jobs.view(jobs.find(accounts_engine(), _caller(), job_id))


def cancel_job(job_id: str) -> Json:
    return jobs.view(jobs.cancel(accounts_engine(), _caller(), job_id))


def job_result(job_id: str) -> FileResponse:
    """The result's file; Starlette's FileResponse answers Range and If-Range (206, 416) against the strong
    ETag given here, the file's SHA-256."""
    job, path = jobs.result(accounts_engine(), _caller(), job_id, get_settings().require_jobs_dir,
                            request.headers.get("range"))
    spec = jobs.JobSpec.of(job["kind"], job["name"], job["parameters"])
    name = download_name(spec.name if spec.name != "oswl" else f"oswl_{spec.resource_type}", spec.selection,
                         spec.extension)
    return FileResponse(path, media_type=spec.media_type, filename=name,
                        headers={"ETag": f'"{job["result_sha256"]}"', "Cache-Control": "private, no-cache"})
