from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.dead_letters_items_item import DeadLettersItemsItem
  from ..models.dead_letters_streams import DeadLettersStreams





T = TypeVar("T", bound="DeadLetters")



@_attrs_define
class DeadLetters:
    """ A page of the documents Elasticsearch refused for good and the ETL parked (docs/etl.md), most recently refused
    first, with how many each stream has.

        Attributes:
            total (int): Parked documents the selection holds.
            page (int):
            size (int):
            streams (DeadLettersStreams): Parked documents per stream, whatever the selection.
            items (list[DeadLettersItemsItem]):
     """

    total: int
    page: int
    size: int
    streams: DeadLettersStreams
    items: list[DeadLettersItemsItem]





    def to_dict(self) -> dict[str, Any]:
        from ..models.dead_letters_items_item import DeadLettersItemsItem # noqa: PLC0415
        from ..models.dead_letters_streams import DeadLettersStreams # noqa: PLC0415
        total = self.total

        page = self.page

        size = self.size

        streams = self.streams.to_dict()

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "total": total,
            "page": page,
            "size": size,
            "streams": streams,
            "items": items,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.dead_letters_items_item import DeadLettersItemsItem # noqa: PLC0415
        from ..models.dead_letters_streams import DeadLettersStreams # noqa: PLC0415
        d = dict(src_dict)
        total = d.pop("total")

        page = d.pop("page")

        size = d.pop("size")

        streams = DeadLettersStreams.from_dict(d.pop("streams"))




        items = []
        _items = d.pop("items")
        for items_item_data in (_items):
            items_item = DeadLettersItemsItem.from_dict(items_item_data)



            items.append(items_item)


        dead_letters = cls(
            total=total,
            page=page,
            size=size,
            streams=streams,
            items=items,
        )

        return dead_letters

