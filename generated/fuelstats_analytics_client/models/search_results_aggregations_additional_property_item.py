from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="SearchResultsAggregationsAdditionalPropertyItem")



@_attrs_define
class SearchResultsAggregationsAdditionalPropertyItem:
    """ 
        Attributes:
            key (str):
            count (int):
     """

    key: str
    count: int





    def to_dict(self) -> dict[str, Any]:
        key = self.key

        count = self.count


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "key": key,
            "count": count,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        key = d.pop("key")

        count = d.pop("count")

        search_results_aggregations_additional_property_item = cls(
            key=key,
            count=count,
        )

        return search_results_aggregations_additional_property_item

