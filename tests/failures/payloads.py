"""Failure reports shaped as a master node's kit sends them."""

from __future__ import annotations

import uuid
from typing import Any

from tests.collector.payloads import MASTER, nailgun_task_log

CONTACT = {"name": "Ada Operator", "email": "ada@customer.example", "company": "Customer Ltd", "phone": "+1 555 0100"}
ERROR = "Deployment has failed. All nodes are finished. Failed tasks: Task[netconfig/1] Stopping the deployment process!"
OUTPUT = "\n".join([
    "2026-11-26 06:10:01 ERR (/Stage[main]/Osnailyfacter::Netconfig/L23network) Could not configure br-mgmt",
    "2026-11-26 06:10:02 ERR puppet exited with code 6",
])
TASK_UUID = "9b2f6d1c-3a51-4c1e-8a5e-2f0c4b7d9e01"


def failure_report(report_id: str | None = None, *, contact: dict[str, Any] | None = CONTACT, master: str = MASTER,
                   release: str = "9.0", cluster_id: int = 3, external_id: int = 41, message: str = ERROR,
                   output: str = OUTPUT, **installation: Any) -> dict[str, Any]:
    log = nailgun_task_log(external_id, master=master, cluster_id=cluster_id, task_uuid=TASK_UUID)
    log["body"]["additional_info"]["ended_with_status"] = "error"
    log["body"]["additional_info"]["message"] = message
    report: dict[str, Any] = {
        "report_id": report_id or str(uuid.uuid4()),
        "master_node_uid": master,
        "task": {"uuid": TASK_UUID, "name": "deployment", "status": "error", "message": message,
                 "cluster_id": cluster_id, "output": output, "start_timestamp": "2026-11-26T06:00:00",
                 "end_timestamp": "2026-11-26T06:10:03"},
        "installation": {"release": release, "fuel_release": {"release": release, "api": "1", "feature_groups": []},
                         "environment": {"id": cluster_id, "status": "error", "nodes_num": 3,
                                         "release": {"os": "Ubuntu", "name": "Mitaka on Ubuntu 14.04"}},
                         **installation},
        "action_log": {"external_id": external_id, "body": log["body"]},
    }
    if contact is not None:
        report["contact"] = contact
    return {"failure_report": report}
