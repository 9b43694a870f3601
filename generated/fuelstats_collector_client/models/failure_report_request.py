from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.failure_report_request_failure_report import FailureReportRequestFailureReport





T = TypeVar("T", bound="FailureReportRequest")



@_attrs_define
class FailureReportRequest:
    """ A deployment task that ended in error on a master node, sent the moment it failed. With a customer contact it is
    stored and the support team is notified; without one only its action log is kept.

        Attributes:
            failure_report (FailureReportRequestFailureReport):
     """

    failure_report: FailureReportRequestFailureReport





    def to_dict(self) -> dict[str, Any]:
        from ..models.failure_report_request_failure_report import FailureReportRequestFailureReport # noqa: PLC0415
        failure_report = self.failure_report.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "failure_report": failure_report,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.failure_report_request_failure_report import FailureReportRequestFailureReport # noqa: PLC0415
        d = dict(src_dict)
        failure_report = FailureReportRequestFailureReport.from_dict(d.pop("failure_report"))




        failure_report_request = cls(
            failure_report=failure_report,
        )

        return failure_report_request

