from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.search_results_kind import SearchResultsKind
from typing import cast

if TYPE_CHECKING:
  from ..models.search_results_aggregations import SearchResultsAggregations
  from ..models.search_results_hits_item import SearchResultsHitsItem





T = TypeVar("T", bound="SearchResults")



@_attrs_define
class SearchResults:
    """ 
        Attributes:
            kind (SearchResultsKind):
            total (int):
            page (int):
            size (int):
            hits (list[SearchResultsHitsItem]):
            aggregations (SearchResultsAggregations):
     """

    kind: SearchResultsKind
    total: int
    page: int
    size: int
    hits: list[SearchResultsHitsItem]
    aggregations: SearchResultsAggregations





    def to_dict(self) -> dict[str, Any]:
        from ..models.search_results_aggregations import SearchResultsAggregations # noqa: PLC0415
        from ..models.search_results_hits_item import SearchResultsHitsItem # noqa: PLC0415
        kind = self.kind.value

        total = self.total

        page = self.page

        size = self.size

        hits = []
        for hits_item_data in self.hits:
            hits_item = hits_item_data.to_dict()
            hits.append(hits_item)



        aggregations = self.aggregations.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "kind": kind,
            "total": total,
            "page": page,
            "size": size,
            "hits": hits,
            "aggregations": aggregations,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.search_results_aggregations import SearchResultsAggregations # noqa: PLC0415
        from ..models.search_results_hits_item import SearchResultsHitsItem # noqa: PLC0415
        d = dict(src_dict)
        kind = SearchResultsKind(d.pop("kind"))




        total = d.pop("total")

        page = d.pop("page")

        size = d.pop("size")

        hits = []
        _hits = d.pop("hits")
        for hits_item_data in (_hits):
            hits_item = SearchResultsHitsItem.from_dict(hits_item_data)



            hits.append(hits_item)


        aggregations = SearchResultsAggregations.from_dict(d.pop("aggregations"))




        search_results = cls(
            kind=kind,
            total=total,
            page=page,
            size=size,
            hits=hits,
            aggregations=aggregations,
        )

        return search_results

