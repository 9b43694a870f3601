from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.filters import Filters





T = TypeVar("T", bound="Summary")



@_attrs_define
class Summary:
    """ 
        Attributes:
            filters (Filters): The filters a report was computed for.
            installations (int):
            environments (int):
            nodes (int): Nodes in the environments.
            unallocated_nodes (int): Nodes the masters manage outside any environment (their unallocated_nodes_num).
            verified_installations (int | Unset): Of the installations, those whose master node signs what it sends
                (docs/security.md).
     """

    filters: Filters
    installations: int
    environments: int
    nodes: int
    unallocated_nodes: int
    verified_installations: int | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.filters import Filters # noqa: PLC0415
        filters = self.filters.to_dict()

        installations = self.installations

        environments = self.environments

        nodes = self.nodes

        unallocated_nodes = self.unallocated_nodes

        verified_installations = self.verified_installations


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "filters": filters,
            "installations": installations,
            "environments": environments,
            "nodes": nodes,
            "unallocated_nodes": unallocated_nodes,
        })
        if verified_installations is not UNSET:
            field_dict["verified_installations"] = verified_installations

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.filters import Filters # noqa: PLC0415
        d = dict(src_dict)
        filters = Filters.from_dict(d.pop("filters"))




        installations = d.pop("installations")

        environments = d.pop("environments")

        nodes = d.pop("nodes")

        unallocated_nodes = d.pop("unallocated_nodes")

        verified_installations = d.pop("verified_installations", UNSET)

        summary = cls(
            filters=filters,
            installations=installations,
            environments=environments,
            nodes=nodes,
            unallocated_nodes=unallocated_nodes,
            verified_installations=verified_installations,
        )

        return summary

