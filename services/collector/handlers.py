"""The collector's operations, named by operationId in openapi/collector.yaml.

Connexion has validated the request when these run, and authentication.SignatureMiddleware has
checked who signed it; they hand it to `ingest` (or `keys`) and shape the answer. They take the
body as the validator read it (web.request_body()), not as a parameter: Connexion would decode it again.
"""

from __future__ import annotations

from typing import Any

from connexion import request

from fuelstats.collector import failure_reports, ingest, keys, metrics, notifications
from fuelstats.collector.authentication import incoming_of
from fuelstats.collector.context import collector_engine, filtering_rules
from fuelstats.collector.settings import get_settings
from fuelstats.core import health, web
from fuelstats_common import sanitize

Json = dict[str, Any]


def ping() -> Json:
    return {"status": "ok"}


def readyz() -> tuple[Json, int]:
    settings = get_settings()
    return health.readiness([health.database(settings.require_database_url())], settings.readiness_timeout)


def _signing_key() -> str | None:
    """The enrolled key that signed the request being served, or None (an unsigned request)."""
    signed_by = incoming_of(request).signed_by
    web.note(verified=signed_by is not None)
    return signed_by.key_id if signed_by else None


# The two busiest operations run on the event loop itself, not in Starlette's thread pool: handing each
# request to a thread and back (and the GIL between them) cost about a fifth of the worker's CPU.
# Their one statement blocks the loop while PostgreSQL runs it (about a millisecond); the other
# workers serve meanwhile.
async def post_action_logs() -> Json:
    body = web.request_body()
    # Most batches name no credential: told from their text at once, not by walking every log's body.
    text = web.request_utf8_text()
    keys_checked = text is not None and not sanitize.may_name_credentials(text)
    fates = ingest.record_action_logs(collector_engine(), web.header_master_node_uid(), body["action_logs"],
                                      key_id=_signing_key(), keys_checked=keys_checked)
    web.note(records=len(fates), **metrics.count_records("action_logs", (fate.status for fate in fates)))
    return {"status": "ok", "action_logs": [fate.as_json("external_id") for fate in fates]}


async def post_installation_structure() -> tuple[Json, int]:
    body = web.request_body()
    structure = body["installation_structure"]
    first = ingest.record_installation_structure(collector_engine(), web.header_master_node_uid(), structure,
                                                 filtering_rules(), key_id=_signing_key())
    metrics.count_records("installation_structure", ["added" if first else "replaced"])
    web.note(created=first)
    return {"status": "ok"}, 201 if first else 200


def post_oswl_stats() -> Json:
    body = web.request_body()
    fates = ingest.record_oswl_stats(collector_engine(), web.header_master_node_uid(), body["oswl_stats"],
                                     key_id=_signing_key())
    web.note(records=len(fates), **metrics.count_records("oswl_stats", (fate.status for fate in fates)))
    return {"status": "ok", "oswl_stats": [fate.as_json("id") for fate in fates]}


def post_failure_report() -> tuple[Json, int]:
    body = web.request_body()
    report = body["failure_report"]
    settings = get_settings()
    key_id = _signing_key()
    # Support hears at once of what a master node signed; of the rest only when the setting says so.
    notify = key_id is not None or settings.notify_unverified_failure_reports
    outcome = failure_reports.record_failure_report(
        collector_engine(), web.header_master_node_uid(), report,
        notifications.enqueued_channels(settings) if notify else (), key_id=key_id,
    )
    metrics.count_records("failure_reports", [outcome.report])
    metrics.count_records("action_logs", [outcome.action_log])
    if outcome.notifies:
        notifications.wake_dispatcher()
    web.note(report_id=report["report_id"], report=outcome.report, action_log=outcome.action_log)
    answer = {"status": "ok", "report_id": report["report_id"], "report": outcome.report,
              "action_log": outcome.action_log}
    return answer, 201 if outcome.report == "added" else 200


def enrol_master_key() -> tuple[Json, int]:
    body = web.request_body()
    outcome = keys.enrol(collector_engine(), incoming_of(request), body, skew=get_settings().signature_skew)
    web.note(enrolment=outcome.enrolment, key_id=outcome.key_id)
    return outcome.as_json(), 201 if outcome.enrolment == "added" else 200


def rotate_master_key() -> Json:
    body = web.request_body()
    outcome = keys.rotate(collector_engine(), incoming_of(request), body, skew=get_settings().signature_skew)
    web.note(enrolment=outcome.enrolment, key_id=outcome.key_id)
    return outcome.as_json()
