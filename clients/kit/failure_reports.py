"""Failure reports from the master node: a failed deployment reaches the support team at once.

When a deployment task ends in error (``finish_task`` below, or ``FailureReporter.task_failed``
after ``action_logs.task_finished``) and the customer's contact is filled (entered, and its owner
agreed to send it: ``MasterNode.send_contact``), the kit builds a report (the task's action log,
the installation info with the failed environment, the error message and the relevant output,
all sanitized) and sends it to the collector's ``POST /api/v1/failure_reports/`` right away.
Without a contact nothing extra is sent: the failed task's action log goes the normal way, with
the sender's next run.

Durable: the report is written to a spool folder (``FUELSTATS_FAILURE_SPOOL_DIR``) before it is
sent, and removed only once the collector has answered for it. A collector that is down leaves it
there; every later try (the next failure, ``fuelstats-master sender failures``) sends what the spool
holds. The report id is derived from the master node and the task (UUIDv5), so a report sent twice,
or spooled twice, is one report at the collector, notified once.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import structlog
from sqlalchemy import Engine

from fuelstats_common.sanitize import sanitize_all
from fuelstats_kit import storage
from fuelstats_kit.action_logs import task_finished
from fuelstats_kit.collector import Collector, CollectorRefused, CollectorUnauthorized, CollectorUnavailable
from fuelstats_kit.installation import InstallationInfoProvider
from fuelstats_kit.master_key import load_key
from fuelstats_kit.master_settings import MasterNode, load_master_node

log = structlog.get_logger("fuelstats_kit.failure_reports")

# The collector takes at most this much output (openapi/schemas/failure_report_request.json); the
# end of a failed task's output is where its error is.
MAX_OUTPUT_CHARS = 60_000
MAX_MESSAGE_CHARS = 20_000
REPORT_NAMESPACE = uuid.UUID("5f0e6b8e-2d0a-4c1e-9a4b-6b1f0e7c2a11")
REFUSED = "refused"
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+$")  # the collector's own rule for a contact's address  # the spool's subfolder for reports the collector will never take as they are


def report_id_for(master_node_uid: str, task_uuid: str) -> str:
    """The same failure always gets the same id: the collector stores and notifies it once."""
    return str(uuid.uuid5(REPORT_NAMESPACE, f"{master_node_uid}/{task_uuid}"))


def contact_of(master: MasterNode) -> dict[str, str] | None:
    """The customer contact to send, or None when it is not filled (or its owner did not agree to send it)."""
    email = master.contact["email"].strip()
    if not master.send_contact or not _EMAIL.match(email):
        return None
    name = " ".join(part for part in (master.contact["first_name"], master.contact["last_name"]) if part.strip())
    contact = {"name": name.strip() or email, "email": email}
    if master.contact["company"].strip():
        contact["company"] = master.contact["company"].strip()
    return contact


def _iso(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, dt.datetime | dt.date) else value


def build_report(master: MasterNode, contact: dict[str, str], task_log: dict[str, Any],
                 installation: dict[str, Any], output: str) -> dict[str, Any]:
    """The request body's ``failure_report``, sanitized (the collector sanitizes again; it must not need to)."""
    info = task_log.get("additional_info") or {}
    cluster_id = task_log.get("cluster_id")
    environment = next((cluster for cluster in installation.get("clusters", []) if cluster.get("id") == cluster_id),
                       None)
    fuel_release = installation.get("fuel_release") or {}
    release = str(fuel_release.get("release") or "") or (environment or {}).get("release", {}).get("version") or "unknown"
    installation_info: dict[str, Any] = {"release": release[:64]}
    if fuel_release:
        installation_info["fuel_release"] = fuel_release
    if environment is not None:
        installation_info["environment"] = environment
    body = {name: _iso(value) for name, value in task_log.items()}
    task = {
        "uuid": task_log["task_uuid"],
        "name": task_log["action_name"],
        "status": "error",
        "message": str(info.get("message") or "")[:MAX_MESSAGE_CHARS],
        "cluster_id": cluster_id,
        "output": output[-MAX_OUTPUT_CHARS:],
        "start_timestamp": _iso(task_log.get("start_timestamp")),
        "end_timestamp": _iso(task_log.get("end_timestamp")),
    }
    return {
        "report_id": report_id_for(master.uid, task_log["task_uuid"]),
        "master_node_uid": master.uid,
        "contact": contact,
        **sanitize_all({"task": task, "installation": installation_info,
                        "action_log": {"external_id": task_log["id"], "body": body}}),
    }


class Spool:
    """Reports waiting for the collector, one JSON file each, named by report id."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def put(self, report: dict[str, Any]) -> Path:
        """Write the report so that a crash leaves either the whole file or none (written, synced, renamed)."""
        self.directory.mkdir(parents=True, exist_ok=True)
        final = self.directory / f"{report['report_id']}.json"
        partial = final.with_suffix(f".{os.getpid()}.partial")
        with partial.open("w") as file:
            json.dump(report, file)
            file.flush()
            os.fsync(file.fileno())
        partial.replace(final)
        directory = os.open(self.directory, os.O_RDONLY)
        try:
            os.fsync(directory)  # the rename itself survives a power cut
        finally:
            os.close(directory)
        return final

    def waiting(self) -> list[Path]:
        """The spooled reports, oldest first."""
        if not self.directory.is_dir():
            return []
        return sorted(self.directory.glob("*.json"), key=lambda path: (path.stat().st_mtime, path.name))

    def read(self, path: Path) -> dict[str, Any]:
        """A spooled report, as it is sent."""
        report: dict[str, Any] = json.loads(path.read_text())
        return report

    def done(self, path: Path) -> None:
        path.unlink(missing_ok=True)

    def set_aside(self, path: Path, reason: str) -> None:
        """Keep a report the collector refused for a person to look at; it is not sent again as it is."""
        refused = self.directory / REFUSED
        refused.mkdir(exist_ok=True)
        (refused / f"{path.stem}.error").write_text(reason + "\n")
        path.replace(refused / path.name)


@dataclass
class SpoolResult:
    sent: list[str] = field(default_factory=list)  # report ids the collector now has
    waiting: int = 0  # left for the next try (the collector is down)
    refused: list[str] = field(default_factory=list)


class FailureReporter:
    def __init__(self, engine: Engine, provider: InstallationInfoProvider, spool_dir: Path, collector_url: str,
                 timeout: float = 10.0, ca_file: Path | None = None, key_file: Path | None = None) -> None:
        self.engine = engine
        self.provider = provider
        self.spool = Spool(spool_dir)
        self.collector_url = collector_url
        self.timeout = timeout
        self.ca_file = ca_file
        self.key_file = key_file

    def task_failed(self, task_uuid: str, output: str = "") -> str:
        """Report the task's failure; call it once its log has ended in error. Tells what happened:
        `sent`, `spooled` (the collector is down: it goes on a later try), `action-log-only` (no
        contact: the sender carries the log), `not-sending` (statistics are off) or `no-task`."""
        master = load_master_node(self.engine)
        if master is None or not master.send_statistics:
            return "not-sending"
        contact = contact_of(master)
        if contact is None:
            return "action-log-only"
        with self.engine.connect() as connection:
            task_log = storage.finished_task_log(connection, task_uuid)
        if task_log is None:
            return "no-task"
        report = build_report(master, contact, task_log, self.provider.installation_info(master.uid), output)
        self.spool.put(report)
        result = self.send_spooled(master)
        return "sent" if report["report_id"] in result.sent else "spooled"

    def send_spooled(self, master: MasterNode | None = None) -> SpoolResult:
        """Send every spooled report, oldest first; stop at the first sign the collector is down."""
        result = SpoolResult()
        waiting = self.spool.waiting()
        if not waiting:
            return result
        master = master or load_master_node(self.engine)
        if master is None:
            result.waiting = len(waiting)
            return result
        key = load_key(self.key_file) if self.key_file else None
        collector = Collector(self.collector_url, master.uid, self.timeout, self.ca_file, key)
        try:
            if collector.signs and not _enrol_or_keep(collector, result, len(waiting)):
                return result
            for position, path in enumerate(waiting):
                report = self.spool.read(path)
                try:
                    answer = collector.send_failure_report(report)
                except CollectorUnavailable as error:
                    result.waiting = len(waiting) - position
                    log.warning("collector unavailable, failure reports kept", waiting=result.waiting,
                                error=str(error))
                    break
                except CollectorUnauthorized as error:
                    result.waiting = len(waiting) - position
                    log.error("the collector refuses this master's signature, failure reports kept",
                              waiting=result.waiting, error=str(error))
                    break
                except CollectorRefused as error:
                    self.spool.set_aside(path, str(error))
                    result.refused.append(report["report_id"])
                    log.error("failure report refused", report_id=report["report_id"], error=str(error))
                    continue
                self.spool.done(path)
                result.sent.append(report["report_id"])
                log.info("failure report sent", report_id=report["report_id"], collector=answer)
        finally:
            collector.close()
        return result


def _enrol_or_keep(collector: Collector, result: SpoolResult, waiting: int) -> bool:
    """Enrol the master's key before sending signed reports; False (all kept) when that failed."""
    try:
        collector.enrol()
    except (CollectorUnavailable, CollectorUnauthorized) as error:
        result.waiting = waiting
        log.warning("master key not enrolled, failure reports kept", waiting=waiting, error=str(error))
        return False
    except CollectorRefused as error:
        if error.status != 404:  # 404: a collector older than master keys, which ignores signatures
            result.waiting = waiting
            log.error("master key refused, failure reports kept", waiting=waiting, error=str(error))
            return False
    return True


def finish_task(engine: Engine, reporter: FailureReporter, *, task_uuid: str, status: str, message: str = "",
                output: str = "", ended: dt.datetime | None = None) -> str | None:
    """``action_logs.task_finished``, and the failure report when the task ended in error: what the
    task runner calls when a task ends. The report's fate (see ``task_failed``), or None."""
    if task_finished(engine, task_uuid=task_uuid, status=status, message=message, ended=ended) is None:
        return None
    if status != "error":
        return None
    return reporter.task_failed(task_uuid, output)
