from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.failure_report_response_action_log import FailureReportResponseActionLog
from ..models.failure_report_response_report import FailureReportResponseReport
from ..models.failure_report_response_status import FailureReportResponseStatus
from ..types import UNSET, Unset






T = TypeVar("T", bound="FailureReportResponse")



@_attrs_define
class FailureReportResponse:
    """ 
        Attributes:
            status (FailureReportResponseStatus):
            report_id (str):
            report (FailureReportResponseReport): added: stored now and the notifications are on their way; existed: stored
                and notified before (a retry); without_contact: not stored, nobody is notified, only its action log is kept.
            action_log (FailureReportResponseActionLog): The fate of the failed task's action log, as POST
                /api/v1/action_logs/ tells it.
            exec_time (float | Unset):
     """

    status: FailureReportResponseStatus
    report_id: str
    report: FailureReportResponseReport
    action_log: FailureReportResponseActionLog
    exec_time: float | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        report_id = self.report_id

        report = self.report.value

        action_log = self.action_log.value

        exec_time = self.exec_time


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "status": status,
            "report_id": report_id,
            "report": report,
            "action_log": action_log,
        })
        if exec_time is not UNSET:
            field_dict["exec_time"] = exec_time

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = FailureReportResponseStatus(d.pop("status"))




        report_id = d.pop("report_id")

        report = FailureReportResponseReport(d.pop("report"))




        action_log = FailureReportResponseActionLog(d.pop("action_log"))




        exec_time = d.pop("exec_time", UNSET)

        failure_report_response = cls(
            status=status,
            report_id=report_id,
            report=report,
            action_log=action_log,
            exec_time=exec_time,
        )

        return failure_report_response

