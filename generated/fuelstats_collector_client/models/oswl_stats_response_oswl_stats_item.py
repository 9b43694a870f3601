from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.oswl_stats_response_oswl_stats_item_status import OswlStatsResponseOswlStatsItemStatus






T = TypeVar("T", bound="OswlStatsResponseOswlStatsItem")



@_attrs_define
class OswlStatsResponseOswlStatsItem:
    """ 
        Attributes:
            master_node_uid (str):
            id (int):
            status (OswlStatsResponseOswlStatsItemStatus): added: first time stored; updated: replaced the record stored
                before with the same id and resource type.
     """

    master_node_uid: str
    id: int
    status: OswlStatsResponseOswlStatsItemStatus





    def to_dict(self) -> dict[str, Any]:
        master_node_uid = self.master_node_uid

        id = self.id

        status = self.status.value


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "master_node_uid": master_node_uid,
            "id": id,
            "status": status,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        master_node_uid = d.pop("master_node_uid")

        id = d.pop("id")

        status = OswlStatsResponseOswlStatsItemStatus(d.pop("status"))




        oswl_stats_response_oswl_stats_item = cls(
            master_node_uid=master_node_uid,
            id=id,
            status=status,
        )

        return oswl_stats_response_oswl_stats_item

