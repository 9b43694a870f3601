from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.action_log_body import ActionLogBody





T = TypeVar("T", bound="FailureReportRequestFailureReportActionLog")



@_attrs_define
class FailureReportRequestFailureReportActionLog:
    """ The failed task's action log, as POST /api/v1/action_logs/ takes it; it is stored there too.

        Attributes:
            external_id (int):
            body (ActionLogBody): A row of Nailgun's action_logs table: an API request (http_request) or a Nailgun task
                (nailgun_task). Fields beyond these are kept as sent.
     """

    external_id: int
    body: ActionLogBody





    def to_dict(self) -> dict[str, Any]:
        from ..models.action_log_body import ActionLogBody # noqa: PLC0415
        external_id = self.external_id

        body = self.body.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "external_id": external_id,
            "body": body,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.action_log_body import ActionLogBody # noqa: PLC0415
        d = dict(src_dict)
        external_id = d.pop("external_id")

        body = ActionLogBody.from_dict(d.pop("body"))




        failure_report_request_failure_report_action_log = cls(
            external_id=external_id,
            body=body,
        )

        return failure_report_request_failure_report_action_log

