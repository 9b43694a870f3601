"""Failure reports: a signed master's notify support at once; unsigned ones are kept and listed, and notify nobody."""

from __future__ import annotations

from tests.failures.payloads import failure_report
from tests.security.signing import Master, rows, unsigned


def test_only_signed_failure_reports_notify_by_default(collector_server, engine):
    signed = Master(collector_server)
    signed.enrol()
    anonymous = Master(collector_server)
    answer = signed.post("/api/v1/failure_reports/", failure_report(master=signed.uid))
    assert answer.status_code == 201, answer.text
    assert unsigned(collector_server, "/api/v1/failure_reports/", failure_report(master=anonymous.uid)).status_code == 201
    assert sorted(rows(engine, """SELECT r.master_node_uid, r.verified, count(n.id) FROM failure_reports r
                                  LEFT JOIN failure_notifications n ON n.failure_report_id = r.id
                                  GROUP BY 1, 2""")) == sorted([(signed.uid, True, 1), (anonymous.uid, False, 0)])
