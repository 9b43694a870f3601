from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.action_logs_request_action_logs_item import ActionLogsRequestActionLogsItem





T = TypeVar("T", bound="ActionLogsRequest")



@_attrs_define
class ActionLogsRequest:
    """ 
        Attributes:
            action_logs (list[ActionLogsRequestActionLogsItem]):
     """

    action_logs: list[ActionLogsRequestActionLogsItem]





    def to_dict(self) -> dict[str, Any]:
        from ..models.action_logs_request_action_logs_item import ActionLogsRequestActionLogsItem # noqa: PLC0415
        action_logs = []
        for action_logs_item_data in self.action_logs:
            action_logs_item = action_logs_item_data.to_dict()
            action_logs.append(action_logs_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "action_logs": action_logs,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.action_logs_request_action_logs_item import ActionLogsRequestActionLogsItem # noqa: PLC0415
        d = dict(src_dict)
        action_logs = []
        _action_logs = d.pop("action_logs")
        for action_logs_item_data in (_action_logs):
            action_logs_item = ActionLogsRequestActionLogsItem.from_dict(action_logs_item_data)



            action_logs.append(action_logs_item)


        action_logs_request = cls(
            action_logs=action_logs,
        )

        return action_logs_request

