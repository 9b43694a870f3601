"""What the collector does with a failure report, between the validated request and storage.

A report with a customer contact is stored together with one outbox row per notification
channel, in one transaction with the failed task's action log: either all of it is stored or
none. A report sent again (same master node, same ``report_id``) stores nothing new, so it
notifies nobody a second time. A report without contact keeps only its action log, exactly as
``POST /api/v1/action_logs/`` would. Everything is sanitized before it is stored.

A report signed by its master node's key (``key_id``) is verified and notifies at once; an
unsigned one is stored and listed, and notifies only where the handler allows it
(FUELSTATS_NOTIFY_UNVERIFIED_FAILURE_REPORTS), its message marked unverified (docs/security.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine

from fuelstats.collector import storage
from fuelstats.collector.authentication import check_writer
from fuelstats.collector.ingest import check_master_node, is_unfinished_task
from fuelstats_common.sanitize import sanitize_all


@dataclass(frozen=True)
class Outcome:
    report: str  # added, existed or without_contact
    action_log: str  # added, existed or skipped

    @property
    def notifies(self) -> bool:
        return self.report == "added"


def sanitized_report(report: dict[str, Any]) -> dict[str, Any]:
    """What is kept of the report beyond its contact: the task, installation and action log, sanitized.

    The master node sanitizes too; the collector does not rely on it. A report is mostly free text
    (the error message, the task output, the log's messages), so every string also gets the text
    rules (``password: x``, ``https://user:x@host``) on top of the key rules.
    """
    return sanitize_all({key: report[key] for key in ("task", "installation", "action_log")})


def record_failure_report(
    engine: Engine, header_uid: str | None, report: dict[str, Any], channels: Sequence[str], *,
    key_id: str | None = None,
) -> Outcome:
    """Store the report and its notifications on ``channels`` (unless stored before), and its action log."""
    uid = report["master_node_uid"]
    check_master_node(header_uid, uid, "$.failure_report.master_node_uid")
    kept = sanitized_report(report)
    action_log = kept["action_log"]
    unfinished = is_unfinished_task(action_log["body"])
    log_rows = [] if unfinished else [storage.ActionLogRow(
        master_node_uid=uid,
        external_id=action_log["external_id"],
        action_type=action_log["body"].get("action_type"),
        action_name=action_log["body"].get("action_name"),
        body=action_log["body"],
    )]
    contact = report.get("contact")
    verified = key_id is not None
    with engine.begin() as connection:
        check_writer(connection, {uid}, header_uid, key_id)
        storage.ensure_current_partitions(connection)
        log_added = bool(storage.insert_action_logs(connection, log_rows, verified=verified).keys)
        report_added = contact is not None and storage.insert_failure_report(
            connection,
            storage.FailureReportRow(
                master_node_uid=uid,
                report_id=report["report_id"].lower(),
                release=kept["installation"]["release"],
                cluster_id=kept["task"].get("cluster_id"),
                task_uuid=kept["task"]["uuid"],
                task_name=kept["task"]["name"],
                error_message=kept["task"]["message"],
                contact=contact,
                report=kept,
                verified=verified,
            ),
            channels,
        )
    if contact is None:
        report_fate = "without_contact"
    else:
        report_fate = "added" if report_added else "existed"
    log_fate = "skipped" if unfinished else ("added" if log_added else "existed")
    return Outcome(report=report_fate, action_log=log_fate)
