from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.action_log_body import ActionLogBody





T = TypeVar("T", bound="ActionLogsRequestActionLogsItem")



@_attrs_define
class ActionLogsRequestActionLogsItem:
    """ 
        Attributes:
            master_node_uid (str):
            external_id (int): The log's id on its master node.
            body (ActionLogBody): A row of Nailgun's action_logs table: an API request (http_request) or a Nailgun task
                (nailgun_task). Fields beyond these are kept as sent.
     """

    master_node_uid: str
    external_id: int
    body: ActionLogBody





    def to_dict(self) -> dict[str, Any]:
        from ..models.action_log_body import ActionLogBody # noqa: PLC0415
        master_node_uid = self.master_node_uid

        external_id = self.external_id

        body = self.body.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "master_node_uid": master_node_uid,
            "external_id": external_id,
            "body": body,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.action_log_body import ActionLogBody # noqa: PLC0415
        d = dict(src_dict)
        master_node_uid = d.pop("master_node_uid")

        external_id = d.pop("external_id")

        body = ActionLogBody.from_dict(d.pop("body"))




        action_logs_request_action_logs_item = cls(
            master_node_uid=master_node_uid,
            external_id=external_id,
            body=body,
        )

        return action_logs_request_action_logs_item

