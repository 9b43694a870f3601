from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ClusterNetworkConfiguration")



@_attrs_define
class ClusterNetworkConfiguration:
    """ 
        Attributes:
            segmentation_type (str | Unset):
            net_l23_provider (str | Unset):
            net_manager (str | Unset):
            fixed_networks_vlan_start (int | None | Unset):
            fixed_network_size (int | Unset):
            fixed_networks_amount (int | Unset):
     """

    segmentation_type: str | Unset = UNSET
    net_l23_provider: str | Unset = UNSET
    net_manager: str | Unset = UNSET
    fixed_networks_vlan_start: int | None | Unset = UNSET
    fixed_network_size: int | Unset = UNSET
    fixed_networks_amount: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        segmentation_type = self.segmentation_type

        net_l23_provider = self.net_l23_provider

        net_manager = self.net_manager

        fixed_networks_vlan_start: int | None | Unset
        if isinstance(self.fixed_networks_vlan_start, Unset):
            fixed_networks_vlan_start = UNSET
        else:
            fixed_networks_vlan_start = self.fixed_networks_vlan_start

        fixed_network_size = self.fixed_network_size

        fixed_networks_amount = self.fixed_networks_amount


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if segmentation_type is not UNSET:
            field_dict["segmentation_type"] = segmentation_type
        if net_l23_provider is not UNSET:
            field_dict["net_l23_provider"] = net_l23_provider
        if net_manager is not UNSET:
            field_dict["net_manager"] = net_manager
        if fixed_networks_vlan_start is not UNSET:
            field_dict["fixed_networks_vlan_start"] = fixed_networks_vlan_start
        if fixed_network_size is not UNSET:
            field_dict["fixed_network_size"] = fixed_network_size
        if fixed_networks_amount is not UNSET:
            field_dict["fixed_networks_amount"] = fixed_networks_amount

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        segmentation_type = d.pop("segmentation_type", UNSET)

        net_l23_provider = d.pop("net_l23_provider", UNSET)

        net_manager = d.pop("net_manager", UNSET)

        def _parse_fixed_networks_vlan_start(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        fixed_networks_vlan_start = _parse_fixed_networks_vlan_start(d.pop("fixed_networks_vlan_start", UNSET))


        fixed_network_size = d.pop("fixed_network_size", UNSET)

        fixed_networks_amount = d.pop("fixed_networks_amount", UNSET)

        cluster_network_configuration = cls(
            segmentation_type=segmentation_type,
            net_l23_provider=net_l23_provider,
            net_manager=net_manager,
            fixed_networks_vlan_start=fixed_networks_vlan_start,
            fixed_network_size=fixed_network_size,
            fixed_networks_amount=fixed_networks_amount,
        )


        cluster_network_configuration.additional_properties = d
        return cluster_network_configuration

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
