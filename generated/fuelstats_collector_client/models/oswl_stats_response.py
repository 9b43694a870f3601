from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.oswl_stats_response_status import OswlStatsResponseStatus
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.oswl_stats_response_oswl_stats_item import OswlStatsResponseOswlStatsItem





T = TypeVar("T", bound="OswlStatsResponse")



@_attrs_define
class OswlStatsResponse:
    """ 
        Attributes:
            status (OswlStatsResponseStatus):
            oswl_stats (list[OswlStatsResponseOswlStatsItem]):
            message (str | Unset):
            exec_time (float | Unset):
     """

    status: OswlStatsResponseStatus
    oswl_stats: list[OswlStatsResponseOswlStatsItem]
    message: str | Unset = UNSET
    exec_time: float | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.oswl_stats_response_oswl_stats_item import OswlStatsResponseOswlStatsItem # noqa: PLC0415
        status = self.status.value

        oswl_stats = []
        for oswl_stats_item_data in self.oswl_stats:
            oswl_stats_item = oswl_stats_item_data.to_dict()
            oswl_stats.append(oswl_stats_item)



        message = self.message

        exec_time = self.exec_time


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "status": status,
            "oswl_stats": oswl_stats,
        })
        if message is not UNSET:
            field_dict["message"] = message
        if exec_time is not UNSET:
            field_dict["exec_time"] = exec_time

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.oswl_stats_response_oswl_stats_item import OswlStatsResponseOswlStatsItem # noqa: PLC0415
        d = dict(src_dict)
        status = OswlStatsResponseStatus(d.pop("status"))




        oswl_stats = []
        _oswl_stats = d.pop("oswl_stats")
        for oswl_stats_item_data in (_oswl_stats):
            oswl_stats_item = OswlStatsResponseOswlStatsItem.from_dict(oswl_stats_item_data)



            oswl_stats.append(oswl_stats_item)


        message = d.pop("message", UNSET)

        exec_time = d.pop("exec_time", UNSET)

        oswl_stats_response = cls(
            status=status,
            oswl_stats=oswl_stats,
            message=message,
            exec_time=exec_time,
        )

        return oswl_stats_response

