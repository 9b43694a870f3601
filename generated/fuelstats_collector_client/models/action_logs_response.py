from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.action_logs_response_status import ActionLogsResponseStatus
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.action_logs_response_action_logs_item import ActionLogsResponseActionLogsItem





T = TypeVar("T", bound="ActionLogsResponse")



@_attrs_define
class ActionLogsResponse:
    """ The fate of each record, in the order sent.

        Attributes:
            status (ActionLogsResponseStatus):
            action_logs (list[ActionLogsResponseActionLogsItem]):
            message (str | Unset):
            exec_time (float | Unset):
     """

    status: ActionLogsResponseStatus
    action_logs: list[ActionLogsResponseActionLogsItem]
    message: str | Unset = UNSET
    exec_time: float | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.action_logs_response_action_logs_item import ActionLogsResponseActionLogsItem # noqa: PLC0415
        status = self.status.value

        action_logs = []
        for action_logs_item_data in self.action_logs:
            action_logs_item = action_logs_item_data.to_dict()
            action_logs.append(action_logs_item)



        message = self.message

        exec_time = self.exec_time


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "status": status,
            "action_logs": action_logs,
        })
        if message is not UNSET:
            field_dict["message"] = message
        if exec_time is not UNSET:
            field_dict["exec_time"] = exec_time

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.action_logs_response_action_logs_item import ActionLogsResponseActionLogsItem # noqa: PLC0415
        d = dict(src_dict)
        status = ActionLogsResponseStatus(d.pop("status"))




        action_logs = []
        _action_logs = d.pop("action_logs")
        for action_logs_item_data in (_action_logs):
            action_logs_item = ActionLogsResponseActionLogsItem.from_dict(action_logs_item_data)



            action_logs.append(action_logs_item)


        message = d.pop("message", UNSET)

        exec_time = d.pop("exec_time", UNSET)

        action_logs_response = cls(
            status=status,
            action_logs=action_logs,
            message=message,
            exec_time=exec_time,
        )

        return action_logs_response

