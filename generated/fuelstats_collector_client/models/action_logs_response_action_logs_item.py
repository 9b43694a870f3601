from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.action_logs_response_action_logs_item_status import ActionLogsResponseActionLogsItemStatus






T = TypeVar("T", bound="ActionLogsResponseActionLogsItem")



@_attrs_define
class ActionLogsResponseActionLogsItem:
    """ 
        Attributes:
            master_node_uid (str):
            external_id (int):
            status (ActionLogsResponseActionLogsItemStatus): added: stored now; existed: stored before, resending is
                harmless; skipped: a nailgun_task without end_timestamp, send it again when it ends; failed: not stored.
     """

    master_node_uid: str
    external_id: int
    status: ActionLogsResponseActionLogsItemStatus





    def to_dict(self) -> dict[str, Any]:
        master_node_uid = self.master_node_uid

        external_id = self.external_id

        status = self.status.value


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "master_node_uid": master_node_uid,
            "external_id": external_id,
            "status": status,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        master_node_uid = d.pop("master_node_uid")

        external_id = d.pop("external_id")

        status = ActionLogsResponseActionLogsItemStatus(d.pop("status"))




        action_logs_response_action_logs_item = cls(
            master_node_uid=master_node_uid,
            external_id=external_id,
            status=status,
        )

        return action_logs_response_action_logs_item

