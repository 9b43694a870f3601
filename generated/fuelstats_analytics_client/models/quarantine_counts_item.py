from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="QuarantineCountsItem")



@_attrs_define
class QuarantineCountsItem:
    """ 
        Attributes:
            rule (str):
            master_node_uid (str): The enrolled master node the submission claimed to be, or '' for any other.
            count (int):
            first_at (datetime.datetime):
            last_at (datetime.datetime):
     """

    rule: str
    master_node_uid: str
    count: int
    first_at: datetime.datetime
    last_at: datetime.datetime





    def to_dict(self) -> dict[str, Any]:
        rule = self.rule

        master_node_uid = self.master_node_uid

        count = self.count

        first_at = self.first_at.isoformat()

        last_at = self.last_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "rule": rule,
            "master_node_uid": master_node_uid,
            "count": count,
            "first_at": first_at,
            "last_at": last_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        rule = d.pop("rule")

        master_node_uid = d.pop("master_node_uid")

        count = d.pop("count")

        first_at = datetime.datetime.fromisoformat(d.pop("first_at"))




        last_at = datetime.datetime.fromisoformat(d.pop("last_at"))




        quarantine_counts_item = cls(
            rule=rule,
            master_node_uid=master_node_uid,
            count=count,
            first_at=first_at,
            last_at=last_at,
        )

        return quarantine_counts_item

