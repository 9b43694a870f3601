from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.failure_report_request_failure_report_action_log import FailureReportRequestFailureReportActionLog
  from ..models.failure_report_request_failure_report_contact_type_0 import FailureReportRequestFailureReportContactType0
  from ..models.failure_report_request_failure_report_installation import FailureReportRequestFailureReportInstallation
  from ..models.failure_report_request_failure_report_task import FailureReportRequestFailureReportTask





T = TypeVar("T", bound="FailureReportRequestFailureReport")



@_attrs_define
class FailureReportRequestFailureReport:
    """ 
        Attributes:
            report_id (str): A UUID the master node chose for this report: the same report sent again (a retry) is stored
                and notified once.
            master_node_uid (str):
            task (FailureReportRequestFailureReportTask): The task that failed.
            installation (FailureReportRequestFailureReportInstallation): The installation and the failed environment: the
                Fuel release, and the environment as the installation structure describes it. Fields beyond these are kept as
                sent (sanitized).
            action_log (FailureReportRequestFailureReportActionLog): The failed task's action log, as POST
                /api/v1/action_logs/ takes it; it is stored there too.
            contact (FailureReportRequestFailureReportContactType0 | None | Unset): Who the support team should call, as the
                customer filled it in on the master node. Absent or null: not filled.
     """

    report_id: str
    master_node_uid: str
    task: FailureReportRequestFailureReportTask
    installation: FailureReportRequestFailureReportInstallation
    action_log: FailureReportRequestFailureReportActionLog
    contact: FailureReportRequestFailureReportContactType0 | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.failure_report_request_failure_report_action_log import FailureReportRequestFailureReportActionLog # noqa: PLC0415
        from ..models.failure_report_request_failure_report_contact_type_0 import FailureReportRequestFailureReportContactType0 # noqa: PLC0415
        from ..models.failure_report_request_failure_report_installation import FailureReportRequestFailureReportInstallation # noqa: PLC0415
        from ..models.failure_report_request_failure_report_task import FailureReportRequestFailureReportTask # noqa: PLC0415
        report_id = self.report_id

        master_node_uid = self.master_node_uid

        task = self.task.to_dict()

        installation = self.installation.to_dict()

        action_log = self.action_log.to_dict()

        contact: dict[str, Any] | None | Unset
        if isinstance(self.contact, Unset):
            contact = UNSET
        elif isinstance(self.contact, FailureReportRequestFailureReportContactType0):
            contact = self.contact.to_dict()
        else:
            contact = self.contact


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "report_id": report_id,
            "master_node_uid": master_node_uid,
            "task": task,
            "installation": installation,
            "action_log": action_log,
        })
        if contact is not UNSET:
            field_dict["contact"] = contact

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.failure_report_request_failure_report_action_log import FailureReportRequestFailureReportActionLog # noqa: PLC0415
        from ..models.failure_report_request_failure_report_contact_type_0 import FailureReportRequestFailureReportContactType0 # noqa: PLC0415
        from ..models.failure_report_request_failure_report_installation import FailureReportRequestFailureReportInstallation # noqa: PLC0415
        from ..models.failure_report_request_failure_report_task import FailureReportRequestFailureReportTask # noqa: PLC0415
        d = dict(src_dict)
        report_id = d.pop("report_id")

        master_node_uid = d.pop("master_node_uid")

        task = FailureReportRequestFailureReportTask.from_dict(d.pop("task"))




        installation = FailureReportRequestFailureReportInstallation.from_dict(d.pop("installation"))




        action_log = FailureReportRequestFailureReportActionLog.from_dict(d.pop("action_log"))




        def _parse_contact(data: object) -> FailureReportRequestFailureReportContactType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                contact_type_0 = FailureReportRequestFailureReportContactType0.from_dict(data)



                return contact_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FailureReportRequestFailureReportContactType0 | None | Unset, data)

        contact = _parse_contact(d.pop("contact", UNSET))


        failure_report_request_failure_report = cls(
            report_id=report_id,
            master_node_uid=master_node_uid,
            task=task,
            installation=installation,
            action_log=action_log,
            contact=contact,
        )

        return failure_report_request_failure_report

