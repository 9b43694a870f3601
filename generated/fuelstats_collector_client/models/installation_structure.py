from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.cluster import Cluster
  from ..models.installation_structure_fuel_release import InstallationStructureFuelRelease
  from ..models.installation_structure_user_information import InstallationStructureUserInformation





T = TypeVar("T", bound="InstallationStructure")



@_attrs_define
class InstallationStructure:
    """ What a master node reports about its installation: Fuel release, clusters (environments), their nodes and
    configuration. Fields beyond these are kept as sent.

        Attributes:
            master_node_uid (str):
            clusters_num (int):
            allocated_nodes_num (int):
            unallocated_nodes_num (int):
            clusters (list[Cluster]):
            fuel_release (InstallationStructureFuelRelease | Unset): Fuel's VERSION: release, api, feature_groups, and
                build_id or the components' git shas in releases before 8.0.
            fuel_packages (list[str] | Unset):
            user_information (InstallationStructureUserInformation | Unset):
     """

    master_node_uid: str
    clusters_num: int
    allocated_nodes_num: int
    unallocated_nodes_num: int
    clusters: list[Cluster]
    fuel_release: InstallationStructureFuelRelease | Unset = UNSET
    fuel_packages: list[str] | Unset = UNSET
    user_information: InstallationStructureUserInformation | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.cluster import Cluster # noqa: PLC0415
        from ..models.installation_structure_fuel_release import InstallationStructureFuelRelease # noqa: PLC0415
        from ..models.installation_structure_user_information import InstallationStructureUserInformation # noqa: PLC0415
        master_node_uid = self.master_node_uid

        clusters_num = self.clusters_num

        allocated_nodes_num = self.allocated_nodes_num

        unallocated_nodes_num = self.unallocated_nodes_num

        clusters = []
        for clusters_item_data in self.clusters:
            clusters_item = clusters_item_data.to_dict()
            clusters.append(clusters_item)



        fuel_release: dict[str, Any] | Unset = UNSET
        if not isinstance(self.fuel_release, Unset):
            fuel_release = self.fuel_release.to_dict()

        fuel_packages: list[str] | Unset = UNSET
        if not isinstance(self.fuel_packages, Unset):
            fuel_packages = self.fuel_packages



        user_information: dict[str, Any] | Unset = UNSET
        if not isinstance(self.user_information, Unset):
            user_information = self.user_information.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "master_node_uid": master_node_uid,
            "clusters_num": clusters_num,
            "allocated_nodes_num": allocated_nodes_num,
            "unallocated_nodes_num": unallocated_nodes_num,
            "clusters": clusters,
        })
        if fuel_release is not UNSET:
            field_dict["fuel_release"] = fuel_release
        if fuel_packages is not UNSET:
            field_dict["fuel_packages"] = fuel_packages
        if user_information is not UNSET:
            field_dict["user_information"] = user_information

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cluster import Cluster # noqa: PLC0415
        from ..models.installation_structure_fuel_release import InstallationStructureFuelRelease # noqa: PLC0415
        from ..models.installation_structure_user_information import InstallationStructureUserInformation # noqa: PLC0415
        d = dict(src_dict)
        master_node_uid = d.pop("master_node_uid")

        clusters_num = d.pop("clusters_num")

        allocated_nodes_num = d.pop("allocated_nodes_num")

        unallocated_nodes_num = d.pop("unallocated_nodes_num")

        clusters = []
        _clusters = d.pop("clusters")
        for clusters_item_data in (_clusters):
            clusters_item = Cluster.from_dict(clusters_item_data)



            clusters.append(clusters_item)


        _fuel_release = d.pop("fuel_release", UNSET)
        fuel_release: InstallationStructureFuelRelease | Unset
        if isinstance(_fuel_release,  Unset):
            fuel_release = UNSET
        else:
            fuel_release = InstallationStructureFuelRelease.from_dict(_fuel_release)




        fuel_packages = cast(list[str], d.pop("fuel_packages", UNSET))


        _user_information = d.pop("user_information", UNSET)
        user_information: InstallationStructureUserInformation | Unset
        if isinstance(_user_information,  Unset):
            user_information = UNSET
        else:
            user_information = InstallationStructureUserInformation.from_dict(_user_information)




        installation_structure = cls(
            master_node_uid=master_node_uid,
            clusters_num=clusters_num,
            allocated_nodes_num=allocated_nodes_num,
            unallocated_nodes_num=unallocated_nodes_num,
            clusters=clusters,
            fuel_release=fuel_release,
            fuel_packages=fuel_packages,
            user_information=user_information,
        )


        installation_structure.additional_properties = d
        return installation_structure

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
