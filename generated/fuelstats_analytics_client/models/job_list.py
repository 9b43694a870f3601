from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.job import Job





T = TypeVar("T", bound="JobList")



@_attrs_define
class JobList:
    """ A page of jobs, newest first.

        Attributes:
            total (int):
            page (int):
            size (int):
            items (list[Job]):
     """

    total: int
    page: int
    size: int
    items: list[Job]





    def to_dict(self) -> dict[str, Any]:
        from ..models.job import Job # noqa: PLC0415
        total = self.total

        page = self.page

        size = self.size

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "total": total,
            "page": page,
            "size": size,
            "items": items,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.job import Job # noqa: PLC0415
        d = dict(src_dict)
        total = d.pop("total")

        page = d.pop("page")

        size = d.pop("size")

        items = []
        _items = d.pop("items")
        for items_item_data in (_items):
            items_item = Job.from_dict(items_item_data)



            items.append(items_item)


        job_list = cls(
            total=total,
            page=page,
            size=size,
            items=items,
        )

        return job_list

