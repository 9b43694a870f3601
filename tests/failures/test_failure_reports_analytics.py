"""GET /api/v1/private/failure_reports/: what support was told, filterable by release and date."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, text

from fuelstats.collector import failure_reports
from tests.failures.payloads import CONTACT, failure_report

URL = "/api/v1/private/failure_reports/"


@pytest.fixture
def analytics_client(as_admin):  # type: ignore[no-untyped-def]
    """A test client of the analytics from an address, as the tests' admin."""
    from fuelstats.analytics.app import create_app

    return lambda address="127.0.0.1": create_app().test_client(client=(address, 40000), headers=as_admin)


@pytest.fixture
def stored(engine: Engine) -> dict[str, str]:
    """Three reports: 9.0 received on 2026-11-01 and notified; 9.0 on 2026-11-20, e-mail still failing;
    8.0 on 2026-11-25, nothing delivered yet. Returns their report ids by name."""
    ids = {}
    for name, release, day in (("old", "9.0", "2026-11-01"), ("failing", "9.0", "2026-11-20"),
                               ("new", "8.0", "2026-11-25")):
        body = failure_report(release=release)["failure_report"]
        failure_reports.record_failure_report(engine, None, body, ["email", "webhook"])
        ids[name] = body["report_id"]
        with engine.begin() as connection:
            connection.execute(text("UPDATE failure_reports SET received_at = CAST(:day AS date) + time '12:00'"
                                    " WHERE report_id = CAST(:id AS uuid)"), {"day": day, "id": body["report_id"]})
    with engine.begin() as connection:
        connection.execute(text(
            "UPDATE failure_notifications SET delivered_at = now(), attempts = 1 FROM failure_reports r"
            " WHERE r.id = failure_report_id AND r.report_id = CAST(:id AS uuid)"), {"id": ids["old"]})
        connection.execute(text(
            "UPDATE failure_notifications SET attempts = 4, last_error = 'SMTP 127.0.0.1:25: ConnectionRefusedError'"
            " FROM failure_reports r WHERE r.id = failure_report_id AND r.report_id = CAST(:id AS uuid)"
            " AND channel = 'email'"), {"id": ids["failing"]})
        connection.execute(text(
            "UPDATE failure_notifications SET delivered_at = now(), attempts = 1 FROM failure_reports r"
            " WHERE r.id = failure_report_id AND r.report_id = CAST(:id AS uuid) AND channel = 'webhook'"),
            {"id": ids["failing"]})
    return ids


def listed(response) -> list[str]:  # type: ignore[no-untyped-def]
    assert response.status_code == 200, response.text
    return [item["report_id"] for item in response.json()["items"]]


def test_failure_reports_newest_first_with_their_notification_status(stored, analytics_client):
    with analytics_client() as client:
        page = client.get(URL).json()
    assert page["total"] == 3 and [item["report_id"] for item in page["items"]] == [
        stored["new"], stored["failing"], stored["old"]]
    new, failing, old = page["items"]
    assert old["notified"] is True and {n["channel"] for n in old["notifications"]} == {"email", "webhook"}
    assert all(n["delivered_at"] and n["next_attempt_at"] is None for n in old["notifications"])
    assert failing["notified"] is False
    email, hook = failing["notifications"]
    assert (email["channel"], email["attempts"], email["delivered_at"]) == ("email", 4, None)
    assert "ConnectionRefusedError" in email["last_error"] and email["next_attempt_at"]
    assert hook["delivered_at"] is not None
    assert new["contact"] == CONTACT and new["release"] == "8.0" and new["task_name"] == "deployment"
    assert new["received_at"].startswith("2026-11-25T12:00:00")


def test_filtered_by_release_date_and_notification(stored, analytics_client):
    with analytics_client() as client:
        assert listed(client.get(URL, params={"release": "9.0"})) == [stored["failing"], stored["old"]]
        assert listed(client.get(URL, params={"from": "2026-11-20"})) == [stored["new"], stored["failing"]]
        assert listed(client.get(URL, params={"to": "2026-11-20"})) == [stored["failing"], stored["old"]]
        assert listed(client.get(URL, params={"from": "2026-11-20", "to": "2026-11-20"})) == [stored["failing"]]
        assert listed(client.get(URL, params={"release": "9.0", "notified": "false"})) == [stored["failing"]]
        assert listed(client.get(URL, params={"notified": "true"})) == [stored["old"]]
        assert listed(client.get(URL, params={"release": "7.0"})) == []
        inverted = client.get(URL, params={"from": "2026-11-21", "to": "2026-11-20"})
        assert (inverted.status_code, inverted.json()["rule"]) == (400, "date-range")


def test_paged(stored, analytics_client):
    with analytics_client() as client:
        first = client.get(URL, params={"size": 2}).json()
        second = client.get(URL, params={"size": 2, "page": 2}).json()
    assert (first["total"], len(first["items"]), first["size"]) == (3, 2, 2)
    assert [item["report_id"] for item in second["items"]] == [stored["old"]]
    with analytics_client() as client:
        assert client.get(URL, params={"size": 501}).status_code == 400


def test_only_this_machine_sees_them(stored, analytics_client):
    with analytics_client("192.0.2.7") as client:
        response = client.get(URL)
    assert (response.status_code, response.json()["rule"]) == (403, "local-only")
