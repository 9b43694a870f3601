"""Jobs made by real workers: the same bytes as the synchronous exports, the heavy report, resumable
downloads, deduplication, who sees what, cancelling, expiry, and the audit trail."""

from __future__ import annotations

import csv
import io
import uuid
import zipfile

import pytest
from sqlalchemy import event, text

from fuelstats.analytics import jobqueue, jobstore
from fuelstats.core.database import engine_for
from tests.analytics.auth import bearer, new_token, new_user
from tests.jobs.conftest import create, metrics_of, wait_for


def csv_rows(content: bytes) -> int:
    """The rows of a CSV file, its header aside: what a job counts as done (a value may hold line breaks)."""
    return len(list(csv.reader(io.StringIO(content.decode(), newline="")))) - 1


def download(api, job) -> bytes:  # type: ignore[no-untyped-def]
    answer = api.get(job["result"]["href"])
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith(job["result"]["media_type"])
    assert answer.headers["accept-ranges"] == "bytes"
    return answer.content


@pytest.mark.parametrize(("request_", "path"), [
    ({"name": "action_logs"}, "/api/v1/private/exports/action_logs/"),
    ({"name": "nodes", "include_filtered": True}, "/api/v1/private/exports/nodes/?include_filtered=true"),
    ({"name": "oswl", "resource_type": "vm", "from": "2026-11-01", "to": "2026-11-30"},
     "/api/v1/private/exports/oswl/vm/?from=2026-11-01&to=2026-11-30"),
], ids=["action_logs", "nodes", "oswl"])
def test_an_export_job_makes_the_synchronous_export_byte_for_byte(api, start_worker, jobs_dir, request_, path):
    start_worker()
    job = wait_for(api, create(api, kind="export", **request_)["id"], "succeeded", "failed")
    assert job["state"] == "succeeded", job["error"]
    synchronous = api.get(path)
    assert synchronous.status_code == 200
    assert download(api, job) == synchronous.content
    assert job["progress"]["rows_done"] == csv_rows(synchronous.content) > 0
    assert job["result"]["bytes"] == len(synchronous.content) == job["progress"]["bytes_done"]
    assert [path.name for path in jobs_dir.iterdir()] == [f"{job['id']}-1.csv"], "one file, no temporary left"


def test_the_archive_job_holds_what_the_synchronous_archive_holds(api, start_worker):
    start_worker()
    job = wait_for(api, create(api, kind="export", name="archive")["id"], "succeeded", "failed")
    assert job["state"] == "succeeded", job["error"]
    answer = api.get(job["result"]["href"])
    assert answer.headers["content-disposition"] == 'attachment; filename="fuel-stats_all-dates.zip"'
    synchronous = zipfile.ZipFile(io.BytesIO(api.get("/api/v1/private/archive/").content))
    made = zipfile.ZipFile(io.BytesIO(answer.content))
    assert made.namelist() == synchronous.namelist()
    assert all(made.read(name) == synchronous.read(name) for name in made.namelist())
    assert job["progress"]["rows_done"] == sum(csv_rows(made.read(name)) for name in made.namelist())


def test_the_deployment_history_report_is_computed_in_postgresql(api, start_worker):
    start_worker()
    job = wait_for(api, create(api, kind="report", name="deployment_history")["id"], "succeeded", "failed")
    assert job["state"] == "succeeded", job["error"]
    report = api.get(job["result"]["href"]).json()
    assert report["parameters"] == {"from": None, "to": None, "include_filtered": False}
    by_release = {row["release"]: row for row in report["rows"]}
    assert set(by_release) == {"8.0", "9.0"}  # dev's deployment is a filtered installation's
    # b/1: error, ready after 70 min, error, ready after 20 min
    assert by_release["8.0"] == {
        "release": "8.0", "month": "2026-11", "deployments": 4, "successful": 2, "failed": 2,
        "environments_first_successful": 1, "failures_before_first_success": 1.0,
        "duration_average_seconds": 2700.0, "duration_median_seconds": 2700.0, "duration_p90_seconds": 3900.0}
    # a/1: error, error, ready after 40 min; a/2: ready after 15 min
    assert by_release["9.0"] == {
        "release": "9.0", "month": "2026-11", "deployments": 4, "successful": 2, "failed": 2,
        "environments_first_successful": 2, "failures_before_first_success": 1.0,
        "duration_average_seconds": 1650.0, "duration_median_seconds": 1650.0, "duration_p90_seconds": 2250.0}
    with_filtered = wait_for(api, create(api, kind="report", name="deployment_history", include_filtered=True)["id"],
                             "succeeded", "failed")
    assert {row["release"] for row in api.get(with_filtered["result"]["href"]).json()["rows"]} == {
        "8.0", "9.0", "10.0-dev"}


def test_a_download_resumes_with_range_and_if_range(api, start_worker):
    start_worker()
    job = wait_for(api, create(api, kind="export", name="action_logs")["id"], "succeeded", "failed")
    whole = api.get(job["result"]["href"])
    etag = whole.headers["etag"]
    assert etag.startswith('"') and len(etag) == 66  # the file's SHA-256: strong
    first = api.get(job["result"]["href"], headers={"Range": "bytes=0-99"})
    assert first.status_code == 206 and first.headers["content-range"] == f"bytes 0-99/{len(whole.content)}"
    rest = api.get(job["result"]["href"], headers={"Range": "bytes=100-", "If-Range": etag})
    assert rest.status_code == 206
    assert first.content + rest.content == whole.content
    # Another file than the one the client began: the whole of it, not a part.
    changed = api.get(job["result"]["href"], headers={"Range": "bytes=100-", "If-Range": '"something else"'})
    assert changed.status_code == 200 and changed.content == whole.content
    beyond = api.get(job["result"]["href"], headers={"Range": f"bytes={len(whole.content)}-"})
    assert beyond.status_code == 416 and beyond.headers["content-range"] == f"bytes */{len(whole.content)}"


def test_identical_pending_jobs_of_one_user_are_one_job(api, app_client, queue):
    # No worker runs: the jobs stay queued.
    first = create(api, kind="export", name="action_logs", include_filtered=False)
    again = create(api, kind="export", name="action_logs")  # the same, written otherwise
    assert again["id"] == first["id"]
    other = create(api, kind="export", name="action_logs", **{"from": "2026-01-01"})
    assert other["id"] != first["id"]
    viewer = new_user(engine_for(queue))
    as_viewer = app_client(**bearer(new_token(engine_for(queue), viewer)))
    mine, theirs = (create(client, kind="report", name="deployment_history") for client in (api, as_viewer))
    assert mine["id"] != theirs["id"] and theirs["owner"] == viewer
    assert api.post(f"/api/v1/jobs/{first['id']}/cancel/").json()["state"] == "cancelled"
    assert create(api, kind="export", name="action_logs")["id"] != first["id"], "no longer pending: a new one"
    with engine_for(queue).connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM procrastinate_jobs WHERE status = 'todo'")).scalar() == 4


def test_who_may_ask_for_see_and_cancel_what(api, app_client, queue):
    viewer = new_user(engine_for(queue))
    as_viewer = app_client(**bearer(new_token(engine_for(queue), viewer)))
    refused = as_viewer.post("/api/v1/job_requests/", json={"kind": "export", "name": "clusters"})
    assert (refused.status_code, refused.json()["rule"]) == (403, "role")
    report = create(as_viewer, kind="report", name="deployment_history")
    export = create(api, kind="export", name="clusters")
    assert [job["id"] for job in as_viewer.get("/api/v1/jobs/").json()["items"]] == [report["id"]]
    assert as_viewer.get(f"/api/v1/jobs/{export['id']}/").status_code == 404  # another's is no job at all
    assert as_viewer.post(f"/api/v1/jobs/{export['id']}/cancel/").status_code == 404
    assert as_viewer.get("/api/v1/jobs/", params={"owner": "*"}).status_code == 403
    assert [job["id"] for job in api.get("/api/v1/jobs/").json()["items"]] == [export["id"]]
    everyone = api.get("/api/v1/jobs/", params={"owner": "*"}).json()
    assert {job["id"] for job in everyone["items"]} == {report["id"], export["id"]} and everyone["total"] == 2
    assert api.get(f"/api/v1/jobs/{report['id']}/").json()["owner"] == viewer  # an admin sees anyone's

    # From another machine, an admin's export jobs are the private part's: refused, and left out.
    remote = app_client("10.20.30.40", **api.headers)
    far = remote.post("/api/v1/job_requests/", json={"kind": "export", "name": "nodes"})
    assert (far.status_code, far.json()["rule"]) == (403, "local-only")
    assert remote.get(f"/api/v1/jobs/{export['id']}/").json()["rule"] == "local-only"
    assert {job["id"] for job in remote.get("/api/v1/jobs/", params={"owner": "*"}).json()["items"]} == {report["id"]}
    assert create(remote, kind="report", name="deployment_history", include_filtered=True)["kind"] == "report"


def test_bad_requests_are_refused_with_the_rule(api):
    for body, rule in [
        ({"kind": "report", "name": "clusters"}, "job-name"),
        ({"kind": "export", "name": "deployment_history"}, "job-name"),
        ({"kind": "export", "name": "oswl"}, "resource-type"),
        ({"kind": "export", "name": "nodes", "resource_type": "vm"}, "resource-type"),
        ({"kind": "export", "name": "nodes", "from": "2026-02-01", "to": "2026-01-01"}, "date-range"),
        ({"kind": "export", "name": "nodes", "colour": "red"}, "additionalProperties"),
        ({"kind": "export", "name": "nodes", "from": "yesterday"}, "format"),
    ]:
        answer = api.post("/api/v1/job_requests/", json=body)
        assert (answer.status_code, answer.json().get("rule")) == (400, rule), body
    assert api.get("/api/v1/jobs/00000000-0000-0000-0000-000000000000/").status_code == 404


def test_a_result_is_served_only_once_made_and_until_it_expires(api, start_worker, jobs_dir, queue):
    queued = create(api, kind="export", name="plugins")
    answer = api.get(f"/api/v1/jobs/{queued['id']}/result/")
    assert (answer.status_code, answer.json()["rule"]) == (409, "job-state")
    start_worker(FUELSTATS_JOB_RESULT_LIFETIME="2")
    job = wait_for(api, queued["id"], "succeeded")
    assert api.get(job["result"]["href"]).status_code == 200
    expired = wait_for(api, queued["id"], "expired", timeout=30)
    assert expired["result"] is None and list(jobs_dir.iterdir()) == []
    gone = api.get(f"/api/v1/jobs/{queued['id']}/result/")
    assert (gone.status_code, gone.json()["rule"]) == (410, "job-expired")


def test_every_job_action_is_audited(api, start_worker, queue):
    start_worker()
    job = wait_for(api, create(api, kind="export", name="plugins", **{"from": "2026-01-01"})["id"], "succeeded")
    api.get(job["result"]["href"], headers={"Range": "bytes=0-9"})
    cancelled = create(api, kind="report", name="deployment_history", to="2020-01-01")
    api.post(f"/api/v1/jobs/{cancelled['id']}/cancel/")
    events = api.get("/api/v1/private/audit/", params={"size": 20}).json()["items"]
    ours = [(event["event"], event["details"]["job"]) for event in events if event["event"].startswith("job-")]
    assert ("job-created", job["id"]) in ours and ("job-result", job["id"]) in ours
    assert ("job-cancelled", cancelled["id"]) in ours
    downloaded = next(event for event in events if event["event"] == "job-result")
    assert downloaded["details"] | {"job": "", "via": ""} == {
        "job": "", "via": "", "kind": "export", "name": "plugins", "from": "2026-01-01", "to": None,
        "include_filtered": False, "range": "bytes=0-9"}
    assert downloaded["actor"] == "test-admin" and downloaded["address"] == "127.0.0.1"


def test_the_worker_counts_its_jobs_for_prometheus(api, start_worker):
    worker = start_worker()
    create(api, kind="report", name="deployment_history", **{"from": "2030-01-01"})
    job = wait_for(api, create(api, kind="report", name="deployment_history")["id"], "succeeded")
    assert job["state"] == "succeeded"
    exposed = metrics_of(worker)
    assert 'fuelstats_job_attempts_total{kind="report",outcome="succeeded"} 2.0' in exposed
    assert 'fuelstats_job_duration_seconds_count{kind="report",outcome="succeeded"} 2.0' in exposed
    assert 'fuelstats_jobs_pending{kind="export",state="queued"} 0.0' in exposed


def test_a_synchronous_export_above_the_limit_points_to_the_job_api(api, app_client, as_admin, start_worker,
                                                                    monkeypatch):
    whole = api.get("/api/v1/private/exports/action_logs/").content
    rows = whole.count(b"\r\n") - 1
    monkeypatch.setenv("FUELSTATS_EXPORT_SYNC_LIMIT", str(rows - 1))
    limited = app_client(**as_admin)
    refused = limited.get("/api/v1/private/exports/action_logs/")
    assert refused.status_code == 409 and refused.json()["rule"] == "export-size"
    assert refused.json()["rows_at_least"] == rows
    pointer = refused.json()["job"]
    assert (pointer["href"], pointer["method"]) == ("/api/v1/job_requests/", "POST")
    assert limited.get("/api/v1/private/exports/nodes/").status_code == 200, "a smaller export is still streamed"
    start_worker()
    job = wait_for(limited, create(limited, **pointer["body"])["id"], "succeeded", "failed")
    assert limited.get(job["result"]["href"]).content == whole


def test_a_pending_job_that_ends_while_it_is_asked_for_again_makes_a_new_one(api, queue):
    # No worker runs; the identical job ends between the insert it refuses and the look for it.
    first = create(api, kind="export", name="plugins")
    engine = engine_for(queue)
    ended: list[str] = []

    def end_it_after_the_refused_insert(connection, cursor, statement, *_) -> None:  # type: ignore[no-untyped-def]
        if statement.startswith("INSERT INTO jobs") and cursor.rowcount == 0 and not ended:
            with engine.begin() as other:  # cancelled, as the API cancels: its row and its queue entry
                cancelled = jobstore.cancel_job(other, uuid.UUID(first["id"]))
                assert cancelled is not None
                jobqueue.cancel(other, cancelled["queue_job_id"])
                ended.append(cancelled["state"])

    event.listen(engine, "after_cursor_execute", end_it_after_the_refused_insert)
    try:
        again = create(api, kind="export", name="plugins")
    finally:
        event.remove(engine, "after_cursor_execute", end_it_after_the_refused_insert)
    assert ended == ["cancelled"], "the identical job ended in between"
    assert again["id"] != first["id"] and again["state"] == "queued"
