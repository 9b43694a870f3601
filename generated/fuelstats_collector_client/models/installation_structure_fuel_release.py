from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="InstallationStructureFuelRelease")



@_attrs_define
class InstallationStructureFuelRelease:
    """ Fuel's VERSION: release, api, feature_groups, and build_id or the components' git shas in releases before 8.0.

        Attributes:
            release (str):
            api (str):
            feature_groups (list[str]):
            build_id (str | Unset):
     """

    release: str
    api: str
    feature_groups: list[str]
    build_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        release = self.release

        api = self.api

        feature_groups = self.feature_groups



        build_id = self.build_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "release": release,
            "api": api,
            "feature_groups": feature_groups,
        })
        if build_id is not UNSET:
            field_dict["build_id"] = build_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        release = d.pop("release")

        api = d.pop("api")

        feature_groups = cast(list[str], d.pop("feature_groups"))


        build_id = d.pop("build_id", UNSET)

        installation_structure_fuel_release = cls(
            release=release,
            api=api,
            feature_groups=feature_groups,
            build_id=build_id,
        )


        installation_structure_fuel_release.additional_properties = d
        return installation_structure_fuel_release

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
