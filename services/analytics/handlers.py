"""The analytics operations, named by operationId in openapi/analytics.yaml."""

from __future__ import annotations

import datetime as dt
from typing import Any

from connexion import request
from starlette.responses import JSONResponse, StreamingResponse

from fuelstats.analytics import audit, exports, freshness, jobs, reports, storage
from fuelstats.analytics.context import accounts_engine, collector_engine, primary_engine, queries
from fuelstats.analytics.queries import Filters
from fuelstats.analytics.security import client, current_principal
from fuelstats.analytics.settings import get_settings
from fuelstats.analytics.storage import Range
from fuelstats.collector import keys
from fuelstats.collector import quarantine as collector_quarantine
from fuelstats.core import health
from fuelstats.core.errors import Refused

Json = dict[str, Any]
JOB_REQUESTS = "/api/v1/job_requests/"


def _filters(release: str | None, from_: str | None, to: str | None, include_filtered: bool,
             verified_only: bool = False) -> Filters:
    return Filters(
        release=release,
        since=dt.date.fromisoformat(from_) if from_ else None,
        until=dt.date.fromisoformat(to) if to else None,
        include_filtered=include_filtered,
        verified_only=verified_only,
    )


def readyz() -> tuple[Json, int]:
    """Elasticsearch, the analytics' own database (every request's credentials are looked up there), and
    the database the private part reads, each when one is set."""
    settings = get_settings()
    database = [health.database(settings.read_database_url)] if settings.database_url else []
    accounts = ([health.database(settings.analytics_database_url, "accounts")] if settings.analytics_database_url
                else [])
    return health.readiness([*database, *accounts, health.elasticsearch(settings.elasticsearch_url)],
                            settings.readiness_timeout)


def list_reports() -> Json:
    return reports.listing()


def get_report(name: str, release: str | None = None, from_: str | None = None, to: str | None = None,
               include_filtered: bool = False, verified_only: bool = False) -> Json:
    return reports.report(queries(), name, _filters(release, from_, to, include_filtered, verified_only))


def get_summary(release: str | None = None, from_: str | None = None, to: str | None = None,
                include_filtered: bool = False, verified_only: bool = False) -> Json:
    return reports.summary(queries(), _filters(release, from_, to, include_filtered, verified_only))


def search(kind: str, q: str | None = None, release: str | None = None, from_: str | None = None,
           to: str | None = None, include_filtered: bool = False, verified_only: bool = False,
           installation_id: str | None = None, os: str | None = None, hypervisor: str | None = None,
           network_type: str | None = None, status: str | None = None, page: int = 1, size: int = 20,
           sort: str = "-creation_date", aggs: list[str] | None = None) -> Json:
    terms = {"installation_id": installation_id, "os": os, "hypervisor": hypervisor, "network_type": network_type,
             "status": status}
    return reports.search(queries(), kind, _filters(release, from_, to, include_filtered, verified_only), text=q,
                          terms=terms, page=page, size=size, sort=sort, aggregations=list(aggs or []))


def get_status() -> Json:
    return freshness.data_status(primary_engine(), stale_after=get_settings().data_stale_after)


def installation_history(installation_id: str) -> Json:
    return reports.installation_history(queries(), installation_id)


# --- private part ---------------------------------------------------------------------------------

def _range(from_: str | None, to: str | None, include_filtered: bool) -> Range:
    return jobs.selection(from_, to, include_filtered, path="query.from")


def _download(chunks: Any, media_type: str, name: str, selection: Range, extension: str) -> StreamingResponse:
    _audit_export(name or "archive", selection)
    return StreamingResponse(chunks, media_type=media_type, headers={
        "Content-Disposition": f'attachment; filename="{download_name(name, selection, extension)}"'})


def download_name(name: str, selection: Range, extension: str) -> str:
    """What a download holds, in its file name: fuel-stats_clusters_2026-01-01_to_2026-01-31_with-filtered.csv
    (the archive's, and an archive job's, has no name: fuel-stats_all-dates.zip)."""
    name = "" if name == "archive" else name
    return f"fuel-stats{name and '_' + name}{_download_suffix(selection)}.{extension}"


def _audit_export(kind: str, selection: Range) -> None:
    """Every download of the private part is in the audit trail: who took what, from where."""
    principal = current_principal()
    audit.record_alone(accounts_engine(), "export", actor=principal.name if principal else None,
                       address=client(request), kind=kind,
                       **{"from": selection.since and selection.since.isoformat(),
                          "to": selection.until and selection.until.isoformat()},
                       include_filtered=selection.include_filtered, via=principal.via if principal else None)


def _download_suffix(selection: Range) -> str:
    if selection.since and selection.until:
        dates = f"_{selection.since}_to_{selection.until}"
    elif selection.since:
        dates = f"_from_{selection.since}"
    elif selection.until:
        dates = f"_to_{selection.until}"
    else:
        dates = "_all-dates"
    return dates + ("_with-filtered" if selection.include_filtered else "")


def _too_large(counted: int, name: str, selection: Range, resource_type: str | None = None) -> JSONResponse:
    """409: the export has more rows than a request streams (FUELSTATS_EXPORT_SYNC_LIMIT); what to ask a
    job for instead, ready to be posted."""
    body = {"kind": "export", "name": name, **{key: value for key, value in jobs.JobSpec(
        "export", name, selection, resource_type).parameters.items() if value is not None}}
    limit = get_settings().export_sync_limit
    return JSONResponse({
        "status": "error", "rule": "export-size", "rows_at_least": counted,
        "message": f"this export has more than {limit} rows, too many for one request: ask for it as a job"
                   f" (POST {JOB_REQUESTS} with the body in `job`, then download the job's result)",
        "job": {"href": JOB_REQUESTS, "method": "POST", "body": body},
    }, status_code=409)


def _over_limit(count: Any) -> int | None:
    """How many rows an export has counted, up to just over the limit; None when it is within it (or no limit)."""
    limit = get_settings().export_sync_limit
    if not limit:
        return None
    with collector_engine().connect() as connection:
        counted = int(count(connection, limit + 1))
    return counted if counted > limit else None


def export_csv(kind: str, from_: str | None = None, to: str | None = None,
               include_filtered: bool = False) -> StreamingResponse | JSONResponse:
    selection = _range(from_, to, include_filtered)
    if counted := _over_limit(lambda connection, limit: storage.export_rows_at_most(connection, kind, selection,
                                                                                     limit)):
        return _too_large(counted, kind, selection)
    return _download(exports.export_csv(collector_engine(), kind, selection), "text/csv", kind, selection, "csv")


def export_oswl_csv(resource_type: str, from_: str | None = None, to: str | None = None,
                    include_filtered: bool = False) -> StreamingResponse | JSONResponse:
    selection = _range(from_, to, include_filtered)
    if counted := _over_limit(lambda connection, limit: storage.oswl_rows_at_most(connection, resource_type,
                                                                                   selection, limit)):
        return _too_large(counted, "oswl", selection, resource_type)
    return _download(exports.export_oswl_csv(collector_engine(), resource_type, selection), "text/csv",
                     f"oswl_{resource_type}", selection, "csv")


def export_archive(from_: str | None = None, to: str | None = None,
                   include_filtered: bool = False) -> StreamingResponse | JSONResponse:
    selection = _range(from_, to, include_filtered)
    if counted := _over_limit(lambda connection, limit: storage.rows_at_most(connection, selection, limit)):
        return _too_large(counted, "archive", selection)
    return _download(exports.export_archive(collector_engine(), selection), "application/zip", "",
                     selection, "zip")


def master_node(master_node_uid: str, page: int = 1, size: int = 100) -> Json:
    offset = (page - 1) * size
    with collector_engine().connect() as connection, connection.begin():
        installation = storage.installation(connection, master_node_uid)
        logs_total, logs = storage.action_logs_page(connection, master_node_uid, offset=offset, limit=size)
        oswl_total, oswl = storage.oswl_page(connection, master_node_uid, offset=offset, limit=size)
    if installation is None and logs_total == 0 and oswl_total == 0:
        raise Refused(404, f"master node {master_node_uid!r} has sent nothing", rule="known-master-node",
                      path="path.master_node_uid")
    return {
        "master_node_uid": master_node_uid,
        "page": page,
        "size": size,
        "installation_structure": _json_ready(installation),
        "action_logs": {"total": logs_total, "items": [_json_ready(row) for row in logs]},
        "oswl_stats": {"total": oswl_total, "items": [_json_ready(row) for row in oswl]},
    }


def failure_reports(release: str | None = None, from_: str | None = None, to: str | None = None,
                    notified: bool | None = None, page: int = 1, size: int = 50) -> Json:
    days = _range(from_, to, include_filtered=True)
    selection = storage.FailureReportFilter(release=release, since=days.since, until=days.until, notified=notified)
    with collector_engine().connect() as connection:
        total, reports = storage.failure_reports_page(connection, selection, offset=(page - 1) * size, limit=size)
    return {"total": total, "page": page, "size": size, "items": [_json_ready(report) for report in reports]}


def dead_letters(stream: str | None = None, page: int = 1, size: int = 50) -> Json:
    with collector_engine().connect() as connection:
        total, streams, letters = storage.dead_letters_page(connection, stream, offset=(page - 1) * size, limit=size)
    return {"total": total, "page": page, "size": size, "streams": streams,
            "items": [_json_ready(letter) for letter in letters]}


def quarantine(rule: str | None = None, master_node_uid: str | None = None, page: int = 1, size: int = 50) -> Json:
    return collector_quarantine.listing(collector_engine(), rule=rule, master_node_uid=master_node_uid, page=page,
                                        size=size)


def master_key(master_node_uid: str) -> Json:
    found = keys.state(collector_engine(), master_node_uid)
    if found is None:
        raise Refused(404, f"master node {master_node_uid!r} never had a key", rule="known-master-key",
                      path="path.master_node_uid")
    return found


def reset_master_key(master_node_uid: str, body: Json) -> Json:
    """A lost key reset by an admin on this machine (the private part is local-only and admin-only),
    audited twice: in the key's own trail, with the collector's data, and in the analytics' trail."""
    actor, address = request.context["user"], client(request)
    reset = keys.reset(primary_engine(), master_node_uid, public_key=body.get("public_key"), actor=actor,
                       address=address, reason=body["reason"])
    audit.record_alone(accounts_engine(), "master-key-reset", actor=actor, address=address,
                       master_node_uid=master_node_uid, reason=body["reason"])
    return reset


def private_summary() -> Json:
    with collector_engine().connect() as connection:
        return storage.counts(connection)


def _json_ready(row: dict[str, Any] | None) -> dict[str, Any] | None:
    if row is None:
        return None
    return {key: value.isoformat() if isinstance(value, (dt.datetime, dt.date, dt.time)) else value
            for key, value in row.items()}
