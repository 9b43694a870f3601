from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="OswlStatsRequestOswlRecordVersionInfoType0")



@_attrs_define
class OswlStatsRequestOswlRecordVersionInfoType0:
    """ 
        Attributes:
            fuel_version (None | str | Unset):
            release_version (None | str | Unset):
            release_name (None | str | Unset):
            release_os (None | str | Unset):
            environment_version (None | str | Unset):
     """

    fuel_version: None | str | Unset = UNSET
    release_version: None | str | Unset = UNSET
    release_name: None | str | Unset = UNSET
    release_os: None | str | Unset = UNSET
    environment_version: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        fuel_version: None | str | Unset
        if isinstance(self.fuel_version, Unset):
            fuel_version = UNSET
        else:
            fuel_version = self.fuel_version

        release_version: None | str | Unset
        if isinstance(self.release_version, Unset):
            release_version = UNSET
        else:
            release_version = self.release_version

        release_name: None | str | Unset
        if isinstance(self.release_name, Unset):
            release_name = UNSET
        else:
            release_name = self.release_name

        release_os: None | str | Unset
        if isinstance(self.release_os, Unset):
            release_os = UNSET
        else:
            release_os = self.release_os

        environment_version: None | str | Unset
        if isinstance(self.environment_version, Unset):
            environment_version = UNSET
        else:
            environment_version = self.environment_version


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if fuel_version is not UNSET:
            field_dict["fuel_version"] = fuel_version
        if release_version is not UNSET:
            field_dict["release_version"] = release_version
        if release_name is not UNSET:
            field_dict["release_name"] = release_name
        if release_os is not UNSET:
            field_dict["release_os"] = release_os
        if environment_version is not UNSET:
            field_dict["environment_version"] = environment_version

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_fuel_version(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        fuel_version = _parse_fuel_version(d.pop("fuel_version", UNSET))


        def _parse_release_version(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        release_version = _parse_release_version(d.pop("release_version", UNSET))


        def _parse_release_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        release_name = _parse_release_name(d.pop("release_name", UNSET))


        def _parse_release_os(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        release_os = _parse_release_os(d.pop("release_os", UNSET))


        def _parse_environment_version(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        environment_version = _parse_environment_version(d.pop("environment_version", UNSET))


        oswl_stats_request_oswl_record_version_info_type_0 = cls(
            fuel_version=fuel_version,
            release_version=release_version,
            release_name=release_name,
            release_os=release_os,
            environment_version=environment_version,
        )


        oswl_stats_request_oswl_record_version_info_type_0.additional_properties = d
        return oswl_stats_request_oswl_record_version_info_type_0

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
