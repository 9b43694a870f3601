from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.search_results_hits_item_document import SearchResultsHitsItemDocument





T = TypeVar("T", bound="SearchResultsHitsItem")



@_attrs_define
class SearchResultsHitsItem:
    """ 
        Attributes:
            id (str):
            document (SearchResultsHitsItemDocument): The installation or environment as indexed.
     """

    id: str
    document: SearchResultsHitsItemDocument





    def to_dict(self) -> dict[str, Any]:
        from ..models.search_results_hits_item_document import SearchResultsHitsItemDocument # noqa: PLC0415
        id = self.id

        document = self.document.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "document": document,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.search_results_hits_item_document import SearchResultsHitsItemDocument # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        document = SearchResultsHitsItemDocument.from_dict(d.pop("document"))




        search_results_hits_item = cls(
            id=id,
            document=document,
        )

        return search_results_hits_item

