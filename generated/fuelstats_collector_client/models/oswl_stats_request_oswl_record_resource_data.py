from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="OswlStatsRequestOswlRecordResourceData")



@_attrs_define
class OswlStatsRequestOswlRecordResourceData:
    """ 
        Attributes:
            added (list[Any]):
            current (list[Any]):
            removed (list[Any]):
            modified (list[Any]):
     """

    added: list[Any]
    current: list[Any]
    removed: list[Any]
    modified: list[Any]





    def to_dict(self) -> dict[str, Any]:
        added = self.added



        current = self.current



        removed = self.removed



        modified = self.modified




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "added": added,
            "current": current,
            "removed": removed,
            "modified": modified,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        added = cast(list[Any], d.pop("added"))


        current = cast(list[Any], d.pop("current"))


        removed = cast(list[Any], d.pop("removed"))


        modified = cast(list[Any], d.pop("modified"))


        oswl_stats_request_oswl_record_resource_data = cls(
            added=added,
            current=current,
            removed=removed,
            modified=modified,
        )

        return oswl_stats_request_oswl_record_resource_data

