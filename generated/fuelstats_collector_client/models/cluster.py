from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.cluster_attributes import ClusterAttributes
  from ..models.cluster_installed_plugins_item import ClusterInstalledPluginsItem
  from ..models.cluster_network_configuration import ClusterNetworkConfiguration
  from ..models.cluster_nodes_item import ClusterNodesItem
  from ..models.cluster_release import ClusterRelease
  from ..models.cluster_vmware_attributes import ClusterVmwareAttributes





T = TypeVar("T", bound="Cluster")



@_attrs_define
class Cluster:
    """ One environment of an installation.

        Attributes:
            id (int):
            mode (str):
            status (str):
            nodes_num (int):
            release (ClusterRelease):
            attributes (ClusterAttributes):
            nodes (list[ClusterNodesItem]):
            vmware_attributes (ClusterVmwareAttributes | Unset):
            network_configuration (ClusterNetworkConfiguration | Unset):
            installed_plugins (list[ClusterInstalledPluginsItem] | Unset):
     """

    id: int
    mode: str
    status: str
    nodes_num: int
    release: ClusterRelease
    attributes: ClusterAttributes
    nodes: list[ClusterNodesItem]
    vmware_attributes: ClusterVmwareAttributes | Unset = UNSET
    network_configuration: ClusterNetworkConfiguration | Unset = UNSET
    installed_plugins: list[ClusterInstalledPluginsItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.cluster_attributes import ClusterAttributes # noqa: PLC0415
        from ..models.cluster_installed_plugins_item import ClusterInstalledPluginsItem # noqa: PLC0415
        from ..models.cluster_network_configuration import ClusterNetworkConfiguration # noqa: PLC0415
        from ..models.cluster_nodes_item import ClusterNodesItem # noqa: PLC0415
        from ..models.cluster_release import ClusterRelease # noqa: PLC0415
        from ..models.cluster_vmware_attributes import ClusterVmwareAttributes # noqa: PLC0415
        id = self.id

        mode = self.mode

        status = self.status

        nodes_num = self.nodes_num

        release = self.release.to_dict()

        attributes = self.attributes.to_dict()

        nodes = []
        for nodes_item_data in self.nodes:
            nodes_item = nodes_item_data.to_dict()
            nodes.append(nodes_item)



        vmware_attributes: dict[str, Any] | Unset = UNSET
        if not isinstance(self.vmware_attributes, Unset):
            vmware_attributes = self.vmware_attributes.to_dict()

        network_configuration: dict[str, Any] | Unset = UNSET
        if not isinstance(self.network_configuration, Unset):
            network_configuration = self.network_configuration.to_dict()

        installed_plugins: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.installed_plugins, Unset):
            installed_plugins = []
            for installed_plugins_item_data in self.installed_plugins:
                installed_plugins_item = installed_plugins_item_data.to_dict()
                installed_plugins.append(installed_plugins_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "mode": mode,
            "status": status,
            "nodes_num": nodes_num,
            "release": release,
            "attributes": attributes,
            "nodes": nodes,
        })
        if vmware_attributes is not UNSET:
            field_dict["vmware_attributes"] = vmware_attributes
        if network_configuration is not UNSET:
            field_dict["network_configuration"] = network_configuration
        if installed_plugins is not UNSET:
            field_dict["installed_plugins"] = installed_plugins

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cluster_attributes import ClusterAttributes # noqa: PLC0415
        from ..models.cluster_installed_plugins_item import ClusterInstalledPluginsItem # noqa: PLC0415
        from ..models.cluster_network_configuration import ClusterNetworkConfiguration # noqa: PLC0415
        from ..models.cluster_nodes_item import ClusterNodesItem # noqa: PLC0415
        from ..models.cluster_release import ClusterRelease # noqa: PLC0415
        from ..models.cluster_vmware_attributes import ClusterVmwareAttributes # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        mode = d.pop("mode")

        status = d.pop("status")

        nodes_num = d.pop("nodes_num")

        release = ClusterRelease.from_dict(d.pop("release"))




        attributes = ClusterAttributes.from_dict(d.pop("attributes"))




        nodes = []
        _nodes = d.pop("nodes")
        for nodes_item_data in (_nodes):
            nodes_item = ClusterNodesItem.from_dict(nodes_item_data)



            nodes.append(nodes_item)


        _vmware_attributes = d.pop("vmware_attributes", UNSET)
        vmware_attributes: ClusterVmwareAttributes | Unset
        if isinstance(_vmware_attributes,  Unset):
            vmware_attributes = UNSET
        else:
            vmware_attributes = ClusterVmwareAttributes.from_dict(_vmware_attributes)




        _network_configuration = d.pop("network_configuration", UNSET)
        network_configuration: ClusterNetworkConfiguration | Unset
        if isinstance(_network_configuration,  Unset):
            network_configuration = UNSET
        else:
            network_configuration = ClusterNetworkConfiguration.from_dict(_network_configuration)




        _installed_plugins = d.pop("installed_plugins", UNSET)
        installed_plugins: list[ClusterInstalledPluginsItem] | Unset = UNSET
        if _installed_plugins is not UNSET:
            installed_plugins = []
            for installed_plugins_item_data in _installed_plugins:
                installed_plugins_item = ClusterInstalledPluginsItem.from_dict(installed_plugins_item_data)



                installed_plugins.append(installed_plugins_item)


        cluster = cls(
            id=id,
            mode=mode,
            status=status,
            nodes_num=nodes_num,
            release=release,
            attributes=attributes,
            nodes=nodes,
            vmware_attributes=vmware_attributes,
            network_configuration=network_configuration,
            installed_plugins=installed_plugins,
        )


        cluster.additional_properties = d
        return cluster

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
