from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.action_log_body_action_type import ActionLogBodyActionType
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.action_log_body_additional_info import ActionLogBodyAdditionalInfo





T = TypeVar("T", bound="ActionLogBody")



@_attrs_define
class ActionLogBody:
    """ A row of Nailgun's action_logs table: an API request (http_request) or a Nailgun task (nailgun_task). Fields beyond
    these are kept as sent.

        Attributes:
            id (float | Unset):
            actor_id (None | str | Unset):
            action_group (str | Unset):
            action_name (str | Unset):
            action_type (ActionLogBodyActionType | Unset):
            start_timestamp (str | Unset):
            end_timestamp (None | str | Unset):
            additional_info (ActionLogBodyAdditionalInfo | Unset):
            is_sent (bool | Unset):
            cluster_id (float | None | Unset):
            task_uuid (None | str | Unset):
     """

    id: float | Unset = UNSET
    actor_id: None | str | Unset = UNSET
    action_group: str | Unset = UNSET
    action_name: str | Unset = UNSET
    action_type: ActionLogBodyActionType | Unset = UNSET
    start_timestamp: str | Unset = UNSET
    end_timestamp: None | str | Unset = UNSET
    additional_info: ActionLogBodyAdditionalInfo | Unset = UNSET
    is_sent: bool | Unset = UNSET
    cluster_id: float | None | Unset = UNSET
    task_uuid: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.action_log_body_additional_info import ActionLogBodyAdditionalInfo # noqa: PLC0415
        id = self.id

        actor_id: None | str | Unset
        if isinstance(self.actor_id, Unset):
            actor_id = UNSET
        else:
            actor_id = self.actor_id

        action_group = self.action_group

        action_name = self.action_name

        action_type: str | Unset = UNSET
        if not isinstance(self.action_type, Unset):
            action_type = self.action_type.value


        start_timestamp = self.start_timestamp

        end_timestamp: None | str | Unset
        if isinstance(self.end_timestamp, Unset):
            end_timestamp = UNSET
        else:
            end_timestamp = self.end_timestamp

        additional_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.additional_info, Unset):
            additional_info = self.additional_info.to_dict()

        is_sent = self.is_sent

        cluster_id: float | None | Unset
        if isinstance(self.cluster_id, Unset):
            cluster_id = UNSET
        else:
            cluster_id = self.cluster_id

        task_uuid: None | str | Unset
        if isinstance(self.task_uuid, Unset):
            task_uuid = UNSET
        else:
            task_uuid = self.task_uuid


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if id is not UNSET:
            field_dict["id"] = id
        if actor_id is not UNSET:
            field_dict["actor_id"] = actor_id
        if action_group is not UNSET:
            field_dict["action_group"] = action_group
        if action_name is not UNSET:
            field_dict["action_name"] = action_name
        if action_type is not UNSET:
            field_dict["action_type"] = action_type
        if start_timestamp is not UNSET:
            field_dict["start_timestamp"] = start_timestamp
        if end_timestamp is not UNSET:
            field_dict["end_timestamp"] = end_timestamp
        if additional_info is not UNSET:
            field_dict["additional_info"] = additional_info
        if is_sent is not UNSET:
            field_dict["is_sent"] = is_sent
        if cluster_id is not UNSET:
            field_dict["cluster_id"] = cluster_id
        if task_uuid is not UNSET:
            field_dict["task_uuid"] = task_uuid

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.action_log_body_additional_info import ActionLogBodyAdditionalInfo # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        def _parse_actor_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        actor_id = _parse_actor_id(d.pop("actor_id", UNSET))


        action_group = d.pop("action_group", UNSET)

        action_name = d.pop("action_name", UNSET)

        _action_type = d.pop("action_type", UNSET)
        action_type: ActionLogBodyActionType | Unset
        if isinstance(_action_type,  Unset):
            action_type = UNSET
        else:
            action_type = ActionLogBodyActionType(_action_type)




        start_timestamp = d.pop("start_timestamp", UNSET)

        def _parse_end_timestamp(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        end_timestamp = _parse_end_timestamp(d.pop("end_timestamp", UNSET))


        _additional_info = d.pop("additional_info", UNSET)
        additional_info: ActionLogBodyAdditionalInfo | Unset
        if isinstance(_additional_info,  Unset):
            additional_info = UNSET
        else:
            additional_info = ActionLogBodyAdditionalInfo.from_dict(_additional_info)




        is_sent = d.pop("is_sent", UNSET)

        def _parse_cluster_id(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        cluster_id = _parse_cluster_id(d.pop("cluster_id", UNSET))


        def _parse_task_uuid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        task_uuid = _parse_task_uuid(d.pop("task_uuid", UNSET))


        action_log_body = cls(
            id=id,
            actor_id=actor_id,
            action_group=action_group,
            action_name=action_name,
            action_type=action_type,
            start_timestamp=start_timestamp,
            end_timestamp=end_timestamp,
            additional_info=additional_info,
            is_sent=is_sent,
            cluster_id=cluster_id,
            task_uuid=task_uuid,
        )


        action_log_body.additional_properties = d
        return action_log_body

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
