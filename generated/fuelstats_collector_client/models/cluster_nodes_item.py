from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.cluster_nodes_item_meta import ClusterNodesItemMeta





T = TypeVar("T", bound="ClusterNodesItem")



@_attrs_define
class ClusterNodesItem:
    """ 
        Attributes:
            id (int):
            roles (list[str]):
            pending_roles (list[str] | Unset):
            status (str | Unset):
            os (str | Unset):
            manufacturer (None | str | Unset):
            platform_name (None | str | Unset):
            meta (ClusterNodesItemMeta | Unset):
     """

    id: int
    roles: list[str]
    pending_roles: list[str] | Unset = UNSET
    status: str | Unset = UNSET
    os: str | Unset = UNSET
    manufacturer: None | str | Unset = UNSET
    platform_name: None | str | Unset = UNSET
    meta: ClusterNodesItemMeta | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.cluster_nodes_item_meta import ClusterNodesItemMeta # noqa: PLC0415
        id = self.id

        roles = self.roles



        pending_roles: list[str] | Unset = UNSET
        if not isinstance(self.pending_roles, Unset):
            pending_roles = self.pending_roles



        status = self.status

        os = self.os

        manufacturer: None | str | Unset
        if isinstance(self.manufacturer, Unset):
            manufacturer = UNSET
        else:
            manufacturer = self.manufacturer

        platform_name: None | str | Unset
        if isinstance(self.platform_name, Unset):
            platform_name = UNSET
        else:
            platform_name = self.platform_name

        meta: dict[str, Any] | Unset = UNSET
        if not isinstance(self.meta, Unset):
            meta = self.meta.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "roles": roles,
        })
        if pending_roles is not UNSET:
            field_dict["pending_roles"] = pending_roles
        if status is not UNSET:
            field_dict["status"] = status
        if os is not UNSET:
            field_dict["os"] = os
        if manufacturer is not UNSET:
            field_dict["manufacturer"] = manufacturer
        if platform_name is not UNSET:
            field_dict["platform_name"] = platform_name
        if meta is not UNSET:
            field_dict["meta"] = meta

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cluster_nodes_item_meta import ClusterNodesItemMeta # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        roles = cast(list[str], d.pop("roles"))


        pending_roles = cast(list[str], d.pop("pending_roles", UNSET))


        status = d.pop("status", UNSET)

        os = d.pop("os", UNSET)

        def _parse_manufacturer(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        manufacturer = _parse_manufacturer(d.pop("manufacturer", UNSET))


        def _parse_platform_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        platform_name = _parse_platform_name(d.pop("platform_name", UNSET))


        _meta = d.pop("meta", UNSET)
        meta: ClusterNodesItemMeta | Unset
        if isinstance(_meta,  Unset):
            meta = UNSET
        else:
            meta = ClusterNodesItemMeta.from_dict(_meta)




        cluster_nodes_item = cls(
            id=id,
            roles=roles,
            pending_roles=pending_roles,
            status=status,
            os=os,
            manufacturer=manufacturer,
            platform_name=platform_name,
            meta=meta,
        )


        cluster_nodes_item.additional_properties = d
        return cluster_nodes_item

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
