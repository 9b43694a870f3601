"""The collector's operations, named by operationId in openapi/collector.yaml.

Connexion has validated the request when these run; they hand it to `ingest` and shape the answer.
"""

from __future__ import annotations

from typing import Any

from fuelstats.collector import failure_reports, ingest, metrics, notifications
from fuelstats.collector.context import collector_engine, filtering_rules
from fuelstats.collector.settings import get_settings
from fuelstats.core import health, web

Json = dict[str, Any]


def ping() -> Json:
    return {"status": "ok"}


def readyz() -> tuple[Json, int]:
    settings = get_settings()
    return health.readiness([health.database(settings.require_database_url())], settings.readiness_timeout)


def post_action_logs(body: Json) -> Json:
    fates = ingest.record_action_logs(collector_engine(), web.header_master_node_uid(), body["action_logs"])
    web.note(records=len(fates), **metrics.count_records("action_logs", (fate.status for fate in fates)))
    return {"status": "ok", "action_logs": [fate.as_json("external_id") for fate in fates]}


def post_installation_structure(body: Json) -> tuple[Json, int]:
    structure = body["installation_structure"]
    first = ingest.record_installation_structure(collector_engine(), web.header_master_node_uid(), structure, filtering_rules())
    metrics.count_records("installation_structure", ["added" if first else "replaced"])
    web.note(created=first)
    return {"status": "ok"}, 201 if first else 200


def post_oswl_stats(body: Json) -> Json:
    fates = ingest.record_oswl_stats(collector_engine(), web.header_master_node_uid(), body["oswl_stats"])
    web.note(records=len(fates), **metrics.count_records("oswl_stats", (fate.status for fate in fates)))
    return {"status": "ok", "oswl_stats": [fate.as_json("id") for fate in fates]}


def post_failure_report(body: Json) -> tuple[Json, int]:
    report = body["failure_report"]
    outcome = failure_reports.record_failure_report(
        collector_engine(), web.header_master_node_uid(), report, notifications.enqueued_channels(get_settings())
    )
    metrics.count_records("failure_reports", [outcome.report])
    metrics.count_records("action_logs", [outcome.action_log])
    if outcome.notifies:
        notifications.wake_dispatcher()
    web.note(report_id=report["report_id"], report=outcome.report, action_log=outcome.action_log)
    answer = {"status": "ok", "report_id": report["report_id"], "report": outcome.report,
              "action_log": outcome.action_log}
    return answer, 201 if outcome.report == "added" else 200
