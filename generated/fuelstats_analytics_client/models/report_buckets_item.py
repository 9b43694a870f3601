from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.report_buckets_item_breakdown import ReportBucketsItemBreakdown





T = TypeVar("T", bound="ReportBucketsItem")



@_attrs_define
class ReportBucketsItem:
    """ 
        Attributes:
            key (str):
            count (int):
            breakdown (ReportBucketsItemBreakdown | Unset): Counts within the bucket (each role's combinations in the node
                roles report, a health check's runs).
     """

    key: str
    count: int
    breakdown: ReportBucketsItemBreakdown | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.report_buckets_item_breakdown import ReportBucketsItemBreakdown # noqa: PLC0415
        key = self.key

        count = self.count

        breakdown: dict[str, Any] | Unset = UNSET
        if not isinstance(self.breakdown, Unset):
            breakdown = self.breakdown.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "key": key,
            "count": count,
        })
        if breakdown is not UNSET:
            field_dict["breakdown"] = breakdown

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.report_buckets_item_breakdown import ReportBucketsItemBreakdown # noqa: PLC0415
        d = dict(src_dict)
        key = d.pop("key")

        count = d.pop("count")

        _breakdown = d.pop("breakdown", UNSET)
        breakdown: ReportBucketsItemBreakdown | Unset
        if isinstance(_breakdown,  Unset):
            breakdown = UNSET
        else:
            breakdown = ReportBucketsItemBreakdown.from_dict(_breakdown)




        report_buckets_item = cls(
            key=key,
            count=count,
            breakdown=breakdown,
        )

        return report_buckets_item

