from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.oswl_stats_request_oswl_record import OswlStatsRequestOswlRecord





T = TypeVar("T", bound="OswlStatsRequest")



@_attrs_define
class OswlStatsRequest:
    """ 
        Attributes:
            oswl_stats (list[OswlStatsRequestOswlRecord]):
     """

    oswl_stats: list[OswlStatsRequestOswlRecord]





    def to_dict(self) -> dict[str, Any]:
        from ..models.oswl_stats_request_oswl_record import OswlStatsRequestOswlRecord # noqa: PLC0415
        oswl_stats = []
        for oswl_stats_item_data in self.oswl_stats:
            oswl_stats_item = oswl_stats_item_data.to_dict()
            oswl_stats.append(oswl_stats_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "oswl_stats": oswl_stats,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.oswl_stats_request_oswl_record import OswlStatsRequestOswlRecord # noqa: PLC0415
        d = dict(src_dict)
        oswl_stats = []
        _oswl_stats = d.pop("oswl_stats")
        for oswl_stats_item_data in (_oswl_stats):
            oswl_stats_item = OswlStatsRequestOswlRecord.from_dict(oswl_stats_item_data)



            oswl_stats.append(oswl_stats_item)


        oswl_stats_request = cls(
            oswl_stats=oswl_stats,
        )

        return oswl_stats_request

